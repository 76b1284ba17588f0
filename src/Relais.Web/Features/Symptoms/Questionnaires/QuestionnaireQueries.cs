using Relais.Domain;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Alerts;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Operations;

namespace Relais.Web.Features.Symptoms.Questionnaires;

public sealed record QuestionnaireSummary(string Code, int Version, string Title, string Status, string? ValidatedBy);

public sealed record QuestionnaireList(IReadOnlyList<QuestionnaireSummary> Items);

public sealed record FhirCoding(string Code, string Display);

public sealed record FhirAnswerOption(FhirCoding ValueCoding, decimal Value);

public sealed record FhirItem(string LinkId, string Text, string Type, bool Required, IReadOnlyList<FhirAnswerOption>? AnswerOption, decimal? MinValue, decimal? MaxValue, string? Unit, string? Help);

public sealed record FhirRule(string Code, string Title, string Severity, string TeamAction, string PatientInstruction, string Source, int? Grade, string? EarlyReturnCriterion);

/// <summary>
/// A questionnaire version in the shape of a FHIR R4 Questionnaire (<c>name</c>, <c>version</c>, <c>status</c>,
/// <c>item[].linkId</c>, <c>type</c>, <c>answerOption[].valueCoding</c>), with Relais's alert rules beside.
/// </summary>
public sealed record FhirQuestionnaire(string ResourceType, string Id, string Url, string Name, string Version, string Title, string Status, string Purpose,
    IReadOnlyList<string> Sources, IReadOnlyList<FhirItem> Item, IReadOnlyList<FhirRule> Rules, string? ValidatedBy, DateTimeOffset? ValidatedAt, int Revision);

/// <summary>The questionnaires: every code's latest version (reference data, no patient).</summary>
public sealed class QuestionnaireQueries(RelaisDb db)
{
    public async Task<QuestionnaireList> ListAsync(CancellationToken ct)
    {
        var all = await db.Questionnaires.AsNoTracking().ToListAsync(ct);
        return new([.. all.GroupBy(q => q.Code).Select(g => g.MaxBy(q => q.Version)!).OrderBy(q => q.Code, StringComparer.Ordinal)
            .Select(q => new QuestionnaireSummary(q.Code, q.Version, q.Title, Status(q), q.Validation?.Name))]);
    }

    /// <summary>The latest version of <paramref name="code"/> (or <paramref name="version"/>), or null.</summary>
    public Task<QuestionnaireVersion?> FindAsync(string code, int? version, CancellationToken ct) =>
        db.Questionnaires.AsNoTracking().Where(q => q.Code == code && (version == null || q.Version == version)).OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct);

    /// <summary>The latest validated version of <paramref name="code"/>: the one patients answer.</summary>
    public Task<QuestionnaireVersion?> InUseAsync(string code, CancellationToken ct) =>
        db.Questionnaires.AsNoTracking().Where(q => q.Code == code && q.Validation != null).OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct);

    public static string Status(QuestionnaireVersion q) => q.Status == QuestionnaireStatus.Validated ? "active" : "draft";

    public static FhirQuestionnaire ToFhir(QuestionnaireVersion q)
    {
        var d = q.Definition;
        return new FhirQuestionnaire("Questionnaire", $"{d.Code}-{d.Version}", $"urn:relais:questionnaire:{d.Code}", d.Code, $"{d.Version}", d.Title, Status(q), d.Purpose,
            d.Sources,
            [.. d.Items.Select(i => new FhirItem(i.LinkId, i.Text, EnumCodes.Code(i.Type), i.Required,
                i.Options.Count == 0 ? null : [.. i.Options.Select(o => new FhirAnswerOption(new FhirCoding(o.Code, o.Display), o.Value))], i.Min, i.Max, i.Unit, i.Help))],
            [.. d.Rules.Select(r => new FhirRule(r.Code, r.Title, r.Severity.Code(), r.TeamAction, r.PatientInstruction, r.Source, r.Grade,
                r.EarlyReturn == ClinicalCriteria.None ? null : r.EarlyReturn.Code()))],
            q.Validation?.Name, q.Validation?.At, q.Revision);
    }
}
