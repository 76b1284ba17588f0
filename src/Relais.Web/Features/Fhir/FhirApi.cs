using System.Globalization;
using Microsoft.Extensions.Primitives;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Programmes;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Features.Fhir;

/// <summary>
/// FHIR R4 under <c>/fhir</c> (issue 17 points 1 and 2), aligned with FR Core (identity) and mCODE (cancer): the
/// CapabilityStatement, read and search of Patient, Practitioner, Condition, Observation and CarePlan, and external
/// results in. Bearer token as for <c>/api</c> (a cookie works too; an unsafe cookie request needs the antiforgery
/// header, as <see cref="Operations.ApiAntiforgery"/> enforces for <c>/fhir</c>). Answers in <c>application/fhir+json</c>,
/// errors as OperationOutcome.
/// </summary>
public static partial class FhirApi
{
    private const string Tag = "FHIR R4";
    public const int DefaultCount = 50;
    public const int MaxCount = 200;
    private const string SearchReason = "a FHIR search: the access rule is applied (and audited) to the patient it names; a patient the caller may not see answers an empty searchset";
    private const string ReadReason = "a FHIR read by resource id: the access rule is applied (and audited) to the resource's patient; a refusal answers as for a missing resource";

    public static IEndpointRouteBuilder MapFhir(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fhir/metadata", Metadata).FhirAnswers(StatusCodes.Status406NotAcceptable).WithTags(Tag).AllowAnonymous().DeclareNoPatientData("the server's CapabilityStatement")
            .WithSummary("Déclaration de capacités FHIR R4 (CapabilityStatement) : ressources, interactions et paramètres de recherche.");
        var fhir = app.MapGroup("/fhir").WithTags(Tag).RequireAuthorization();
        // Patient/{patientId}: guarded as every route naming a patient (the endpoint test walks it as an outsider).
        fhir.MapGet("/Patient/{patientId:guid}", ReadPatient).WithMetadata(new PatientScopedAttribute(AccessKind.Read), new RequiresCapabilityAttribute(Capability.ReadRecord))
            .FhirAnswers(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("Lit un patient (FR Core : INS-NIR, statut de l'identité).");
        fhir.MapGet("/Patient", SearchPatients).FhirAnswers(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden).DeclareNoPatientData(SearchReason).WithMetadata(new AuditsEachPatientShownAttribute())
            .WithSummary("Recherche un patient par INS (identifier=urn:oid:1.2.250.1.213.1.4.8|INS) ou liste les patients visibles, par pages.");
        fhir.MapGet("/Practitioner/{id:guid}", ReadPractitioner).FhirAnswers(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound).DeclareNoPatientData("the professionals' directory (RPPS)")
            .WithSummary("Lit un professionnel (FR Core : RPPS et IDNPS).");
        fhir.MapGet("/Condition", SearchConditions).FhirAnswers(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden).DeclareNoPatientData(SearchReason).WithSummary("Recherche les cancers primitifs d'un patient (mCODE), Condition?patient=.");
        fhir.MapGet("/Condition/{id:guid}", ReadCondition).FhirAnswers(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound).DeclareNoPatientData(ReadReason).WithSummary("Lit un cancer primitif (mCODE primary cancer condition).");
        fhir.MapGet("/Observation", SearchObservations).FhirAnswers(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden).DeclareNoPatientData(SearchReason)
            .WithSummary("Recherche les observations d'un patient : marqueurs (LOINC), TNM et stade (mCODE) ; Observation?patient=&code=&date=.");
        fhir.MapGet("/Observation/{id}", ReadObservation).FhirAnswers(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound).DeclareNoPatientData(ReadReason).WithSummary("Lit une observation (marqueur ou TNM).");
        fhir.MapGet("/CarePlan", SearchCarePlans).FhirAnswers(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden).DeclareNoPatientData(SearchReason).WithSummary("Recherche les PPS et PPAC d'un patient, CarePlan?patient=&category=pps|ppac.");
        fhir.MapGet("/CarePlan/{id:guid}", ReadCarePlan).FhirAnswers(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound).DeclareNoPatientData(ReadReason).WithSummary("Lit un PPS ou un PPAC.");
        fhir.MapGet("/Task", SearchTasks).FhirAnswers(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden).DeclareNoPatientData(SearchReason)
            .WithSummary("Recherche les tâches : destinataires des obligations C1–C15, orientations en soins de support, alertes de retour précoce ; Task?patient= ou Task?owner=Practitioner/<id>, et status=.");
        fhir.MapGet("/Task/{id}", ReadTask).FhirAnswers(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound).DeclareNoPatientData(ReadReason).WithSummary("Lit une tâche (obligation, orientation, alerte).");
        fhir.MapGet("/Communication", SearchCommunications).FhirAnswers(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden).DeclareNoPatientData(SearchReason)
            .WithSummary("Recherche les transmissions d'un patient (envoi, réception, code d'obligation), Communication?patient=.");
        fhir.MapGet("/Communication/{id:guid}", ReadCommunication).FhirAnswers(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound).DeclareNoPatientData(ReadReason).WithSummary("Lit une transmission.");
        fhir.MapGet("/DocumentReference", SearchDocumentReferences).FhirAnswers(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden).DeclareNoPatientData(SearchReason)
            .WithSummary("Recherche les documents signés d'un patient, avec leur contenu (PDF, CDA) ; DocumentReference?patient=&type=.");
        fhir.MapGet("/DocumentReference/{id:guid}", ReadDocumentReference).FhirAnswers(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound).DeclareNoPatientData(ReadReason).WithSummary("Lit un document signé.");
        fhir.MapGet("/ServiceRequest", SearchServiceRequests).FhirAnswers(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden).DeclareNoPatientData(SearchReason)
            .WithSummary("Recherche les examens de suivi planifiés du carnet de surveillance d'un patient, ServiceRequest?patient=.");
        fhir.MapGet("/ServiceRequest/{id:guid}", ReadServiceRequest).FhirAnswers(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound).DeclareNoPatientData(ReadReason).WithSummary("Lit un examen du carnet de surveillance.");
        fhir.MapGet("/Appointment", SearchAppointments).FhirAnswers(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden).DeclareNoPatientData(SearchReason)
            .WithSummary("Recherche les rendez-vous d'un patient (consultations, cures, séances), Appointment?patient=.");
        fhir.MapGet("/Appointment/{id:guid}", ReadAppointment).FhirAnswers(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound).DeclareNoPatientData(ReadReason).WithSummary("Lit un rendez-vous.");
        fhir.MapGet("/Questionnaire", SearchQuestionnaires).FhirAnswers(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized).DeclareNoPatientData("questionnaires are reference data")
            .WithSummary("Liste les questionnaires de symptômes, chaque version (url= pour un seul).");
        fhir.MapGet("/Questionnaire/{id}", ReadQuestionnaire).FhirAnswers(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound).DeclareNoPatientData("questionnaires are reference data")
            .WithSummary("Lit une version d'un questionnaire (<code>-<version>).");
        fhir.MapGet("/QuestionnaireResponse", SearchQuestionnaireResponses).FhirAnswers(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden).DeclareNoPatientData(SearchReason)
            .WithSummary("Recherche les réponses d'un patient aux questionnaires (symptômes, G8, EPICES), QuestionnaireResponse?patient=&questionnaire=.");
        fhir.MapGet("/QuestionnaireResponse/{id:guid}", ReadQuestionnaireResponse).FhirAnswers(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound).DeclareNoPatientData(ReadReason).WithSummary("Lit une réponse à un questionnaire.");
        fhir.MapPost("/", PostBundle).FhirAnswers(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity).Accepts<object>(FhirJson.ContentType, "application/json")
            .RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .DeclareNoPatientData("external results: matched by a qualified INS, then the access rule is applied to each record by the laboratory feed; a refusal is held as an unknown INS is")
            .WithSummary("Reçoit un Bundle transaction ou collection de résultats de laboratoire (DiagnosticReport + Observations LOINC), rapprochés par INS qualifié.");
        return app;
    }

    private static string Resource(HttpContext http) => $"GET {http.Request.Path}";

    private static IResult Refusal(FhirRefusal refusal) => refusal == FhirRefusal.Forbidden
        ? FhirJson.Result(FhirJson.Outcome(R4.OperationOutcome.IssueType.Forbidden, "Votre rôle ne lit pas cette partie du dossier."), StatusCodes.Status403Forbidden)
        : FhirJson.NotFound();

    private static readonly string[] JsonFormats = ["json", "application/json", "application/fhir+json"];

    /// <summary>The CapabilityStatement; a <c>_format</c> other than JSON is refused (406), as Relais answers JSON only.</summary>
    private static IResult Metadata(HttpContext http) =>
        http.Request.Query.TryGetValue("_format", out var format) && !JsonFormats.Contains(format.ToString(), StringComparer.OrdinalIgnoreCase)
            ? FhirJson.Result(FhirJson.Outcome(R4.OperationOutcome.IssueType.NotSupported, "Relais répond en JSON (application/fhir+json) seulement.", "_format"), StatusCodes.Status406NotAcceptable)
            : FhirJson.Result(FhirCapabilities.Statement(BaseUrl(http)));

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}/fhir";

