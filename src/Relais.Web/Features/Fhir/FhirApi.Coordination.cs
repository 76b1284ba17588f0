using System.Globalization;
using Microsoft.Extensions.Primitives;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Programmes;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Features.Fhir;

/// <summary>The coordination, calendar and questionnaire reads and searches of <c>/fhir</c>: Task, Communication, DocumentReference, ServiceRequest, Appointment, Questionnaire, QuestionnaireResponse.</summary>
public static partial class FhirApi
{
    private static async Task<IResult> SearchTasks(HttpContext http, FhirCoordinationReads reads, CancellationToken ct)
    {
        var q = http.Request.Query;
        if (!Paging(q, out var offset, out var count, out var pagingError)) return pagingError!;
        HashSet<R4.Task.TaskStatus>? statuses = null;
        if (q.TryGetValue("status", out var rawStatus))
        {
            statuses = [];
            foreach (var value in rawStatus.SelectMany(v => (v ?? "").Split(',')))
            {
                var parsed = Hl7.Fhir.Utility.EnumUtility.ParseLiteral<R4.Task.TaskStatus>(value.Trim());
                if (parsed is null) return FhirJson.Invalid("Le paramètre status attend un statut de Task (requested, received, accepted, in-progress, completed...).", "status");
                statuses.Add(parsed.Value);
            }
        }
        string? owner = null;
        Guid ownerId = Guid.Empty;
        if (q.TryGetValue("owner", out var rawOwner))
        {
            var text = rawOwner.ToString();
            if (text.Length == 0) return FhirJson.Invalid("Le paramètre owner attend Practitioner/<id> ou Patient/<id>.", "owner");
            var type = text.StartsWith("Patient/", StringComparison.Ordinal) ? "Patient" : "Practitioner";
            var raw = text.StartsWith(type + "/", StringComparison.Ordinal) ? text[(type.Length + 1)..] : text;
            if (!Guid.TryParse(raw, out ownerId)) return Searchset(http, Array.Empty<R4.Resource>(), 0, offset, count);
            owner = FhirMapper.Ref(type, ownerId);
        }
        var criteria = new FhirCoordinationReads.TaskCriteria(owner, statuses);
        var user = CurrentUser.From(http.User);
        if (!q.ContainsKey("patient") && !q.ContainsKey("subject") && owner is not null)
            return Searchset(http, await reads.TasksOfOwnerAsync(user, owner, ownerId, criteria, "GET /fhir/Task", ct), offset, count);
        return await PatientSearchAsync(http, (caller, patientId) => reads.TasksAsync(caller, patientId, criteria, "GET /fhir/Task", ct));
    }

    private static async Task<IResult> ReadTask(string id, HttpContext http, FhirCoordinationReads reads, CancellationToken ct) =>
        await ReadOfPatientAsync<R4.Task>(await reads.PatientOfTaskAsync(id, ct), async patientId =>
        {
            var (items, refusal) = await reads.TasksAsync(CurrentUser.From(http.User), patientId, new FhirCoordinationReads.TaskCriteria(null, null), Resource(http), ct);
            return ((IReadOnlyList<R4.Task>)[.. items.Where(t => t.Id == id)], refusal);
        });

    private static Task<IResult> SearchCommunications(HttpContext http, FhirCoordinationReads reads, CancellationToken ct) =>
        PatientSearchAsync(http, (user, patientId) => reads.CommunicationsAsync(user, patientId, null, "GET /fhir/Communication", ct));

    private static async Task<IResult> ReadCommunication(Guid id, HttpContext http, FhirCoordinationReads reads, CancellationToken ct) =>
        await ReadOfPatientAsync(await reads.PatientOfTransmissionAsync(id, ct), patientId => reads.CommunicationsAsync(CurrentUser.From(http.User), patientId, id, Resource(http), ct));

