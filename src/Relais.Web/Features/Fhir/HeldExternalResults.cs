using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Alerts;
using Relais.Domain.Audit;
using Relais.Domain.Interop;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.FollowUp.Observations;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Features.Fhir;

/// <summary>A result held in a laboratory Bundle: which marker, sampled when, by which laboratory (never its value).</summary>
public sealed record HeldMarkerDto(string Code, DateOnly? Effective, string? Laboratory);

/// <summary>A record that may be the one the held results are about: the one their INS points to, or one with the same birth name and birth date.</summary>
public sealed record HeldCandidateDto(Guid PatientId, string Name, DateOnly BirthDate, Sex Sex, string Ins, IdentityStatus IdentityStatus);

/// <summary>A line of the held external results: the identity the sender gave, why it matched no record, the results, the candidates, and how it was closed.</summary>
public sealed record HeldExternalResultDto(
    Guid Id, DateTimeOffset ReceivedAt, string SentBy, string? Ins, string? BirthName, IReadOnlyList<string> GivenNames, DateOnly? BirthDate, Sex? Sex,
    IReadOnlyList<string> Reasons, Guid? InsPatientId, IReadOnlyList<HeldMarkerDto> Results, IReadOnlyList<HeldCandidateDto> Candidates,
    string Status, DateTimeOffset? ClosedAt, Guid? AttachedPatientId, string? RejectionReason);

/// <summary>Body of POST /api/identity-vigilance/external-results/{id}/attach: the record the results are about.</summary>
public sealed record AttachHeldResultInput(Guid? PatientId);

/// <summary>Body of POST /api/identity-vigilance/external-results/{id}/reject: why.</summary>
public sealed record RejectHeldResultInput(string? Reason);

public enum HeldResultOutcome { Done, NotFound, Closed, PatientRefused }

/// <summary>
/// The laboratory results received on <c>POST /fhir</c> that matched no record (unknown INS, identity not qualified,
/// traits that disagree, a record the sender may not write to), as the identity-vigilance referent works them: the
/// list, attaching a line to the right record (its results then go through the laboratory feed, with its early-return
/// rules, as if received for that record) or rejecting it with a reason. Audited; all or nothing.
/// </summary>
public sealed class HeldExternalResults(RelaisDb db, Clock clock, LaboratoryFeed feed, CapabilityCheck capabilities)
{
    public const int MaxItems = 200;
    public const string ListResource = "GET /api/identity-vigilance/external-results";
    public const string AttachResource = "POST /api/identity-vigilance/external-results/{id}/attach";
    public const string RejectResource = "POST /api/identity-vigilance/external-results/{id}/reject";
    private const int MaxCandidates = 5;

