using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients;

/// <summary>
/// Creates a patient record. Everything is validated before anything is written, so a refused input
/// writes nothing. No access check: the record does not exist yet, and its author joins its care team.
/// An INS another record holds: see <see cref="InsDuplicates"/>; a confirmed identity mismatch goes to the
/// identity-vigilance referent.
/// </summary>
public sealed class RegisterPatient(RelaisDb db, Clock clock, UserManager<RelaisUser> users, InsDuplicates duplicates)
{
    private const string Resource = "POST /api/patients";

    public async Task<Patient> HandleAsync(CurrentUser user, PatientInput input, CancellationToken ct)
    {
        var details = input.ToDetails();
        var today = clock.Today;
        var now = clock.Now;
        await PatientChecks.EnsureGeneralPractitionerAsync(users, details.GeneralPractitionerId);
        var patient = Patient.Register(details, today, now);
        var holder = await duplicates.CheckAsync(user, patient.Ins, null, Resource, ct);
        db.Patients.Add(patient);
        if (holder is { } other) duplicates.Flag(user, patient, other, Resource, now);
        if (patient.IdentityMismatchReason is not null) duplicates.ReportMismatch(user, patient, Resource, now);
        // The author joins the care team, or could not read the record just created; the declared GP too [G].
        var author = await db.Users.AsNoTracking().FirstAsync(u => u.Id == user.Id, ct);
        db.CareTeamMembers.Add(CareTeamMember.Add(patient.Id, user.Id, RoleFor(author.Specialty, user), today, null, user.Id, now));
        if (details.GeneralPractitionerId is { } gp && gp != user.Id)
            db.CareTeamMembers.Add(CareTeamMember.Add(patient.Id, gp, CareTeamRole.GeneralPractitioner, today, null, user.Id, now));
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patient.Id, AuditActions.Write, Resource, AuditOutcomes.Allowed, "create"));
        await db.SaveChangesAsync(ct);
        return patient;
    }

    /// <summary>The author's place in the team, from the specialty of the account.</summary>
    private static CareTeamRole RoleFor(Specialty specialty, CurrentUser user) => specialty switch
    {
        Specialty.MedicalOncology => CareTeamRole.ReferringOncologist,
        Specialty.Radiotherapy => CareTeamRole.Radiotherapist,
        Specialty.Surgery => CareTeamRole.Surgeon,
        Specialty.Pathology => CareTeamRole.Pathologist,
        Specialty.Geriatrics => CareTeamRole.Geriatrician,
        Specialty.GeneralPractice => CareTeamRole.GeneralPractitioner,
        Specialty.Nursing => CareTeamRole.NurseCoordinator,
        Specialty.Pharmacy => CareTeamRole.Pharmacist,
        Specialty.Psychology or Specialty.Dietetics or Specialty.AdaptedPhysicalActivity or Specialty.Physiotherapy or Specialty.SocialWork => CareTeamRole.SupportiveCare,
        _ when user.IsInRole(Roles.TumorBoardSecretary) => CareTeamRole.TumorBoardSecretary,
        Specialty.Gynaecology or Specialty.Gastroenterology or Specialty.Pulmonology or Specialty.Urology or Specialty.Haematology or Specialty.Dermatology or Specialty.OtherOrganSpecialty => CareTeamRole.OrganSpecialist,
        _ => CareTeamRole.OtherPhysician,
    };
}
