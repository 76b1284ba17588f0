using Relais.Domain.Audit;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Ald;

/// <summary><paramref name="EmergencyProtocol"/>: the hospital physician drew up the care protocol in an emergency (admission for six months).</summary>
public sealed record AldInput(DateOnly? From, DateOnly? To, bool? EmergencyProtocol);

/// <summary>
/// Records the patient's ALD 30 admission as the health-insurance fund notified it ([G] 1.4). A renewal is a
/// new record; the GP is reminded before the admission expires (<see cref="RemindAldExpiry"/>).
/// </summary>
public sealed class RecordAld(RelaisDb db, Clock clock)
{
    public async Task<AldRecord> HandleAsync(CurrentUser user, Guid patientId, AldInput input, CancellationToken ct)
    {
        var now = clock.Now;
        var record = AldRecord.Record(patientId, input.From, input.To, input.EmergencyProtocol ?? false, clock.Today, user.Id, now);
        db.AldRecords.Add(record);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "ald", AuditOutcomes.Allowed, record.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return record;
    }
}
