using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Domain.TumorBoards;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.TumorBoards;

public static class TumorBoardsApi
{
    private static readonly string[] Organisers = [Roles.TumorBoardSecretary, Roles.HospitalClinician, Roles.NurseCoordinator];

    public static IEndpointRouteBuilder MapTumorBoards(this IEndpointRouteBuilder app)
    {
        var boards = app.MapGroup("/api").WithTags("RCP").RequireAuthorization(p => p.RequireRole(Roles.Professionals));
        boards.MapGet("/tumor-boards", async (TumorBoardService s, CancellationToken ct) => TypedResults.Ok(await s.BoardsAsync(ct)))
            .DeclareNoPatientData("boards: specialty, site, schedule");
        boards.MapPost("/tumor-boards", CreateBoard).DeclareNoPatientData("creates a board").RequireAuthorization(p => p.RequireRole(Organisers));
        boards.MapPost("/tumor-boards/{boardId:guid}/meetings", PlanMeeting).DeclareNoPatientData("plans a meeting").RequireAuthorization(p => p.RequireRole(Organisers));
        boards.MapGet("/meetings", async (int? days, TumorBoardService s, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await s.UpcomingMeetingsAsync(CurrentUser.From(http.User)!, Math.Clamp(days ?? 30, 1, 365), ct)))
            .DeclareNoPatientData("meetings; cases named only for patients the access rule lets the caller see");
        boards.MapGet("/meetings/{meetingId:guid}", Meeting).DeclareNoPatientData("one meeting; cases named only for patients the access rule lets the caller see");
        boards.MapPut("/meetings/{meetingId:guid}/participants", SetParticipant).DeclareNoPatientData("attendance: names and specialties of physicians")
            .RequireAuthorization(p => p.RequireRole(Organisers));

        var read = app.MapGroup("/api/patients/{patientId:guid}").WithTags("RCP").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/tumor-board-cases", async (Guid patientId, TumorBoardService s, CancellationToken ct) => TypedResults.Ok(await s.CasesAsync(patientId, ct)));
        read.MapGet("/tumor-board-cases/{caseId:guid}/report", Report);
        read.MapGet("/g8", async (Guid patientId, TumorBoardService s, CancellationToken ct) => TypedResults.Ok(await s.G8HistoryAsync(patientId, ct)));

        var write = app.MapGroup("/api/patients/{patientId:guid}").WithTags("RCP").RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write);
        write.MapPost("/g8", RecordG8).WithIdempotency();
        write.MapPost("/tumor-board-cases", Register).WithIdempotency();
        write.MapPost("/tumor-board-cases/{caseId:guid}/contribution", Contribute);
        write.MapPost("/tumor-board-cases/{caseId:guid}/decision", Decide);
        return app;
    }

    private static CurrentUser Me(HttpContext http) => CurrentUser.From(http.User)!;

    private static ProblemHttpResult NotFound(string what) => TypedResults.Problem(statusCode: 404, title: $"{what} introuvable");

    private static async Task<Created<BoardDto>> CreateBoard(BoardInput input, TumorBoardService s, HttpContext http, CancellationToken ct)
    {
        var b = await s.CreateBoardAsync(Me(http), input, ct);
        return TypedResults.Created($"/api/tumor-boards/{b.Id}", new BoardDto(b.Id, b.Name, b.Specialty, b.Site, b.Schedule, b.IsPaediatric, b.ExpectedSpecialties));
    }

    private static async Task<Created<MeetingDto>> PlanMeeting(Guid boardId, MeetingInput input, TumorBoardService s, HttpContext http, CancellationToken ct)
    {
        var m = await s.PlanMeetingAsync(Me(http), boardId, input, ct);
        return TypedResults.Created($"/api/meetings/{m.Id}", (await s.MeetingAsync(Me(http), m.Id, ct))!);
    }

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult>> Meeting(Guid meetingId, TumorBoardService s, HttpContext http, CancellationToken ct) =>
        await s.MeetingAsync(Me(http), meetingId, ct) is { } m ? TypedResults.Ok(m) : NotFound("Réunion");

    private static async Task<Ok<QuorumCheck>> SetParticipant(Guid meetingId, ParticipantInput input, TumorBoardService s, CancellationToken ct) =>
        TypedResults.Ok(await s.SetParticipantAsync(meetingId, input, ct));

    private static async Task<Created<G8Dto>> RecordG8(Guid patientId, G8Input input, TumorBoardService s, HttpContext http, CancellationToken ct)
    {
        var g = await s.RecordG8Async(Me(http), patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/g8", new G8Dto(g.Id, g.AssessedOn, g.AgeAtAssessment, g.Score, g.FullAssessmentRecommended));
    }

    private static async Task<Created<CaseDto>> Register(Guid patientId, CaseInput input, TumorBoardService s, HttpContext http, CancellationToken ct)
    {
        var c = await s.RegisterCaseAsync(Me(http), patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/tumor-board-cases/{c.Id}", (await s.CasesAsync(patientId, ct)).First(x => x.Id == c.Id));
    }

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Contribute(Guid patientId, Guid caseId, ContributionInput input, TumorBoardService s, HttpContext http, CancellationToken ct) =>
        await s.AddContributionAsync(Me(http), patientId, caseId, input, ct) is null ? NotFound("Dossier") : TypedResults.Ok((await s.CasesAsync(patientId, ct)).First(x => x.Id == caseId));

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Decide(Guid patientId, Guid caseId, DecisionInput input, TumorBoardService s, HttpContext http, CancellationToken ct) =>
        await s.DecideAsync(Me(http), patientId, caseId, input, ct) is null ? NotFound("Dossier") : TypedResults.Ok((await s.CasesAsync(patientId, ct)).First(x => x.Id == caseId));

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Report(Guid patientId, Guid caseId, TumorBoardService s, CancellationToken ct) =>
        await s.ReportHtmlAsync(patientId, caseId, ct) is { } html ? TypedResults.Content(html, "text/html; charset=utf-8") : NotFound("Compte rendu");
}
