using Relais.Domain.Alerts;
using static Relais.Domain.Questionnaires.RuleCondition;

namespace Relais.Domain.Questionnaires;

/// <summary>
/// The treatment-toxicity questionnaire, for patients under chemotherapy or oral treatment: the temperature
/// (febrile neutropenia) and twelve symptoms from the PRO-CTCAE item library, in the words of its validated
/// French version, each on its own 0–4 scale.
/// </summary>
public static class ToxicityQuestionnaire
{
    public const string Code = "treatment-toxicity";

    private const string ProCtcae = "NCI PRO-CTCAE™ item library v1.0, version française validée (Dueck et al., JAMA Oncol 2015 ; traduction NCI)";
    private const string Basch = "Basch et al., JAMA 2017 (STAR) : alerte à l'infirmière pour un symptôme sévère ou très sévère";
    private const string FebrileNeutropenia =
        "ESMO (Klastersky et al., Ann Oncol 2016) et IDSA (Freifeld et al., Clin Infect Dis 2011) : neutropénie fébrile, température ≥ 38,3 °C une fois ou ≥ 38,0 °C deux fois à une heure d'intervalle ; frissons ; hypothermie < 36 °C (sepsis)";

    public const string Temperature = "temperature";
    public const string SecondTemperature = "temperature-second";
    public const string Chills = "chills";

    /// <summary>PRO-CTCAE severity: "Au cours des 7 derniers jours, quelle a été la gravité ... au pire moment ?"</summary>
    private static IReadOnlyList<AnswerOption> Severity { get; } =
    [
        new("0", "Aucune", 0), new("1", "Légère", 1), new("2", "Modérée", 2), new("3", "Sévère", 3), new("4", "Très sévère", 4),
    ];

    /// <summary>PRO-CTCAE frequency: "Au cours des 7 derniers jours, à quelle fréquence ... ?"</summary>
    private static IReadOnlyList<AnswerOption> Frequency { get; } =
    [
        new("0", "Jamais", 0), new("1", "Rarement", 1), new("2", "Parfois", 2), new("3", "Souvent", 3), new("4", "Presque constamment", 4),
    ];

    private static QuestionnaireItem Graded(string linkId, string text, IReadOnlyList<AnswerOption> scale) =>
        new(linkId, text, ItemType.Choice, Required: true, AnswerOptions: scale, Graded: true);

    /// <summary>The symptoms, with the severity from which the team is alerted and how urgently.</summary>
    private static readonly (QuestionnaireItem Item, AlertSeverity AtSevere, string Words)[] Symptoms =
    [
        (Graded("nausea", "Au cours des 7 derniers jours, quelle a été la gravité de vos NAUSÉES au pire moment ?", Severity), AlertSeverity.Warning, "des nausées"),
        (Graded("vomiting", "Au cours des 7 derniers jours, à quelle fréquence avez-vous VOMI ?", Frequency), AlertSeverity.Urgent, "des vomissements"),
        (Graded("diarrhoea", "Au cours des 7 derniers jours, à quelle fréquence avez-vous eu des SELLES LIQUIDES (diarrhée) ?", Frequency), AlertSeverity.Urgent, "une diarrhée"),
        (Graded("mouth-sores", "Au cours des 7 derniers jours, quelle a été la gravité de vos APHTES OU PLAIES DANS LA BOUCHE au pire moment ?", Severity), AlertSeverity.Warning, "des plaies dans la bouche"),
        (Graded("pain", "Au cours des 7 derniers jours, quelle a été l'intensité de vos DOULEURS au pire moment ?", Severity), AlertSeverity.Warning, "des douleurs"),
        (Graded("fatigue", "Au cours des 7 derniers jours, quelle a été la gravité de votre FATIGUE au pire moment ?", Severity), AlertSeverity.Warning, "une fatigue"),
        (Graded("shortness-of-breath", "Au cours des 7 derniers jours, quelle a été la gravité de votre ESSOUFFLEMENT au pire moment ?", Severity), AlertSeverity.Urgent, "un essoufflement"),
        (Graded("hand-foot", "Au cours des 7 derniers jours, quelle a été la gravité des ROUGEURS, DOULEURS OU CLOQUES DE LA PAUME DES MAINS OU DE LA PLANTE DES PIEDS au pire moment ?", Severity), AlertSeverity.Warning, "une atteinte des mains ou des pieds"),
        (Graded("numbness", "Au cours des 7 derniers jours, quelle a été la gravité de vos ENGOURDISSEMENTS OU FOURMILLEMENTS DES MAINS OU DES PIEDS au pire moment ?", Severity), AlertSeverity.Warning, "des fourmillements"),
        (Graded("rash", "Au cours des 7 derniers jours, quelle a été la gravité de vos ÉRUPTIONS SUR LA PEAU (boutons, plaques) au pire moment ?", Severity), AlertSeverity.Warning, "une éruption sur la peau"),
        (Graded("bleeding", "Au cours des 7 derniers jours, à quelle fréquence avez-vous SAIGNÉ (nez, gencives, urines, selles) ou eu des BLEUS sans raison ?", Frequency), AlertSeverity.Urgent, "des saignements"),
    ];

