using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Documents;
using Relais.Domain.Messaging;
using Relais.Web.Features.Access;
using Relais.Web.Features.Coordination;
using Relais.Web.Data;
using Relais.Web.Identity;
using Relais.Web.Messaging;
using Relais.Web.Operations;

namespace Relais.Web.Features.Coordination;

/// <summary>Documents, transmissions (C1–C15), inbox, GP events, referrals, messages and the dead-letter list.</summary>
public static class CoordinationApi
{
    public static IEndpointRouteBuilder MapCoordination(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}").WithTags("Coordination").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/documents", Documents);
        read.MapGet("/documents/{documentId:guid}", Document);
        read.MapGet("/documents/{documentId:guid}/content", Content);
        read.MapGet("/transmissions", Transmissions);
        read.MapGet("/transmissions/{transmissionId:guid}", Transmission);
        // Acknowledging is the recipient's own act, the patient's included: a read right suffices.
        read.MapPost("/transmissions/{transmissionId:guid}/acknowledge", Acknowledge);
        read.MapGet("/events", Events);
        read.MapGet("/messages", Messages);
        read.MapPost("/messages", PostMessage).WithIdempotency();

        var write = app.MapGroup("/api/patients/{patientId:guid}").WithTags("Coordination").RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write);
        // Uploads are multipart: the API takes them with a bearer token only, so no cross-site form can post one.
        write.MapPost("/documents", Upload).WithIdempotency().DisableAntiforgery()
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        write.MapPost("/documents/{documentId:guid}/sign", Sign);
        write.MapPost("/transmissions", Send).WithIdempotency();
        write.MapPost("/events", ReportEvent).WithIdempotency();
        write.MapPost("/events/{eventId:guid}/pharmacovigilance", Declared);
        write.MapPost("/referrals/{referralId:guid}/close", CloseReferral);

        var mine = app.MapGroup("/api").WithTags("Coordination").RequireAuthorization();
        mine.MapGet("/inbox", Inbox).DeclareNoPatientData("the caller's own inbox, limited to patients the access rule lets them see");
        mine.MapGet("/transmissions/pending", Pending).DeclareNoPatientData("what the caller sent, or their care teams' patients, limited by the access rule")
            .RequireAuthorization(p => p.RequireRole(Roles.Professionals));
        mine.MapGet("/referrals", Referrals).DeclareNoPatientData("open referrals of the caller's care teams' patients, limited by the access rule")
            .RequireAuthorization(p => p.RequireRole(Roles.Professionals));
        mine.MapGet("/obligations", () => TypedResults.Ok(Domain.Coordination.ObligationCatalogue.All)).DeclareNoPatientData("the catalogue C1–C15");

        var admin = app.MapGroup("/api/admin/outbox").WithTags("Administration").RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        admin.MapGet("/dead-letters", DeadLetters).DeclareNoPatientData("addresses and errors only, no clinical content");
        admin.MapPost("/{messageId:guid}/retry", Retry).DeclareNoPatientData("sends a parked message again");
        return app;
    }

    private static CurrentUser Me(HttpContext http) => CurrentUser.From(http.User)!;

    private static ProblemHttpResult NotFound(string what) => TypedResults.Problem(statusCode: 404, title: $"{what} introuvable");

    private static async Task<Ok<IReadOnlyList<DocumentDto>>> Documents(Guid patientId, CoordinationReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.DocumentsAsync(patientId, ct));

    private static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> Document(Guid patientId, Guid documentId, CoordinationReader reader, CancellationToken ct) =>
        await reader.DocumentAsync(patientId, documentId, ct) is { } d ? TypedResults.Ok(d) : NotFound("Document");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Content(Guid patientId, Guid documentId, bool? inline, CoordinationReader reader, CancellationToken ct)
    {
        var document = await reader.DocumentContentAsync(patientId, documentId, ct);
        if (document is null) return NotFound("Document");
        return inline == true
            ? TypedResults.File(document.Content, document.ContentType)
            : TypedResults.File(document.Content, document.ContentType, document.FileName);
    }

    private static async Task<Results<Created<DocumentDto>, ProblemHttpResult>> Upload(Guid patientId, [FromForm] string? kind, [FromForm] string? title,
        [FromForm] Guid? previousVersionId, [FromForm] bool? sign, IFormFile? file, CoordinationCommands commands, CoordinationReader reader, HttpContext http, CancellationToken ct)
    {
        if (file is null) throw new DomainValidationException("file", "Joignez le fichier (PDF, PNG ou JPEG).");
        if (!EnumCodes.TryParse<DocumentKind>(kind, out var k))
            throw new DomainValidationException("kind", $"Type de document inconnu ; valeurs possibles : {string.Join(", ", EnumCodes.All<DocumentKind>())}.");
        if (file.Length > Domain.Documents.Document.MaxSize)
            throw new DomainValidationException("file", "Le fichier dépasse la taille maximale de 20 Mo.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (document, _) = await commands.AddDocumentAsync(Me(http), patientId, k, title, file.FileName, buffer.ToArray(), previousVersionId, sign ?? false, ct);
        return TypedResults.Created($"/api/patients/{patientId}/documents/{document.Id}", (await reader.DocumentAsync(patientId, document.Id, ct))!);
    }

    private static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> Sign(Guid patientId, Guid documentId, CoordinationCommands commands, CoordinationReader reader, HttpContext http, CancellationToken ct)
    {
        var (document, _) = await commands.SignAsync(Me(http), patientId, documentId, ct);
        return document is null ? NotFound("Document") : TypedResults.Ok((await reader.DocumentAsync(patientId, documentId, ct))!);
    }

    private static async Task<Ok<IReadOnlyList<TransmissionDto>>> Transmissions(Guid patientId, CoordinationReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.TransmissionsAsync(patientId, ct));

    private static async Task<Results<Ok<TransmissionDto>, ProblemHttpResult>> Transmission(Guid patientId, Guid transmissionId, CoordinationReader reader, CoordinationCommands commands, HttpContext http, CancellationToken ct)
    {
        var t = await reader.TransmissionAsync(patientId, transmissionId, ct);
        if (t is null) return NotFound("Transmission");
        await commands.MarkReadAsync(Me(http), transmissionId, ct);
        return TypedResults.Ok(t);
    }

    private static async Task<Results<Ok<TransmissionDto>, ProblemHttpResult>> Acknowledge(Guid patientId, Guid transmissionId, CoordinationCommands commands, CoordinationReader reader, HttpContext http, CancellationToken ct)
    {
        if (!await commands.AcknowledgeAsync(Me(http), patientId, transmissionId, ct))
            return TypedResults.Problem(statusCode: 404, title: "Transmission introuvable", detail: "Vous n'êtes pas destinataire de cette transmission.");
        return TypedResults.Ok((await reader.TransmissionAsync(patientId, transmissionId, ct))!);
    }

    private static async Task<Created<TransmissionDto>> Send(Guid patientId, TransmissionInput input, CoordinationCommands commands, CoordinationReader reader, HttpContext http, CancellationToken ct)
    {
        var t = await commands.SendAsync(Me(http), patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/transmissions/{t.Id}", (await reader.TransmissionAsync(patientId, t.Id, ct))!);
    }

    private static async Task<Ok<IReadOnlyList<ClinicalEventDto>>> Events(Guid patientId, CoordinationReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.EventsAsync(patientId, ct));

    private static async Task<Created<ClinicalEventDto>> ReportEvent(Guid patientId, ClinicalEventInput input, CoordinationCommands commands, HttpContext http, CancellationToken ct)
    {
        var (evt, _, referral) = await commands.ReportEventAsync(Me(http), patientId, input, ct);
        var name = http.User.FindFirst("relais:name")?.Value ?? "";
        return TypedResults.Created($"/api/patients/{patientId}/events/{evt.Id}", CoordinationReader.ToDto(evt, name, referral?.Id));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Declared(Guid patientId, Guid eventId, CoordinationCommands commands, CancellationToken ct) =>
        await commands.DeclarePharmacovigilanceAsync(patientId, eventId, ct) ? TypedResults.NoContent() : NotFound("Événement");

    private static async Task<Results<NoContent, ProblemHttpResult>> CloseReferral(Guid patientId, Guid referralId, bool? cancelled, CoordinationCommands commands, HttpContext http, CancellationToken ct) =>
        await commands.CloseReferralAsync(Me(http), patientId, referralId, cancelled != true, ct) ? TypedResults.NoContent() : NotFound("Demande");

    private static async Task<Ok<IReadOnlyList<MessageDto>>> Messages(Guid patientId, string? thread, CoordinationReader reader, CoordinationCommands commands, RelaisDb db, Clock clock, HttpContext http, CancellationToken ct)
    {
        var user = Me(http);
        var kind = user.Kind == AccessorKind.Patient ? ThreadKind.Patient : ThreadKind.CareTeam;
        if (!string.IsNullOrEmpty(thread) && !EnumCodes.TryParse(thread, out kind))
            throw new DomainValidationException("thread", "Fil inconnu : care-team ou patient.");
        if (kind == ThreadKind.CareTeam && user.Kind != AccessorKind.Professional)
            throw new DomainValidationException("thread", "Le fil de l'équipe de soins est réservé aux professionnels.");
        var messages = await reader.MessagesAsync(user, patientId, kind, ct);
        await commands.MarkThreadReadAsync(user, patientId, kind, clock.Now, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(messages);
    }

    private static async Task<Created<MessageDto>> PostMessage(Guid patientId, MessageInput input, CoordinationCommands commands, HttpContext http, CancellationToken ct)
    {
        var m = await commands.PostMessageAsync(Me(http), patientId, input, ct);
        var name = http.User.FindFirst("relais:name")?.Value ?? "";
        return TypedResults.Created($"/api/patients/{patientId}/messages", new MessageDto(m.Id, m.Thread, name, m.AuthorId, m.Body, m.SentAt, false));
    }

    private static async Task<Ok<InboxPage>> Inbox(string? filter, int? page, int? pageSize, CoordinationReader reader, HttpContext http, CancellationToken ct)
    {
        var chosen = InboxFilter.All;
        if (!string.IsNullOrEmpty(filter) && !EnumCodes.TryParse(filter, out chosen))
            throw new DomainValidationException("filter", $"Filtre inconnu ; valeurs possibles : {string.Join(", ", EnumCodes.All<InboxFilter>())}.");
        return TypedResults.Ok(await reader.InboxAsync(Me(http), chosen, page ?? 1, pageSize ?? 20, ct));
    }

    private static async Task<Ok<PendingPage>> Pending(bool? lateOnly, int? page, int? pageSize, CoordinationReader reader, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await reader.PendingAsync(Me(http), lateOnly ?? false, page ?? 1, pageSize ?? 20, ct));

    private static async Task<Ok<IReadOnlyList<ReferralDto>>> Referrals(CoordinationReader reader, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await reader.OpenReferralsAsync(Me(http), ct));

    private static async Task<Ok<IReadOnlyList<DeadLetterDto>>> DeadLetters(CoordinationReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.DeadLettersAsync(ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Retry(Guid messageId, RelaisDb db, Clock clock, CancellationToken ct)
    {
        var message = await db.OutboxMessages.FindAsync([messageId], ct);
        if (message is null) return NotFound("Message");
        message.Retry(clock.Now);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
