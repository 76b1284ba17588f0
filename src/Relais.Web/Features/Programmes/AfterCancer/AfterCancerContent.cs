using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Programmes;
using Relais.Domain.Surveillance;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Documents;
using Relais.Web.Features.FollowUp.Carnet;
using Relais.Web.Features.SupportiveCare;

namespace Relais.Web.Features.Programmes.AfterCancer;

/// <summary>What the team writes in the after-cancer part of a PPAC; the rest is read from the record.</summary>
public sealed record AfterCancerFields(string? LateComplications, string? ReturnToWork, bool TherapeuticPartTime, string? Insurance);

/// <summary>
/// Gathers what a PPAC carries from the record (PRODUCT.md §6, issue 13 point 5): the warning signs of the episode's
/// site and the criteria of the protocol the patient follows, the supportive-care referrals under way, and the
/// follow-up calendar of the carnet. The PPAC issued at the end of treatment and each revision use it.
/// </summary>
public sealed class AfterCancerContent(RelaisDb db, CarnetQuery carnet)
{
    public async Task<AfterCancerPart> PartAsync(Guid patientId, Guid episodeId, SurveillanceProtocol? protocol, AfterCancerFields fields, CancellationToken ct)
    {
        protocol ??= await FollowedProtocolAsync(patientId, ct);
        var site = await db.Episodes.AsNoTracking().Where(e => e.Id == episodeId).Select(e => e.PrimarySite).FirstOrDefaultAsync(ct);
        var rules = protocol?.RuleSet;
        return AfterCancerPart.For(site, rules?.Kind ?? ProtocolProposal.KindFor(site), rules?.Thresholds ?? new(), fields.LateComplications, await ReferralsAsync(patientId, ct),
            fields.ReturnToWork, fields.TherapeuticPartTime, fields.Insurance, await ContinuingTreatmentsAsync(patientId, ct), await PreventionAsync(patientId, ct));
    }

    /// <summary>The carnet as the PPAC prints it: every item, with what became of it.</summary>
    public async Task<IReadOnlyList<CalendarLine>> FollowUpAsync(Guid patientId, CancellationToken ct)
    {
        var c = await carnet.HandleAsync(patientId, ct);
        return c.Items.Select(i => new CalendarLine(i.Due, i.KindLabel, i.PerformerLabel, i.Status switch
        {
            "done" => i.DoneOn is { } d ? $"fait le {d:dd/MM/yyyy}" : "fait",
            "cancelled" => "annulé",
            "overdue" => "en retard",
            _ => null,
        })).ToList();
    }

    private async Task<SurveillanceProtocol?> FollowedProtocolAsync(Guid patientId, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.PatientId == patientId).OrderByDescending(e => e.EnrolledAt).FirstOrDefaultAsync(ct);
        return enrolment is null ? null
            : await db.Protocols.AsNoTracking().FirstOrDefaultAsync(p => p.Code == enrolment.ProtocolCode && p.Version == enrolment.ProtocolVersion, ct);
    }

    /// <summary>
    /// The continuing treatments as the PPAC prints them (issue 16), read through the unit of work: one recorded or
    /// stopped in the same request as the PPAC it changes is already there.
    /// </summary>
    private async Task<IReadOnlyList<string>> PreventionAsync(Guid patientId, CancellationToken ct)
    {
        var latest = await FollowUp.Prevention.PreventionQuery.LatestAsync(db, patientId, ct);
        return latest is null ? []
            : [latest.Describe(), .. Domain.Prevention.SecondCancerPrevention.ToOffer(latest.Status).Select(Domain.Prevention.SecondCancerPrevention.Label)];
    }

    private async Task<IReadOnlyList<string>> ContinuingTreatmentsAsync(Guid patientId, CancellationToken ct)
    {
        await db.ContinuingTreatments.Where(t => t.PatientId == patientId).LoadAsync(ct);
        return db.ContinuingTreatments.Local.Where(t => t.PatientId == patientId).OrderBy(t => t.StartedOn).ThenBy(t => t.RecordedAt).Select(t => t.Describe()).ToList();
    }

    /// <summary>The referrals still alive, as the patient reads them: service — structure (status).</summary>
    private async Task<IReadOnlyList<string>> ReferralsAsync(Guid patientId, CancellationToken ct)
    {
        var referrals = await db.SupportiveReferrals.AsNoTracking()
            .Where(r => r.PatientId == patientId && r.Status != ReferralStatus.Declined && r.Status != ReferralStatus.Renounced)
            .OrderBy(r => r.ProposedAt).Select(r => new { r.Service, r.ProviderId, r.Status }).ToListAsync(ct);
        var ids = referrals.Select(r => r.ProviderId).Distinct().ToList();
        var names = await db.SupportiveCareProviders.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return referrals.Select(r => $"{SupportiveCareLabels.Service(EnumCodes.Code(r.Service), FrenchWords.Instance)} — {names.GetValueOrDefault(r.ProviderId, "?")} "
            + $"({SupportiveCareLabels.Status(EnumCodes.Code(r.Status), FrenchWords.Instance)})").ToList();
    }
}
