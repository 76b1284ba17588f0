using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Features.Patients.Ald;
using Relais.Web.Features.Patients.CareTeam;
using Relais.Web.Features.Patients.Episodes;
using Relais.Web.Features.Patients.Identity;
using Relais.Web.Features.Patients.Vaccination;
using Relais.Web.Identity;
using Relais.Web.Operations;

using Relais.Web.Features.Patients.Steps;

namespace Relais.Web.Features.Patients;

public static class PatientsApi
{
    public static IEndpointRouteBuilder MapPatients(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/patients").WithTags("Patients").RequireAuthorization();

        api.MapGet("/", Search).WithSummary("Recherche parmi les patients que l'utilisateur peut voir, par nom, INS ou date de naissance.")
            .DeclareNoPatientData("lists only the patients the access rule lets the caller see; each one shown is audited")
            .WithMetadata(new AuditsEachPatientShownAttribute());
        api.MapPost("/", Register).RequireCapability(Capability.RegisterPatient).WithSummary("Crée un dossier patient ; son auteur et le médecin traitant déclaré rejoignent l'équipe de soins.")
            .ProducesValidationProblem().WithMetadata(Problems.Declared(StatusCodes.Status409Conflict))
            .DeclareNoPatientData("creates a record; its author joins the care team")
            .RequireAuthorization(p => p.RequireRole(Roles.TeamManagers.Split(',')));

        var read = api.MapGroup("/{patientId:guid}").RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", Get).RequireCapability(Capability.ReadRecord).WithSummary("Lit le dossier d'un patient : identité, équipe de soins, épisodes.");
        read.MapGet("/care-team", GetCareTeam).RequireCapability(Capability.ReadRecord).WithSummary("Liste l'équipe de soins du patient, membres actuels d'abord.");
        read.MapGet("/episodes", GetEpisodes).RequireCapability(Capability.ReadRecord).WithSummary("Liste les épisodes de cancer du patient.");
        read.MapGet("/episodes/{episodeId:guid}", GetEpisode).RequireCapability(Capability.ReadRecord).WithSummary("Lit un épisode de cancer du patient.");
        read.MapGet("/timeline", GetTimeline).RequireCapability(Capability.ReadRecord).WithSummary("Donne les étapes du parcours de chaque épisode et les délais entre elles.");
        read.MapGet("/access-log", GetAccessLog).RequireCapability(Capability.ReadAccessLog).WithSummary("Liste qui a consulté ou modifié le dossier, et quand.");

        var write = api.MapGroup("/{patientId:guid}").RequirePatientAccess(AccessKind.Write);
        write.MapPut("/", Update).RequireCapability(Capability.EditIdentity).WithSummary("Modifie l'identité, les coordonnées, la personne de confiance et les directives anticipées (les champs omis sont conservés ; If-Match ou version refusent une modification concurrente).")
            .Accepts<PatientInput>("application/json").ProducesValidationProblem()
            .WithMetadata(Problems.Declared(StatusCodes.Status409Conflict), Problems.Declared(StatusCodes.Status412PreconditionFailed));
        write.MapPost("/episodes", Open).RequireCapability(Capability.RecordPathway).WithSummary("Ouvre un épisode de cancer à sa première étape du parcours.")
            .ProducesValidationProblem();
        write.MapPut("/episodes/{episodeId:guid}", Correct).RequireCapability(Capability.RecordPathway).WithSummary("Corrige le diagnostic et la stadification d'un épisode (les champs omis sont conservés ; If-Match ou version refusent une modification concurrente).")
            .Accepts<EpisodeInput>("application/json").ProducesValidationProblem()
            .WithMetadata(Problems.Declared(StatusCodes.Status409Conflict), Problems.Declared(StatusCodes.Status412PreconditionFailed));
        write.MapPost("/episodes/{episodeId:guid}/transitions", Move).RequireCapability(Capability.RecordPathway).WithSummary("Enregistre l'étape suivante du parcours d'un épisode.")
            .ProducesValidationProblem();
        write.MapPost("/care-team", Add).RequireCapability(Capability.ManageCareTeam).WithSummary("Ajoute un professionnel de santé à l'équipe de soins pour une période.")
            .ProducesValidationProblem();
        write.MapPost("/care-team/{memberId:guid}/end", End).RequireCapability(Capability.EndOwnMembership, Capability.ManageCareTeam).WithSummary("Met fin à la participation d'un membre de l'équipe de soins (If-Match ou version refusent une modification concurrente).")
            .ProducesValidationProblem()
            .WithMetadata(Problems.Declared(StatusCodes.Status409Conflict), Problems.Declared(StatusCodes.Status412PreconditionFailed));
        app.MapPatientIdentity();
        app.MapAld();
        app.MapLiveVaccineWarning();
        app.MapSteps();
        return app;
    }

    private static async Task<Ok<PatientPage>> Search(string? search, int? page, int? pageSize, CurrentUser user, SearchPatients patients, CancellationToken ct) =>
        TypedResults.Ok(await patients.HandleAsync(user, search, page ?? 1, pageSize ?? 20, stillInCare: false, ct));

