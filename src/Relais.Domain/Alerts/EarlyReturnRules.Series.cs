using Relais.Domain.Surveillance;

namespace Relais.Domain.Alerts;

/// <summary>The early-return rules read over a whole series, and the threshold a chart of the series draws.</summary>
public static partial class EarlyReturnRules
{
    /// <summary>
    /// What holds for one marker of a patient once its series is read in the order of the samples' dates,
    /// whatever the order the results arrived in: the rules are read at the latest result against every
    /// result before it, so a result entered late takes its place in the series and the alerts follow.
    /// Values from another laboratory are not compared: when the latest result comes from another
    /// laboratory than the one before it, it cannot clear what the previous laboratory's series says,
    /// and the stronger of the two readings holds.
    /// </summary>
    public static AlertOutcome EvaluateSeries(EarlyReturnRuleSet rules, DateOnly? treatmentEnd, Guid patientId, Marker marker, IEnumerable<Observation> results, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(results);
        var series = InDateOrder(results.Where(o => o.PatientId == patientId && o.Code == marker));
        IReadOnlyList<string> concerns = [AlertConcerns.Level(marker), AlertConcerns.LaboratoryChange(marker)];
        if (series.Count == 0) return new(concerns, [], "Aucun résultat de ce marqueur.");

        var latest = series[^1];
        var atLatest = At(series.Count - 1);
        var holding = new List<Alert>();
        if (LevelAt(series.Count - 1, atLatest) is { } level) holding.Add(level);
        holding.AddRange(atLatest.Where(a => a.Rule == EarlyReturnRuleCodes.LaboratoryChange));
        var reason = $"la série complète de {marker.Label()}, lue dans l'ordre des dates de prélèvement, ne remplit plus la règle ; "
            + $"dernier résultat {Number(latest.Value)} {marker.Unit()} le {Date(latest.Effective)} (laboratoire : {latest.Laboratory}). "
            + "Une demande d'avis déjà adressée reste ouverte auprès de l'équipe.";
        return new(concerns, holding, char.ToUpperInvariant(reason[0]) + reason[1..]);

        IReadOnlyList<Alert> At(int i) => Evaluate(rules, new ObservationContext(treatmentEnd, series.GetRange(0, i)), series[i], today);

        Alert? LevelAt(int i, IReadOnlyList<Alert> alerts)
        {
            var own = alerts.FirstOrDefault(a => a.Rule != EarlyReturnRuleCodes.LaboratoryChange);
            if (i == 0 || series[i].SameLaboratoryAs(series[i - 1])) return own;
            var before = LevelAt(i - 1, At(i - 1));
            return before is not null && (own is null || before.Level > own.Level) ? before : own;
        }
    }

    /// <summary>
    /// The line a chart of the marker draws: the threshold the protocol version's rule compares the
    /// latest result with (the laboratory's upper limit, 0.2 ng/mL after prostatectomy, nadir + 2 ng/mL
    /// after radiotherapy); null when no rule of the protocol reads this marker.
    /// </summary>
    public static MarkerThreshold? Threshold(EarlyReturnRuleSet rules, DateOnly? treatmentEnd, Marker marker, IEnumerable<Observation> results)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(results);
        var series = InDateOrder(results.Where(o => o.Code == marker));
        var latest = series.LastOrDefault();
        var thresholds = rules.Thresholds;
        return marker switch
        {
            Marker.Ca153 => UpperLimit(thresholds.Ca153UpperLimit),
            Marker.Cea => UpperLimit(thresholds.CeaUpperLimit),
            Marker.Psa when rules.Kind == ProtocolKind.Prostatectomy => new(thresholds.PsaAfterProstatectomy, MarkerThresholdKind.AfterProstatectomy, false),
            Marker.Psa when rules.Kind == ProtocolKind.ProstateRadiotherapy && latest is not null
                && series.Where(o => o.SameLaboratoryAs(latest) && (treatmentEnd is null || o.Effective >= treatmentEnd)).MinBy(o => o.Value) is { } nadir
                => new(nadir.Value + thresholds.PsaAboveNadir, MarkerThresholdKind.NadirPlus, false),
            _ => null,
        };

        MarkerThreshold UpperLimit(decimal byDefault) => latest?.UpperLimit is { } limit
            ? new(limit, MarkerThresholdKind.UpperLimit, true)
            : new(byDefault, MarkerThresholdKind.UpperLimit, false);
    }

    /// <summary>Results by the date of their sample; results of one day in the order they were recorded.</summary>
    private static List<Observation> InDateOrder(IEnumerable<Observation> results) =>
        [.. results.OrderBy(o => o.Effective).ThenBy(o => o.RecordedAt).ThenBy(o => o.Id)];
}

public enum MarkerThresholdKind
{
    /// <summary>The upper limit of the reference range: the laboratory's, else the protocol's default.</summary>
    UpperLimit,
    /// <summary>PSA ≥ 0.2 ng/mL after radical prostatectomy.</summary>
    AfterProstatectomy,
    /// <summary>PSA ≥ nadir + 2 ng/mL after radiotherapy (Phoenix).</summary>
    NadirPlus,
}

/// <summary>The threshold a rule compares a marker's latest result with; <see cref="FromLaboratory"/> when the laboratory gave it.</summary>
public sealed record MarkerThreshold(decimal Value, MarkerThresholdKind Kind, bool FromLaboratory);
