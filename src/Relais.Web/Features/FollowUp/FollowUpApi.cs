using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Features.FollowUp.Alerts;
using Relais.Web.Features.FollowUp.Calendar;
using Relais.Web.Features.FollowUp.Carnet;
using Relais.Web.Features.FollowUp.ContinuingTreatments;
using Relais.Web.Features.FollowUp.EndOfTreatment;
using Relais.Web.Features.FollowUp.Observations;
using Relais.Web.Features.FollowUp.Prevention;
using Relais.Web.Features.FollowUp.Protocols;
using Relais.Web.Features.FollowUp.Worklist;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.FollowUp;

public static class FollowUpApi
{
    private const string Tag = "Suivi partagé";

    public static IEndpointRouteBuilder MapFollowUp(this IEndpointRouteBuilder app)
    {
        var protocols = app.MapGroup("/api/protocols").WithTags("Protocoles de suivi").RequireAuthorization(p => p.RequireRole(Roles.Professionals));
        protocols.MapGet("/", ListProtocols).WithSummary("Liste les protocoles de surveillance et leurs versions.")
            .DeclareNoPatientData("protocols are reference data");
        protocols.MapPost("/{code}/preview", Preview).WithSummary("Calcule le calendrier qu'un protocole donne pour une date de fin de traitement.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem().DeclareNoPatientData("a calendar computed for a date, no patient");
        protocols.MapPost("/{code}/versions/{version:int}/validate", Validate).RequireCapability(Capability.ValidateProtocol).WithSummary("Valide une version de protocole, côté spécialiste ou médecin généraliste (If-Match ou revision refusent une version modifiée entre-temps).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).DeclareNoPatientData("validation of a protocol version")
            .RequireAuthorization(p => p.RequireRole(Roles.HospitalClinician, Roles.GeneralPractitioner));
        protocols.MapGet("/{code}/export", Export).WithSummary("Exporte une version de protocole en JSON.")
            .ProducesProblem(StatusCodes.Status404NotFound).DeclareNoPatientData("protocol as JSON");
        protocols.MapPost("/import", Import).RequireCapability(Capability.ValidateProtocol).WithSummary("Importe un protocole en JSON comme nouvelle version à valider ; un export plus ancien que la dernière version est refusé (409).")
            .Accepts<object>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).DeclareNoPatientData("imports a protocol version to validate")
            .RequireAuthorization(p => p.RequireRole(Roles.HospitalClinician, Roles.GeneralPractitioner));

        var professionals = app.MapGroup("/api").WithTags(Tag).RequireAuthorization(p => p.RequireRole(Roles.Professionals));
        professionals.MapGet("/follow-up/worklist", Worklist).WithSummary("Liste les examens en retard et à venir des patients suivis.")
            .DeclareNoPatientData("limited to the patients the access rule lets the caller see");
        // A laboratory feed: results for many patients in one request; the access rule is applied to each of them.
        professionals.MapPost("/observations/batch", RecordBatch).RequireCapability(Capability.RecordLabResult).WithSummary("Enregistre un lot de résultats de laboratoire pour plusieurs patients.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem()
            .ChecksEachPatient("the access rule is applied to the patient of every result, and one refusal refuses the batch").WithIdempotency();

        var gpFeeds = app.MapGroup("/api/me/calendar-feeds").WithTags(Tag).RequireAuthorization(p => p.RequireRole(Roles.GeneralPractitioner));
        gpFeeds.MapGet("/", GpFeeds).WithSummary("Liste les calendriers iCalendar du médecin généraliste.").DeclareNoPatientData("the GP's own feeds");
        gpFeeds.MapPost("/", CreateGpFeed).WithSummary("Crée une adresse de calendrier iCalendar pour les suivis du médecin généraliste.")
            .DeclareNoPatientData("the GP's own feeds");
        gpFeeds.MapDelete("/{feedId:guid}", RevokeGpFeed).WithSummary("Révoque une adresse de calendrier du médecin généraliste.")
            .ProducesProblem(StatusCodes.Status404NotFound).DeclareNoPatientData("the GP's own feeds");

        // The secret address is the credential: calendar applications cannot sign in.
        app.MapGet("/calendrier/{token}.ics", Ics).WithTags(Tag).WithSummary("Publie un calendrier iCalendar à son adresse secrète.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous().DeclareNoPatientData("secret, revocable calendar address; audited on every read");

        var read = app.MapGroup("/api/patients/{patientId:guid}").WithTags(Tag).RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/carnet", Carnet).RequireCapability(Capability.ReadCarnet).WithSummary("Lit le carnet de surveillance du patient.");
        CarnetHtml.MapCarnetDocument(read);
        read.MapGet("/observations", Observations).RequireCapability(Capability.ReadLabs).WithSummary("Liste les résultats de marqueurs du patient.").ProducesValidationProblem();
        read.MapGet("/alerts", Alerts).RequireCapability(Capability.ReadLabs).WithSummary("Liste les alertes de retour précoce du patient.");
        // The patient reports warning signs too [B]: a read right on the own record suffices.
        read.MapPost("/clinical-criteria", ReportCriteria).RequireCapability(Capability.ReportSymptoms).WithSummary("Signale des critères cliniques de retour précoce.")
            .ProducesValidationProblem().WithIdempotency();
        read.MapGet("/calendar-feeds", PatientFeeds).RequireCapability(Capability.ManageCalendarFeeds).WithSummary("Liste les calendriers iCalendar du carnet du patient.");
        read.MapPost("/calendar-feeds", CreatePatientFeed).RequireCapability(Capability.ManageCalendarFeeds).WithSummary("Crée une adresse de calendrier iCalendar pour le carnet du patient.");
        read.MapDelete("/calendar-feeds/{feedId:guid}", RevokePatientFeed).RequireCapability(Capability.ManageCalendarFeeds).WithSummary("Révoque une adresse de calendrier du carnet du patient.");

        var write = app.MapGroup("/api/patients/{patientId:guid}").WithTags(Tag).RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write);
        write.MapPost("/end-of-treatment", EndTreatment).RequireCapability(Capability.SignProgramme).WithSummary("Termine le traitement actif : suivi partagé, carnet, PPAC (C11) et protocole (C12).")
            .ProducesValidationProblem().WithIdempotency();
        write.MapPost("/observations", RecordObservation).RequireCapability(Capability.RecordLabResult).WithSummary("Enregistre un résultat de marqueur et applique les règles de retour précoce.")
            .ProducesValidationProblem().WithIdempotency();
        write.MapPost("/carnet/{itemId:guid}/done", MarkDone).RequireCapability(Capability.ManageFollowUp).WithSummary("Marque un élément du carnet comme réalisé.").ProducesValidationProblem();
        write.MapPost("/carnet/{itemId:guid}/cancel", CancelItem).RequireCapability(Capability.ManageFollowUp).WithSummary("Annule un élément du carnet.").ProducesValidationProblem();
        app.MapContinuingTreatments();
        app.MapPrevention();
        write.MapPost("/alerts/{alertId:guid}/handled", HandleAlert).RequireCapability(Capability.ManageFollowUp).WithSummary("Marque une alerte comme traitée.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ProtocolSummary>>> ListProtocols(ProtocolQueries protocols, CancellationToken ct) =>
        TypedResults.Ok(await protocols.ListAsync(ct));

    private static async Task<Results<Ok<PreviewResult>, ProblemHttpResult>> Preview(string code, PreviewInput input, PreviewProtocol preview, CancellationToken ct) =>
        await preview.HandleAsync(code, input, ct) is { } r ? TypedResults.Ok(r) : Problems.NotFound("Protocole");

    private static async Task<Results<Ok<ProtocolSummary>, ProblemHttpResult>> Validate(string code, int version, ValidationInput input, HttpContext http, CurrentUser user,
        ValidateProtocol validate, CancellationToken ct)
    {
        var summary = await validate.HandleAsync(user, code, version, input with { Revision = Versions.Expected(http, input.Revision) }, ct);
        if (summary is null) return Problems.NotFound("Protocole");
        Versions.SetETag(http, summary.Revision);
        return TypedResults.Ok(summary);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Export(string code, int? version, ProtocolQueries protocols, CancellationToken ct) =>
        await protocols.ExportAsync(code, version, ct) is { } json ? TypedResults.Content(json, "application/json; charset=utf-8") : Problems.NotFound("Protocole");

    private static async Task<Results<Created<ProtocolSummary>, ValidationProblem>> Import(HttpRequest request, ImportProtocol import, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(ct);
        var (created, errors) = await import.HandleAsync(json, ct);
        if (created is null)
            return TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "Protocole refusé", detail: string.Join(" ; ", errors.Select(e => $"{e.Field} : {e.Message}")));
        return TypedResults.Created($"/api/protocols/{created.Code}/export?version={created.Version}", created);
    }

    private static async Task<Ok<FollowUpWorklist>> Worklist(int? days, CurrentUser user, GpWorklist worklist, CancellationToken ct) =>
        TypedResults.Ok(await worklist.HandleAsync(user, Math.Clamp(days ?? 30, 1, 365), ct));

    private static async Task<Results<Ok<ObservationBatchResult>, ProblemHttpResult>> RecordBatch(ObservationBatchInput input, CurrentUser user, LaboratoryFeed feed,
        CancellationToken ct)
    {
        var (result, refused) = await feed.HandleAsync(user, input, "POST /api/observations/batch", ct);
        if (result is not null) return TypedResults.Ok(result);
        // The answer for a patient that does not exist, naming the result: no existence oracle.
        return PatientScope.NotFound($"results[{refused}].patientId",
            $"results[{refused}].patientId : aucun dossier accessible ne correspond à cet identifiant. Aucun résultat du lot n'a été enregistré.");
    }

    private static async Task<Ok<IEnumerable<FeedDto>>> GpFeeds(CurrentUser user, CalendarFeedQuery feeds, CancellationToken ct) =>
        TypedResults.Ok((await feeds.HandleAsync(user, null, ct)).Select(feeds.ToDto));

    private static async Task<Created<FeedDto>> CreateGpFeed(CurrentUser user, CreateCalendarFeed create, CalendarFeedQuery feeds, CancellationToken ct)
    {
        var feed = await create.HandleAsync(user, null, ct);
        return TypedResults.Created($"/api/me/calendar-feeds/{feed.Id}", feeds.ToDto(feed));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeGpFeed(Guid feedId, CurrentUser user, RevokeCalendarFeed revoke, CancellationToken ct) =>
        await revoke.HandleAsync(user, feedId, null, ct) ? TypedResults.NoContent() : Problems.NotFound("Calendrier");

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Ics(string token, IcsFeed ics, CancellationToken ct) =>
        await ics.HandleAsync(token, ct) is { } text ? TypedResults.Text(text, "text/calendar; charset=utf-8") : Problems.NotFound("Calendrier");

    private static async Task<Ok<CarnetDto>> Carnet(Guid patientId, CarnetQuery carnet, CancellationToken ct) =>
        TypedResults.Ok(await carnet.HandleAsync(patientId, ct));

    private static async Task<Ok<IReadOnlyList<ObservationDto>>> Observations(Guid patientId, string? code, CurrentUser user, ObservationQuery observations,
        Portal.Release.PortalViews portal, CancellationToken ct) =>
        // The patient and their caregivers see a result once released (issue 14 §3).
        TypedResults.Ok((await portal.ForAsync(user, patientId, ct)).Filter(await observations.HandleAsync(patientId, code, ct)));

    private static async Task<Ok<AlertList>> Alerts(Guid patientId, CurrentUser user, AlertQuery alerts, Portal.Release.PortalViews portal, CancellationToken ct) =>
        TypedResults.Ok((await portal.ForAsync(user, patientId, ct)).Filter(await alerts.HandleAsync(patientId, ct)));

    private static async Task<Created<AlertItem>> ReportCriteria(Guid patientId, ClinicalCriteriaInput input, CurrentUser user, ReportCriteria report, CancellationToken ct) =>
        TypedResults.Created($"/api/patients/{patientId}/alerts", await report.HandleAsync(user, patientId, input, ct));

    private static async Task<Ok<IEnumerable<FeedDto>>> PatientFeeds(Guid patientId, CurrentUser user, CalendarFeedQuery feeds, CancellationToken ct) =>
        TypedResults.Ok((await feeds.HandleAsync(user, patientId, ct)).Select(feeds.ToDto));

    private static async Task<Created<FeedDto>> CreatePatientFeed(Guid patientId, CurrentUser user, CreateCalendarFeed create, CalendarFeedQuery feeds, CancellationToken ct)
    {
        var feed = await create.HandleAsync(user, patientId, ct);
        return TypedResults.Created($"/api/patients/{patientId}/calendar-feeds", feeds.ToDto(feed));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokePatientFeed(Guid patientId, Guid feedId, CurrentUser user, RevokeCalendarFeed revoke,
        CancellationToken ct) =>
        await revoke.HandleAsync(user, feedId, patientId, ct) ? TypedResults.NoContent() : Problems.NotFound("Calendrier");

    private static async Task<Created<EndOfTreatmentResult>> EndTreatment(Guid patientId, EndOfTreatmentInput input, CurrentUser user, EndTreatment end, CancellationToken ct) =>
        TypedResults.Created($"/api/patients/{patientId}/carnet", await end.HandleAsync(user, patientId, input, ct));

    private static async Task<Created<ObservationResult>> RecordObservation(Guid patientId, ObservationInput input, CurrentUser user, RecordObservation record,
        CancellationToken ct) =>
        TypedResults.Created($"/api/patients/{patientId}/observations", await record.HandleAsync(user, patientId, input, ct));

    private static async Task<Results<Ok<CarnetEntryDto>, ProblemHttpResult>> MarkDone(Guid patientId, Guid itemId, DoneInput input, MarkDone done, CancellationToken ct) =>
        await done.HandleAsync(patientId, itemId, input, ct) is { } dto ? TypedResults.Ok(dto) : Problems.NotFound("Élément");

    private static async Task<Results<Ok<CarnetEntryDto>, ProblemHttpResult>> CancelItem(Guid patientId, Guid itemId, CancelInput input, CancelItem cancel,
        CancellationToken ct) =>
        await cancel.HandleAsync(patientId, itemId, input, ct) is { } dto ? TypedResults.Ok(dto) : Problems.NotFound("Élément");

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAlert(Guid patientId, Guid alertId, CurrentUser user, HandleAlert handle, CancellationToken ct) =>
        await handle.HandleAsync(user, patientId, alertId, ct) ? TypedResults.NoContent() : Problems.NotFound("Alerte");
}
