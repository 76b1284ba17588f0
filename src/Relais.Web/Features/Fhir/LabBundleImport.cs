using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Alerts;
using Relais.Domain.Interop;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.FollowUp.Observations;
using Relais.Web.Identity;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Features.Fhir;

/// <summary>A refusal of the whole Bundle: nothing was written; the expression names the faulty entry.</summary>
public sealed class BundleRefusedException(int status, R4.OperationOutcome.IssueType code, string expression, string message) : Exception(message)
{
    public int Status { get; } = status;
    public R4.OperationOutcome.IssueType Code { get; } = code;
    public string Expression { get; } = expression;
}

/// <summary>
/// External results in (issue 17 point 2): a laboratory's <c>transaction</c> or <c>collection</c> Bundle of
/// DiagnosticReport + Observations (LOINC-coded markers, units, reference ranges, performer) and the Patient they are
/// about. A result joins a record only when the Patient gives the INS of a qualified identity whose strict traits
/// (birth name, first given name, birth date, sex) agree, and the sender may write to that record; anything else is
/// held for the identity-vigilance referent, never put on a record, and the sender gets the same answer whatever the
/// reason (no existence oracle). Matched results go through the JSON laboratory feed's use case (<see cref="LaboratoryFeed"/>),
/// so the same early-return rules fire. All or nothing: every entry is checked before anything is written, and a
/// fault refuses the Bundle naming its entry. A Bundle sent again under the same <c>Bundle.identifier</c> answers what
/// the first sending answered and writes nothing.
/// </summary>
public sealed partial class LabBundleImport(RelaisDb db, Clock clock, LaboratoryFeed feed, CapabilityCheck capabilities)
{
    public const string Resource = "POST /fhir";

    private static readonly string[] AcceptedStatuses = ["final", "amended", "corrected"];
    private static readonly HashSet<string> Ignored = ["Organization", "Practitioner", "PractitionerRole", "Specimen"];

    private sealed record Entry(int Index, R4.Bundle.EntryComponent Component);

    private sealed record MarkerResult(int Index, string PatientKey, BatchObservationInput Input);