    private static string ApiBase(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static async Task<IResult> SearchDocumentReferences(HttpContext http, FhirCoordinationReads reads, CancellationToken ct)
    {
        var q = http.Request.Query;
        Domain.Documents.DocumentKind? kind = null;
        if (q.TryGetValue("type", out var rawType))
        {
            var (system, value) = FhirReads.SplitToken(rawType.ToString());
            if (system is not null && system != FhirCoordinationMapper.DocumentKindSystem) return await PatientSearchAsync(http, (_, _) => NoMatch<R4.DocumentReference>());
            if (!EnumCodes.TryParse<Domain.Documents.DocumentKind>(value, out var parsed))
                return FhirJson.Invalid($"Le paramètre type attend un type de document : {string.Join(", ", EnumCodes.All<Domain.Documents.DocumentKind>())}.", "type");
            kind = parsed;
        }
        return await PatientSearchAsync(http, (user, patientId) => reads.DocumentReferencesAsync(user, patientId, kind, null, ApiBase(http), "GET /fhir/DocumentReference", ct));
    }

    private static async Task<IResult> ReadDocumentReference(Guid id, HttpContext http, FhirCoordinationReads reads, CancellationToken ct) =>
        await ReadOfPatientAsync(await reads.PatientOfDocumentAsync(id, ct), patientId => reads.DocumentReferencesAsync(CurrentUser.From(http.User), patientId, null, id, ApiBase(http), Resource(http), ct));

    private static Task<IResult> SearchServiceRequests(HttpContext http, FhirCalendarReads reads, CancellationToken ct) =>
        PatientSearchAsync(http, (user, patientId) => reads.ServiceRequestsAsync(user, patientId, null, "GET /fhir/ServiceRequest", ct));

    private static async Task<IResult> ReadServiceRequest(Guid id, HttpContext http, FhirCalendarReads reads, CancellationToken ct) =>
        await ReadOfPatientAsync(await reads.PatientOfCarnetItemAsync(id, ct), patientId => reads.ServiceRequestsAsync(CurrentUser.From(http.User), patientId, id, Resource(http), ct));

    private static Task<IResult> SearchAppointments(HttpContext http, FhirCalendarReads reads, CancellationToken ct) =>
        PatientSearchAsync(http, (user, patientId) => reads.AppointmentsAsync(user, patientId, null, "GET /fhir/Appointment", ct));

    private static async Task<IResult> ReadAppointment(Guid id, HttpContext http, FhirCalendarReads reads, CancellationToken ct) =>
        await ReadOfPatientAsync(await reads.PatientOfAppointmentAsync(id, ct), patientId => reads.AppointmentsAsync(CurrentUser.From(http.User), patientId, id, Resource(http), ct));

    private static async Task<IResult> SearchQuestionnaires(HttpContext http, FhirQuestionnaireReads reads, CancellationToken ct)
    {
        if (!Paging(http.Request.Query, out var offset, out var count, out var pagingError)) return pagingError!;
        var url = http.Request.Query.TryGetValue("url", out var rawUrl) ? rawUrl.ToString() : null;
        if (url is { Length: 0 }) return FhirJson.Invalid("Le paramètre url attend l'URL canonique d'un questionnaire (urn:relais:questionnaire:<code>).", "url");
        return Searchset(http, await reads.QuestionnairesAsync(url, ct), offset, count);
    }

    private static async Task<IResult> ReadQuestionnaire(string id, FhirQuestionnaireReads reads, CancellationToken ct) =>
        await reads.QuestionnaireAsync(id, ct) is { } questionnaire ? FhirJson.Result(questionnaire) : FhirJson.NotFound();

    private static async Task<IResult> SearchQuestionnaireResponses(HttpContext http, FhirQuestionnaireReads reads, CancellationToken ct)
    {
        string? questionnaire = null;
        if (http.Request.Query.TryGetValue("questionnaire", out var rawQuestionnaire))
        {
            questionnaire = rawQuestionnaire.ToString().Trim();
            if (questionnaire.Length == 0)
                return FhirJson.Invalid("Le paramètre questionnaire attend l'URL canonique d'un questionnaire, avec ou sans |version (urn:relais:screening:g8, urn:relais:screening:epices, urn:relais:questionnaire:<code>).", "questionnaire");
        }
        return await PatientSearchAsync(http, (user, patientId) => reads.ResponsesAsync(user, patientId, null, "GET /fhir/QuestionnaireResponse", questionnaire, ct));
    }

    private static async Task<IResult> ReadQuestionnaireResponse(Guid id, HttpContext http, FhirQuestionnaireReads reads, CancellationToken ct) =>
        await ReadOfPatientAsync(await reads.PatientOfResponseAsync(id, ct), patientId => reads.ResponsesAsync(CurrentUser.From(http.User), patientId, id, Resource(http), null, ct));
}
