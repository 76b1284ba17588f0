using System.Globalization;
using Relais.Domain.Announcements;
using Relais.Domain.TumorBoards;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Features.Fhir;

/// <summary>
/// The two screenings Relais scores itself, in FHIR R4: the G8 oncogeriatric screening (recorded before the RCP of a
/// patient over 75) and the EPICES social-deprivation score (recorded at the announcement), each as a Questionnaire
/// of fixed id and canonical URL, and each recorded screening as a QuestionnaireResponse naming it, with its answers
/// typed as its items are and its score as a read-only item.
/// </summary>
public static class FhirScreeningMapper
{
    public const string G8Id = "g8";
    public const string EpicesId = "epices";
    public const string Version = "1";
    public static readonly string G8Url = Url(G8Id);
    public static readonly string EpicesUrl = Url(EpicesId);
    public const string ScoreLinkId = "score";

    public static string Url(string id) => $"urn:relais:screening:{id}";

    private sealed record Option(string Code, string Display);

    private sealed record G8Item(string LinkId, string Text, R4.Questionnaire.QuestionnaireItemType Type, Option[] Options);

    private static readonly G8Item[] G8Items =
    [
        new("food-intake", "A. Perte d'appétit : a-t-il mangé moins ces 3 derniers mois (manque d'appétit, problèmes digestifs, difficultés de mastication ou de déglutition) ?",
            R4.Questionnaire.QuestionnaireItemType.Choice, [new("0", "Anorexie sévère"), new("1", "Anorexie modérée"), new("2", "Pas d'anorexie")]),
        new("weight-loss", "B. Perte récente de poids (moins de 3 mois)", R4.Questionnaire.QuestionnaireItemType.Choice,
            [new("0", "Perte de poids de plus de 3 kg"), new("1", "Ne sait pas"), new("2", "Perte de poids entre 1 et 3 kg"), new("3", "Pas de perte de poids")]),
        new("mobility", "C. Motricité", R4.Questionnaire.QuestionnaireItemType.Choice,
            [new("0", "Du lit au fauteuil"), new("1", "Autonome à l'intérieur, ne sort pas"), new("2", "Sort du domicile")]),
        new("neuropsychological", "D. Problèmes neuropsychologiques", R4.Questionnaire.QuestionnaireItemType.Choice,
            [new("0", "Démence ou dépression sévère"), new("1", "Démence ou dépression modérée"), new("2", "Pas de problème psychologique")]),
        new("body-mass-index", "E. Indice de masse corporelle (poids / taille², en kg/m²)", R4.Questionnaire.QuestionnaireItemType.Decimal, []),
        new("more-than-three-medications", "F. Prend plus de 3 médicaments par jour", R4.Questionnaire.QuestionnaireItemType.Boolean, []),
        new("self-rated-health", "G. Se sent-il en meilleure ou moins bonne santé que la plupart des personnes de son âge ?", R4.Questionnaire.QuestionnaireItemType.Choice,
            [new("0", "Moins bonne"), new("0.5", "Ne sait pas"), new("1", "Aussi bonne"), new("2", "Meilleure")]),
        new("age", "H. Âge (en années révolues)", R4.Questionnaire.QuestionnaireItemType.Integer, []),
    ];

    public static string EpicesLinkId(int index) => $"q{(index + 1).ToString(CultureInfo.InvariantCulture)}";

    private static R4.Questionnaire Base(string id, string title, string purpose) => new()
    {
        Id = id,
        Url = Url(id),
        Version = Version,
        Name = id.ToUpperInvariant(),
        Title = title,
        Status = R4.PublicationStatus.Active,
        Purpose = purpose,
        SubjectType = [R4.ResourceType.Patient],
    };

    private static R4.Questionnaire.ItemComponent Score(string text) =>
        new() { LinkId = ScoreLinkId, Text = text, Type = R4.Questionnaire.QuestionnaireItemType.Decimal, ReadOnly = true };

    public static R4.Questionnaire G8Questionnaire()
    {
        var q = Base(G8Id, "G8 — dépistage oncogériatrique",
            $"Dépister, avant la RCP, les patients de plus de 75 ans qui relèvent d'une évaluation gériatrique approfondie : score de 0 à 17, évaluation recommandée à {G8.Threshold.ToString(CultureInfo.InvariantCulture)} ou moins.");
        foreach (var item in G8Items)
        {
            var entry = new R4.Questionnaire.ItemComponent { LinkId = item.LinkId, Text = item.Text, Type = item.Type, Required = true };
            foreach (var option in item.Options)
                entry.AnswerOption.Add(new R4.Questionnaire.AnswerOptionComponent { Value = new R4.Coding(G8Url, option.Code, option.Display) });
            q.Item.Add(entry);
        }
        q.Item.Add(Score("Score G8 (0 à 17)"));
        return q;
    }

