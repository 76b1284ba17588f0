using Microsoft.EntityFrameworkCore;
using Relais.Domain.Indicators;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Operations;

namespace Relais.Web.Features.Indicators;

/// <summary>
/// Reads the facts the indicators count (<see cref="IndicatorRules"/>) from the records of some patients and gives
/// their cases as kept rows: never a name, an INS or an address; the birth date, sex and postcode only place a patient
/// in an age band, a territory and the filter, and stay in this class. The hospital of a patient is that of the first
/// hospital professional of the care team (the referring oncologist first); the territory, the living area of the
/// patient's postcode (the directory's areas). What it reads is what <see cref="IndicatorStaleMarker"/> watches.
/// </summary>
public sealed class IndicatorFacts(RelaisDb db)
{
    private sealed record PatientRow(Guid Id, DateOnly BirthDate, Sex Sex, string? PostalCode);

    private sealed record Place(Guid? Hospital, string? Area, IReadOnlyList<string?> Groups);

    public async Task<List<IndicatorObservationRow>> ComputeAsync(IReadOnlyCollection<Guid> patientIds, int overdueDays,
        IReadOnlyDictionary<string, int> targets, CancellationToken ct)
    {
        var ids = patientIds.Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new PatientRow(p.Id, p.BirthDate, p.Sex, p.Address.PostalCode)).ToDictionaryAsync(p => p.Id, ct);
        var episodes = await db.Episodes.AsNoTracking().Where(e => ids.Contains(e.PatientId))
            .Select(e => new { e.Id, e.PatientId, e.PrimarySite, e.DiagnosisDate }).ToListAsync(ct);
        var hospitalOf = await HospitalOfPatientsAsync(ids, ct);
        var postcodes = patients.Values.Select(p => p.PostalCode).OfType<string>().Distinct().ToList();
        var areaOf = (await db.Communes.AsNoTracking().Where(c => postcodes.Contains(c.Postcode)).Select(c => new { c.Postcode, c.AreaCode }).ToListAsync(ct))
            .GroupBy(c => c.Postcode).ToDictionary(g => g.Key, g => g.Min(c => c.AreaCode), StringComparer.Ordinal);

        // A patient counts for the coordination loop, the carnet and supportive care in the group of each of their
        // episodes (and in none when no episode is known, as before any diagnosis).
        string? GroupOf(string site) => CancerSiteGroups.All.FirstOrDefault(g => g.Holds(site))?.Code;
        var places = episodes.GroupBy(e => e.PatientId).Where(g => patients.ContainsKey(g.Key)).ToDictionary(g => g.Key, g => new Place(
            hospitalOf.TryGetValue(g.Key, out var h) ? h : null,
            patients[g.Key].PostalCode is { } pc && areaOf.TryGetValue(pc, out var area) ? area : null,
            [.. g.Select(e => GroupOf(e.PrimarySite)).Distinct()]));

        var rows = new List<IndicatorObservationRow>();
        void Keep(Guid patientId, Place place, IndicatorObservation o, string? group = null, bool episodeCase = false)
        {
            IEnumerable<string?> groups = episodeCase ? [group] : place.Groups;
            var first = true;
            foreach (var g in groups)
            {
                rows.Add(new IndicatorObservationRow
                {
                    PatientId = patientId, Code = o.Code, Anchor = o.Anchor, Month = IndicatorObservationRow.MonthOf(o.Anchor), HospitalId = o.Hospital,
                    SiteGroup = g, IsPrimary = first, AreaCode = place.Area, Met = o.Met, Measure = o.Measure, CountsFrom = o.CountsFrom,
                });
                first = false;
            }
        }

        var byEpisode = await EpisodeFactsAsync(ids, ct);
        foreach (var e in episodes)
        {
            if (!places.TryGetValue(e.PatientId, out var place)) continue;
            var patient = patients[e.PatientId];
            var facts = byEpisode(e.Id, e.PatientId, e.DiagnosisDate, patient.BirthDate, patient.Sex, place.Hospital);
            foreach (var o in IndicatorRules.Observe(facts, targets)) Keep(e.PatientId, place, o, GroupOf(e.PrimarySite), episodeCase: true);
        }

        // What is read of a recipient row is IndicatorStaleMarker.RecipientFactsRead: a change of anything else marks no one.
        var recipients = await (from r in db.TransmissionRecipients.AsNoTracking()
                                join t in db.Transmissions.AsNoTracking() on r.TransmissionId equals t.Id
                                where !r.IsEscalation && ids.Contains(r.PatientId)
                                select new { r.PatientId, t.Obligation, r.Kind, t.CreatedAt, r.DueAt, r.DeliveredAt, r.AcknowledgedAt }).ToListAsync(ct);
        foreach (var r in recipients)
            if (places.TryGetValue(r.PatientId, out var place))
                foreach (var o in IndicatorRules.Observe(new RecipientFacts(place.Hospital, r.Obligation, r.Kind, r.CreatedAt, r.DueAt, r.DeliveredAt, r.AcknowledgedAt), ParisDay, targets))
                    Keep(r.PatientId, place, o);

        // What is read of a carnet item is IndicatorStaleMarker.CarnetFactsRead.
        var carnet = await db.CarnetItems.AsNoTracking().Where(c => ids.Contains(c.PatientId))
            .Select(c => new { c.PatientId, c.Due, c.Status, c.DoneOn, HasResult = c.Result != null && c.Result != "" }).ToListAsync(ct);
        foreach (var c in carnet)
            if (places.TryGetValue(c.PatientId, out var place)
                && IndicatorRules.Observe(new CarnetFacts(place.Hospital, c.Due, c.Status, c.DoneOn, c.HasResult), overdueDays, Clock.StartOfParisDay) is { } o)
                Keep(c.PatientId, place, o);

