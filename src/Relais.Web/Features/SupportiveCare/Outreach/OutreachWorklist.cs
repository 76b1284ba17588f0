using Relais.Domain;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Patients;
using Relais.Web.Features.SupportiveCare.Referrals;
using Relais.Web.Identity;

namespace Relais.Web.Features.SupportiveCare.Outreach;

/// <summary>The next action a line offers: what to do, and the page where it is done.</summary>
public sealed record OutreachAction(string Label, string Href);

/// <summary>One patient to reach out to, and why (<see cref="OutreachReason"/> in kebab-case).</summary>
public sealed record OutreachItem(Guid PatientId, string PatientName, string Reason, string Detail, DateOnly Since, Guid? ReferralId, Guid? NeedId,
    string? Service, string? ProviderName, string? RenunciationReason, OutreachAction NextAction);

public sealed record OutreachList(IReadOnlyList<OutreachItem> Items, int Total, int NeedWithoutReferralDays, int StalledReferralDays);

/// <summary>
/// The outreach worklist ([L] "aller-vers", issue 13 point 4). For the nurse coordinator: the patients of her teams
/// with a recorded need and no referral N days on, and the referrals renounced or stalled (no first contact N days
/// on). For a structure's account: only the patients referred to its providers — renounced, then stalled. N is
/// configuration (<c>SupportiveCare:Outreach:NeedWithoutReferralDays</c>, <c>...:StalledReferralDays</c>), the
/// defaults and the rules the domain's (<see cref="OutreachRules"/>). Each listed patient is audited.
/// </summary>
public sealed class OutreachWorklist(RelaisDb db, Clock clock, IConfiguration configuration)
{
    public const int MaxItems = 200;

    public OutreachDelays Delays => new(
        configuration.GetValue("SupportiveCare:Outreach:NeedWithoutReferralDays", OutreachDelays.DefaultDays),
        configuration.GetValue("SupportiveCare:Outreach:StalledReferralDays", OutreachDelays.DefaultDays));

