using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Domain.TumorBoards;
using Relais.Web.Features.Access;
using Relais.Web.Features.TumorBoards.Boards;
using Relais.Web.Features.TumorBoards.Cases;
using Relais.Web.Features.TumorBoards.G8;
using Relais.Web.Features.TumorBoards.Meetings;
using Relais.Web.Features.TumorBoards.Report;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.TumorBoards;

public static class TumorBoardsApi
{
    public static IEndpointRouteBuilder MapTumorBoards(this IEndpointRouteBuilder app)
    {
        var boards = app.MapGroup("/api").WithTags("RCP").RequireAuthorization(p => p.RequireRole(Roles.Professionals));
        boards.MapGet("/tumor-boards", Boards).WithSummary("Liste les RCP.")
            .DeclareNoPatientData("boards: specialty, site, schedule");
        boards.MapPost("/tumor-boards", CreateBoard).RequireCapability(Capability.OrganiseTumorBoard).WithSummary("Crée une RCP.").ProducesValidationProblem()
            .DeclareNoPatientData("creates a board");
        boards.MapPost("/tumor-boards/{boardId:guid}/meetings", PlanMeeting).RequireCapability(Capability.OrganiseTumorBoard).WithSummary("Planifie une réunion d'une RCP.").ProducesValidationProblem()
            .DeclareNoPatientData("plans a meeting");
        boards.MapGet("/meetings", UpcomingMeetings).WithSummary("Liste les réunions à venir, avec leur quorum et leurs dossiers.")
            .DeclareNoPatientData("meetings; cases named only for patients the access rule lets the caller see");
        boards.MapGet("/meetings/{meetingId:guid}", Meeting).WithSummary("Lit une réunion, avec son quorum et ses dossiers.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .DeclareNoPatientData("one meeting; cases named only for patients the access rule lets the caller see");
        boards.MapPut("/meetings/{meetingId:guid}/participants", SetParticipant).RequireCapability(Capability.OrganiseTumorBoard).WithSummary("Enregistre la présence d'un médecin à une réunion et rend le quorum.")
            .ProducesValidationProblem()
            .DeclareNoPatientData("attendance: names and specialties of physicians");

        var read = app.MapGroup("/api/patients/{patientId:guid}").WithTags("RCP").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/tumor-board-cases", Cases).RequireCapability(Capability.ReadTumorBoardDeliberation).WithSummary("Liste les dossiers RCP du patient.");
        read.MapGet("/tumor-board-cases/{caseId:guid}/report", Report).RequireCapability(Capability.ReadTumorBoardDeliberation).WithSummary("Rend le compte rendu HTML d'un dossier décidé.");
        read.MapGet("/g8", G8History).RequireCapability(Capability.ReadRecord).WithSummary("Liste les dépistages G8 du patient.");

        var write = app.MapGroup("/api/patients/{patientId:guid}").WithTags("RCP").RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write);
        write.MapPost("/g8", RecordG8).RequireCapability(Capability.RecordG8).WithSummary("Enregistre un dépistage G8.").ProducesValidationProblem().WithIdempotency();
        write.MapPost("/tumor-board-cases", Register).RequireCapability(Capability.OrganiseTumorBoard).WithSummary("Inscrit le dossier à une réunion de RCP et en informe le médecin traitant (C6).")
            .ProducesValidationProblem().WithIdempotency();
        write.MapPost("/tumor-board-cases/{caseId:guid}/contribution", Contribute).RequireCapability(Capability.ContributeToTumorBoard).WithSummary("Transmet la contribution du médecin traitant au dossier inscrit.")
            .ProducesValidationProblem();
        write.MapPost("/tumor-board-cases/{caseId:guid}/decision", Decide).RequireCapability(Capability.RecordTumorBoardDecision)
            .WithSummary("Enregistre la décision sous quorum ; le compte rendu signé part au médecin traitant (C7).").ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<BoardDto>>> Boards(BoardList list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct));

