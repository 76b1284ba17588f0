using Microsoft.EntityFrameworkCore;
using Relais.Domain.Pathways;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Episodes;

/// <summary>Each episode's pathway steps and the delays between them. The caller has passed the access rule.</summary>
public sealed class TimelineQuery(RelaisDb db)
{
    public async Task<IReadOnlyList<EpisodeTimeline>> GetAsync(Guid patientId, CancellationToken ct)
    {
        var episodes = await db.Episodes.AsNoTracking().Where(e => e.PatientId == patientId).OrderBy(e => e.CreatedAt)
            .Select(e => new EpisodeKey(e.Id, e.PrimarySite, e.PrimarySiteLabel, e.Phase, e.DiagnosisDate)).ToListAsync(ct);
        return await TimelinesAsync(patientId, episodes, ct);
    }

    /// <summary>The timelines of episodes the caller has read already (the patient page, with the record's detail).</summary>
    public Task<IReadOnlyList<EpisodeTimeline>> GetAsync(Guid patientId, IEnumerable<Relais.Web.Features.Patients.EpisodeDto> episodes, CancellationToken ct) =>
        TimelinesAsync(patientId, [.. episodes.Select(e => new EpisodeKey(e.Id, e.PrimarySite, e.PrimarySiteLabel, e.Phase, e.DiagnosisDate))], ct);

    private sealed record EpisodeKey(Guid Id, string PrimarySite, string? PrimarySiteLabel, PathwayPhase Phase, DateOnly? DiagnosisDate);

    private async Task<IReadOnlyList<EpisodeTimeline>> TimelinesAsync(Guid patientId, IReadOnlyList<EpisodeKey> episodes, CancellationToken ct)
    {
        var events = await (
                from e in db.PathwayEvents.AsNoTracking()
                join u in db.Users.AsNoTracking() on e.RecordedBy equals u.Id into us
                from u in us.DefaultIfEmpty()
                where e.PatientId == patientId
                orderby e.OccurredOn, e.RecordedAt
                select new { e, First = u == null ? null : u.FirstName, Last = u == null ? null : u.LastName })
            .ToListAsync(ct);
        return episodes.Select(ep =>
        {
            var mine = PathwayEvent.InPathwayOrder(events.Where(x => x.e.EpisodeId == ep.Id), x => x.e);
            var delays = PathwayDelays.Compute(ep.DiagnosisDate, mine.Select(x => x.e.ToMilestone()));
            return new EpisodeTimeline(ep.Id, ep.PrimarySite, ep.PrimarySiteLabel, ep.Phase,
                mine.Select(x => PathwayEventDto.Of(x.e, x.Last is null ? "?" : RelaisUser.NameOf(x.First!, x.Last))).ToList(),
                delays.Select(d => new DelayDto(d.Code, d.From, d.To, d.FromDate, d.ToDate, d.Days)).ToList());
        }).ToList();
    }
}
