using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients;

/// <summary>Updates a patient's identity, contact, trusted person and advance directives. The caller has the write right.</summary>
public sealed class UpdatePatient(RelaisDb db, Clock clock, UserManager<RelaisUser> users)
{
    public async Task HandleAsync(CurrentUser user, Guid patientId, PatientInput input, CancellationToken ct)
    {
        var patient = await db.Patients.FirstAsync(p => p.Id == patientId, ct);
        var details = input.ToDetails();
        await PatientChecks.EnsureGeneralPractitionerAsync(users, details.GeneralPractitionerId);
        var previousGp = patient.GeneralPractitionerId;
        CareTeamChanges.EnsureGpChangeAgreed(previousGp, details.GeneralPractitionerId, user.OwnPatientId == patientId, input.GpChangeAgreement);
        patient.Update(details, clock.Today, clock.Now);
        await PatientChecks.EnsureInsIsFreeAsync(db, patient.Ins, patientId, ct);
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
            var memberships = await db.CareTeamMembers
                .Where(m => m.PatientId == patientId && m.ProfessionalId == old && m.Role == CareTeamRole.GeneralPractitioner && (m.To == null || m.To >= today))
                .ToListAsync(ct);
            foreach (var m in memberships) m.End(m.From < today ? today.AddDays(-1) : m.From);
        }
        var alreadyIn = await db.CareTeamMembers.AnyAsync(m => m.PatientId == patientId && m.ProfessionalId == next && (m.To == null || m.To >= today), ct);
        if (!alreadyIn)
            db.CareTeamMembers.Add(CareTeamMember.Add(patientId, next, CareTeamRole.GeneralPractitioner, today, null, user.Id, clock.Now));
    }
}
