using Microsoft.EntityFrameworkCore;
using Relais.Domain.Indicators;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Operations;

namespace Relais.Web.Features.Indicators;

/// <summary>Who is counted: the cancer-site group, hospital and territory of the filter (null: all).</summary>
public sealed record IndicatorPopulation(CancerSiteGroup? Site, Guid? Hospital, string? Territory);

/// <summary>
/// Reads the facts the indicators count (<see cref="IndicatorRules"/>) from the pathway's records: never a name, an INS or
/// an address; the birth date, sex and postcode only place a patient in an age band, a territory and the filter, and
/// stay in this class. The hospital of a patient is that of the first hospital professional of the care team (the
/// referring oncologist first); the territory, the living area of the patient's postcode (the directory's areas).
/// </summary>
public sealed class IndicatorFacts(RelaisDb db)
{
    private sealed record PatientRow(Guid Id, DateOnly BirthDate, Sex Sex, string? PostalCode);

    public async Task<IReadOnlyList<IndicatorObservation>> LoadAsync(IndicatorPopulation population, DateOnly from, DateOnly to, DateOnly today, DateTimeOffset now,
        int overdueDays, IReadOnlyDictionary<string, int> targets, CancellationToken ct)
    {
        var hospitalOf = await HospitalOfPatientsAsync(ct);
        var areaOf = population.Territory is null ? null : await AreaOfPostcodesAsync(ct);
        var patients = await db.Patients.AsNoTracking()
            .Select(p => new PatientRow(p.Id, p.BirthDate, p.Sex, p.Address.PostalCode)).ToDictionaryAsync(p => p.Id, ct);
        var episodes = await db.Episodes.AsNoTracking().Select(e => new { e.Id, e.PatientId, e.PrimarySite, e.DiagnosisDate }).ToListAsync(ct);

        Guid? Hospital(Guid patientId) => hospitalOf.TryGetValue(patientId, out var h) ? h : null;
        bool InPlace(Guid patientId) =>
            (population.Hospital is null || Hospital(patientId) == population.Hospital)
            && (population.Territory is null || (patients.TryGetValue(patientId, out var p) && p.PostalCode is { } pc && areaOf!.TryGetValue(pc, out var a) && a == population.Territory));
        var counted = episodes.Where(e => (population.Site is null || population.Site.Holds(e.PrimarySite)) && InPlace(e.PatientId)).ToList();
        // A patient counts for the coordination loop, the carnet and supportive care when one of their episodes fits the site.
        var countedPatients = counted.Select(e => e.PatientId).ToHashSet();

        var observations = new List<IndicatorObservation>();
        observations.AddRange(await EpisodeObservationsAsync(counted.Select(e => (e.Id, e.PatientId, e.DiagnosisDate)).ToList(), patients, Hospital, targets, ct));
        observations.AddRange(await CoordinationObservationsAsync(countedPatients, Hospital, from, to, now, targets, ct));

        var carnet = await db.CarnetItems.AsNoTracking().Where(c => c.Due >= from && c.Due <= to)
            .Select(c => new { c.PatientId, c.Due, c.Status, c.DoneOn, HasResult = c.Result != null && c.Result != "" }).ToListAsync(ct);
        observations.AddRange(carnet.Where(c => countedPatients.Contains(c.PatientId))
            .Select(c => IndicatorRules.Observe(new CarnetFacts(Hospital(c.PatientId), c.Due, c.Status, c.DoneOn, c.HasResult), today, overdueDays))
            .OfType<IndicatorObservation>());

        var referrals = await db.SupportiveReferrals.AsNoTracking().Select(r => new { r.PatientId, r.ProposedAt, r.Status }).ToListAsync(ct);
        observations.AddRange(referrals.Where(r => countedPatients.Contains(r.PatientId))
            .Select(r => IndicatorRules.Observe(new ReferralFacts(Hospital(r.PatientId), ParisDay(r.ProposedAt), r.Status))));
        return observations;
    }

