using System.Globalization;
using Relais.Domain.Coordination;
using Relais.Domain.Surveillance;

namespace Relais.Domain.Alerts;

/// <summary>
/// What is known when a result arrives: the patient's earlier results of that marker (any order;
/// other markers, other patients and later dates are ignored) and J0, the end of active treatment.
/// Baselines (lowest value, nadir) and confirmations use only results from J0 on: the initial
/// work-up is not a post-treatment value [B].
/// </summary>
public sealed record ObservationContext(DateOnly? TreatmentEnd, IReadOnlyList<Observation> Previous);

/// <summary>
/// The early-return rules over tumour-marker results (PRODUCT.md §7), a pure function of the
/// protocol's thresholds, the patient's earlier results and the new one. Values from different
/// laboratories are never compared: the lowest value, the nadir and the trend are read in the new
/// result's laboratory only, and a confirmation needs the assay just before to come from it too.
/// For one marker only the strongest alert is returned (a confirmed PSA rise is an early return,
/// not also a control assay); a change of laboratory is reported beside it. <see cref="EvaluateSeries"/>
/// reads a whole series, in the order of its dates.
/// </summary>
public static partial class EarlyReturnRules
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static IReadOnlyList<Alert> Evaluate(EarlyReturnRuleSet rules, ObservationContext context, Observation result, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Effective > today) throw new DomainValidationException("effective", "Le résultat ne peut pas être daté dans le futur.");
        // [B]: the CA 15-3 "dans le bilan initial" is the reference of the work-up, not a follow-up result.
        if (context.TreatmentEnd is { } j0 && result.Effective < j0) return [];

        var history = context.Previous
            .Where(o => o.PatientId == result.PatientId && o.Code == result.Code && o.Id != result.Id && o.Effective <= result.Effective)
            .OrderBy(o => o.Effective)
            .ToList();
        var series = new Series(rules, context, result, history, today);

        var alerts = new List<Alert>();
        var markerAlert = result.Code switch
        {
            Marker.Ca153 => series.Ca153(),
            Marker.Cea => series.Cea(),
            Marker.Psa when rules.Kind == ProtocolKind.Prostatectomy => series.PsaAfterProstatectomy(),
            Marker.Psa when rules.Kind == ProtocolKind.ProstateRadiotherapy => series.PsaPhoenix(),
            _ => null,
        };
        if (markerAlert is not null) alerts.Add(markerAlert);
        if (series.LaboratoryChange() is { } change) alerts.Add(change);
        return alerts;
    }

    /// <summary>The early-return alert for clinical criteria reported by the GP or the patient [B]; null when none is ticked.</summary>
    public static Alert? EvaluateClinical(EarlyReturnRuleSet rules, ClinicalCriteria criteria, CriteriaReporter reportedBy, DateOnly observedOn, DateOnly today, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if ((criteria & ~ClinicalCriteriaLabels.Known) != 0) throw new DomainValidationException("criteria", "Critère de retour anticipé inconnu.");
        if (observedOn > today) throw new DomainValidationException("observedOn", "Le signe ne peut pas être daté dans le futur.");
        if (criteria == ClinicalCriteria.None) return null;

        var text = note?.Trim();
        if (text is { Length: > 500 }) throw new DomainValidationException("note", "La précision est limitée à 500 caractères.");
        var who = reportedBy == CriteriaReporter.Patient ? "le patient ou la patiente" : "le médecin traitant";
        var listed = string.Join(" ; ", ClinicalCriteriaLabels.Labels(criteria, rules.Kind));
        var explanation = $"Signalé par {who} le {Date(observedOn)} : {listed}."
            + (string.IsNullOrEmpty(text) ? "" : $" Précision : « {text} ».")
            + " C'est un critère de retour anticipé au médecin spécialiste [B]."
            + RuleReference(EarlyReturnRuleCodes.ClinicalCriteria, rules);
        return new Alert(EarlyReturnRuleCodes.ClinicalCriteria, rules.ProtocolVersion, AlertSeverity.Urgent, AlertAction.EarlyReturn,
            ReferralDue(today), explanation, rules.ProtocolCode);
    }

    /// <summary>A referral back is seen within the default delay of the C14 task [R].</summary>
    private static DateOnly ReferralDue(DateOnly today) => today.AddDays(ReferralTask.DefaultDueDays);

    private static string RuleReference(string rule, EarlyReturnRuleSet rules) =>
        $" Règle {rule}, référentiel « {rules.ProtocolCode} » version {rules.ProtocolVersion}.";

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", French);

    private static string Number(decimal value) => value.ToString("0.####", French);

    private sealed class Series(EarlyReturnRuleSet rules, ObservationContext context, Observation result, List<Observation> history, DateOnly today)
    {
        private readonly EarlyReturnThresholds thresholds = rules.Thresholds;
        private readonly Observation? previous = history.LastOrDefault();

        /// <summary>Results of the new result's laboratory since J0, oldest first.</summary>
        private readonly List<Observation> sameLaboratory = [.. history.Where(o => o.SameLaboratoryAs(result) && (context.TreatmentEnd is null || o.Effective >= context.TreatmentEnd))];

        private string Unit => result.Code.Unit();

        private string Quote(Observation o) => $"{Number(o.Value)} {Unit} le {Date(o.Effective)}";

        private string Lead => $"{result.Code.Label()} à {Quote(result)} (laboratoire : {result.Laboratory})";

        public Alert? Ca153()
        {
            var limit = result.UpperLimit ?? thresholds.Ca153UpperLimit;
            var limitText = $"limite supérieure {Number(limit)} {Unit}{(result.UpperLimit is null ? " (valeur par défaut du référentiel)" : " (laboratoire)")}";
            // An exponential rise is a rise of a value already above the limit [B]: "si élévation significative ... si élévation exponentielle".
            if (result.Value <= limit) return null;

            if (Acceleration() is { } why)
            {
                return Raise(EarlyReturnRuleCodes.Ca153AcceleratingRise, AlertSeverity.Urgent, AlertAction.EarlyReturn, ReferralDue(today),
                    $"{Lead}, au-dessus de la {limitText}, et en hausse accélérée : {why}. Élévation exponentielle : avis du médecin spécialiste, retour anticipé [B].");
            }

            var lowest = sameLaboratory.MinBy(o => o.Value);
            if (lowest is null || !SignificantRise(result, lowest)) return null;
            var rise = lowest.Value == 0 ? "" : $" (+{Math.Round((result.Value - lowest.Value) / lowest.Value * 100m, 1, MidpointRounding.ToZero).ToString("0.#", French)} %)";
            var significant = $"au-dessus de la {limitText} et au moins {Number(thresholds.Ca153MinRisePercent)} % au-dessus de la valeur la plus basse depuis la fin du traitement dans ce laboratoire, {Quote(lowest)}{rise}";

            // [B] "Critères de retour anticipé : élévation CA 15-3": the significant rise that the control assay confirms.
            if (ConfirmingPrevious(PreviousWasSignificantRise) is { } control)
            {
                return Raise(EarlyReturnRuleCodes.Ca153RiseConfirmed, AlertSeverity.Urgent, AlertAction.EarlyReturn, ReferralDue(today),
                    $"{Lead} : {significant}. Le dosage précédent du même laboratoire ({Quote(control)}) était déjà une élévation significative : "
                    + "élévation du CA 15-3 confirmée au contrôle, critère de retour anticipé au médecin spécialiste [B].");
            }

            return Raise(EarlyReturnRuleCodes.Ca153Rise, AlertSeverity.Warning, AlertAction.ControlAssay, ControlDue(),
                $"{Lead} : {significant}. "
                + $"Élévation significative : contrôle dans 1 à 2 mois, à partir du {Date(ControlDue())}, toujours dans le même laboratoire [B] ; confirmée, elle fait revoir la patiente par le spécialiste.");
        }

        /// <summary>A "significant" rise [B]: above the upper limit and at least the protocol's percentage above the lowest value.</summary>
        private bool SignificantRise(Observation value, Observation lowest) =>
            value.Value > (value.UpperLimit ?? thresholds.Ca153UpperLimit)
            && value.Value >= lowest.Value * (1 + thresholds.Ca153MinRisePercent / 100m);

        /// <summary>The assay before this one was itself a significant rise over the lowest value before it.</summary>
        private bool PreviousWasSignificantRise(Observation before) =>
            sameLaboratory.Count >= 2
            && sameLaboratory[^1] == before
            && SignificantRise(before, sameLaboratory.Take(sameLaboratory.Count - 1).MinBy(o => o.Value)!);

        /// <summary>Three increases in a row, each larger than the one before, or a doubling within the protocol's window (3 months).</summary>
        private string? Acceleration()
        {
            if (sameLaboratory.Count >= 3)
            {
                var values = sameLaboratory.TakeLast(3).Append(result).ToList();
                var steps = values.Zip(values.Skip(1), (a, b) => b.Value - a.Value).ToList();
                if (steps[0] > 0 && steps[1] > steps[0] && steps[2] > steps[1])
                {
                    var quoted = string.Join(", ", values.Select(Quote));
                    return $"trois hausses successives de plus en plus fortes ({quoted} ; +{string.Join(", +", steps.Select(Number))} {Unit})";
                }
            }

            var windowStart = result.Effective.AddMonths(-thresholds.Ca153DoublingWithinMonths);
            var doubled = sameLaboratory
                .Where(o => o.Effective >= windowStart && o.Value > 0 && result.Value >= 2 * o.Value)
                .MinBy(o => o.Value);
            return doubled is null
                ? null
                : $"valeur au moins doublée en {thresholds.Ca153DoublingWithinMonths} mois au plus (depuis {Quote(doubled)})";
        }

        public Alert? Cea()
        {
            var limit = result.UpperLimit ?? thresholds.CeaUpperLimit;
            if (result.Value <= limit) return null;
            var limitText = $"limite supérieure {Number(limit)} {Unit}{(result.UpperLimit is null ? " (valeur par défaut du référentiel)" : " (laboratoire)")}";
            if (ConfirmingPrevious(o => o.Value > (o.UpperLimit ?? thresholds.CeaUpperLimit)) is { } before)
            {
                return Raise(EarlyReturnRuleCodes.CeaConfirmed, AlertSeverity.Urgent, AlertAction.EarlyReturn, ReferralDue(today),
                    $"{Lead}, au-dessus de la {limitText}, confirmé sur le dosage précédent du même laboratoire ({Quote(before)}). Élévation confirmée : retour anticipé au médecin spécialiste.");
            }

            return Raise(EarlyReturnRuleCodes.CeaAboveLimit, AlertSeverity.Warning, AlertAction.ControlAssay, ControlDue(),
                $"{Lead}, au-dessus de la {limitText}. Dosage de contrôle dans le même laboratoire à partir du {Date(ControlDue())} : une élévation confirmée au dosage suivant fait revoir le patient par le spécialiste.");
        }

        public Alert? PsaAfterProstatectomy()
        {
            var threshold = thresholds.PsaAfterProstatectomy;
            if (result.Value < threshold) return null;
            if (ConfirmingPrevious(o => o.Value >= threshold) is { } before)
            {
                return Raise(EarlyReturnRuleCodes.PsaAfterProstatectomyConfirmed, AlertSeverity.Urgent, AlertAction.EarlyReturn, ReferralDue(today),
                    $"{Lead}, au moins {Number(threshold)} {Unit} après prostatectomie totale, confirmé sur le dosage précédent du même laboratoire ({Quote(before)}). Récidive biologique : retour anticipé au médecin spécialiste.");
            }

            return Raise(EarlyReturnRuleCodes.PsaAfterProstatectomy, AlertSeverity.Warning, AlertAction.ControlAssay, ControlDue(),
                $"{Lead}, au moins {Number(threshold)} {Unit} après prostatectomie totale. Dosage de contrôle dans le même laboratoire à partir du {Date(ControlDue())} : deux dosages consécutifs au-dessus du seuil font revoir le patient par le spécialiste.");
        }

        public Alert? PsaPhoenix()
        {
            var nadir = sameLaboratory.MinBy(o => o.Value);
            if (nadir is null || result.Value < nadir.Value + thresholds.PsaAboveNadir) return null;
            return Raise(EarlyReturnRuleCodes.PsaPhoenix, AlertSeverity.Urgent, AlertAction.EarlyReturn, ReferralDue(today),
                $"{Lead}, au moins nadir + {Number(thresholds.PsaAboveNadir)} {Unit} après radiothérapie : nadir {Quote(nadir)} dans ce laboratoire, seuil {Number(nadir.Value + thresholds.PsaAboveNadir)} {Unit} (définition de Phoenix). Récidive biologique : retour anticipé au médecin spécialiste.");
        }

        public Alert? LaboratoryChange()
        {
            if (previous is null || previous.SameLaboratoryAs(result)) return null;
            return Raise(EarlyReturnRuleCodes.LaboratoryChange, AlertSeverity.Info, AlertAction.ControlAssay, null,
                $"Changement de laboratoire : {Lead}, alors que le dosage précédent venait d'un autre laboratoire ({previous.Laboratory} : {Quote(previous)}). "
                + $"Les valeurs de deux laboratoires ne se comparent pas : refaire le dosage dans le laboratoire habituel ({previous.Laboratory}), le dosage se fait toujours dans le même laboratoire [B].");
        }

        /// <summary>"Confirmed on the next assay": the assay just before, since J0, from the same laboratory, met the condition too.</summary>
        private Observation? ConfirmingPrevious(Func<Observation, bool> condition) =>
            previous is not null
            && previous.SameLaboratoryAs(result)
            && (context.TreatmentEnd is null || previous.Effective >= context.TreatmentEnd)
            && condition(previous)
                ? previous
                : null;

        private DateOnly ControlDue() => result.Effective.AddMonths(thresholds.ControlAssayAfterMonths);

        private Alert Raise(string rule, AlertSeverity severity, AlertAction action, DateOnly? due, string explanation) =>
            new(rule, rules.ProtocolVersion, severity, action, due, explanation + RuleReference(rule, rules), rules.ProtocolCode, result.Code);
    }
}
