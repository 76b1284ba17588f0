using Relais.Domain.Alerts;
using static Relais.Domain.Alerts.ClinicalCriteria;
using static Relais.Domain.Questionnaires.RuleCondition;

namespace Relais.Domain.Questionnaires;

/// <summary>
/// The warning signs of each cancer site, in the words a patient uses for what they can notice. For a patient in
/// shared follow-up each sign is one of the early-return criteria of [B] ("modification clinique du site traité",
/// "suspicion de métastase"), which a patient's answer raises on the early-return route (C14); the GP keeps
/// [B]'s own wording on the clinical-criteria form. They replace the clinician-worded checkboxes the patient had.
/// </summary>
public static class WarningSignQuestionnaires
{
    private const string Becquerel = "[B] Carnet de Surveillance Alternée (Centre Henri Becquerel) : critères de retour précoce au spécialiste";
    private const string Inca = "INCa, guides patients « Vivre après un cancer » et recommandations de suivi (sein, côlon-rectum, prostate, poumon)";

    private const string TeamAction = "Rappeler le patient et organiser une consultation rapprochée avec le spécialiste (retour anticipé).";
    private const string PatientInstruction = "Ce que vous signalez doit être vu par votre équipe sans attendre le prochain rendez-vous : elle vous rappelle pour vous revoir rapidement.";

    private sealed record Sign(string LinkId, string Text, ClinicalCriteria Criterion, AlertSeverity Severity = AlertSeverity.Warning, string? Instruction = null);

    private static QuestionnaireDefinition Build(string site, string title, string icd10, Sign[] signs) => new(
        $"warning-signs-{site}", 1, title, "Des signes à surveiller entre deux rendez-vous : répondez quand vous remarquez quelque chose.",
        [Becquerel, Inca],
        [.. signs.Select(s => new QuestionnaireItem(s.LinkId, s.Text, ItemType.Boolean))],
        [.. signs.Select(s => new AlertRule($"{site}-{s.LinkId}", s.Text, Yes(s.LinkId), s.Severity,
            s.Severity == AlertSeverity.Urgent ? "Appeler le patient sans délai : signe d'alerte urgent, orienter vers les urgences si besoin." : TeamAction,
            s.Instruction ?? PatientInstruction, s.Criterion == SuspectedMetastasis ? $"{Becquerel} (suspicion de métastase) ; {Inca}" : $"{Becquerel} (modification du site traité) ; {Inca}",
            EarlyReturn: s.Criterion))],
        CancerSite: icd10);

    private const string CallNow = "Ce signe demande un avis médical sans attendre : appelez tout de suite.";

    public static QuestionnaireDefinition Breast { get; } = Build("breast", "Signes d'alerte — sein", "C50",
    [
        new("lump", "Je sens une boule ou un gonflement dans un sein, sur la cicatrice ou sous le bras", ClinicalOrRadiologicalChange),
        new("skin", "La peau d'un sein ou un mamelon a changé (rougeur, peau qui se creuse, écoulement)", ClinicalOrRadiologicalChange),
        new("bone-pain", "J'ai une douleur dans les os ou le dos qui ne passe pas depuis plus de deux semaines", SuspectedMetastasis),
        new("breath", "Je suis essoufflé(e) ou je tousse depuis plusieurs semaines sans raison", SuspectedMetastasis),
        new("weight", "Je perds du poids sans le vouloir ou je suis très fatigué(e) depuis plusieurs semaines", SuspectedMetastasis),
    ]);

    public static QuestionnaireDefinition Colorectal { get; } = Build("colorectal", "Signes d'alerte — côlon et rectum", "C18-C20",
    [
        new("blood", "Il y a du sang dans mes selles", ClinicalOrRadiologicalChange),
        new("bowel", "Mon transit a changé depuis plusieurs semaines (diarrhée ou constipation qui dure)", ClinicalOrRadiologicalChange),
        new("belly-pain", "J'ai mal au ventre et cela ne passe pas", ClinicalOrRadiologicalChange),
        new("occlusion", "Je ne vais plus à la selle, je n'ai plus de gaz et j'ai le ventre gonflé ou je vomis", ClinicalOrRadiologicalChange, AlertSeverity.Urgent, CallNow),
        new("jaundice", "Mes yeux ou ma peau jaunissent", SuspectedMetastasis),
        new("weight", "Je perds du poids sans le vouloir", SuspectedMetastasis),
    ]);

    public static QuestionnaireDefinition Prostate { get; } = Build("prostate", "Signes d'alerte — prostate", "C61",
    [
        new("bone-pain", "J'ai une douleur dans les os ou le dos qui ne passe pas", SuspectedMetastasis),
        new("urine", "J'ai du sang dans les urines ou du mal à uriner", ClinicalOrRadiologicalChange),
        // A spinal cord compression is an emergency: weakness or numbness of the legs, loss of bladder control.
        new("legs", "Mes jambes sont faibles ou engourdies, ou je ne contrôle plus mes urines ou mes selles", SuspectedMetastasis, AlertSeverity.Urgent, CallNow),
        new("weight", "Je perds du poids sans le vouloir ou je suis très fatigué", SuspectedMetastasis),
    ]);

    public static QuestionnaireDefinition Lung { get; } = Build("lung", "Signes d'alerte — poumon", "C34",
    [
        new("breath", "Je suis de plus en plus essoufflé(e)", ClinicalOrRadiologicalChange),
        new("blood", "Je crache du sang", ClinicalOrRadiologicalChange, AlertSeverity.Urgent, CallNow),
        new("cough", "Je tousse depuis plusieurs semaines ou ma toux a changé", ClinicalOrRadiologicalChange),
        new("headache", "J'ai des maux de tête inhabituels, des troubles de la vue ou de l'équilibre", SuspectedMetastasis),
        new("bone-pain", "J'ai une douleur dans les os ou le dos qui ne passe pas", SuspectedMetastasis),
    ]);

    public static IReadOnlyList<QuestionnaireDefinition> All { get; } = [Breast, Colorectal, Prostate, Lung];

    /// <summary>The warning-sign questionnaire of an ICD-10 site ("C50.4" → breast), if Relais ships one.</summary>
    public static QuestionnaireDefinition? ForSite(string? icd10)
    {
        if (icd10 is not { Length: >= 3 } code || code[0] != 'C' || !int.TryParse(code.AsSpan(1, 2), out var n)) return null;
        return n switch
        {
            50 => Breast,
            >= 18 and <= 20 => Colorectal,
            61 => Prostate,
            34 => Lung,
            _ => null,
        };
    }
}

/// <summary>Every questionnaire Relais ships, version 1, "to validate" like every version.</summary>
public static class ShippedQuestionnaires
{
    public static IReadOnlyList<QuestionnaireDefinition> All { get; } = [ToxicityQuestionnaire.Definition, EsasQuestionnaire.Definition, .. WarningSignQuestionnaires.All];
}