    private async Task<IEnumerable<IndicatorObservation>> EpisodeObservationsAsync(IReadOnlyList<(Guid Id, Guid PatientId, DateOnly? DiagnosisDate)> episodes,
        IReadOnlyDictionary<Guid, PatientRow> patients, Func<Guid, Guid?> hospital, IReadOnlyDictionary<string, int> targets, CancellationToken ct)
    {
        var steps = (await db.PathwayEvents.AsNoTracking().Select(e => new { e.EpisodeId, e.To, e.OccurredOn }).ToListAsync(ct))
            .ToLookup(e => e.EpisodeId, e => new PathwayMilestone(e.To, e.OccurredOn));
        var announcements = (await db.Announcements.AsNoTracking()
                .Select(a => new { a.EpisodeId, Done = a.MedicalTimeOn != null, a.FertilityInformed, a.Tobacco, a.CessationOffered, Epices = a.EpicesScore != null })
                .ToListAsync(ct))
            .GroupBy(a => a.EpisodeId).ToDictionary(g => g.Key, g => g.First());
        var g8 = (await db.G8Assessments.AsNoTracking().Select(g => new { g.PatientId, g.AssessedOn }).ToListAsync(ct))
            .GroupBy(g => g.PatientId).ToDictionary(g => g.Key, g => g.Min(x => x.AssessedOn));
        var programmes = (await db.Programmes.AsNoTracking().Select(p => new { p.EpisodeId, p.Kind, p.HandedToPatientOn, p.CreatedAt }).ToListAsync(ct))
            .ToLookup(p => p.EpisodeId);
        var oriented = (await db.SupportiveReferrals.AsNoTracking().Select(r => r.PatientId).Distinct().ToListAsync(ct)).ToHashSet();

        return episodes.Where(e => patients.ContainsKey(e.PatientId)).SelectMany(e =>
        {
            var patient = patients[e.PatientId];
            var a = announcements.GetValueOrDefault(e.Id);
            var ppac = programmes[e.Id].Where(p => p.Kind == ProgrammeKind.Ppac).Select(p => (DateOnly?)ParisDay(p.CreatedAt)).Min();
            var facts = new EpisodeFacts(hospital(e.PatientId), e.DiagnosisDate, patient.BirthDate, patient.Sex, [.. steps[e.Id]],
                a is null ? null : new AnnouncementFacts(a.Done, a.FertilityInformed, a.Tobacco, a.CessationOffered, a.Epices),
                g8.TryGetValue(e.PatientId, out var g) ? g : null,
                programmes[e.Id].Any(p => p.Kind == ProgrammeKind.Pps && p.HandedToPatientOn != null), ppac, oriented.Contains(e.PatientId));
            return IndicatorRules.Observe(facts, targets);
        });
    }

    private async Task<IEnumerable<IndicatorObservation>> CoordinationObservationsAsync(HashSet<Guid> patients, Func<Guid, Guid?> hospital,
        DateOnly from, DateOnly to, DateTimeOffset now, IReadOnlyDictionary<string, int> targets, CancellationToken ct)
    {
        // Each indicator places a transmission by its due, creation or delivery date: read a margin around the period, the
        // aggregation keeps those whose date falls in it.
        var start = new DateTimeOffset(from.AddDays(-60).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = await (from r in db.TransmissionRecipients.AsNoTracking()
                          join t in db.Transmissions.AsNoTracking() on r.TransmissionId equals t.Id
                          where !r.IsEscalation && t.CreatedAt >= start && t.CreatedAt < end
                          select new { r.PatientId, t.Obligation, r.Kind, t.CreatedAt, r.DueAt, r.DeliveredAt, r.AcknowledgedAt }).ToListAsync(ct);
        return rows.Where(r => patients.Contains(r.PatientId)).SelectMany(r => IndicatorRules.Observe(
            new RecipientFacts(hospital(r.PatientId), r.Obligation, r.Kind, r.CreatedAt, r.DueAt, r.DeliveredAt, r.AcknowledgedAt), now, ParisDay, targets));
    }

    /// <summary>The hospital of each patient: the organisation of the first hospital professional of the care team, the referring oncologist first.</summary>
    private async Task<Dictionary<Guid, Guid>> HospitalOfPatientsAsync(CancellationToken ct)
    {
        var members = await (from m in db.CareTeamMembers.AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.ProfessionalId equals u.Id
                             join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id
                             where o.Kind == OrganisationKind.Hospital
                             select new { m.PatientId, m.Role, m.From, m.AddedAt, OrganisationId = o.Id }).ToListAsync(ct);
        return members.GroupBy(m => m.PatientId).ToDictionary(g => g.Key,
            g => g.OrderBy(m => m.Role == CareTeamRole.ReferringOncologist ? 0 : 1).ThenBy(m => m.From).ThenBy(m => m.AddedAt).First().OrganisationId);
    }

    private async Task<Dictionary<string, string>> AreaOfPostcodesAsync(CancellationToken ct) =>
        (await db.Communes.AsNoTracking().Select(c => new { c.Postcode, c.AreaCode }).ToListAsync(ct))
            .GroupBy(c => c.Postcode).ToDictionary(g => g.Key, g => g.Min(c => c.AreaCode)!, StringComparer.Ordinal);

    private static DateOnly ParisDay(DateTimeOffset instant) => DateOnly.FromDateTime(Clock.ToParis(instant).DateTime);
}