    public async Task<(R4.Bundle Response, bool Replayed)> HandleAsync(CurrentUser user, R4.Bundle bundle, CancellationToken ct)
    {
        if (!await capabilities.AllowsAsync(user, Capability.RecordLabResult, null, ct))
            throw new CapabilityRefusedException(Capability.RecordLabResult, "Seuls les soignants enregistrent des résultats de laboratoire.");
        if (bundle.Type is not (R4.Bundle.BundleType.Transaction or R4.Bundle.BundleType.Collection))
            throw Refused("Bundle.type", "Relais reçoit un Bundle de type transaction ou collection.");
        if (bundle.Entry.Count == 0) throw Refused("Bundle.entry", "Le Bundle ne contient aucune entrée.");
        var entries = bundle.Entry.Select((e, i) => new Entry(i, e)).ToList();
        foreach (var e in entries) CheckEntry(bundle, e);
        ExternalBundleReceipt receipt;
        try
        {
            receipt = ExternalBundleReceipt.Receive(user.Id, bundle.Identifier?.System, bundle.Identifier?.Value, clock.Now);
        }
        catch (DomainValidationException e)
        {
            throw Refused(e.Field, e.Message);
        }
        var previous = await db.ExternalBundleReceipts.AsNoTracking()
            .FirstOrDefaultAsync(r => r.SenderId == user.Id && r.BundleSystem == receipt.BundleSystem && r.BundleValue == receipt.BundleValue, ct);
        if (previous is not null) return ((R4.Bundle)FhirJson.Parse(previous.ResponseJson), true);
        var patients = entries.Where(e => e.Component.Resource is R4.Patient).ToList();
        var reports = entries.Where(e => e.Component.Resource is R4.DiagnosticReport).ToList();
        var observations = entries.Where(e => e.Component.Resource is R4.Observation).ToList();
        if (observations.Count == 0) throw Refused("Bundle.entry", "Le Bundle ne contient aucune Observation.");

        // Which Patient entry each report and observation is about.
        string PatientOf(Entry e, R4.ResourceReference? subject, string path)
        {
            var target = Resolve(bundle, subject, patients)
                ?? throw Refused($"Bundle.entry[{e.Index}].resource.{path}", "Le sujet doit désigner une entrée Patient du Bundle portant l'INS et les traits d'identité.");
            return Key(target);
        }
        var reportOf = new Dictionary<int, Entry>();
        foreach (var r in reports)
        {
            var report = (R4.DiagnosticReport)r.Component.Resource!;
            var subject = PatientOf(r, report.Subject, "subject");
            foreach (var (reference, k) in report.Result.Select((x, k) => (x, k)))
            {
                var target = Resolve(bundle, reference, observations)
                    ?? throw Refused($"Bundle.entry[{r.Index}].resource.result[{k}]", "Le résultat doit désigner une entrée Observation du Bundle.");
                if (PatientOf(target, ((R4.Observation)target.Component.Resource!).Subject, "subject") != subject)
                    throw Refused($"Bundle.entry[{target.Index}].resource.subject", "L'observation et son compte rendu ne concernent pas le même patient.");
                reportOf[target.Index] = r;
            }
        }

        var markers = new List<MarkerResult>();
        var notFollowed = new HashSet<int>();
        var today = clock.Today;
        foreach (var o in observations)
        {
            var observation = (R4.Observation)o.Component.Resource!;
            var report = reportOf.GetValueOrDefault(o.Index)?.Component.Resource as R4.DiagnosticReport;
            var patientKey = PatientOf(o, observation.Subject, "subject");
            if (MarkerInput(bundle, o, report, today, clock.Now) is not { } input)
            {
                // A result Relais does not follow (a lipid panel): acknowledged, not kept.
                notFollowed.Add(o.Index);
                continue;
            }
            markers.Add(new MarkerResult(o.Index, patientKey, input));
        }

        // The identities: a Patient entry matches a record only by a qualified INS whose traits agree.
        var identities = patients.ToDictionary(Key, p => FhirMapper.IdentityOf((R4.Patient)p.Component.Resource!));
        var claimed = patients.ToDictionary(Key, p => FhirMapper.IdentityStatusClaimed((R4.Patient)p.Component.Resource!));
        var insList = identities.Values.Select(i => i.Ins).Where(i => i is not null).Cast<string>().Distinct().ToList();
        var records = await db.Patients.AsNoTracking().Where(p => insList.Contains(p.Ins))
            .Select(p => new { p.Id, Identity = new RecordIdentity(p.Ins, p.BirthName, p.FirstNames, p.BirthDate, p.Sex, p.IdentityStatus) }).ToListAsync(ct);
        var matched = new Dictionary<string, Guid>();
        var held = new Dictionary<string, (Guid? PatientId, List<string> Reasons)>();
        foreach (var (key, identity) in identities)
        {
            var record = records.FirstOrDefault(r => r.Identity.Ins == identity.Ins);
            var reasons = ExternalIdentityMatch.Mismatches(identity, record?.Identity).ToList();
            if (claimed[key] is { } claim && claim != "QUAL" && !reasons.Contains(ExternalIdentityMatch.NotQualified)) reasons.Add(ExternalIdentityMatch.NotQualified);
            if (reasons.Count == 0) matched[key] = record!.Id;
            else held[key] = (record?.Id, reasons);
        }

        // The feed applies the access rule to each matched record; a record the sender may not write to is held, as an unknown INS is.
        var now = clock.Now;
        while (true)
        {
            var toRecord = markers.Where(m => matched.ContainsKey(m.PatientKey)).ToList();
            var response = Response(bundle, entries, identities.Keys, matched, held, notFollowed, reportOf, null);
            Stage(receipt, bundle, held, identities, reportOf, entries, markers, now);
            if (toRecord.Count == 0)
            {
                receipt.Answered(0, markers.Count, FhirJson.Serialize(response));
                await db.SaveChangesAsync(ct);
                return (response, false);
            }
            var input = new ObservationBatchInput(toRecord.Select(m => m.Input with { PatientId = matched[m.PatientKey] }).ToList());
            var (result, refused) = await feed.HandleAsync(user, input, Resource, ct);
            if (result is null)
            {
                var key = toRecord[refused!.Value].PatientKey;
                held[key] = (matched[key], [ExternalIdentityMatch.SenderNotInCareTeam]);
                matched.Remove(key);
                continue;
            }
            var ids = toRecord.Select((m, i) => (m.Index, result.Results[i].Observation.Id)).ToDictionary(x => x.Index, x => x.Id);
            response = Response(bundle, entries, identities.Keys, matched, held, notFollowed, reportOf, ids);
            receipt.Answered(toRecord.Count, markers.Count - toRecord.Count, FhirJson.Serialize(response));
            await db.SaveChangesAsync(ct);
            return (response, false);
        }
    }

