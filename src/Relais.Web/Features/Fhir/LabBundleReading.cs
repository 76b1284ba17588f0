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

/// <summary>
/// The reading of a laboratory Bundle: each entry checked, each marker Observation turned into a result of the laboratory
/// feed (and a held line read again), references resolved within the Bundle, the body parsed; a fault names its entry.
/// </summary>
public sealed partial class LabBundleImport
{
    /// <summary>
    /// A laboratory Observation as a result of the laboratory feed: a LOINC-coded marker Relais follows, validated,
    /// with its value, unit, sampling date, laboratory and upper reference limit; null for a result Relais does not
    /// follow. A fault names the entry (nothing is written).
    /// </summary>
    private static BatchObservationInput? MarkerInput(R4.Bundle bundle, Entry o, R4.DiagnosticReport? report, DateOnly today, DateTimeOffset now)
    {
        var observation = (R4.Observation)o.Component.Resource!;
        var path = $"Bundle.entry[{o.Index}].resource";
        var status = observation.Status is { } s ? Hl7.Fhir.Utility.EnumUtility.GetLiteral(s) : null;
        if (status is null || !AcceptedStatuses.Contains(status)) throw Refused($"{path}.status", "Seul un résultat validé (final, amended, corrected) est reçu.");
        var loinc = observation.Code?.Coding.FirstOrDefault(c => c.System == FhirCodes.Loinc && FhirCodes.MarkerOfLoinc(c.Code) is not null);
        if (loinc is null) return null;
        var marker = FhirCodes.MarkerOfLoinc(loinc.Code)!.Value;
        if (observation.Value is not R4.Quantity quantity || quantity.Value is null)
            throw Refused($"{path}.valueQuantity", "Un résultat de marqueur est une quantité (valueQuantity) avec sa valeur et son unité.");
        var unit = quantity.Code ?? quantity.Unit;
        var effective = DateOf(observation.Effective) ?? DateOf(report?.Effective)
            ?? throw Refused($"{path}.effectiveDateTime", "La date du prélèvement (effectiveDateTime) est obligatoire.");
        var laboratory = LaboratoryOf(bundle, observation.Performer) ?? LaboratoryOf(bundle, report?.Performer ?? [])
            ?? throw Refused($"{path}.performer", "Le laboratoire (performer, avec son nom) est obligatoire : deux laboratoires ne se comparent pas.");
        decimal? upper = null;
        if (observation.ReferenceRange.FirstOrDefault()?.High is { Value: { } high } h)
        {
            if (marker.NormalizeUnit(h.Code ?? h.Unit ?? unit) is null)
                throw Refused($"{path}.referenceRange[0].high", "La limite haute de la plage de référence doit s'exprimer dans l'unité du marqueur.");
            upper = high;
        }
        var input = new BatchObservationInput(Guid.Empty, marker.Code(), quantity.Value, unit, effective, laboratory, upper);
        try
        {
            // The feed's own checks, now, so that a fault names its entry before anything is written.
            Domain.Alerts.Observation.Record(Guid.NewGuid(), input.Code, input.Value!.Value, input.Unit, effective, laboratory, today, now, upper);
        }
        catch (DomainValidationException ex)
        {
            throw Refused($"{path}.{ex.Field switch { "value" => "valueQuantity.value", "unit" => "valueQuantity.unit", "effective" => "effectiveDateTime", "laboratory" => "performer", "upperLimit" => "referenceRange[0].high", _ => "code" }}", ex.Message);
        }
        return input;
    }

    /// <summary>
    /// The marker results of a held line (the collection Bundle <see cref="Stage"/> kept: the Patient, the report, its
    /// observations and the laboratory), read again with the same checks, for the referent to attach to a record.
    /// </summary>
    internal static IReadOnlyList<BatchObservationInput> HeldMarkers(R4.Bundle payload, DateOnly today, DateTimeOffset now)
    {
        var entries = payload.Entry.Select((e, i) => new Entry(i, e)).ToList();
        var reports = entries.Select(e => e.Component.Resource).OfType<R4.DiagnosticReport>().ToList();
        var markers = new List<BatchObservationInput>();
        foreach (var o in entries.Where(e => e.Component.Resource is R4.Observation))
        {
            var report = reports.FirstOrDefault(r => r.Result.Any(x => x.Reference is { Length: > 0 } reference && Matches(o, reference)));
            if (MarkerInput(payload, o, report, today, now) is { } input) markers.Add(input);
        }
        return markers;
    }

