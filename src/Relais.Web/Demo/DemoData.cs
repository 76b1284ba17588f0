using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Demo;

/// <summary>
/// Demo data for Development only: a fictitious hospital with its 3C, a GP practice, a
/// supportive-care structure, the demo accounts of the README and about forty patients spread over
/// every phase of the pathway, whose story is told through the use cases (<see cref="DemoStory"/>).
/// Deterministic (fixed seed), dated relative to today.
/// </summary>
public static partial class DemoData
{
    public const string Password = RelaisSignInManager.DemoPassword;

    /// <summary>
    /// The authenticator key (TOTP, base32) of every demo account that must sign in with a second factor
    /// (SecondFactor): published like the demo password (README, sign-in page), so that a person trying the demo
    /// enrols it once in an authenticator app, and the tests compute its codes. Demo only: a real account gets a
    /// random key when it enrols.
    /// </summary>
    public const string AuthenticatorKey = "RELAISDEMOAUTHENTICATORKEYQRCODE";

    private sealed record Account(string Email, string First, string Last, string Role, Specialty Specialty, string? Rpps, string Org);

    private static readonly Account[] Accounts =
    [
        new("oncologue@relais.demo", "Claire", "Martin", Roles.HospitalClinician, Specialty.MedicalOncology, "10000000017", "hospital"),
        new("oncologue2@relais.demo", "Antoine", "Roche", Roles.HospitalClinician, Specialty.MedicalOncology, "10000000082", "hospital"),
        new("anapath@relais.demo", "Camille", "Lambert", Roles.HospitalClinician, Specialty.Pathology, "10000000090", "hospital"),
        new("chirurgien@relais.demo", "Paul", "Lefèvre", Roles.HospitalClinician, Specialty.Surgery, "10000000025", "hospital"),
        new("radiotherapeute@relais.demo", "Sophie", "Bernard", Roles.HospitalClinician, Specialty.Radiotherapy, "10000000033", "hospital"),
        new("medecin.traitant@relais.demo", "Jean", "Dubois", Roles.GeneralPractitioner, Specialty.GeneralPractice, "10000000041", "practice"),
        new("medecin.traitant2@relais.demo", "Luc", "Garnier", Roles.GeneralPractitioner, Specialty.GeneralPractice, "10000000058", "practice"),
        new("ide.coordination@relais.demo", "Isabelle", "Moreau", Roles.NurseCoordinator, Specialty.Nursing, "10000000066", "hospital"),
        new("secretariat.rcp@relais.demo", "Nathalie", "Petit", Roles.TumorBoardSecretary, Specialty.Administration, null, "hospital"),
        new("pharmacien@relais.demo", "Hugo", "Lemoine", Roles.Pharmacist, Specialty.Pharmacy, "10000000074", "pharmacy"),
        // Supportive care [G][L]: psychologists and dietitians are in ADELI, APA teachers in no health directory.
        new("psychologue@relais.demo", "Léa", "Fournier", Roles.SupportiveCare, Specialty.Psychology, "769300011", "support"),
        new("dieteticienne@relais.demo", "Chloé", "Girard", Roles.SupportiveCare, Specialty.Dietetics, "769300029", "support"),
        new("apa@relais.demo", "Thomas", "Bonnet", Roles.SupportiveCare, Specialty.AdaptedPhysicalActivity, null, "support"),
        // The coordinating physician of the demo HAD ([G] §2.6: « l'admission en HAD est ensuite décidée par le médecin coordinateur »).
        new("medecin.had@relais.demo", "Hélène", "Caron", Roles.SupportiveCare, Specialty.GeneralPractice, "10000000108", "support"),
        new("qualite.3c@relais.demo", "Marc", "Roux", Roles.QualityCoordinator, Specialty.None, null, "3c"),
        new("admin@relais.demo", "Alice", "Fontaine", Roles.Administrator, Specialty.None, null, "hospital"),
        new("patient@relais.demo", "Marie", "Durand", Roles.Patient, Specialty.None, null, ""),
        // Marie Durand's son, to whom she delegated her carnet (issue 11): a caregiver's own account.
        new("aidant@relais.demo", "Lucas", "Durand", Roles.Caregiver, Specialty.None, null, ""),
    ];