    /// <summary>The open lines (and the closed ones when asked), latest first; every record named is audited as listed, and the list itself once.</summary>
    public async Task<Capped<HeldExternalResultDto>> ListAsync(CurrentUser user, bool includeClosed, CancellationToken ct)
    {
        var rows = await (
                from h in db.HeldExternalResults.AsNoTracking()
                join r in db.ExternalBundleReceipts.AsNoTracking() on h.ReceiptId equals r.Id
                join u in db.Users.AsNoTracking() on r.SenderId equals u.Id
                where includeClosed || h.ClosedAt == null
                orderby h.ReceivedAt descending, h.Id
                select new { h, u.FirstName, u.LastName })
            .ToCappedAsync(MaxItems, ct);
        var parsed = rows.Items.Select(r => (r.h, Sender: RelaisUser.NameOf(r.FirstName, r.LastName), Payload: Payload(r.h))).ToList();
        var identities = parsed.Select(p => IdentityOf(p.Payload)).ToList();
        var insList = parsed.Select(p => p.h.Ins).Where(i => i is not null).Cast<string>().Distinct().ToList();
        var dates = identities.Select(i => i?.BirthDate).Where(d => d is not null).Select(d => d!.Value).Distinct().ToList();
        var people = await db.Patients.AsNoTracking().Where(p => insList.Contains(p.Ins) || dates.Contains(p.BirthDate))
            .Select(p => new { p.Id, p.Ins, p.BirthName, p.UsedName, p.FirstNames, p.BirthDate, p.Sex, p.IdentityStatus }).ToListAsync(ct);
        var items = new List<HeldExternalResultDto>();
        var shown = new HashSet<Guid>();
        for (var i = 0; i < parsed.Count; i++)
        {
            var (h, sender, payload) = parsed[i];
            var identity = identities[i];
            var name = SearchText.Normalize(identity?.BirthName);
            var candidates = h.IsOpen
                ? people.Where(p => p.Ins == h.Ins || (identity?.BirthDate == p.BirthDate && name.Length > 0 && SearchText.Normalize(p.BirthName) == name))
                    .OrderBy(p => p.Ins == h.Ins ? 0 : 1).ThenBy(p => p.Id).Take(MaxCandidates)
                    .Select(p => new HeldCandidateDto(p.Id, PatientName.Of(p.BirthName, p.UsedName, p.FirstNames), p.BirthDate, p.Sex, p.Ins, p.IdentityStatus)).ToList()
                : [];
            shown.UnionWith(candidates.Select(c => c.PatientId));
            if (h.PatientId is { } pointed) shown.Add(pointed);
            if (h.AttachedPatientId is { } attached) shown.Add(attached);
            items.Add(new HeldExternalResultDto(h.Id, h.ReceivedAt, sender, h.Ins, identity?.BirthName, identity?.GivenNames ?? [], identity?.BirthDate, identity?.Sex,
                h.Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries), h.PatientId, MarkersOf(payload), candidates,
                h.IsOpen ? "open" : h.AttachedPatientId is null ? "rejected" : "attached", h.ClosedAt, h.AttachedPatientId, h.RejectionReason));
        }
        var now = clock.Now;
        // The identities the senders gave are nominative too, even when they name no record: the list is audited once as such.
        if (items.Count > 0) db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, null, AuditActions.List, ListResource, AuditOutcomes.Allowed, "held-external-results"));
        foreach (var patientId in shown)
            db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.List, ListResource, AuditOutcomes.Allowed));
        await db.SaveChangesAsync(ct);
        return new(items, rows.Total);
    }

    /// <summary>
    /// Attaches a held line to the record the referent chose: its marker results go through the laboratory feed (the
    /// access rule on that record, the early-return rules), the line is closed, the worklist signal raised with it too.
    /// A record the referent may not write to answers as a missing one, and nothing is written.
    /// </summary>
    public async Task<(HeldResultOutcome Outcome, ObservationBatchResult? Result)> AttachAsync(CurrentUser user, Guid heldId, AttachHeldResultInput input, CancellationToken ct)
    {
        if (!await capabilities.AllowsAsync(user, Capability.RecordLabResult, null, ct))
            throw new CapabilityRefusedException(Capability.RecordLabResult, "Seuls les soignants enregistrent des résultats de laboratoire.");
        var held = await db.HeldExternalResults.FirstOrDefaultAsync(h => h.Id == heldId, ct);
        if (held is null) return (HeldResultOutcome.NotFound, null);
        if (!held.IsOpen) return (HeldResultOutcome.Closed, null);
        if (input.PatientId is not { } patientId || patientId == Guid.Empty)
            throw new DomainValidationException("patientId", "Choisissez le dossier auquel rattacher les résultats.");
        IReadOnlyList<BatchObservationInput> markers;
        try
        {
            markers = LabBundleImport.HeldMarkers(Payload(held) ?? throw new DomainValidationException("heldResult", "Les résultats conservés sont illisibles."), clock.Today, clock.Now);
        }
        catch (BundleRefusedException e)
        {
            throw new DomainValidationException("heldResult", $"{e.Expression} : {e.Message}");
        }
        if (markers.Count == 0) throw new DomainValidationException("heldResult", "Ces résultats ne comptent aucun marqueur suivi par Relais.");

        var now = clock.Now;
        held.Attach(patientId, user.Id, now);
        await CloseSignalAsync(held, user, $"Résultats externes rattachés par le référent au dossier {patientId}.", now, ct);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, AttachResource, AuditOutcomes.Allowed, "held-external-results-attached"));
        // The feed checks the access rule on the chosen record and commits everything staged here with the results; a refusal writes nothing of it.
        var (result, refused) = await feed.HandleAsync(user, new ObservationBatchInput(markers.Select(m => m with { PatientId = patientId }).ToList()), AttachResource, ct);
        return refused is not null ? (HeldResultOutcome.PatientRefused, null) : (HeldResultOutcome.Done, result);
    }

    /// <summary>Rejects a held line with the referent's reason: the results stay kept, on no record.</summary>
    public async Task<HeldResultOutcome> RejectAsync(CurrentUser user, Guid heldId, RejectHeldResultInput input, CancellationToken ct)
    {
        var held = await db.HeldExternalResults.FirstOrDefaultAsync(h => h.Id == heldId, ct);
        if (held is null) return HeldResultOutcome.NotFound;
        if (!held.IsOpen) return HeldResultOutcome.Closed;
        var now = clock.Now;
        held.Reject(user.Id, input.Reason, now);
        await CloseSignalAsync(held, user, "Résultats externes rejetés par le référent : " + held.RejectionReason, now, ct);
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, held.PatientId, AuditActions.Write, RejectResource, AuditOutcomes.Allowed, "held-external-results-rejected"));
        await db.SaveChangesAsync(ct);
        return HeldResultOutcome.Done;
    }

    /// <summary>
    /// The worklist signal raised on the record the INS pointed to when the results were held (same record, same
    /// instant, same sender), closed with the line; the record's identity flags drop once it has no open signal left.
    /// </summary>
    private async Task CloseSignalAsync(HeldExternalResult held, CurrentUser user, string resolution, DateTimeOffset now, CancellationToken ct)
    {
        if (held.PatientId is not { } pointed) return;
        var sender = await db.ExternalBundleReceipts.AsNoTracking().Where(r => r.Id == held.ReceiptId).Select(r => r.SenderId).FirstAsync(ct);
        var open = await db.IdentityAlerts.Where(a => a.PatientId == pointed && a.ClosedAt == null).ToListAsync(ct);
        var signal = open.FirstOrDefault(a => a.Kind == IdentityAlertKind.ExternalResultHeld && a.RaisedBy == sender && a.RaisedAt == held.ReceivedAt);
        if (signal is null) return;
        signal.Close(user.Id, resolution.Length > 1000 ? resolution[..1000] : resolution, now);
        if (open.Count == 1) (await db.Patients.FirstAsync(p => p.Id == pointed, ct)).IdentityReviewed(now);
    }

    private static R4.Bundle? Payload(HeldExternalResult h)
    {
        try
        {
            return FhirJson.Parse(h.PayloadJson) as R4.Bundle;
        }
        catch (Hl7.Fhir.Serialization.DeserializationFailedException)
        {
            return null;
        }
    }

    private static ExternalIdentity? IdentityOf(R4.Bundle? payload) =>
        payload?.Entry.Select(e => e.Resource).OfType<R4.Patient>().FirstOrDefault() is { } patient ? FhirMapper.IdentityOf(patient) : null;

    private static List<HeldMarkerDto> MarkersOf(R4.Bundle? payload) =>
        payload is null ? [] : payload.Entry.Select(e => e.Resource).OfType<R4.Observation>()
            .Select(o => (Loinc: o.Code?.Coding.FirstOrDefault(c => c.System == FhirCodes.Loinc && FhirCodes.MarkerOfLoinc(c.Code) is not null), o))
            .Where(x => x.Loinc is not null)
            .Select(x => new HeldMarkerDto(FhirCodes.MarkerOfLoinc(x.Loinc!.Code)!.Value.Code(), LabBundleImport.DateOf(x.o.Effective), LabBundleImport.LaboratoryOf(payload, x.o.Performer)))
            .ToList();
}
