using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients;

public static class PatientsApi
{
    public static IEndpointRouteBuilder MapPatients(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/patients").WithTags("Patients").RequireAuthorization();

        api.MapGet("/", Search).DeclareNoPatientData("lists only the patients the access rule lets the caller see; each one shown is audited");
        api.MapPost("/", Register).DeclareNoPatientData("creates a record; its author joins the care team")
            .RequireAuthorization(p => p.RequireRole(Roles.TeamManagers.Split(',')));

        var read = api.MapGroup("/{patientId:guid}").RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", Get);
        read.MapGet("/care-team", CareTeam);
        read.MapGet("/episodes", Episodes);
        read.MapGet("/episodes/{episodeId:guid}", Episode);
        read.MapGet("/timeline", Timeline);
        read.MapGet("/access-log", AccessLog);

        var write = api.MapGroup("/{patientId:guid}").RequirePatientAccess(AccessKind.Write);
        write.MapPut("/", Update);
        write.MapPost("/episodes", OpenEpisode);
        write.MapPut("/episodes/{episodeId:guid}", UpdateEpisode);
        write.MapPost("/episodes/{episodeId:guid}/transitions", Transition);
        write.MapPost("/care-team", AddMember);
        write.MapPost("/care-team/{memberId:guid}/end", EndMember);
        return app;
    }

    private static CurrentUser Me(HttpContext http) => CurrentUser.From(http.User)!;

    private static async Task<Ok<PatientPage>> Search(string? search, int? page, int? pageSize, PatientReader reader, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await reader.SearchAsync(Me(http), search, page ?? 1, pageSize ?? 20, ct));

    private static async Task<Created<PatientDetail>> Register(PatientInput input, PatientCommands commands, PatientReader reader, HttpContext http, CancellationToken ct)
    {
        var patient = await commands.RegisterAsync(Me(http), input, ct);
        var detail = await reader.GetDetailAsync(patient.Id, AccessBasis.CareTeam, ct);
        return TypedResults.Created($"/api/patients/{patient.Id}", detail!);
    }

    private static async Task<Results<Ok<PatientDetail>, ProblemHttpResult>> Get(Guid patientId, PatientReader reader, HttpContext http, CancellationToken ct)
    {
        var basis = http.Items["relais.access"] is AccessDecision d ? d.Basis : AccessBasis.None;
        var detail = await reader.GetDetailAsync(patientId, basis, ct);
        return detail is null ? PatientScope.NotFound() : TypedResults.Ok(detail);
    }

    private static async Task<Ok<PatientDetail>> Update(Guid patientId, PatientInput input, PatientCommands commands, PatientReader reader, HttpContext http, CancellationToken ct)
    {
        await commands.UpdateAsync(Me(http), patientId, input, ct);
        return TypedResults.Ok((await reader.GetDetailAsync(patientId, AccessBasis.CareTeam, ct))!);
    }

    private static async Task<Ok<IReadOnlyList<CareTeamMemberDto>>> CareTeam(Guid patientId, PatientReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.CareTeamAsync(patientId, ct));

    private static async Task<Ok<IReadOnlyList<EpisodeDto>>> Episodes(Guid patientId, PatientReader reader, CancellationToken ct) =>
        TypedResults.Ok((await reader.GetDetailAsync(patientId, AccessBasis.None, ct))!.Episodes);

    private static async Task<Results<Ok<EpisodeDto>, ProblemHttpResult>> Episode(Guid patientId, Guid episodeId, PatientReader reader, CancellationToken ct)
    {
        var episode = (await reader.GetDetailAsync(patientId, AccessBasis.None, ct))!.Episodes.FirstOrDefault(e => e.Id == episodeId);
        return episode is null ? EpisodeNotFound() : TypedResults.Ok(episode);
    }

    private static async Task<Ok<IReadOnlyList<EpisodeTimeline>>> Timeline(Guid patientId, PatientReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.TimelineAsync(patientId, ct));

    private static async Task<Ok<IReadOnlyList<AccessLogEntry>>> AccessLog(Guid patientId, int? take, PatientReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.AccessLogAsync(patientId, take ?? 100, ct));

    private static async Task<Created<EpisodeDto>> OpenEpisode(Guid patientId, EpisodeInput input, PatientCommands commands, HttpContext http, CancellationToken ct)
    {
        var episode = await commands.OpenEpisodeAsync(Me(http), patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/episodes/{episode.Id}", PatientReader.ToDto(episode));
    }

    private static async Task<Results<Ok<EpisodeDto>, ProblemHttpResult>> UpdateEpisode(Guid patientId, Guid episodeId, EpisodeInput input, PatientCommands commands, CancellationToken ct)
    {
        var episode = await commands.UpdateEpisodeAsync(patientId, episodeId, input, ct);
        return episode is null ? EpisodeNotFound() : TypedResults.Ok(PatientReader.ToDto(episode));
    }

    private static async Task<Results<Created<PathwayEventDto>, ProblemHttpResult>> Transition(Guid patientId, Guid episodeId, TransitionInput input, PatientCommands commands, HttpContext http, CancellationToken ct)
    {
        var evt = await commands.TransitionAsync(Me(http), patientId, episodeId, input, ct);
        if (evt is null) return EpisodeNotFound();
        var name = http.User.FindFirst("relais:name")?.Value ?? "";
        return TypedResults.Created($"/api/patients/{patientId}/timeline",
            new PathwayEventDto(evt.Id, evt.EpisodeId, evt.From, evt.To, evt.OccurredOn, evt.RecordedAt, name, evt.Note));
    }

    private static async Task<Created<CareTeamMemberDto>> AddMember(Guid patientId, CareTeamInput input, PatientCommands commands, PatientReader reader, HttpContext http, CancellationToken ct)
    {
        var member = await commands.AddCareTeamMemberAsync(Me(http), patientId, input, ct);
        var dto = (await reader.CareTeamAsync(patientId, ct)).First(m => m.Id == member.Id);
        return TypedResults.Created($"/api/patients/{patientId}/care-team", dto);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EndMember(Guid patientId, Guid memberId, EndMembershipInput input, PatientCommands commands, CancellationToken ct) =>
        await commands.EndCareTeamMembershipAsync(patientId, memberId, input, ct) ? TypedResults.NoContent() : TypedResults.Problem(statusCode: 404, title: "Membre introuvable");

    private static ProblemHttpResult EpisodeNotFound() => TypedResults.Problem(statusCode: 404, title: "Épisode introuvable");
}