    private static void CheckEntry(R4.Bundle bundle, Entry e)
    {
        var path = $"Bundle.entry[{e.Index}]";
        if (e.Component.Resource is null)
            throw Refused($"{path}.resource", "Chaque entrée porte une ressource : Relais ne reçoit que des créations (Patient, DiagnosticReport, Observation).");
        if (bundle.Type == R4.Bundle.BundleType.Transaction && e.Component.Request is { } request
            && request.Method is not (R4.Bundle.HTTPVerb.POST or R4.Bundle.HTTPVerb.PUT))
            throw Refused($"{path}.request.method", "Relais ne reçoit que des créations (POST ou PUT) de résultats.");
        var type = e.Component.Resource.TypeName;
        if (type is not ("Patient" or "DiagnosticReport" or "Observation") && !Ignored.Contains(type))
            throw Refused($"{path}.resource", $"Une ressource {type} n'est pas reçue ici : Patient, DiagnosticReport, Observation (et leur Organization, Practitioner, Specimen).");
    }

    private static BundleRefusedException Refused(string expression, string message, int status = StatusCodes.Status422UnprocessableEntity) =>
        new(status, R4.OperationOutcome.IssueType.Invalid, expression, message);

    private static string Key(Entry e) => $"entry-{e.Index}";

    private static bool Matches(Entry e, string reference)
    {
        if (e.Component.FullUrl is { } full && full == reference) return true;
        return e.Component.Resource?.Id is { } id && reference == $"{e.Component.Resource.TypeName}/{id}"
            || e.Component.FullUrl is { } f && f.EndsWith("/" + reference, StringComparison.Ordinal);
    }

    private static Entry? Resolve(R4.Bundle bundle, R4.ResourceReference? reference, List<Entry> candidates)
    {
        _ = bundle;
        return reference?.Reference is { Length: > 0 } r ? candidates.FirstOrDefault(c => Matches(c, r)) : null;
    }

    internal static DateOnly? DateOf(R4.DataType? effective)
    {
        var text = effective switch
        {
            R4.FhirDateTime dt => dt.Value,
            R4.Period p => p.Start,
            R4.Instant i => i.Value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => null,
        };
        return text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>The laboratory's name: a performer's display, or the name of the Organization entry it references.</summary>
    internal static string? LaboratoryOf(R4.Bundle bundle, List<R4.ResourceReference> performers)
    {
        foreach (var p in performers)
        {
            if (p.Reference is { Length: > 0 } r)
            {
                var org = bundle.Entry.Select((x, i) => new Entry(i, x)).FirstOrDefault(x => x.Component.Resource is R4.Organization && Matches(x, r));
                if (org?.Component.Resource is R4.Organization { Name: { Length: > 0 } name }) return name;
            }
            if (p.Display is { Length: > 0 } display) return display;
        }
        return null;
    }

    /// <summary>Parses the body as a Bundle; a parse fault names where it is.</summary>
    public static R4.Bundle ParseBundle(string body)
    {
        R4.Resource resource;
        try
        {
            resource = FhirJson.Parse(body);
        }
        catch (DeserializationFailedException e)
        {
            var first = e.Exceptions.FirstOrDefault();
            var location = first?.Message is { } m && m.Contains("Bundle", StringComparison.Ordinal) ? ExtractPath(m) : "Bundle";
            throw new BundleRefusedException(StatusCodes.Status400BadRequest, R4.OperationOutcome.IssueType.Structure, location, first?.Message ?? e.Message);
        }
        catch (JsonException e)
        {
            throw new BundleRefusedException(StatusCodes.Status400BadRequest, R4.OperationOutcome.IssueType.Structure, "Bundle", "JSON illisible : " + e.Message);
        }
        return resource as R4.Bundle
            ?? throw new BundleRefusedException(StatusCodes.Status400BadRequest, R4.OperationOutcome.IssueType.Invalid, "Bundle", $"Relais attend un Bundle, pas un {resource.TypeName}.");
    }

    /// <summary>The FHIRPath location the SDK puts in its message ("At Bundle.entry[2].resource.status, line 1, position 80").</summary>
    private static string ExtractPath(string message)
    {
        var start = message.IndexOf("Bundle", StringComparison.Ordinal);
        var end = start;
        while (end < message.Length && message[end] is not (',' or ' ' or ':' or ')')) end++;
        return message[start..end].TrimEnd('.');
    }
}