    private static async Task<Created<BoardDto>> CreateBoard(BoardInput input, CurrentUser user, CreateBoard create, CancellationToken ct)
    {
        var b = await create.HandleAsync(user, input, ct);
        return TypedResults.Created($"/api/tumor-boards/{b.Id}", BoardDto.From(b));
    }

    private static async Task<Created<MeetingDto>> PlanMeeting(Guid boardId, MeetingInput input, CurrentUser user, PlanMeeting plan, MeetingQuery meetings, CancellationToken ct)
    {
        var m = await plan.HandleAsync(user, boardId, input, ct);
        return TypedResults.Created($"/api/meetings/{m.Id}", (await meetings.OneAsync(user, m.Id, ct))!);
    }

    private static async Task<Ok<IReadOnlyList<MeetingDto>>> UpcomingMeetings(int? days, CurrentUser user, MeetingQuery meetings, CancellationToken ct) =>
        TypedResults.Ok(await meetings.UpcomingAsync(user, Math.Clamp(days ?? 30, 1, 365), ct));

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult>> Meeting(Guid meetingId, CurrentUser user, MeetingQuery meetings, CancellationToken ct) =>
        await meetings.OneAsync(user, meetingId, ct) is { } m ? TypedResults.Ok(m) : Problems.NotFound("Réunion");

    private static async Task<Ok<QuorumCheck>> SetParticipant(Guid meetingId, ParticipantInput input, SetParticipant set, CancellationToken ct) =>
        TypedResults.Ok(await set.HandleAsync(meetingId, input, ct));

    private static async Task<Ok<IReadOnlyList<CaseDto>>> Cases(Guid patientId, CurrentUser user, CasesQuery cases, Portal.Release.PortalViews portal, CancellationToken ct)
    {
        var view = await portal.ForAsync(user, patientId, ct);
        return TypedResults.Ok<IReadOnlyList<CaseDto>>((await cases.ForPatientAsync(patientId, ct)).Where(c => view.ShowsCase(c.ReportDocumentId)).ToList());
    }

    private static async Task<Ok<IReadOnlyList<G8Dto>>> G8History(Guid patientId, G8History history, CancellationToken ct) =>
        TypedResults.Ok(await history.HandleAsync(patientId, ct));

    private static async Task<Created<G8Dto>> RecordG8(Guid patientId, G8Input input, CurrentUser user, RecordG8 record, CancellationToken ct)
    {
        var g = await record.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/g8", G8Dto.From(g));
    }

    private static async Task<Created<CaseDto>> Register(Guid patientId, CaseInput input, CurrentUser user, RegisterCase register, CasesQuery cases, CancellationToken ct)
    {
        var c = await register.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/tumor-board-cases/{c.Id}", (await cases.OneAsync(patientId, c.Id, ct))!);
    }

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Contribute(Guid patientId, Guid caseId, ContributionInput input, CurrentUser user,
        AddGpContribution contribute, CasesQuery cases, CancellationToken ct) =>
        await contribute.HandleAsync(user, patientId, caseId, input, ct) is null ? Problems.NotFound("Dossier") : TypedResults.Ok((await cases.OneAsync(patientId, caseId, ct))!);

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Decide(Guid patientId, Guid caseId, DecisionInput input, CurrentUser user,
        DecideCase decide, CasesQuery cases, CancellationToken ct) =>
        await decide.HandleAsync(user, patientId, caseId, input, ct) is null ? Problems.NotFound("Dossier") : TypedResults.Ok((await cases.OneAsync(patientId, caseId, ct))!);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Report(Guid patientId, Guid caseId, CurrentUser user, TumorBoardReport report, CasesQuery cases,
        Portal.Release.PortalViews portal, CancellationToken ct)
    {
        var view = await portal.ForAsync(user, patientId, ct);
        if (view.Filters && (await cases.OneAsync(patientId, caseId, ct) is not { } c || !view.ShowsCase(c.ReportDocumentId))) return Problems.NotFound("Compte rendu");
        return await report.HtmlAsync(patientId, caseId, ct) is { } html ? TypedResults.Content(html, "text/html; charset=utf-8") : Problems.NotFound("Compte rendu");
    }
}