    private static readonly (string Site, string SiteLabel, string Morphology, string MorphologyLabel, Laterality Laterality, Sex? Sex)[] Cancers =
    [
        ("C50.4", "Sein, quadrant supéro-externe", "8500/3", "Carcinome canalaire infiltrant", Laterality.Left, Sex.Female),
        ("C50.2", "Sein, quadrant supéro-interne", "8520/3", "Carcinome lobulaire infiltrant", Laterality.Right, Sex.Female),
        ("C18.7", "Côlon sigmoïde", "8140/3", "Adénocarcinome", Laterality.NotApplicable, null),
        ("C20", "Rectum", "8140/3", "Adénocarcinome", Laterality.NotApplicable, null),
        ("C61", "Prostate", "8140/3", "Adénocarcinome acinaire", Laterality.NotApplicable, Sex.Male),
        ("C34.1", "Poumon, lobe supérieur", "8140/3", "Adénocarcinome", Laterality.Right, null),
        ("C83.3", "Lymphome diffus à grandes cellules B", "9680/3", "Lymphome B diffus à grandes cellules", Laterality.NotApplicable, null),
    ];

    private static readonly string[] FemaleFirst = ["Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Monique", "Hélène", "Chantal", "Martine", "Élise", "Josiane"];
    private static readonly string[] MaleFirst = ["Jean", "Michel", "Philippe", "Alain", "Patrick", "Bernard", "Gérard", "René", "Daniel", "François", "Joël", "Étienne"];
    private static readonly string[] LastNames = ["Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel"];
    private static readonly (string Code, string City)[] Places = [("76000", "Rouen"), ("76600", "Le Havre"), ("27000", "Évreux"), ("76200", "Dieppe"), ("27200", "Vernon"), ("76100", "Rouen")];

    /// <summary>
    /// The phase each demo episode reaches, and how often: every phase a pathway rests in is represented. End of
    /// treatment is not one of them: its use case moves the episode on to shared follow-up the same day, with the PPAC
    /// and the carnet; two patients are instead near the end of their treatment.
    /// </summary>
    private static readonly PathwayPhase[] Targets =
    [
        PathwayPhase.Suspicion, PathwayPhase.Suspicion, PathwayPhase.DiagnosisConfirmed, PathwayPhase.DiagnosisConfirmed,
        // The 8th (index 7) is the demo's patient over 75: told of her diagnosis, she waits for the G8 the team enters before the RCP.
        PathwayPhase.Announcement, PathwayPhase.Announcement, PathwayPhase.TumorBoard, PathwayPhase.Announcement, PathwayPhase.TumorBoard,
        PathwayPhase.CareProgramme, PathwayPhase.CareProgramme, PathwayPhase.ActiveTreatment, PathwayPhase.ActiveTreatment,
        PathwayPhase.ActiveTreatment, PathwayPhase.ActiveTreatment, PathwayPhase.ActiveTreatment, PathwayPhase.ActiveTreatment,
        PathwayPhase.ActiveTreatment, PathwayPhase.SharedFollowUp, PathwayPhase.SharedFollowUp, PathwayPhase.SharedFollowUp,
        PathwayPhase.SharedFollowUp, PathwayPhase.SharedFollowUp, PathwayPhase.SharedFollowUp, PathwayPhase.AfterCancer,
        PathwayPhase.AfterCancer, PathwayPhase.AfterCancer, PathwayPhase.Palliative, PathwayPhase.Palliative, PathwayPhase.Deceased,
        PathwayPhase.MovedAway, PathwayPhase.LostToFollowUp, PathwayPhase.RuledOut, PathwayPhase.ActiveTreatment,
        PathwayPhase.SharedFollowUp, PathwayPhase.TumorBoard, PathwayPhase.CareProgramme, PathwayPhase.ActiveTreatment,
        PathwayPhase.Announcement, PathwayPhase.SharedFollowUp,
    ];

    /// <summary>Typical days spent in each phase before the next (for dating the demo pathways).</summary>
    private static int DaysIn(PathwayPhase phase) => phase switch
    {
        PathwayPhase.Suspicion => 14,
        PathwayPhase.DiagnosisConfirmed => 9,
        PathwayPhase.Announcement => 8,
        PathwayPhase.TumorBoard => 6,
        PathwayPhase.CareProgramme => 12,
        PathwayPhase.ActiveTreatment => 160,
        PathwayPhase.EndOfTreatment => 21,
        PathwayPhase.SharedFollowUp => 5 * 365,
        PathwayPhase.Palliative => 90,
        _ => 30,
    };

    private static IEnumerable<PathwayPhase> PathTo(PathwayPhase target) => target switch
    {
        PathwayPhase.RuledOut => [PathwayPhase.Suspicion, PathwayPhase.RuledOut],
        PathwayPhase.Palliative => [.. Main.TakeWhile(p => p != PathwayPhase.EndOfTreatment), PathwayPhase.Palliative],
        PathwayPhase.Deceased => [.. Main.TakeWhile(p => p != PathwayPhase.EndOfTreatment), PathwayPhase.Palliative, PathwayPhase.Deceased],
        PathwayPhase.MovedAway or PathwayPhase.LostToFollowUp => [.. Main.TakeWhile(p => p != PathwayPhase.AfterCancer), target],
        _ => Main.TakeWhile(p => p != target).Append(target),
    };