    private static async Task<IResult> ReadPatient(Guid patientId, HttpContext http, FhirReads reads, CancellationToken ct)
    {
        var (patient, refusal) = await reads.PatientAsync(CurrentUser.From(http.User), patientId, Resource(http), ct);
        return patient is not null ? FhirJson.Result(patient) : refusal == FhirRefusal.Forbidden ? Refusal(refusal) : FhirJson.PatientNotFound();
    }

    private static async Task<IResult> SearchPatients(HttpContext http, CurrentUser user, FhirReads reads, CancellationToken ct)
    {
        var q = http.Request.Query;
        if (!Paging(q, out var offset, out var count, out var pagingError)) return pagingError!;
        Guid? id = null;
        if (q.TryGetValue("_id", out var rawId))
        {
            if (!Guid.TryParse(rawId.ToString(), out var parsed)) return Searchset(http, Array.Empty<R4.Resource>(), 0, offset, count);
            id = parsed;
        }
        var identifier = q.TryGetValue("identifier", out var raw) ? raw.ToString() : null;
        if (identifier is { Length: 0 }) return FhirJson.Invalid("Le paramètre identifier attend système|valeur.", "identifier");
        var (page, total) = await reads.SearchPatientsAsync(user, identifier, id, offset, count, "GET /fhir/Patient", ct);
        return Searchset(http, page, total, offset, count);
    }