    public async Task<OutreachList> HandleAsync(CurrentUser user, CancellationToken ct)
    {
        var today = clock.Today;
        var delays = Delays;
        var structure = user.IsInRole(Roles.SupportiveCare);
        var providers = ReferralAccess.ProvidersOf(db, user.Id);
        // A patient who died or moved away is no one to reach out to (PathwayTransitions.HasLeftCare).
        var visible = PatientQueries.ActiveIds(db, user, today, clock.Now);
        var left = db.Episodes.Where(Domain.Pathways.PathwayTransitions.LeftCare);
        var referrals = structure
            ? db.SupportiveReferrals.AsNoTracking().Where(r => providers.Contains(r.ProviderId) && !left.Any(e => e.PatientId == r.PatientId))
            : db.SupportiveReferrals.AsNoTracking().Where(r => visible.Contains(r.PatientId));

        // Renounced, unless the patient was referred again for the same service since.
        var renounced = await referrals.Where(r => r.Status == ReferralStatus.Renounced
                && !db.SupportiveReferrals.Any(o => o.PatientId == r.PatientId && o.Service == r.Service && o.ProposedAt > r.ProposedAt))
            .OrderBy(r => r.StatusChangedAt).ThenBy(r => r.Id).ToCappedAsync(MaxItems, ct);

        var stalledBefore = clock.Now - TimeSpan.FromDays(delays.StalledReferralDays - 1);
        var stalled = await referrals.Where(r => (r.Status == ReferralStatus.Proposed || r.Status == ReferralStatus.Accepted) && r.FirstContactOn == null && r.ProposedAt < stalledBefore)
            .OrderBy(r => r.ProposedAt).ThenBy(r => r.Id)
            .FilterInBatchesAsync(MaxItems, (batch, _) => Task.FromResult(batch.Where(r =>
                OutreachRules.IsStalled(r.Status, r.FirstContactOn, DateOnly.FromDateTime(Clock.ToParis(r.ProposedAt).DateTime), today, delays))), ct);

        var needs = new Capped<SupportiveNeed>([], 0);
        if (!structure)
        {
            var assessedBy = today.AddDays(-delays.NeedWithoutReferralDays);
            needs = await db.SupportiveNeeds.AsNoTracking()
                .Where(n => visible.Contains(n.PatientId) && n.AssessedOn <= assessedBy
                    && !db.SupportiveReferrals.Any(r => r.PatientId == n.PatientId && (r.NeedId == n.Id || r.ProposedAt >= n.RecordedAt)))
                .OrderBy(n => n.AssessedOn).ThenBy(n => n.Id).ToCappedAsync(MaxItems, ct);
        }

        var providerIds = renounced.Items.Concat(stalled.Items).Select(r => r.ProviderId).Distinct().ToList();
        var providerNames = await db.SupportiveCareProviders.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var patientIds = renounced.Items.Select(r => r.PatientId).Concat(stalled.Items.Select(r => r.PatientId)).Concat(needs.Items.Select(n => n.PatientId)).Distinct().ToList();
        var names = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id))
            .Select(p => new { p.Id, p.BirthName, p.UsedName, p.FirstNames }).ToDictionaryAsync(p => p.Id, p => PatientName.Of(p.BirthName, p.UsedName, p.FirstNames), ct);

        var items = renounced.Items.Select(r => Line(r, OutreachReason.Renounced, names, providerNames, structure))
            .Concat(stalled.Items.Select(r => Line(r, OutreachReason.Stalled, names, providerNames, structure)))
            .Concat(needs.Items.Select(n => new OutreachItem(n.PatientId, names[n.PatientId], EnumCodes.Code(OutreachReason.NeedWithoutReferral),
                $"Besoin « {EnumCodes.Code(n.Category)} » ({EnumCodes.Code(n.Severity)}) évalué le {n.AssessedOn:dd/MM/yyyy}, sans orientation depuis",
                n.AssessedOn, null, n.Id, EnumCodes.Code(SupportiveNeed.ServiceFor(n.Category)), null, null,
                new OutreachAction("Orienter vers un prestataire", $"/patients/{n.PatientId}/soins-de-support?besoin={n.Id}"))))
            .Take(MaxItems).ToList();
        foreach (var id in items.Select(i => i.PatientId).Distinct())
            db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, id, AuditActions.List, "GET /api/worklists/outreach", AuditOutcomes.Allowed));
        await db.SaveChangesAsync(ct);
        return new OutreachList(items, renounced.Total + stalled.Total + needs.Total, delays.NeedWithoutReferralDays, delays.StalledReferralDays);
    }

    private static OutreachItem Line(SupportiveReferral r, OutreachReason reason, Dictionary<Guid, string> names, Dictionary<Guid, string> providers, bool structure)
    {
        var provider = providers.GetValueOrDefault(r.ProviderId, "?");
        var proposedOn = DateOnly.FromDateTime(Clock.ToParis(r.ProposedAt).DateTime);
        var since = reason == OutreachReason.Renounced ? DateOnly.FromDateTime(Clock.ToParis(r.StatusChangedAt).DateTime) : proposedOn;
        var detail = reason == OutreachReason.Renounced
            ? $"Orientation {EnumCodes.Code(r.Service)} vers {provider} abandonnée le {since:dd/MM/yyyy} : {EnumCodes.Code(r.Reason!.Value)}{(r.StatusNote is null ? "" : " — " + r.StatusNote)}"
            : $"Orientation {EnumCodes.Code(r.Service)} vers {provider} proposée le {proposedOn:dd/MM/yyyy}, sans premier contact";
        var action = structure
            ? new OutreachAction(reason == OutreachReason.Renounced ? "Rappeler le patient" : "Noter le premier contact", "/soins-de-support/mes-orientations")
            : new OutreachAction(reason == OutreachReason.Renounced ? "Proposer une autre orientation" : "Relancer le prestataire", $"/patients/{r.PatientId}/soins-de-support");
        return new OutreachItem(r.PatientId, names[r.PatientId], EnumCodes.Code(reason), detail, since, r.Id, r.NeedId, EnumCodes.Code(r.Service), provider,
            r.Reason is { } why ? EnumCodes.Code(why) : null, action);
    }
}