        var deferrals = await db.Deferrals.AsNoTracking().Where(d => ids.Contains(d.PatientId))
            .Select(d => new { d.PatientId, d.DecidedOn, d.Priority, d.Until, d.OriginalDate, d.EndedAt, d.RescheduledOn }).ToListAsync(ct);
        foreach (var d in deferrals)
            if (places.TryGetValue(d.PatientId, out var place))
                foreach (var o in IndicatorRules.Observe(new DeferralFacts(place.Hospital, d.DecidedOn, d.Priority, d.Until, d.OriginalDate,
                             d.EndedAt is { } ended ? ParisDay(ended) : null, d.RescheduledOn), Clock.StartOfParisDay, targets))
                    Keep(d.PatientId, place, o);

        var referrals = await db.SupportiveReferrals.AsNoTracking().Where(r => ids.Contains(r.PatientId)).Select(r => new { r.PatientId, r.ProposedAt, r.Status }).ToListAsync(ct);
        foreach (var r in referrals)
            if (places.TryGetValue(r.PatientId, out var place))
                Keep(r.PatientId, place, IndicatorRules.Observe(new ReferralFacts(place.Hospital, ParisDay(r.ProposedAt), r.Status)));
        return rows;
    }

    private delegate EpisodeFacts EpisodeFactsOf(Guid episodeId, Guid patientId, DateOnly? diagnosisDate, DateOnly birthDate, Sex sex, Guid? hospital);

    /// <summary>Reads the pathway, announcement, G8, programmes and orientation of the patients' episodes at once.</summary>
    private async Task<EpisodeFactsOf> EpisodeFactsAsync(List<Guid> ids, CancellationToken ct)
    {
        var steps = (await db.PathwayEvents.AsNoTracking().Where(e => ids.Contains(e.PatientId)).Select(e => new { e.EpisodeId, e.To, e.OccurredOn }).ToListAsync(ct))
            .ToLookup(e => e.EpisodeId, e => new PathwayMilestone(e.To, e.OccurredOn));
        var announcements = (await db.Announcements.AsNoTracking().Where(a => ids.Contains(a.PatientId))
                .Select(a => new { a.EpisodeId, Done = a.MedicalTimeOn != null, a.FertilityInformed, a.Tobacco, a.CessationOffered, Epices = a.EpicesScore != null })
                .ToListAsync(ct))
            .GroupBy(a => a.EpisodeId).ToDictionary(g => g.Key, g => g.First());
        var g8 = (await db.G8Assessments.AsNoTracking().Where(g => ids.Contains(g.PatientId)).Select(g => new { g.PatientId, g.AssessedOn }).ToListAsync(ct))
            .GroupBy(g => g.PatientId).ToDictionary(g => g.Key, g => g.Min(x => x.AssessedOn));
        var programmes = (await db.Programmes.AsNoTracking().Where(p => ids.Contains(p.PatientId)).Select(p => new { p.EpisodeId, p.Kind, p.HandedToPatientOn, p.CreatedAt }).ToListAsync(ct))
            .ToLookup(p => p.EpisodeId);
        var oriented = (await db.SupportiveReferrals.AsNoTracking().Where(r => ids.Contains(r.PatientId)).Select(r => r.PatientId).Distinct().ToListAsync(ct)).ToHashSet();

        return (episodeId, patientId, diagnosisDate, birthDate, sex, hospital) =>
        {
            var a = announcements.GetValueOrDefault(episodeId);
            var ppac = programmes[episodeId].Where(p => p.Kind == ProgrammeKind.Ppac).Select(p => (DateOnly?)ParisDay(p.CreatedAt)).Min();
            return new EpisodeFacts(hospital, diagnosisDate, birthDate, sex, [.. steps[episodeId]],
                a is null ? null : new AnnouncementFacts(a.Done, a.FertilityInformed, a.Tobacco, a.CessationOffered, a.Epices),
                g8.TryGetValue(patientId, out var g) ? g : null,
                programmes[episodeId].Any(p => p.Kind == ProgrammeKind.Pps && p.HandedToPatientOn != null), ppac, oriented.Contains(patientId));
        };
    }

    /// <summary>The hospital of each patient: the organisation of the first hospital professional of the care team, the referring oncologist first.</summary>
    private async Task<Dictionary<Guid, Guid>> HospitalOfPatientsAsync(List<Guid> ids, CancellationToken ct)
    {
        var members = await (from m in db.CareTeamMembers.AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.ProfessionalId equals u.Id
                             join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id
                             where o.Kind == OrganisationKind.Hospital && ids.Contains(m.PatientId)
                             select new { m.PatientId, m.Role, m.From, m.AddedAt, OrganisationId = o.Id }).ToListAsync(ct);
        return members.GroupBy(m => m.PatientId).ToDictionary(g => g.Key,
            g => g.OrderBy(m => m.Role == CareTeamRole.ReferringOncologist ? 0 : 1).ThenBy(m => m.From).ThenBy(m => m.AddedAt).First().OrganisationId);
    }

    private static DateOnly ParisDay(DateTimeOffset instant) => DateOnly.FromDateTime(Clock.ToParis(instant).DateTime);
}