    /// <summary>Marie Durand, the patient with a portal account, in shared follow-up of a breast cancer.</summary>
    private const int PortalPatient = 18;

    /// <summary>A patient in shared follow-up of a breast cancer whose CA 15-3 rise, confirmed by its control, calls for an early return.</summary>
    private const int RisingMarkerPatient = 19;

    /// <summary>A breast cancer whose PPS was just handed over: her surgery and chemotherapy are about to start (each phase's C8).</summary>
    private const int StartingTreatmentPatient = 9;

    private static readonly PathwayPhase[] Main =
    [
        PathwayPhase.Suspicion, PathwayPhase.DiagnosisConfirmed, PathwayPhase.Announcement, PathwayPhase.TumorBoard,
        PathwayPhase.CareProgramme, PathwayPhase.ActiveTreatment, PathwayPhase.EndOfTreatment, PathwayPhase.SharedFollowUp,
        PathwayPhase.AfterCancer,
    ];

    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        var enabled = app.Configuration.GetValue("Relais:DemoData", app.Environment.IsDevelopment());
        if (!enabled) return;
        if (!app.Environment.IsDevelopment())
            throw new InvalidOperationException("Demo data and its published password are for Development only.");
        await using var scope = app.Services.CreateAsyncScope();
        await SeedAsync(scope.ServiceProvider);
    }

    /// <summary>Enrols the published demo authenticator key (<see cref="AuthenticatorKey"/>) on an account and turns its second factor on.</summary>
    public static async Task EnrolAuthenticatorAsync(IServiceProvider services, RelaisUser user)
    {
        var users = services.GetRequiredService<UserManager<RelaisUser>>();
        var store = (IUserAuthenticatorKeyStore<RelaisUser>)services.GetRequiredService<IUserStore<RelaisUser>>();
        await store.SetAuthenticatorKeyAsync(user, AuthenticatorKey, CancellationToken.None);
        Check(await users.UpdateAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
    }

    /// <summary>The organisations and demo accounts, then the patients' story told through the use cases (<see cref="DemoStory"/>).</summary>
    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<RelaisDb>();
        var users = services.GetRequiredService<UserManager<RelaisUser>>();
        var time = services.GetRequiredService<TimeProvider>();
        if (await db.Users.AnyAsync()) return;
        // One transaction for the whole demo: its story runs hundreds of use cases, each saving once, and a
        // failure half-way must not leave accounts without their story (the next start would skip the seeding).
        await using var transaction = await db.Database.BeginTransactionAsync();

        var now = time.GetUtcNow();
        var orgs = new Dictionary<string, Organisation>
        {
            ["hospital"] = Organisation.Create("Hôpital Saint-Relais — Institut de cancérologie (démo)", OrganisationKind.Hospital, "760000001", "Rouen", "76000", now),
            ["3c"] = Organisation.Create("3C Saint-Relais (démo)", OrganisationKind.CoordinationCentre3C, null, "Rouen", "76000", now),
            ["practice"] = Organisation.Create("Maison de santé des Tilleuls (démo)", OrganisationKind.Practice, null, "Rouen", "76100", now),
            ["support"] = Organisation.Create("Espace soins de support de la Ligue (démo)", OrganisationKind.SupportiveCareStructure, null, "Rouen", "76000", now),
            ["pharmacy"] = Organisation.Create("Pharmacie des Tilleuls (démo)", OrganisationKind.Pharmacy, null, "Rouen", "76100", now),
        };
        db.Organisations.AddRange(orgs.Values);
        await db.SaveChangesAsync();

        var byEmail = new Dictionary<string, RelaisUser>();
        foreach (var a in Accounts)
        {
            var user = new RelaisUser
            {
                Id = Guid.CreateVersion7(now), UserName = a.Email, Email = a.Email, EmailConfirmed = true, FirstName = a.First, LastName = a.Last,
                Rpps = ProfessionalIdentifier.Normalise(a.Specialty, a.Rpps), Specialty = a.Specialty, OrganisationId = a.Org == "" ? null : orgs[a.Org].Id,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, a.Role));
            if (Relais.Domain.Accounts.SecondFactor.IsRequired(new CurrentUser(user.Id, [a.Role], null).Kind))
                await EnrolAuthenticatorAsync(services, user);
            byEmail[a.Email] = user;
        }

        await DemoDirectory.SeedAsync(db, byEmail, now);
        var actors = Accounts.ToDictionary(a => a.Email, a => new CurrentUser(byEmail[a.Email].Id, [a.Role], null));
        await new DemoStory(services, actors, time).TellAsync(byEmail, users);
        await transaction.CommitAsync();
    }
}
