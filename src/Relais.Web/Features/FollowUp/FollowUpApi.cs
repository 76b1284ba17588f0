using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.FollowUp;

public static class FollowUpApi
{
    public static IEndpointRouteBuilder MapFollowUp(this IEndpointRouteBuilder app)
    {
        var protocols = app.MapGroup("/api/protocols").WithTags("Protocoles de suivi").RequireAuthorization(p => p.RequireRole(Roles.Professionals));
        protocols.MapGet("/", async (FollowUpService s, CancellationToken ct) => TypedResults.Ok(await s.ProtocolsAsync(ct))).DeclareNoPatientData("protocols are reference data");
        protocols.MapPost("/{code}/preview", Preview).DeclareNoPatientData("a calendar computed for a date, no patient");
        protocols.MapPost("/{code}/versions/{version:int}/validate", Validate).DeclareNoPatientData("validation of a protocol version")
            .RequireAuthorization(p => p.RequireRole(Roles.HospitalClinician, Roles.GeneralPractitioner));
        protocols.MapGet("/{code}/export", Export).DeclareNoPatientData("protocol as JSON");
        protocols.MapPost("/import", Import).DeclareNoPatientData("imports a protocol version to validate")
            .RequireAuthorization(p => p.RequireRole(Roles.HospitalClinician, Roles.GeneralPractitioner));

        app.MapGet("/api/follow-up/worklist", async (int? days, FollowUpService s, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await s.WorklistAsync(CurrentUser.From(http.User)!, Math.Clamp(days ?? 30, 1, 365), ct)))
            .WithTags("Suivi partagé").RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .DeclareNoPatientData("limited to the patients the access rule lets the caller see");
        app.MapGet("/api/me/calendar-feeds", async (FollowUpService s, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok((await s.FeedsAsync(CurrentUser.From(http.User)!, null, ct)).Select(f => new FeedDto(f.Id, s.FeedUrl(f), f.CreatedAt))))
            .WithTags("Suivi partagé").RequireAuthorization(p => p.RequireRole(Roles.GeneralPractitioner)).DeclareNoPatientData("the GP's own feeds");
        app.MapPost("/api/me/calendar-feeds", async (FollowUpService s, HttpContext http, CancellationToken ct) =>
                { var f = await s.CreateGpFeedAsync(CurrentUser.From(http.User)!, ct); return TypedResults.Created($"/api/me/calendar-feeds/{f.Id}", new FeedDto(f.Id, s.FeedUrl(f), f.CreatedAt)); })
            .WithTags("Suivi partagé").RequireAuthorization(p => p.RequireRole(Roles.GeneralPractitioner)).DeclareNoPatientData("the GP's own feeds");
        app.MapDelete("/api/me/calendar-feeds/{feedId:guid}", async (Guid feedId, FollowUpService s, HttpContext http, CancellationToken ct) =>
                await s.RevokeFeedAsync(CurrentUser.From(http.User)!, feedId, null, ct) ? Results.NoContent() : Results.NotFound())
            .WithTags("Suivi partagé").RequireAuthorization(p => p.RequireRole(Roles.GeneralPractitioner)).DeclareNoPatientData("the GP's own feeds");
        // The secret address is the credential: calendar applications cannot sign in.
        app.MapGet("/calendrier/{token}.ics", async (string token, FollowUpService s, CancellationToken ct) =>
                await s.IcsAsync(token, ct) is { } ics ? Results.Text(ics, "text/calendar; charset=utf-8") : Results.NotFound())
            .AllowAnonymous().DeclareNoPatientData("secret, revocable calendar address; audited on every read");

        // A laboratory feed: results for many patients in one request; the access rule is applied to each of them.
        app.MapPost("/api/observations/batch", RecordBatch).WithTags("Suivi partagé").RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .ChecksEachPatient("the access rule is applied to the patient of every result, and one refusal refuses the batch").WithIdempotency();

        var read = app.MapGroup("/api/patients/{patientId:guid}").WithTags("Suivi partagé").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/carnet", async (Guid patientId, FollowUpService s, CancellationToken ct) => TypedResults.Ok(await s.CarnetAsync(patientId, ct)));
        read.MapGet("/observations", async (Guid patientId, string? code, FollowUpService s, CancellationToken ct) => TypedResults.Ok(await s.ObservationsAsync(patientId, code, ct)));
        read.MapGet("/alerts", async (Guid patientId, FollowUpService s, CancellationToken ct) => TypedResults.Ok(await s.AlertsAsync(patientId, ct)));
        // The patient reports warning signs too [B]: a read right on the own record suffices.
        read.MapPost("/clinical-criteria", async (Guid patientId, ClinicalCriteriaInput input, FollowUpService s, HttpContext http, CancellationToken ct) =>
            TypedResults.Created($"/api/patients/{patientId}/alerts", await s.ReportCriteriaAsync(CurrentUser.From(http.User)!, patientId, input, ct))).WithIdempotency();
        read.MapGet("/calendar-feeds", async (Guid patientId, FollowUpService s, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok((await s.FeedsAsync(CurrentUser.From(http.User)!, patientId, ct)).Select(f => new FeedDto(f.Id, s.FeedUrl(f), f.CreatedAt))));
        read.MapPost("/calendar-feeds", async (Guid patientId, FollowUpService s, HttpContext http, CancellationToken ct) =>
            { var f = await s.CreatePatientFeedAsync(CurrentUser.From(http.User)!, patientId, ct); return TypedResults.Created($"/api/patients/{patientId}/calendar-feeds", new FeedDto(f.Id, s.FeedUrl(f), f.CreatedAt)); });
        read.MapDelete("/calendar-feeds/{feedId:guid}", async (Guid patientId, Guid feedId, FollowUpService s, HttpContext http, CancellationToken ct) =>
            await s.RevokeFeedAsync(CurrentUser.From(http.User)!, feedId, patientId, ct) ? Results.NoContent() : Results.NotFound());

        var write = app.MapGroup("/api/patients/{patientId:guid}").WithTags("Suivi partagé").RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write);
        write.MapPost("/end-of-treatment", async (Guid patientId, EndOfTreatmentInput input, FollowUpService s, HttpContext http, CancellationToken ct) =>
            TypedResults.Created($"/api/patients/{patientId}/carnet", await s.EndTreatmentAsync(CurrentUser.From(http.User)!, patientId, input, ct))).WithIdempotency();
        write.MapPost("/observations", async (Guid patientId, ObservationInput input, FollowUpService s, HttpContext http, CancellationToken ct) =>
            TypedResults.Created($"/api/patients/{patientId}/observations", await s.RecordObservationAsync(CurrentUser.From(http.User)!, patientId, input, ct))).WithIdempotency();
        write.MapPost("/carnet/{itemId:guid}/done", async (Guid patientId, Guid itemId, DoneInput input, FollowUpService s, HttpContext http, CancellationToken ct) =>
            await s.MarkDoneAsync(CurrentUser.From(http.User)!, patientId, itemId, input, ct) is { } dto ? Results.Ok(dto) : NotFound());
        write.MapPost("/carnet/{itemId:guid}/cancel", async (Guid patientId, Guid itemId, CancelInput input, FollowUpService s, HttpContext http, CancellationToken ct) =>
            await s.CancelAsync(CurrentUser.From(http.User)!, patientId, itemId, input, ct) is { } dto ? Results.Ok(dto) : NotFound());
        write.MapPost("/alerts/{alertId:guid}/handled", async (Guid patientId, Guid alertId, FollowUpService s, HttpContext http, CancellationToken ct) =>
            await s.HandleAlertAsync(CurrentUser.From(http.User)!, patientId, alertId, ct) ? Results.NoContent() : NotFound());
        return app;
    }

    private static async Task<Results<Ok<ObservationBatchResult>, ProblemHttpResult>> RecordBatch(ObservationBatchInput input, FollowUpService s, HttpContext http, CancellationToken ct)
    {
        var (result, refused) = await s.RecordObservationBatchAsync(CurrentUser.From(http.User)!, input, "POST /api/observations/batch", ct);
        if (result is not null) return TypedResults.Ok(result);
        // The answer for a patient that does not exist, naming the result: no existence oracle.
        return PatientScope.NotFound($"results[{refused}].patientId",
            $"results[{refused}].patientId : aucun dossier accessible ne correspond à cet identifiant. Aucun résultat du lot n'a été enregistré.");
    }

    private static IResult NotFound() => TypedResults.Problem(statusCode: 404, title: "Élément introuvable");

    private static async Task<Results<Ok<PreviewResult>, ProblemHttpResult>> Preview(string code, PreviewInput input, FollowUpService s, CancellationToken ct) =>
        await s.PreviewAsync(code, input, ct) is { } r ? TypedResults.Ok(r) : TypedResults.Problem(statusCode: 404, title: "Protocole inconnu");

    private static async Task<Results<Ok<ProtocolSummary>, ProblemHttpResult>> Validate(string code, int version, ValidationInput input, FollowUpService s, HttpContext http, CancellationToken ct) =>
        await s.ValidateAsync(CurrentUser.From(http.User)!, code, version, input, ct) is { } r ? TypedResults.Ok(r) : TypedResults.Problem(statusCode: 404, title: "Protocole inconnu");

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Export(string code, int? version, FollowUpService s, CancellationToken ct) =>
        await s.ExportAsync(code, version, ct) is { } json ? TypedResults.Content(json, "application/json; charset=utf-8") : TypedResults.Problem(statusCode: 404, title: "Protocole inconnu");

    private static async Task<Results<Created<ProtocolSummary>, ValidationProblem>> Import(HttpRequest request, FollowUpService s, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(ct);
        var (created, errors) = await s.ImportAsync(json, ct);
        if (created is null)
            return TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "Protocole refusé", detail: string.Join(" ; ", errors.Select(e => $"{e.Field} : {e.Message}")));
        return TypedResults.Created($"/api/protocols/{created.Code}/export?version={created.Version}", created);
    }
}