    public static R4.Questionnaire EpicesQuestionnaire()
    {
        var q = Base(EpicesId, "EPICES — score de précarité",
            $"Dépister la fragilité sociale lors de l'annonce : 11 questions oui / non, score de 0 à 100, précarité à partir de {Epices.PrecariousFrom.ToString(CultureInfo.InvariantCulture)}.");
        for (var i = 0; i < Epices.Questions.Count; i++)
            q.Item.Add(new R4.Questionnaire.ItemComponent { LinkId = EpicesLinkId(i), Text = Epices.Questions[i].Question, Type = R4.Questionnaire.QuestionnaireItemType.Boolean, Required = true });
        q.Item.Add(Score("Score EPICES (0 à 100)"));
        return q;
    }

    public static IReadOnlyList<R4.Questionnaire> Questionnaires() => [EpicesQuestionnaire(), G8Questionnaire()];

    private static R4.QuestionnaireResponse.ItemComponent Answer(string linkId, string text, R4.DataType value) =>
        new() { LinkId = linkId, Text = text, Answer = [new R4.QuestionnaireResponse.AnswerComponent { Value = value }] };

    private static R4.Coding Choice(int index, decimal points)
    {
        var code = points.ToString("0.#", CultureInfo.InvariantCulture);
        return new R4.Coding(G8Url, code, G8Items[index].Options.First(o => o.Code == code).Display);
    }

    /// <summary>A recorded G8: its eight answers, dated by the screening's day, by the professional who recorded it.</summary>
    public static R4.QuestionnaireResponse G8Response(G8Assessment g)
    {
        var r = new R4.QuestionnaireResponse
        {
            Id = g.Id.ToString(),
            Questionnaire = $"{G8Url}|{Version}",
            Status = R4.QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new R4.ResourceReference(FhirMapper.Ref("Patient", g.PatientId)),
            Authored = g.AssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Author = new R4.ResourceReference(FhirMapper.Ref("Practitioner", g.AssessedBy)),
        };
        r.Item.Add(Answer(G8Items[0].LinkId, G8Items[0].Text, Choice(0, g.FoodIntake)));
        r.Item.Add(Answer(G8Items[1].LinkId, G8Items[1].Text, Choice(1, g.WeightLoss)));
        r.Item.Add(Answer(G8Items[2].LinkId, G8Items[2].Text, Choice(2, g.Mobility)));
        r.Item.Add(Answer(G8Items[3].LinkId, G8Items[3].Text, Choice(3, g.Neuropsychological)));
        r.Item.Add(Answer(G8Items[4].LinkId, G8Items[4].Text, new R4.FhirDecimal(g.BodyMassIndex)));
        r.Item.Add(Answer(G8Items[5].LinkId, G8Items[5].Text, new R4.FhirBoolean(g.MoreThanThreeMedications)));
        r.Item.Add(Answer(G8Items[6].LinkId, G8Items[6].Text, Choice(6, g.SelfRatedHealth)));
        r.Item.Add(Answer(G8Items[7].LinkId, G8Items[7].Text, new R4.Integer(g.AgeAtAssessment)));
        r.Item.Add(Answer(ScoreLinkId, "Score G8 (0 à 17)", new R4.FhirDecimal(g.Score)));
        return r;
    }

    /// <summary>
    /// The EPICES score of an episode's announcement (one per announcement, its id): its eleven answers as recorded
    /// ("1" yes, "0" no) and the score. The announcement keeps neither the day nor the author of this step alone, so
    /// the response has no <c>authored</c> nor <c>author</c> rather than false ones.
    /// </summary>
    public static R4.QuestionnaireResponse EpicesResponse(Guid announcementId, Guid patientId, string answers, decimal score)
    {
        var r = new R4.QuestionnaireResponse
        {
            Id = announcementId.ToString(),
            Questionnaire = $"{EpicesUrl}|{Version}",
            Status = R4.QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new R4.ResourceReference(FhirMapper.Ref("Patient", patientId)),
        };
        for (var i = 0; i < Epices.Questions.Count && i < answers.Length; i++)
            r.Item.Add(Answer(EpicesLinkId(i), Epices.Questions[i].Question, new R4.FhirBoolean(answers[i] == '1')));
        r.Item.Add(Answer(ScoreLinkId, "Score EPICES (0 à 100)", new R4.FhirDecimal(score)));
        return r;
    }
}
