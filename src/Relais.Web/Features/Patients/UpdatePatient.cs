using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Patients;

/// <summary>
/// Updates a patient's identity, contact, trusted person and advance directives. The caller has the write
/// right. The change names what it changes (a merge patch over the current state: nothing left out is
/// erased) and is refused when made from an older version than the record's. A new INS another record
/// holds: see <see cref="InsDuplicates"/>; a newly confirmed identity mismatch goes to the referent.
/// </summary>
public sealed class UpdatePatient(RelaisDb db, Clock clock, UserManager<RelaisUser> users, InsDuplicates duplicates)
{
    private const string Resource = "PUT /api/patients/{id}";

    /// <param name="expectedVersion">From If-Match; else the body's <c>version</c>; else no check.</param>
    public async Task HandleAsync(CurrentUser user, Guid patientId, MergePatch<PatientInput> change, int? expectedVersion, CancellationToken ct)
    {
        // Read untracked first: the duplicate check may commit its audit row alone, before anything else is tracked.
        var before = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == patientId, ct);
        var input = change.ApplyTo(PatientInput.From(before));
        var expected = expectedVersion ?? input.Version;
        before.EnsureVersion(expected);
        var details = input.ToDetails();
        await PatientChecks.EnsureGeneralPractitionerAsync(users, details.GeneralPractitionerId);
        var newIns = InsNumber.TryParse(details.Ins, out var parsed, out _) && parsed!.Value != before.Ins ? parsed.Value : null;
        var holder = newIns is null ? null : await duplicates.CheckAsync(user, newIns, patientId, Resource, ct);

        var patient = await db.Patients.FirstAsync(p => p.Id == patientId, ct);
        patient.EnsureVersion(expected);
        var previousGp = patient.GeneralPractitionerId;
        CareTeamChanges.EnsureGpChangeAgreed(previousGp, details.GeneralPractitionerId, user.OwnPatientId == patientId, input.GpChangeAgreement);
        var previousReason = patient.IdentityMismatchReason;
        var now = clock.Now;
        patient.Update(details, clock.Today, now);
        if (holder is { } other) duplicates.Flag(user, patient, other, Resource, now);
        if (patient.IdentityMismatchReason is not null && (patient.IdentityMismatchReason != previousReason || newIns is not null))
            duplicates.ReportMismatch(user, patient, Resource, now);
        if (details.GeneralPractitionerId is { } gp && gp != previousGp)
            await ChangeGeneralPractitionerAsync(user, patientId, previousGp, gp, ct);
        if (details.GeneralPractitionerId != previousGp && previousGp is not null)
            db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "declared GP change",
                AuditOutcomes.Allowed, $"accord du patient : {input.GpChangeAgreement?.Trim()}"));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new declared GP joins the team; the former one leaves it the day before.</summary>
    private async Task ChangeGeneralPractitionerAsync(CurrentUser user, Guid patientId, Guid? previous, Guid next, CancellationToken ct)
    {
        var today = clock.Today;
        if (previous is { } old)
        {
            var memberships = await db.CareTeamMembers.Where(CareTeamMember.ActiveNow(today))
                .Where(m => m.PatientId == patientId && m.ProfessionalId == old && m.Role == CareTeamRole.GeneralPractitioner)
                .ToListAsync(ct);
            foreach (var m in memberships) m.End(m.From < today ? today.AddDays(-1) : m.From, today, clock.Now);
        }
        var alreadyIn = await db.CareTeamMembers.Where(CareTeamMember.ActiveNow(today)).AnyAsync(m => m.PatientId == patientId && m.ProfessionalId == next, ct);
        if (!alreadyIn)
            db.CareTeamMembers.Add(CareTeamMember.Add(patientId, next, CareTeamRole.GeneralPractitioner, today, null, user.Id, clock.Now));
    }
}
