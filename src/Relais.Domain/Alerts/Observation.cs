using System.Globalization;
using Relais.Domain.Surveillance;

namespace Relais.Domain.Alerts;

/// <summary>The tumour markers followed by the shipped protocols (PRODUCT.md §7).</summary>
public enum Marker
{
    /// <summary>CA 15-3, breast follow-up, in U/mL [B].</summary>
    Ca153,
    /// <summary>Prostate-specific antigen, in ng/mL.</summary>
    Psa,
    /// <summary>Carcinoembryonic antigen (ACE in French), colorectal follow-up, in ng/mL.</summary>
    Cea,
}

public static class Markers
{
    public static string Code(this Marker marker) => marker switch
    {
        Marker.Ca153 => "ca15-3",
        Marker.Psa => "psa",
        _ => "cea",
    };

    /// <summary>The name a French clinician reads: CEA is "ACE".</summary>
    public static string Label(this Marker marker) => marker switch
    {
        Marker.Ca153 => "CA 15-3",
        Marker.Psa => "PSA",
        _ => "ACE",
    };

    /// <summary>The unit values and thresholds are kept in.</summary>
    public static string Unit(this Marker marker) => marker == Marker.Ca153 ? "U/mL" : "ng/mL";

    /// <summary>The carnet item of an assay of this marker: what a control assay adds to the carnet.</summary>
    public static SurveillanceKind Assay(this Marker marker) => marker switch
    {
        Marker.Ca153 => SurveillanceKind.Ca153,
        Marker.Psa => SurveillanceKind.Psa,
        _ => SurveillanceKind.Cea,
    };

    /// <summary>The marker a carnet item assays, if it is a marker assay.</summary>
    public static Marker? AssayedBy(SurveillanceKind kind) =>
        Enum.GetValues<Marker>().Select(m => (Marker?)m).FirstOrDefault(m => m!.Value.Assay() == kind);

    public static bool TryParse(string? code, out Marker marker)
    {
        foreach (var candidate in Enum.GetValues<Marker>())
        {
            if (string.Equals(candidate.Code(), code, StringComparison.Ordinal))
            {
                marker = candidate;
                return true;
            }
        }

        marker = default;
        return false;
    }

    /// <summary>
    /// The marker's unit for <paramref name="unit"/>, or null when it does not measure this marker.
    /// 1 µg/L = 1 ng/mL and 1 kU/L = 1 U/mL: the value is the same, only the spelling differs.
    /// </summary>
    public static string? NormalizeUnit(this Marker marker, string? unit)
    {
        var compact = (unit ?? "").Replace(" ", "", StringComparison.Ordinal).Replace('μ', 'µ').ToLowerInvariant();
        string[] accepted = marker == Marker.Ca153 ? ["u/ml", "ui/ml", "ku/l", "kui/l"] : ["ng/ml", "µg/l", "ug/l"];
        return accepted.Contains(compact) ? marker.Unit() : null;
    }
}

/// <summary>
/// A tumour-marker result. The laboratory is part of the result: CA 15-3 is assayed "toujours dans le
/// même laboratoire" [B], and values from different laboratories are never compared.
/// </summary>
public sealed class Observation
{
    private Observation() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Marker Code { get; private set; }
    public decimal Value { get; private set; }
    /// <summary>The marker's unit (<see cref="Markers.Unit"/>), whatever equivalent spelling was entered.</summary>
    public string Unit { get; private set; } = "";
    /// <summary>The date of the sample.</summary>
    public DateOnly Effective { get; private set; }
    public string Laboratory { get; private set; } = "";
    /// <summary>The upper limit of the laboratory's reference range, when its report gives one; else the protocol's default applies.</summary>
    public decimal? UpperLimit { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static Observation Record(Guid patientId, string? code, decimal value, string? unit, DateOnly effective, string? laboratory,
        DateOnly today, DateTimeOffset now, decimal? upperLimit = null)
    {
        if (!Markers.TryParse(code, out var marker))
            throw new DomainValidationException("code", $"Marqueur inconnu « {code} » ; attendu : ca15-3, psa ou cea.");
        return Record(patientId, marker, value, unit, effective, laboratory, today, now, upperLimit);
    }

    public static Observation Record(Guid patientId, Marker code, decimal value, string? unit, DateOnly effective, string? laboratory,
        DateOnly today, DateTimeOffset now, decimal? upperLimit = null)
    {
        if (patientId == Guid.Empty) throw new DomainValidationException("patientId", "Le patient est obligatoire.");
        if (!Enum.IsDefined(code)) throw new DomainValidationException("code", "Marqueur inconnu ; attendu : ca15-3, psa ou cea.");
        var normalizedUnit = code.NormalizeUnit(unit)
            ?? throw new DomainValidationException("unit", code == Marker.Ca153
                ? $"Le CA 15-3 s'exprime en U/mL (ou kU/L) : « {unit?.Trim()} » ne convient pas."
                : $"Le {code.Label()} s'exprime en ng/mL (ou µg/L) : « {unit?.Trim()} » ne convient pas.");
        if (value < 0) throw new DomainValidationException("value", "Une valeur de marqueur n'est pas négative.");
        if (value >= 1_000_000) throw new DomainValidationException("value", "Cette valeur est hors de portée d'un dosage : vérifiez la saisie.");
        if (effective > today) throw new DomainValidationException("effective", "Le résultat ne peut pas être daté dans le futur.");
        var lab = string.Join(' ', (laboratory ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (lab.Length == 0) throw new DomainValidationException("laboratory", "Le laboratoire est obligatoire : les valeurs de deux laboratoires ne se comparent pas.");
        if (lab.Length > 200) throw new DomainValidationException("laboratory", "Le nom du laboratoire est limité à 200 caractères.");
        if (upperLimit is <= 0) throw new DomainValidationException("upperLimit", "La limite supérieure du laboratoire doit être positive.");

        return new Observation
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            Code = code,
            Value = value,
            Unit = normalizedUnit,
            Effective = effective,
            Laboratory = lab,
            UpperLimit = upperLimit,
            RecordedAt = now,
        };
    }

    /// <summary>Same laboratory, whatever the case, accents or spacing of its name.</summary>
    public bool SameLaboratoryAs(Observation other) => LaboratoryKey(Laboratory) == LaboratoryKey(other.Laboratory);

    /// <summary>
    /// The name a laboratory is recognised by: « Biomédical  Caen » and « BIOMEDICAL CAEN » are one laboratory
    /// (spacing collapsed, accents removed, upper case). The rules and the chart's series compare this key.
    /// </summary>
    public static string LaboratoryKey(string laboratory)
    {
        var decomposed = string.Join(' ', laboratory.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize(System.Text.NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray()).ToUpperInvariant();
    }
}
