using Microsoft.EntityFrameworkCore;
using Relais.Domain.Pathways;
using Relais.Web.Data;

namespace Relais.Web.Features.Announcements;

public sealed record IncompleteAnnouncement(Guid PatientId, Guid EpisodeId, string Missing);

/// <summary>Episodes at or past the announcement whose record still misses a step (the RCP worklist).</summary>
public sealed class IncompleteAnnouncements(RelaisDb db, Clock clock, AnnouncementRecords records)
{
    public async Task<IReadOnlyList<IncompleteAnnouncement>> HandleAsync(IQueryable<Guid> visiblePatients, CancellationToken ct)
    {
        var rows = await (from e in db.Episodes.AsNoTracking()
                          join a in db.Announcements on e.Id equals a.EpisodeId into started
                          from a in started.DefaultIfEmpty()
                          join p in db.Patients on e.PatientId equals p.Id
                          where visiblePatients.Contains(e.PatientId)
                                && (e.Phase == PathwayPhase.DiagnosisConfirmed || e.Phase == PathwayPhase.Announcement || e.Phase == PathwayPhase.TumorBoard || e.Phase == PathwayPhase.CareProgramme)
                          select new { e.PatientId, EpisodeId = e.Id, Record = a, Patient = p })
            .Take(500).ToListAsync(ct);
        var today = clock.Today;
        return rows.Select(x =>
        {
            var missing = x.Record is null
                ? "dispositif d'annonce non commencé"
                : string.Join(", ", x.Record.Checklist(x.Patient.AgeOn(today), records.BoundsFor(x.Patient.Sex)).Where(i => i.Applicable && !i.Done).Select(i => i.Label.ToLowerInvariant()));
            return new IncompleteAnnouncement(x.PatientId, x.EpisodeId, missing);
        }).Where(x => x.Missing.Length > 0).ToList();
    }
}
