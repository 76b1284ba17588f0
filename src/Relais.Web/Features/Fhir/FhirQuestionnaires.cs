using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Features.Fhir;

/// <summary>
/// The symptom questionnaires in FHIR R4: each version of a definition as a Questionnaire (the id and canonical URL
/// that <c>/api/questionnaires/{code}</c> gives), each answer of a patient as a QuestionnaireResponse that names it.
/// </summary>
public static class FhirQuestionnaireMapper
{
    public static string UrlOf(string code) => $"urn:relais:questionnaire:{code}";

    public static string IdOf(string code, int version) => $"{code}-{version.ToString(CultureInfo.InvariantCulture)}";

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);

    private static R4.Questionnaire.QuestionnaireItemType TypeOf(ItemType type) => type switch
    {
        ItemType.Choice => R4.Questionnaire.QuestionnaireItemType.Choice,
        ItemType.Decimal => R4.Questionnaire.QuestionnaireItemType.Decimal,
        ItemType.Integer => R4.Questionnaire.QuestionnaireItemType.Integer,
        _ => R4.Questionnaire.QuestionnaireItemType.Boolean,
    };

    /// <summary>A version of a questionnaire: active once a physician validated it, a draft before; its items with their answer options.</summary>
    public static R4.Questionnaire Questionnaire(QuestionnaireVersion q)
    {
        var d = q.Definition;
        var questionnaire = new R4.Questionnaire
        {
            Id = IdOf(d.Code, d.Version),
            Url = UrlOf(d.Code),
            Version = d.Version.ToString(CultureInfo.InvariantCulture),
            Title = d.Title,
            Status = q.Status == QuestionnaireStatus.Validated ? R4.PublicationStatus.Active : R4.PublicationStatus.Draft,
            Purpose = d.Purpose,
            SubjectType = [R4.ResourceType.Patient],
        };
        if (q.Validation is { } validation) questionnaire.Date = Instant(validation.At);
        foreach (var item in d.Items)
        {
            var entry = new R4.Questionnaire.ItemComponent { LinkId = item.LinkId, Text = item.Text, Type = TypeOf(item.Type), Required = item.Required };
            foreach (var option in item.Options)
                entry.AnswerOption.Add(new R4.Questionnaire.AnswerOptionComponent { Value = new R4.Coding(UrlOf(d.Code), option.Code, option.Display) });
            questionnaire.Item.Add(entry);
        }
        return questionnaire;
    }

    /// <summary>A patient's answers, in the questionnaire's order, typed as its items are; the author is the patient or the professional who entered them.</summary>
    public static R4.QuestionnaireResponse Response(QuestionnaireResponse r, QuestionnaireDefinition? definition, bool authorIsPatient)
    {
        var response = new R4.QuestionnaireResponse
        {
            Id = r.Id.ToString(),
            Questionnaire = $"{UrlOf(r.QuestionnaireCode)}|{r.QuestionnaireVersion.ToString(CultureInfo.InvariantCulture)}",
            Status = R4.QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new R4.ResourceReference(FhirMapper.Ref("Patient", r.PatientId)),
            Authored = Instant(r.AuthoredAt),
            Author = new R4.ResourceReference(authorIsPatient ? FhirMapper.Ref("Patient", r.PatientId) : FhirMapper.Ref("Practitioner", r.AuthorId)),
        };
        foreach (var answer in r.Answers)
        {
            var item = definition?.Item(answer.LinkId);
            R4.DataType value = item?.Type switch
            {
                ItemType.Choice => new R4.Coding(UrlOf(r.QuestionnaireCode), answer.Raw, answer.Display),
                ItemType.Integer => new R4.Integer((int)answer.Value),
                ItemType.Boolean => new R4.FhirBoolean(answer.Value != 0),
                ItemType.Decimal => new R4.FhirDecimal(answer.Value),
                _ => new R4.FhirString(answer.Display),
            };
            response.Item.Add(new R4.QuestionnaireResponse.ItemComponent
            {
                LinkId = answer.LinkId,
                Text = item?.Text,
                Answer = [new R4.QuestionnaireResponse.AnswerComponent { Value = value }],
            });
        }
        return response;
    }
}

/// <summary>
/// The questionnaire reads of <c>/fhir</c>: the definitions are reference data; a patient's answers go through the
/// access rule (audited) and read-record, as the record's clinical part.
/// </summary>
public sealed class FhirQuestionnaireReads(RelaisDb db, PatientAccess access, CapabilityCheck capabilities)
{
    /// <summary>The symptom questionnaires (every version), then the G8 and EPICES screenings; optionally those of one canonical URL.</summary>
    public async Task<IReadOnlyList<R4.Questionnaire>> QuestionnairesAsync(string? url, CancellationToken ct)
    {
        var rows = await db.Questionnaires.AsNoTracking().ToListAsync(ct);
        return rows.Where(q => url is null || FhirQuestionnaireMapper.UrlOf(q.Code) == url).OrderBy(q => q.Code, StringComparer.Ordinal).ThenBy(q => q.Version)
            .Select(FhirQuestionnaireMapper.Questionnaire).Concat(FhirScreeningMapper.Questionnaires().Where(q => url is null || q.Url == url)).ToList();
    }