    private const string UrgentInstruction = "Appelez sans attendre : ne restez pas seul(e) avec ce symptôme.";
    private const string WarningInstruction = "L'équipe vous rappelle pour en parler ; appelez si cela s'aggrave.";

    public static QuestionnaireDefinition Definition { get; } = new(
        Code, 1, "Effets du traitement", "Chaque semaine pendant une chimiothérapie ou un traitement par voie orale, et avant chaque cure.",
        [ProCtcae, FebrileNeutropenia, Basch],
        [
            new(Temperature, "Votre température la plus haute aujourd'hui, si vous l'avez prise (en °C)", ItemType.Decimal, Min: 34m, Max: 43m, Unit: "°C",
                Help: "Prenez-la si vous avez chaud, froid ou des frissons."),
            new(SecondTemperature, "Si elle était de 38 °C ou plus : votre température une heure plus tard (en °C)", ItemType.Decimal, Min: 34m, Max: 43m, Unit: "°C"),
            new(Chills, "Avez-vous eu des FRISSONS (vous tremblez, vous claquez des dents) ?", ItemType.Boolean, Required: true),
            .. Symptoms.Select(s => s.Item),
        ],
        [
            // CTCAE v5.0: febrile neutropenia is graded 3 at least; under chemotherapy it is an emergency until proved otherwise.
            new("febrile-neutropenia-single", "Fièvre à 38,3 °C ou plus sous traitement", AtLeast(Temperature, 38.3m), AlertSeverity.Urgent,
                "Appeler le patient sans délai : suspicion de neutropénie fébrile, NFS et bilan infectieux en urgence, antibiothérapie dans l'heure si confirmée.",
                "Vous avez de la fièvre pendant votre traitement : c'est une urgence. " + UrgentInstruction, FebrileNeutropenia, Grade: 3),
            new("febrile-neutropenia-sustained", "Fièvre à 38 °C ou plus sur deux mesures à une heure d'intervalle", All(AtLeast(Temperature, 38.0m), AtLeast(SecondTemperature, 38.0m)),
                AlertSeverity.Urgent,
                "Appeler le patient sans délai : suspicion de neutropénie fébrile, NFS et bilan infectieux en urgence, antibiothérapie dans l'heure si confirmée.",
                "Vous avez de la fièvre pendant votre traitement : c'est une urgence. " + UrgentInstruction, FebrileNeutropenia, Grade: 3),
            new("chills", "Frissons sous traitement", Yes(Chills), AlertSeverity.Urgent,
                "Appeler le patient sans délai : des frissons sous chimiothérapie font rechercher une infection (neutropénie fébrile).",
                "Des frissons pendant votre traitement peuvent être le signe d'une infection. " + UrgentInstruction, FebrileNeutropenia, Grade: 3),
            new("hypothermia", "Température inférieure à 36 °C sous traitement", Below(Temperature, 36.0m), AlertSeverity.Urgent,
                "Appeler le patient sans délai : une hypothermie sous chimiothérapie peut être un sepsis.",
                "Une température basse pendant votre traitement peut être le signe d'une infection. " + UrgentInstruction, FebrileNeutropenia, Grade: 3),
            .. Symptoms.Select(s => new AlertRule($"{s.Item.LinkId}-severe", $"{Capitalise(s.Words)} sévère ou fréquent(e)", AtLeast(s.Item.LinkId, 3m), s.AtSevere,
                s.AtSevere == AlertSeverity.Urgent
                    ? "Appeler le patient dans l'heure : symptôme de grade 3 ou plus, évaluer une consultation ou une venue en hôpital de jour."
                    : "Appeler le patient dans la journée : symptôme sévère, conseils et adaptation du traitement de support.",
                $"Vous signalez {s.Words} importante(s). " + (s.AtSevere == AlertSeverity.Urgent ? UrgentInstruction : WarningInstruction),
                $"{ProCtcae} ; {Basch}", Grade: 3)),
        ]);

    private static string Capitalise(string words) => char.ToUpperInvariant(words[0]) + words[1..];
}
