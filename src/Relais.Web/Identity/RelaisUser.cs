using Microsoft.AspNetCore.Identity;
using Relais.Domain.Professionals;

namespace Relais.Web.Identity;

/// <summary>An account: a professional (with RPPS, specialty, organisation), a patient, or staff.</summary>
public sealed class RelaisUser : IdentityUser<Guid>
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    /// <summary>RPPS number (11 digits) for practitioners.</summary>
    public string? Rpps { get; set; }
    public Specialty Specialty { get; set; } = Specialty.None;
    public Guid? OrganisationId { get; set; }
    /// <summary>For a patient's own account: the patient record it opens.</summary>
    public Guid? PatientId { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>
    /// The account's session generation, carried by every cookie and token as a claim: signing out or
    /// deactivating moves it on, which revokes every earlier session on the next request (security review
    /// H3). Kept apart from the security stamp, which Identity also changes for benign edits (enrolling an
    /// authenticator), so that those do not sign the person out.
    /// </summary>
    public int SessionGeneration { get; set; }

    /// <summary>Ends every session and token issued so far.</summary>
    public void RevokeSessions() => SessionGeneration++;

    public string DisplayName => string.IsNullOrWhiteSpace(LastName) ? Email ?? UserName ?? Id.ToString() : NameOf(FirstName, LastName);

    /// <summary>
    /// How Relais names a professional everywhere (lists, documents, mail, stored quorum text): first name
    /// then family name in capitals, the French convention ("Claire MARTIN"). Queries select the two
    /// fields and call this in memory: SQLite's upper() knows only ASCII ("LEFèVRE").
    /// </summary>
    public static string NameOf(string firstName, string lastName) => $"{firstName} {lastName.ToUpperInvariant()}".Trim();
}

public sealed class RelaisRole : IdentityRole<Guid>
{
    public RelaisRole() { }
    public RelaisRole(string name) : base(name) { }
}

/// <summary>The roles of PRODUCT.md §2.</summary>
public static class Roles
{
    public const string HospitalClinician = "HospitalClinician";
    public const string NurseCoordinator = "NurseCoordinator";
    public const string GeneralPractitioner = "GeneralPractitioner";
    public const string SupportiveCare = "SupportiveCare";
    public const string Pharmacist = "Pharmacist";
    public const string TumorBoardSecretary = "TumorBoardSecretary";
    public const string QualityCoordinator = "QualityCoordinator";
    public const string Patient = "Patient";
    public const string TrustedPerson = "TrustedPerson";
    public const string Caregiver = "Caregiver";
    public const string Administrator = "Administrator";

    public static readonly string[] All =
    [
        HospitalClinician, NurseCoordinator, GeneralPractitioner, SupportiveCare, Pharmacist,
        TumorBoardSecretary, QualityCoordinator, Patient, TrustedPerson, Caregiver, Administrator,
    ];

    /// <summary>Roles that may be members of a care team and so read a record through the access rule.</summary>
    public static readonly string[] Professionals =
    [
        HospitalClinician, NurseCoordinator, GeneralPractitioner, SupportiveCare, Pharmacist, TumorBoardSecretary,
    ];

    /// <summary><see cref="Professionals"/> as one attribute's list (a page's <c>[Authorize(Roles = ...)]</c>).</summary>
    public const string AnyProfessional = HospitalClinician + "," + NurseCoordinator + "," + GeneralPractitioner + "," + SupportiveCare + "," + Pharmacist + "," + TumorBoardSecretary;

    /// <summary>Roles that may create patients and manage care teams.</summary>
    public const string TeamManagers = HospitalClinician + "," + NurseCoordinator + "," + GeneralPractitioner + "," + TumorBoardSecretary;
}