    private static async Task<IResult> ReadPractitioner(Guid id, FhirReads reads, CancellationToken ct) =>
        await reads.PractitionerAsync(id, ct) is { } practitioner ? FhirJson.Result(practitioner) : FhirJson.NotFound();

    private static Task<IResult> SearchConditions(HttpContext http, FhirReads reads, CancellationToken ct) =>
        PatientSearchAsync(http, (user, patientId) => reads.ConditionsAsync(user, patientId, null, "GET /fhir/Condition", ct));

    private static async Task<IResult> ReadCondition(Guid id, HttpContext http, FhirReads reads, CancellationToken ct) =>
        await ReadOfPatientAsync(await reads.PatientOfEpisodeAsync(id, ct), patientId => reads.ConditionsAsync(CurrentUser.From(http.User), patientId, id, Resource(http), ct));

    private static async Task<IResult> SearchObservations(HttpContext http, FhirReads reads, CancellationToken ct)
    {
        var q = http.Request.Query;
        string? system = null, code = null;
        if (q.TryGetValue("code", out var rawCode))
        {
            (system, code) = FhirReads.SplitToken(rawCode.ToString());
            if (code.Length == 0) return FhirJson.Invalid("Le paramètre code attend système|code (ex. http://loinc.org|6875-9).", "code");
        }
        DateOnly? from = null, to = null;
        bool fromExclusive = false, toExclusive = false;
        foreach (var value in q.TryGetValue("date", out var dates) ? dates : StringValues.Empty)
        {
            if (!FhirReads.TryParseDate(value ?? "", out var prefix, out var date))
                return FhirJson.Invalid("Le paramètre date attend AAAA-MM-JJ, précédé éventuellement de eq, ge, gt, le ou lt.", "date");
            switch (prefix)
            {
                case "eq": from = to = date; break;
                case "ge": from = date; break;
                case "gt": from = date; fromExclusive = true; break;
                case "le": to = date; break;
                default: to = date; toExclusive = true; break;
            }
        }
        var criteria = new FhirReads.ObservationCriteria(system, code, from, to, fromExclusive, toExclusive);
        return await PatientSearchAsync(http, (user, patientId) => reads.ObservationsAsync(user, patientId, criteria, "GET /fhir/Observation", ct));
    }

    private static async Task<IResult> ReadObservation(string id, HttpContext http, FhirReads reads, CancellationToken ct)
    {
        var (item, refusal) = await reads.ObservationAsync(CurrentUser.From(http.User), id, Resource(http), ct);
        return item is null ? Refusal(refusal) : FhirJson.Result(item);
    }

    private static async Task<IResult> SearchCarePlans(HttpContext http, FhirReads reads, CancellationToken ct)
    {
        var q = http.Request.Query;
        ProgrammeKind? kind = null;
        if (q.TryGetValue("category", out var rawCategory))
        {
            var (system, value) = FhirReads.SplitToken(rawCategory.ToString());
            if (system is not null && system != FhirMapper.CarePlanCategorySystem) return await PatientSearchAsync(http, (_, _) => NoMatch<R4.CarePlan>());
            if (!EnumCodes.TryParse<ProgrammeKind>(value, out var parsed))
                return FhirJson.Invalid("Le paramètre category attend pps ou ppac.", "category");
            kind = parsed;
        }
        return await PatientSearchAsync(http, (user, patientId) => reads.CarePlansAsync(user, patientId, kind, null, "GET /fhir/CarePlan", ct));
    }

    private static async Task<IResult> ReadCarePlan(Guid id, HttpContext http, FhirReads reads, CancellationToken ct) =>
        await ReadOfPatientAsync(await reads.PatientOfProgrammeAsync(id, ct), patientId => reads.CarePlansAsync(CurrentUser.From(http.User), patientId, null, id, Resource(http), ct));
}