    public async Task<R4.Questionnaire?> QuestionnaireAsync(string id, CancellationToken ct)
    {
        if (FhirScreeningMapper.Questionnaires().FirstOrDefault(q => q.Id == id) is { } screening) return screening;
        var dash = id.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(id[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return null;
        var code = id[..dash];
        var row = await db.Questionnaires.AsNoTracking().FirstOrDefaultAsync(q => q.Code == code && q.Version == version, ct);
        return row is null ? null : FhirQuestionnaireMapper.Questionnaire(row);
    }

    /// <summary>The patient a response is about: a symptom questionnaire's answers, a G8, or an announcement's EPICES score.</summary>
    public async Task<Guid?> PatientOfResponseAsync(Guid id, CancellationToken ct) =>
        await db.QuestionnaireResponses.AsNoTracking().Where(r => r.Id == id).Select(r => (Guid?)r.PatientId).FirstOrDefaultAsync(ct)
        ?? await db.G8Assessments.AsNoTracking().Where(g => g.Id == id).Select(g => (Guid?)g.PatientId).FirstOrDefaultAsync(ct)
        ?? await db.Announcements.AsNoTracking().Where(a => a.Id == id && a.EpicesScore != null).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// A patient's responses: the symptom questionnaires' answers, the G8 screenings (read as the record is, like
    /// <c>/api/patients/{id}/g8</c>) and the EPICES scores of the announcements (only for a role that reads the
    /// announcement, as <c>GET .../announcement</c> requires); optionally those naming one questionnaire
    /// (<c>url</c> or <c>url|version</c>).
    /// </summary>
    public async Task<(IReadOnlyList<R4.QuestionnaireResponse> Items, FhirRefusal Refusal)> ResponsesAsync(CurrentUser? user, Guid patientId, Guid? id, string resource,
        string? questionnaire, CancellationToken ct)
    {
        var decision = await access.CheckAsync(user, patientId, AccessKind.Read, resource, ct);
        if (!decision.Granted) return ([], FhirRefusal.NotFound);
        if (!await capabilities.CheckAsync(user, [Capability.ReadRecord], patientId, decision, resource, false, ct)) return ([], FhirRefusal.Forbidden);
        bool Wanted(string canonical) => questionnaire is null || canonical == questionnaire || canonical.StartsWith(questionnaire + "|", StringComparison.Ordinal);
        var screenings = new List<R4.QuestionnaireResponse>();
        if (Wanted(FhirScreeningMapper.G8Url + "|" + FhirScreeningMapper.Version))
            screenings.AddRange((await db.G8Assessments.AsNoTracking().Where(g => g.PatientId == patientId && (id == null || g.Id == id)).ToListAsync(ct))
                .OrderBy(g => g.AssessedOn).ThenBy(g => g.Id).Select(FhirScreeningMapper.G8Response));
        if (Wanted(FhirScreeningMapper.EpicesUrl + "|" + FhirScreeningMapper.Version) && await capabilities.AllowsAsync(user, Capability.ReadPsychologicalNotes, decision, ct))
            screenings.AddRange((await db.Announcements.AsNoTracking().Where(a => a.PatientId == patientId && a.EpicesScore != null && a.EpicesAnswers != null && (id == null || a.Id == id))
                    .Select(a => new { a.Id, a.PatientId, a.EpicesAnswers, a.EpicesScore }).ToListAsync(ct))
                .OrderBy(a => a.Id).Select(a => FhirScreeningMapper.EpicesResponse(a.Id, a.PatientId, a.EpicesAnswers!, a.EpicesScore!.Value)));
        var q = db.QuestionnaireResponses.AsNoTracking().Where(r => r.PatientId == patientId);
        if (id is { } one) q = q.Where(r => r.Id == one);
        var rows = (await q.ToListAsync(ct)).OrderBy(r => r.AuthoredAt).ThenBy(r => r.Id).ToList();
        var codes = rows.Select(r => r.QuestionnaireCode).Distinct().ToList();
        var definitions = (await db.Questionnaires.AsNoTracking().Where(v => codes.Contains(v.Code)).ToListAsync(ct))
            .ToDictionary(v => (v.Code, v.Version), v => v.Definition);
        var authors = rows.Select(r => r.AuthorId).Distinct().ToList();
        var patientAccounts = (await db.Users.AsNoTracking().Where(u => authors.Contains(u.Id) && u.PatientId == patientId).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        return (rows.Select(r => FhirQuestionnaireMapper.Response(r, definitions.GetValueOrDefault((r.QuestionnaireCode, r.QuestionnaireVersion)),
            patientAccounts.Contains(r.AuthorId) || r.AuthorId == patientId)).Where(r => Wanted(r.Questionnaire ?? "")).Concat(screenings).ToList(), FhirRefusal.None);
    }
}
