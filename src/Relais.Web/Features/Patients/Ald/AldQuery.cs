using Microsoft.EntityFrameworkCore;
using Relais.Domain.Patients;
using Relais.Web.Data;

namespace Relais.Web.Features.Patients.Ald;

/// <summary>One ALD admission as the record shows it: <c>Current</c> when it covers today.</summary>
public sealed record AldDto(Guid Id, DateOnly From, DateOnly? To, bool EmergencyProtocol, DateOnly? ExpiresOn, DateOnly? RemindOn, bool Current, DateTimeOffset RecordedAt)
{
    public static AldDto Of(AldRecord r, DateOnly today) =>
        new(r.Id, r.From, r.To, r.EmergencyProtocol, r.ExpiresOn, r.RemindOn, LongTermCondition.Covers(r.Period, today), r.RecordedAt);
}

/// <summary>The patient's ALD admissions, latest first; and whether one covers a given day (the post-cancer package needs it).</summary>
public sealed class AldQuery(RelaisDb db, Clock clock)
{
    public async Task<IReadOnlyList<AldDto>> ListAsync(Guid patientId, CancellationToken ct)
    {
        var records = await db.AldRecords.AsNoTracking().Where(r => r.PatientId == patientId).OrderByDescending(r => r.From).ThenByDescending(r => r.RecordedAt).ToListAsync(ct);
        return records.Select(r => AldDto.Of(r, clock.Today)).ToList();
    }

    public async Task<bool> CoversAsync(Guid patientId, DateOnly day, CancellationToken ct)
    {
        var records = await db.AldRecords.AsNoTracking().Where(r => r.PatientId == patientId && r.From <= day).ToListAsync(ct);
        return records.Any(r => LongTermCondition.Covers(r.Period, day));
    }
}