    /// <summary>Adds the receipt, the held results and their worklist lines to the unit of work (again after a refusal cleared it).</summary>
    private void Stage(ExternalBundleReceipt receipt, R4.Bundle bundle, Dictionary<string, (Guid? PatientId, List<string> Reasons)> held,
        Dictionary<string, ExternalIdentity> identities, Dictionary<int, Entry> reportOf, List<Entry> entries, List<MarkerResult> markers, DateTimeOffset now)
    {
        db.ExternalBundleReceipts.Add(receipt);
        foreach (var (key, (patientId, reasons)) in held)
        {
            var mine = markers.Where(m => m.PatientKey == key).Select(m => m.Index).ToHashSet();
            if (mine.Count == 0) continue;
            var payload = new R4.Bundle { Type = R4.Bundle.BundleType.Collection, Identifier = bundle.Identifier };
            // The Patient, the observations, their report, and the Organization (laboratory), Practitioner and Specimen entries they may refer to.
            foreach (var e in entries.Where(e => mine.Contains(e.Index) || Key(e) == key || mine.Any(i => reportOf.GetValueOrDefault(i)?.Index == e.Index)
                         || Ignored.Contains(e.Component.Resource!.TypeName)))
                payload.Entry.Add(e.Component);
            var ins = identities[key].Ins;
            db.HeldExternalResults.Add(HeldExternalResult.Hold(receipt.Id, ins, patientId, reasons, FhirJson.Serialize(payload), now));
            if (patientId is { } id)
                db.IdentityAlerts.Add(IdentityAlert.Raise(id, IdentityAlertKind.ExternalResultHeld, ins ?? "", Explain(reasons, bundle), null, receipt.SenderId, now));
        }
    }

    /// <summary>What the referent reads: which Bundle, and which checks failed (never the values).</summary>
    private static string Explain(IEnumerable<string> reasons, R4.Bundle bundle)
    {
        var text = $"Résultats de laboratoire reçus en FHIR (Bundle {bundle.Identifier?.System}|{bundle.Identifier?.Value}) non intégrés : {string.Join(", ", reasons)}.";
        return text.Length > 500 ? text[..500] : text;
    }

    private static R4.Bundle Response(R4.Bundle request, List<Entry> entries, IEnumerable<string> patientKeys, Dictionary<string, Guid> matched,
        Dictionary<string, (Guid? PatientId, List<string> Reasons)> held, HashSet<int> notFollowed, Dictionary<int, Entry> reportOf, Dictionary<int, Guid>? recorded)
    {
        var response = new R4.Bundle
        {
            Type = request.Type == R4.Bundle.BundleType.Transaction ? R4.Bundle.BundleType.TransactionResponse : R4.Bundle.BundleType.BatchResponse,
            Identifier = request.Identifier,
        };
        foreach (var e in entries)
        {
            var resource = e.Component.Resource;
            var key = resource is R4.Observation or R4.DiagnosticReport ? SubjectKey(e, entries, reportOf) : resource is R4.Patient ? Key(e) : null;
            R4.Bundle.ResponseComponent r;
            if (resource is R4.Observation && notFollowed.Contains(e.Index))
                r = Answer("200 OK", "Résultat reçu mais non conservé : Relais suit les marqueurs CA 15-3, PSA et ACE.");
            else if (key is not null && held.ContainsKey(key))
                r = Answer("202 Accepted", "Résultat mis en attente de l'identitovigilance : il n'a été rattaché à aucun dossier.");
            else if (resource is R4.Observation && recorded?.GetValueOrDefault(e.Index) is { } id && id != Guid.Empty)
                r = new R4.Bundle.ResponseComponent { Status = "201 Created", Location = $"Observation/{id}" };
            else
                r = Answer("200 OK", resource is R4.Patient ? "Identité rapprochée d'un dossier par son INS qualifié." : "Reçu.");
            response.Entry.Add(new R4.Bundle.EntryComponent { Response = r });
        }
        _ = patientKeys;
        _ = matched;
        return response;
    }

    private static R4.Bundle.ResponseComponent Answer(string status, string text) => new()
    {
        Status = status,
        Outcome = new R4.OperationOutcome
        {
            Issue = [new R4.OperationOutcome.IssueComponent { Severity = R4.OperationOutcome.IssueSeverity.Information, Code = R4.OperationOutcome.IssueType.Informational, Diagnostics = text }],
        },
    };

    private static string? SubjectKey(Entry e, List<Entry> entries, Dictionary<int, Entry> reportOf)
    {
        var subject = e.Component.Resource switch
        {
            R4.Observation o => o.Subject,
            R4.DiagnosticReport d => d.Subject,
            _ => null,
        };
        var patients = entries.Where(x => x.Component.Resource is R4.Patient).ToList();
        var target = subject?.Reference is { } reference ? patients.FirstOrDefault(p => Matches(p, reference)) : null;
        _ = reportOf;
        return target is null ? null : Key(target);
    }
}