    private static async Task<Created<PatientDetail>> Register(PatientInput input, CurrentUser user, RegisterPatient register, PatientDetailQuery details, CancellationToken ct)
    {
        var patient = await register.HandleAsync(user, input, ct);
        var detail = await details.GetAsync(patient.Id, AccessBasis.CareTeam, ct);
        return TypedResults.Created($"/api/patients/{patient.Id}", detail!);
    }

    private static async Task<Results<Ok<PatientDetail>, ProblemHttpResult>> Get(Guid patientId, HttpContext http, PatientDetailQuery details, CancellationToken ct)
    {
        var detail = await details.GetAsync(patientId, PatientScope.Decision(http)?.Basis ?? AccessBasis.None, ct);
        if (detail is null) return PatientScope.NotFound();
        Versions.SetETag(http, detail.Version);
        return TypedResults.Ok(detail);
    }

    private static async Task<Ok<PatientDetail>> Update(Guid patientId, MergePatch<PatientInput> input, HttpContext http, CurrentUser user, UpdatePatient update,
        PatientDetailQuery details, CancellationToken ct)
    {
        await update.HandleAsync(user, patientId, input, Versions.Expected(http, null), ct);
        var detail = (await details.GetAsync(patientId, AccessBasis.CareTeam, ct))!;
        Versions.SetETag(http, detail.Version);
        return TypedResults.Ok(detail);
    }

    private static async Task<Ok<IReadOnlyList<CareTeamMemberDto>>> GetCareTeam(Guid patientId, CareTeamQuery careTeam, CancellationToken ct) =>
        TypedResults.Ok(await careTeam.GetAsync(patientId, ct));

    private static async Task<Ok<IReadOnlyList<EpisodeDto>>> GetEpisodes(Guid patientId, PatientDetailQuery details, CancellationToken ct) =>
        TypedResults.Ok(await details.EpisodesAsync(patientId, ct));

    private static async Task<Results<Ok<EpisodeDto>, ProblemHttpResult>> GetEpisode(Guid patientId, Guid episodeId, HttpContext http, PatientDetailQuery details, CancellationToken ct)
    {
        var episode = (await details.EpisodesAsync(patientId, ct)).FirstOrDefault(e => e.Id == episodeId);
        if (episode is null) return Problems.NotFound("Épisode");
        Versions.SetETag(http, episode.Version);
        return TypedResults.Ok(episode);
    }

    private static async Task<Ok<IReadOnlyList<EpisodeTimeline>>> GetTimeline(Guid patientId, TimelineQuery timeline, CancellationToken ct) =>
        TypedResults.Ok(await timeline.GetAsync(patientId, ct));

    private static async Task<Ok<IReadOnlyList<AccessLogEntry>>> GetAccessLog(Guid patientId, int? take, AccessLogQuery log, CancellationToken ct) =>
        TypedResults.Ok(await log.GetAsync(patientId, take ?? 100, ct));

    private static async Task<Created<EpisodeDto>> Open(Guid patientId, EpisodeInput input, CurrentUser user, OpenEpisode open, CancellationToken ct)
    {
        var episode = await open.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/episodes/{episode.Id}", EpisodeDto.From(episode));
    }

    private static async Task<Results<Ok<EpisodeDto>, ProblemHttpResult>> Correct(Guid patientId, Guid episodeId, MergePatch<EpisodeInput> input, HttpContext http,
        UpdateEpisode update, CancellationToken ct)
    {
        var episode = await update.HandleAsync(patientId, episodeId, input, Versions.Expected(http, null), ct);
        if (episode is null) return Problems.NotFound("Épisode");
        Versions.SetETag(http, episode.Version);
        return TypedResults.Ok(EpisodeDto.From(episode));
    }

    private static async Task<Results<Created<PathwayEventDto>, ProblemHttpResult>> Move(Guid patientId, Guid episodeId, TransitionInput input, CurrentUser user, MoveEpisode move, CancellationToken ct)
    {
        var step = await move.HandleAsync(user, patientId, episodeId, input, ct);
        return step is null ? Problems.NotFound("Épisode") : TypedResults.Created($"/api/patients/{patientId}/timeline", step);
    }

    private static async Task<Created<CareTeamMemberDto>> Add(Guid patientId, CareTeamInput input, CurrentUser user, AddMember add, CareTeamQuery careTeam, CancellationToken ct)
    {
        var member = await add.HandleAsync(user, patientId, input, ct);
        var dto = (await careTeam.GetAsync(patientId, ct)).First(m => m.Id == member.Id);
        return TypedResults.Created($"/api/patients/{patientId}/care-team", dto);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> End(Guid patientId, Guid memberId, EndMembershipInput input, HttpContext http, CurrentUser user,
        EndMembership end, CancellationToken ct) =>
        await end.HandleAsync(user, patientId, memberId, input with { Version = Versions.Expected(http, input.Version) }, ct) ? TypedResults.NoContent() : Problems.NotFound("Membre");

}
