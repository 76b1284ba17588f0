using Microsoft.EntityFrameworkCore;
using Relais.Domain.Alerts;
using Relais.Web.Data;

namespace Relais.Web.Features.FollowUp.Observations;

/// <summary>What the marker charts and the result form read from the patient's protocol version: the markers it follows, and each one's threshold.</summary>
public sealed record MarkerRules(IReadOnlyList<Marker> Followed, IReadOnlyDictionary<Marker, MarkerThreshold?> Thresholds);

/// <summary>
/// The markers the enrolled protocol version follows (from its assays) and the threshold its rules
/// compare each marker's latest result with (<see cref="EarlyReturnRules.Threshold"/>): the chart draws
/// the rule, not a copy of it. A patient on no protocol has no rule, hence no threshold.
/// </summary>
public sealed class MarkerRulesQuery(RelaisDb db)
{
    public async Task<MarkerRules> HandleAsync(Guid patientId, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.PatientId == patientId).OrderByDescending(e => e.EnrolledAt).FirstOrDefaultAsync(ct);
        if (enrolment is null) return new([], Enum.GetValues<Marker>().ToDictionary(m => m, _ => (MarkerThreshold?)null));
        var protocol = await db.Protocols.AsNoTracking().FirstAsync(p => p.Code == enrolment.ProtocolCode && p.Version == enrolment.ProtocolVersion, ct);
        var results = await db.Observations.AsNoTracking().Where(o => o.PatientId == patientId).ToListAsync(ct);
        return new(protocol.Definition.Markers,
            Enum.GetValues<Marker>().ToDictionary(m => m, m => EarlyReturnRules.Threshold(protocol.RuleSet, enrolment.TreatmentEnd, m, results)));
    }
}
