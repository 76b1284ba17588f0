using Relais.Domain.Audit;
using Relais.Domain.Vaccination;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Vaccination;

public sealed record LiftInput(string? Note);

/// <summary>
/// The oncology team lifts the live-vaccine warning (issue 15 point 3): refused while a treatment goes on or within
/// the six months after it (<see cref="LiveVaccines.EnsureLiftable"/>); who and when are kept, and audited.
/// </summary>
public sealed class LiftLiveVaccineWarning(RelaisDb db, Clock clock, LiveVaccineWarningQuery query)
{
    public async Task<LiveVaccineWarningDto> HandleAsync(CurrentUser user, Guid patientId, LiftInput input, CancellationToken ct)
    {
        var status = await query.StatusAsync(patientId, ct);
        var now = clock.Now;
        var lift = LiveVaccineWarningLift.Lift(patientId, status, input.Note, user.Id, clock.Today, now);
        db.LiveVaccineWarningLifts.Add(lift);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "live-vaccine-warning-lifted", AuditOutcomes.Allowed, lift.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return await query.HandleAsync(patientId, ct);
    }
}
