using Microsoft.EntityFrameworkCore;
using Relais.Domain.Pathways;
using Relais.Web.Data;

namespace Relais.Web.Features.Announcements;

public sealed record IncompleteAnnouncement(Guid PatientId, Guid EpisodeId, string Missing);

/// <summary>Episodes at or past the announcement whose record still misses a step (the RCP worklist).</summary>
public sealed class IncompleteAnnouncements(RelaisDb db, Clock clock, AnnouncementRecords records)
{
    /// <summary>The first <paramref name="max"/> incomplete episodes, the longest in their phase first, and how many there are.</summary>
    public async Task<Capped<IncompleteAnnouncement>> HandleAsync(IQueryable<Guid> visiblePatients, int max, CancellationToken ct)
    {
        var today = clock.Today;
        // Whether a step is missing depends on the patient's age and sex (the checklist), so it is decided here, batch by batch.
        return await (from e in db.Episodes.AsNoTracking()
                          join a in db.Announcements on e.Id equals a.EpisodeId into started
                          from a in started.DefaultIfEmpty()
                          join p in db.Patients on e.PatientId equals p.Id
                          where visiblePatients.Contains(e.PatientId)
                                && (e.Phase == PathwayPhase.DiagnosisConfirmed || e.Phase == PathwayPhase.Announcement || e.Phase == PathwayPhase.TumorBoard || e.Phase == PathwayPhase.CareProgramme)
                          orderby e.PhaseSince, e.Id
                          select new { e.PatientId, EpisodeId = e.Id, Record = a, Patient = p })
            .FilterInBatchesAsync(max, (rows, _) => Task.FromResult(rows.Select(x =>
        {
            var missing = x.Record is null
                ? "dispositif d'annonce non commencé"
                : string.Join(", ", x.Record.Checklist(x.Patient.AgeOn(today), records.BoundsFor(x.Patient.Sex)).Where(i => i.Applicable && !i.Done).Select(i => i.Label.ToLowerInvariant()));
            return new IncompleteAnnouncement(x.PatientId, x.EpisodeId, missing);
        }).Where(x => x.Missing.Length > 0)), ct);
    }
}
