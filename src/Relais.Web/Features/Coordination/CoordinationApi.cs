using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Relais.Web.Data;
using Relais.Web.Messaging;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Domain.Messaging;
using Relais.Web.Features.Access;
using Relais.Web.Features.Admin;
using Relais.Web.Features.Coordination.Documents;
using Relais.Web.Features.Coordination.Events;
using Relais.Web.Features.Coordination.Inbox;
using Relais.Web.Features.Coordination.Messages;
using Relais.Web.Features.Coordination.Referrals;
using Relais.Web.Features.Coordination.TeamQueue;
using Relais.Web.Features.Coordination.Transmissions;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Coordination;

/// <summary>Documents, transmissions (C1–C15), inbox, GP events, referrals, messages and the dead-letter list.</summary>
public static class CoordinationApi
{
    public static IEndpointRouteBuilder MapCoordination(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}").WithTags("Coordination").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/documents", ListDocuments).RequireCapability(Capability.ReadDocuments).WithSummary("Liste les documents du patient, du plus récent au plus ancien (kind=tumor-board-report, pps... pour un seul type).")
            .ProducesValidationProblem();
        read.MapGet("/documents/{documentId:guid}", GetDocument).RequireCapability(Capability.ReadDocuments).WithSummary("Lit la fiche d'un document du patient.");
        read.MapGet("/documents/{documentId:guid}/content", GetContent).RequireCapability(Capability.ReadDocuments).WithSummary("Télécharge le fichier d'un document, ou l'affiche (inline=true).");
        read.MapGet("/transmissions", ListTransmissions).RequireCapability(Capability.ReadTransmissions).WithSummary("Liste les transmissions du patient avec le statut de chaque destinataire.");
        read.MapGet("/transmissions/{transmissionId:guid}", GetTransmission).RequireCapability(Capability.ReadTransmissions).WithSummary("Lit une transmission ; elle devient lue pour son destinataire.");
        // Acknowledging is the recipient's own act, the patient's included: a read right suffices.
        read.MapPost("/transmissions/{transmissionId:guid}/acknowledge", Acknowledge).RequireCapability(Capability.ReadTransmissions).WithSummary("Le destinataire déclare avoir pris connaissance de la transmission.");
        read.MapGet("/care-team/signal-owner", GetOwner).RequireCapability(Capability.ReadRecord).WithSummary("Donne le responsable des signaux entrants de l'équipe de soins et les membres qui peuvent l'être.");
        read.MapGet("/events", ListEvents).RequireCapability(Capability.ReadEvents).WithSummary("Liste les événements signalés par le médecin traitant.");
        read.MapGet("/messages", ReadThread).RequireCapability(Capability.ReadMessages).WithSummary("Lit un fil de messages du patient et le marque comme lu.")
            .ProducesValidationProblem();
        read.MapPost("/messages", PostToThread).RequireCapability(Capability.WriteMessage).WithSummary("Écrit dans un fil de messages du patient.")
            .WithIdempotency().ProducesValidationProblem();

        var write = app.MapGroup("/api/patients/{patientId:guid}").WithTags("Coordination").RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write);
        // Uploads are multipart: the API takes them with a bearer token only, so no cross-site form can post one.
        write.MapPost("/documents", Upload).RequireCapability(Capability.WriteDocument).WithSummary("Ajoute un document (ou une nouvelle version), signé et transmis si demandé.")
            .WithIdempotency().DisableAntiforgery()
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
            .ProducesValidationProblem();
        write.MapPost("/documents/{documentId:guid}/sign", Sign).RequireCapability(Capability.SignDocument, Capability.SignPathologyReport, Capability.SignProgramme).WithSummary("Signe un document, ce qui déclenche l'obligation de son type.")
            .ProducesValidationProblem();
        write.MapPost("/transmissions", Send).RequireCapability(Capability.SendTransmission).WithSummary("Envoie une transmission au titre d'une obligation C1 à C15.")
            .WithIdempotency().ProducesValidationProblem();
        write.MapPost("/events", Report).RequireCapability(Capability.ReportClinicalEvent, Capability.WritePharmaceuticalObservation).WithSummary("Signale un événement à l'équipe hospitalière (C9, C13, C14).")
            .WithIdempotency().ProducesValidationProblem();
        write.MapPost("/events/{eventId:guid}/pharmacovigilance", Declared).RequireCapability(Capability.ReportClinicalEvent, Capability.WritePharmaceuticalObservation).WithSummary("Enregistre que l'événement a été déclaré à la pharmacovigilance.");
        write.MapPost("/transmissions/{transmissionId:guid}/hand-on", HandOn).RequireCapability(Capability.HandleTeamSignals).WithSummary("Confie un signal de la file de l'équipe à un autre membre de l'équipe de soins.")
            .ProducesValidationProblem();
        // The hospital team chooses; the role is checked once the access rule has answered, so that an outsider
        // gets the answer of a patient that does not exist.
        write.MapPut("/care-team/signal-owner", ChooseOwner).RequireCapability(Capability.HandleTeamSignals).WithSummary("Choisit le responsable des signaux entrants de l'équipe de soins (aucun : l'ordre par défaut).")
            .ProducesValidationProblem();
        write.MapPost("/referrals/{referralId:guid}/close", Close).RequireCapability(Capability.CloseReferral).WithSummary("Clôt une demande d'avis (faite, ou annulée avec cancelled=true).")
            .ProducesValidationProblem();

        var mine = app.MapGroup("/api").WithTags("Coordination").RequireAuthorization();
        mine.MapGet("/reminders", MyRemindersList).WithSummary("Rappels de l'utilisateur encore à traiter, avec le sort de leur e-mail.")
            .DeclareNoPatientData("the caller's own reminders, limited to patients the access rule lets them see");
        mine.MapGet("/inbox", Inbox).WithSummary("Boîte de réception de l'utilisateur, groupée par patient et paginée.")
            .ProducesValidationProblem()
            .DeclareNoPatientData("the caller's own inbox, limited to patients the access rule lets them see");
        mine.MapGet("/transmissions/pending", Pending).WithSummary("Transmissions en attente de prise de connaissance, ou en retard.")
            .DeclareNoPatientData("what the caller sent, or their care teams' patients, limited by the access rule")
            .RequireAuthorization(p => p.RequireRole(Roles.Professionals));
        mine.MapGet("/referrals", Referrals).WithSummary("Demandes d'avis ouvertes pour les patients des équipes de l'utilisateur.")
            .DeclareNoPatientData("open referrals of the caller's care teams' patients, limited by the access rule")
            .RequireAuthorization(p => p.RequireRole(Roles.Professionals));
        mine.MapGet("/team-queue", Queue).WithSummary("File de l'équipe : les signaux entrants non pris en charge, avec leur responsable, paginés.")
            .ProducesValidationProblem()
            .DeclareNoPatientData("inbound signals of the caller's care teams' patients, limited by the care-team rule and objections")
            .RequireAuthorization(p => p.RequireRole(Roles.HospitalClinician, Roles.NurseCoordinator));
        mine.MapGet("/obligations", () => TypedResults.Ok(ObligationCatalogue.All)).WithSummary("Le catalogue des obligations de coordination C1 à C15.")
            .DeclareNoPatientData("the catalogue C1–C15");

        var admin = app.MapGroup("/api/admin/outbox").WithTags("Administration").RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        admin.MapGet("/dead-letters", DeadLetters).RequireCapability(Capability.ManageOutbox).WithSummary("Liste les courriels abandonnés après plusieurs tentatives.")
            .DeclareNoPatientData("addresses and errors only, no clinical content");
        admin.MapPost("/{messageId:guid}/retry", Retry).RequireCapability(Capability.ManageOutbox).WithSummary("Relance l'envoi d'un courriel abandonné.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem()
            .DeclareNoPatientData("sends a parked message again");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<DocumentDto>>> ListDocuments(Guid patientId, string? kind, CurrentUser user, HttpContext http, CapabilityCheck capabilities,
        DocumentsQuery documents, Portal.Release.PortalViews portal, CancellationToken ct)
    {
        DocumentKind? only = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!EnumCodes.TryParse<DocumentKind>(kind, out var k))
                throw new DomainValidationException("kind", $"Type de document inconnu ; valeurs possibles : {string.Join(", ", EnumCodes.All<DocumentKind>())}.");
            only = k;
        }
        var readable = await capabilities.ReadableKindsAsync(user, PatientScope.Decision(http), ct);
        // The patient and their caregivers see a document once released (issue 14 §3).
        var view = await portal.ForAsync(user, patientId, ct);
        return TypedResults.Ok<IReadOnlyList<DocumentDto>>((await documents.ListAsync(patientId, ct))
            .Where(d => readable.Contains(d.Kind) && (only is null || d.Kind == only) && view.ShowsDocument(d.Id, d.Kind, d.CreatedAt)).ToList());
    }

    private static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> GetDocument(Guid patientId, Guid documentId, CurrentUser user, HttpContext http,
        CapabilityCheck capabilities, DocumentsQuery documents, Portal.Release.PortalViews portal, CancellationToken ct)
    {
        if (await documents.GetAsync(patientId, documentId, ct) is not { } d
            || !(await portal.ForAsync(user, patientId, ct)).ShowsDocument(d.Id, d.Kind, d.CreatedAt)) return Problems.NotFound("Document");
        return await RefusalToReadAsync(d.Kind, patientId, user, http, capabilities, ct) ?? (Results<Ok<DocumentDto>, ProblemHttpResult>)TypedResults.Ok(d);
    }

    /// <summary>A document of a part of the record the role does not read (the pathology report for the pharmacist): 403 naming the capability, audited.</summary>
    private static async Task<ProblemHttpResult?> RefusalToReadAsync(DocumentKind kind, Guid patientId, CurrentUser user, HttpContext http, CapabilityCheck capabilities, CancellationToken ct)
    {
        var needed = Capabilities.ToRead(kind);
        if (await capabilities.CheckAsync(user, [needed], patientId, PatientScope.Decision(http), $"GET {http.Request.Path}", false, ct)) return null;
        return TypedResults.Problem(CapabilityCheck.Problem(needed));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetContent(Guid patientId, Guid documentId, bool? inline, CurrentUser user, HttpContext http,
        CapabilityCheck capabilities, DocumentsQuery documents, Portal.Release.PortalViews portal, CancellationToken ct)
    {
        var document = await documents.ContentAsync(patientId, documentId, ct);
        if (document is null || !(await portal.ForAsync(user, patientId, ct)).ShowsDocument(document.Id, document.Kind, document.CreatedAt)) return Problems.NotFound("Document");
        if (await RefusalToReadAsync(document.Kind, patientId, user, http, capabilities, ct) is { } refused) return refused;
        return inline == true
            ? TypedResults.File(document.Content, document.ContentType)
            : TypedResults.File(document.Content, document.ContentType, document.FileName);
    }

    private static async Task<Created<DocumentDto>> Upload(Guid patientId, [FromForm] string? kind, [FromForm] string? title, [FromForm] Guid? previousVersionId,
        [FromForm] bool? sign, IFormFile? file, CurrentUser user, UploadDocument upload, DocumentsQuery documents, CancellationToken ct)
    {
        var (fileName, content) = await UploadDocument.ReadAsync(file, ct);
        if (!EnumCodes.TryParse<DocumentKind>(kind, out var k))
            throw new DomainValidationException("kind", $"Type de document inconnu ; valeurs possibles : {string.Join(", ", EnumCodes.All<DocumentKind>())}.");
        var saved = await upload.HandleAsync(user, patientId, new UploadDocumentRequest(k, title, fileName, content, previousVersionId, sign ?? false), ct);
        return TypedResults.Created($"/api/patients/{patientId}/documents/{saved.Document.Id}", (await documents.GetAsync(patientId, saved.Document.Id, ct))!);
    }

    private static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> Sign(Guid patientId, Guid documentId, CurrentUser user, SignDocument sign, DocumentsQuery documents, CancellationToken ct) =>
        await sign.HandleAsync(user, patientId, documentId, ct) is null
            ? Problems.NotFound("Document")
            : TypedResults.Ok((await documents.GetAsync(patientId, documentId, ct))!);

    private static async Task<Ok<IReadOnlyList<TransmissionDto>>> ListTransmissions(Guid patientId, CurrentUser user, TransmissionsQuery transmissions,
        Portal.Release.PortalViews portal, HttpResponse response, CancellationToken ct)
    {
        var list = await transmissions.ListAsync(patientId, ct);
        var view = await portal.ForAsync(user, patientId, ct);
        if (view.Filters)
        {
            // The patient's list counts only what reached the portal: the total gives no hint of what is held.
            var shown = list.Items.Where(t => Portal.Release.PortalView.Shows(view, t)).ToList();
            list = new Capped<TransmissionDto>(shown, shown.Count);
        }
        return TypedResults.Ok(response.WithTotalCount(list));
    }

    private static async Task<Results<Ok<TransmissionDto>, ProblemHttpResult>> GetTransmission(Guid patientId, Guid transmissionId, CurrentUser user,
        TransmissionsQuery transmissions, MarkTransmissionRead markRead, Portal.Release.PortalViews portal, CancellationToken ct)
    {
        var t = await transmissions.GetAsync(patientId, transmissionId, ct);
        if (t is null || !Portal.Release.PortalView.Shows(await portal.ForAsync(user, patientId, ct), t)) return Problems.NotFound("Transmission");
        await markRead.HandleAsync(user, transmissionId, ct);
        return TypedResults.Ok(t);
    }

    private static async Task<Results<Ok<TransmissionDto>, ProblemHttpResult>> Acknowledge(Guid patientId, Guid transmissionId, CurrentUser user,
        AcknowledgeTransmission acknowledge, TransmissionsQuery transmissions, CancellationToken ct)
    {
        if (!await acknowledge.HandleAsync(user, patientId, transmissionId, ct))
        {
            var notFound = Problems.NotFound("Transmission");
            notFound.ProblemDetails.Detail = "Vous n'êtes pas destinataire de cette transmission.";
            return notFound;
        }
        return TypedResults.Ok((await transmissions.GetAsync(patientId, transmissionId, ct))!);
    }

    private static async Task<Created<TransmissionDto>> Send(Guid patientId, TransmissionInput input, CurrentUser user, SendTransmission send, TransmissionsQuery transmissions, CancellationToken ct)
    {
        var t = await send.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/transmissions/{t.Id}", (await transmissions.GetAsync(patientId, t.Id, ct))!);
    }

    private static async Task<Ok<IReadOnlyList<ClinicalEventDto>>> ListEvents(Guid patientId, EventsQuery events, CancellationToken ct) =>
        TypedResults.Ok(await events.ListAsync(patientId, ct));

    private static async Task<Created<ClinicalEventDto>> Report(Guid patientId, ClinicalEventInput input, CurrentUser user, ReportEvent report, HttpContext http, CancellationToken ct)
    {
        var reported = await report.HandleAsync(user, patientId, input, ct);
        // The claim holds the reporter's display name (RelaisClaimsFactory); Identity has no constant for its type yet.
        var name = http.User.FindFirst("relais:name")?.Value ?? "";
        return TypedResults.Created($"/api/patients/{patientId}/events/{reported.Event.Id}", ClinicalEventDto.From(reported.Event, name, reported.Referral?.Id));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Declared(Guid patientId, Guid eventId, DeclarePharmacovigilance declare, CancellationToken ct) =>
        await declare.HandleAsync(patientId, eventId, ct) ? TypedResults.NoContent() : Problems.NotFound("Événement");

    private static async Task<Results<NoContent, ProblemHttpResult>> Close(Guid patientId, Guid referralId, bool? cancelled, CurrentUser user,
        CloseReferral close, CancellationToken ct) =>
        await close.HandleAsync(user, patientId, referralId, cancelled != true, ct) ? TypedResults.NoContent() : Problems.NotFound("Demande");

    private static async Task<Ok<IReadOnlyList<MessageDto>>> ReadThread(Guid patientId, string? thread, CurrentUser user, ThreadQuery messages, MarkThreadRead markRead,
        Clock clock, CancellationToken ct)
    {
        var kind = Threads.DefaultFor(user);
        if (!string.IsNullOrEmpty(thread) && !EnumCodes.TryParse(thread, out kind))
            throw new DomainValidationException("thread", "Fil inconnu : care-team ou patient.");
        Threads.EnsureAllowed(user, kind);
        var list = await messages.HandleAsync(user, patientId, kind, ct);
        await markRead.HandleAsync(user, patientId, [kind], clock.Now, ct);
        return TypedResults.Ok(list);
    }

    private static async Task<Created<MessageDto>> PostToThread(Guid patientId, MessageInput input, CurrentUser user, PostMessage post, HttpContext http, CancellationToken ct)
    {
        var m = await post.HandleAsync(user, patientId, input, ct);
        // The claim holds the author's display name (RelaisClaimsFactory); Identity has no constant for its type yet.
        var name = http.User.FindFirst("relais:name")?.Value ?? "";
        return TypedResults.Created($"/api/patients/{patientId}/messages", new MessageDto(m.Id, m.Thread, name, m.AuthorId, m.Body, m.SentAt, false));
    }

    private static async Task<Ok<InboxPage>> Inbox(string? filter, int? page, int? pageSize, CurrentUser user, InboxQuery inbox, CancellationToken ct)
    {
        var chosen = InboxFilter.All;
        if (!string.IsNullOrEmpty(filter) && !EnumCodes.TryParse(filter, out chosen))
            throw new DomainValidationException("filter", $"Filtre inconnu ; valeurs possibles : {string.Join(", ", EnumCodes.All<InboxFilter>())}.");
        return TypedResults.Ok(await inbox.HandleAsync(user, chosen, page ?? 1, pageSize ?? 20, ct));
    }

    private static async Task<Ok<PendingPage>> Pending(bool? lateOnly, int? page, int? pageSize, CurrentUser user, PendingTransmissionsQuery pending, CancellationToken ct) =>
        TypedResults.Ok(await pending.HandleAsync(user, lateOnly ?? false, page ?? 1, pageSize ?? 20, ct));

    private static async Task<Ok<Capped<ReminderItem>>> MyRemindersList(Guid? patientId, CurrentUser user, MyReminders reminders, CancellationToken ct) =>
        TypedResults.Ok(await reminders.HandleAsync(user, patientId, ct));

    private static async Task<Ok<IReadOnlyList<ReferralDto>>> Referrals(CurrentUser user, OpenReferralsQuery referrals, HttpResponse response, CancellationToken ct) =>
        TypedResults.Ok(response.WithTotalCount(await referrals.HandleAsync(user, ct)));

    private static async Task<Ok<TeamQueuePage>> Queue(string? filter, int? page, int? pageSize, CurrentUser user, TeamQueueQuery queue, CancellationToken ct)
    {
        var chosen = TeamQueueFilter.Open;
        if (!string.IsNullOrEmpty(filter) && !EnumCodes.TryParse(filter, out chosen))
            throw new DomainValidationException("filter", $"Filtre inconnu ; valeurs possibles : {string.Join(", ", EnumCodes.All<TeamQueueFilter>())}.");
        return TypedResults.Ok(await queue.HandleAsync(user, chosen, page ?? 1, pageSize ?? 20, ct));
    }

    private static async Task<Results<Ok<TransmissionDto>, ProblemHttpResult>> HandOn(Guid patientId, Guid transmissionId, HandOnInput input, CurrentUser user,
        HandOnSignal handOn, TransmissionsQuery transmissions, CancellationToken ct)
    {
        if (!await handOn.HandleAsync(user, patientId, transmissionId, input, ct))
        {
            var notFound = Problems.NotFound("Transmission");
            notFound.ProblemDetails.Detail = "Vous n'êtes pas responsable d'un signal de l'équipe pour cette transmission.";
            return notFound;
        }
        return TypedResults.Ok((await transmissions.GetAsync(patientId, transmissionId, ct))!);
    }

    private static async Task<Ok<SignalOwnerDto>> GetOwner(Guid patientId, SignalOwnerQuery owner, CancellationToken ct) =>
        TypedResults.Ok(await owner.GetAsync(patientId, ct));

    private static async Task<Ok<SignalOwnerDto>> ChooseOwner(Guid patientId, SignalOwnerInput input, CurrentUser user,
        ChooseSignalOwner choose, SignalOwnerQuery owner, CancellationToken ct)
    {
        await choose.HandleAsync(user, patientId, input, ct);
        return TypedResults.Ok(await owner.GetAsync(patientId, ct));
    }

    private static async Task<Ok<IReadOnlyList<DeadLetterDto>>> DeadLetters(DeadLettersQuery deadLetters, CancellationToken ct) =>
        TypedResults.Ok(await deadLetters.HandleAsync(ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Retry(Guid messageId, RetryDeadLetter retry, CancellationToken ct) =>
        await retry.HandleAsync(messageId, ct) ? TypedResults.NoContent() : Problems.NotFound("Message");
}
