using Relais.Domain.Alerts;
using static Relais.Domain.Questionnaires.RuleCondition;

namespace Relais.Domain.Questionnaires;

/// <summary>
/// ESAS-r, the revised Edmonton Symptom Assessment System (Watanabe et al., J Pain Symptom Manage 2011), in its
/// French version ("Système d'évaluation des symptômes d'Edmonton – révisé"), free to use: nine symptoms from
/// 0 (absent) to 10 (the worst imaginable) "en ce moment".
/// </summary>
public static class EsasQuestionnaire
{
    public const string Code = "esas-r";
    public const string Total = "total";

    private const string Source = "ESAS-r, Watanabe et al. 2011 ; version française (Alberta Health Services / Covenant Health), libre d'utilisation";
    private const string SevereCutOff = "Selby et al., J Pain Symptom Manage 2010 ; Hui & Bruera 2017 : 7 à 10 = symptôme sévère";

    private static readonly (string LinkId, string Text)[] Symptoms =
    [
        ("pain", "Douleur"), ("tiredness", "Fatigue (manque d'énergie)"), ("drowsiness", "Somnolence (envie de dormir)"),
        ("nausea", "Nausées (envie de vomir)"), ("appetite", "Manque d'appétit"), ("shortness-of-breath", "Essoufflement"),
        ("depression", "Déprime (tristesse)"), ("anxiety", "Anxiété (nervosité, inquiétude)"), ("wellbeing", "Mal-être (comment vous vous sentez dans l'ensemble)"),
    ];

    private static IReadOnlyList<AnswerOption> Scale { get; } =
        [.. Enumerable.Range(0, 11).Select(n => new AnswerOption($"{n}", n switch { 0 => "0 – aucun(e)", 10 => "10 – le pire possible", _ => $"{n}" }, n))];

    public static QuestionnaireDefinition Definition { get; } = new(
        Code, 1, "Mes symptômes (ESAS-r)", "Une échelle générale des symptômes, à tout moment du parcours.",
        [Source, SevereCutOff],
        [.. Symptoms.Select(s => new QuestionnaireItem(s.LinkId, $"{s.Text} — en ce moment, de 0 à 10", ItemType.Choice, Required: true, AnswerOptions: Scale))],
        [
            .. Symptoms.Select(s => new AlertRule($"esas-{s.LinkId}-severe", $"{s.Text} : symptôme sévère (7 ou plus)", AtLeast(s.LinkId, 7m),
                s.LinkId == "shortness-of-breath" ? AlertSeverity.Urgent : AlertSeverity.Warning,
                "Appeler le patient dans la journée : symptôme sévère (ESAS-r ≥ 7), à évaluer.",
                "Vous indiquez un symptôme sévère : l'équipe vous rappelle pour en parler ; appelez si cela s'aggrave.", $"{Source} ; {SevereCutOff}")),
        ],
        [new ScoreDefinition(Total, "Score total de détresse (0–90)", [.. Symptoms.Select(s => s.LinkId)])]);
}
