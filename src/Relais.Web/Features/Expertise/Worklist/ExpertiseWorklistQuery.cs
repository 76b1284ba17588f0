using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Heredity;
using Relais.Domain.RareCancers;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.Expertise.Worklist;

/// <summary>
/// One line of the team's expertise worklist: <c>kind</c> is <c>oncogenetics</c> (a referral waiting for its
/// consultation or result), <c>hereditary-suspicion</c> (an episode flagged without a referral) or <c>rare-cancer</c> (an
/// episode whose expert circuit misses its second reading or expert board); <c>missing</c> names what is awaited.
/// </summary>
public sealed record ExpertiseLine(Guid PatientId, string PatientName, string Kind, string Missing, string Label, DateOnly Since);

/// <summary>
/// What the team still awaits from the expert circuits (issue 16 point 3), for the patients the access rule lets the
/// user see and who are still in care: an oncogenetics referral stays until its result is recorded; a rare cancer or a
/// lymphoma stays until its second reading and, where required, its expert network's board are recorded.
/// </summary>
public sealed class ExpertiseWorklistQuery(RelaisDb db, Clock clock)
{
    public async Task<IReadOnlyList<ExpertiseLine>> HandleAsync(CurrentUser user, CancellationToken ct)
    {
        // The rule of PatientQueries.ActiveIds, the test of who left care made on the rows found only (a nurse coordinator sees
        // ~1,900 patients, of whom a few hundred have a line).
        var visible = PatientQueries.VisibleIds(db, user, clock.Today, clock.Now);
        var left = PatientQueries.LeftCare(db);
        // Every referral of the patients (the open ones are listed, all of them tell which episodes were referred), in one read.
        var allReferrals = await db.OncogeneticsReferrals.AsNoTracking()
            .Where(r => visible.Contains(r.PatientId) && !left.Any(e => e.PatientId == r.PatientId)).ToListAsync(ct);
        var referrals = allReferrals.Where(r => r.Result == null).ToList();
        var reviews = await db.ExpertReviews.AsNoTracking().Where(r => visible.Contains(r.PatientId) && !left.Any(e => e.PatientId == r.PatientId)).ToListAsync(ct);
        // Lymphomas are found by their ICD-10 site (C81–C86), so the candidates are read and the rule applied here, once.
        var episodes = await db.Episodes.AsNoTracking()
            .Where(e => (e.IsRareCancer || e.HereditarySuspicion || e.PrimarySite.StartsWith("C8")) && visible.Contains(e.PatientId) && !left.Any(l => l.PatientId == e.PatientId))
            .Select(e => new { e.Id, e.PatientId, e.PrimarySite, e.PrimarySiteLabel, e.IsRareCancer, e.HereditarySuspicion, e.DiagnosisDate, e.CreatedAt })
            .ToListAsync(ct);
        var referredEpisodes = allReferrals.Select(r => new { r.PatientId, r.EpisodeId }).ToList();

        var lines = new List<(Guid PatientId, string Kind, string Missing, string Label, DateOnly Since)>();
        foreach (var r in referrals)
        {
            var awaiting = r.Status == OncogeneticsStatus.AwaitingConsultation ? "consultation" : "result";
            lines.Add((r.PatientId, "oncogenetics", awaiting, string.Join(" ; ", r.Criteria.Select(c => HereditaryCriteria.Of(c).Label)), r.ReferredOn));
        }
        foreach (var e in episodes)
        {
            var since = e.DiagnosisDate ?? DateOnly.FromDateTime(e.CreatedAt.UtcDateTime);
            var site = e.PrimarySiteLabel is { } l ? $"{l} ({e.PrimarySite})" : e.PrimarySite;
            if (e.HereditarySuspicion && !referredEpisodes.Any(r => r.PatientId == e.PatientId && (r.EpisodeId == e.Id || r.EpisodeId == null)))
                lines.Add((e.PatientId, "hereditary-suspicion", "referral", site, since));
            if (!e.IsRareCancer && !RareCancerGrounds.IsLymphoma(e.PrimarySite)) continue;
            var review = reviews.FirstOrDefault(r => r.EpisodeId == e.Id);
            IReadOnlyList<ExpertStep> missing = review?.Missing
                ?? [ExpertStep.SecondReading, .. e.IsRareCancer ? [ExpertStep.ExpertBoard] : Array.Empty<ExpertStep>()];
            foreach (var step in missing) lines.Add((e.PatientId, "rare-cancer", EnumCodes.Code(step), site, since));
        }

        var ids = lines.Select(l => l.PatientId).Distinct().ToList();
        var names = await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.BirthName, p.UsedName, p.FirstNames }).ToDictionaryAsync(p => p.Id, p => PatientName.Of(p.BirthName, p.UsedName, p.FirstNames), ct);
        return [.. lines.OrderBy(l => l.Since).ThenBy(l => l.PatientId).Select(l => new ExpertiseLine(l.PatientId, names.GetValueOrDefault(l.PatientId, "?"), l.Kind, l.Missing, l.Label, l.Since))];
    }
}
