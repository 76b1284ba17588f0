using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Announcements;

public static class AnnouncementsApi
{
    public static IEndpointRouteBuilder MapAnnouncements(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}/episodes/{episodeId:guid}/announcement").WithTags("Annonce")
            .RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", async (Guid patientId, Guid episodeId, AnnouncementService s, CancellationToken ct) => Result(await s.GetAsync(patientId, episodeId, ct)));

        var write = app.MapGroup("/api/patients/{patientId:guid}/episodes/{episodeId:guid}/announcement").WithTags("Annonce")
            .RequireAuthorization(p => p.RequireRole(Roles.Professionals)).RequirePatientAccess(AccessKind.Write);
        write.MapPost("/medical-time", async (Guid patientId, Guid episodeId, MedicalTimeInput input, AnnouncementService s, HttpContext http, CancellationToken ct) =>
            Result(await s.MedicalTimeAsync(Me(http), patientId, episodeId, input, ct)));
        write.MapPost("/nursing-time", async (Guid patientId, Guid episodeId, NursingTimeInput input, AnnouncementService s, HttpContext http, CancellationToken ct) =>
            Result(await s.NursingTimeAsync(Me(http), patientId, episodeId, input, ct)));
        write.MapPost("/supportive-care", async (Guid patientId, Guid episodeId, SupportiveCareInput input, AnnouncementService s, HttpContext http, CancellationToken ct) =>
            Result(await s.SupportiveCareAsync(Me(http), patientId, episodeId, input, ct)));
        write.MapPost("/epices", async (Guid patientId, Guid episodeId, EpicesInput input, AnnouncementService s, HttpContext http, CancellationToken ct) =>
            Result(await s.EpicesAsync(Me(http), patientId, episodeId, input, ct)));
        write.MapPost("/information", async (Guid patientId, Guid episodeId, InformationInput input, AnnouncementService s, HttpContext http, CancellationToken ct) =>
            Result(await s.InformationAsync(Me(http), patientId, episodeId, input, ct)));
        write.MapPost("/gp-context", async (Guid patientId, Guid episodeId, GpContextInput input, AnnouncementService s, HttpContext http, CancellationToken ct) =>
            Result(await s.GpContextAsync(Me(http), patientId, episodeId, input, ct)));
        return app;
    }

    private static CurrentUser Me(HttpContext http) => CurrentUser.From(http.User)!;

    private static Results<Ok<AnnouncementDto>, ProblemHttpResult> Result(AnnouncementDto? dto) =>
        dto is null ? TypedResults.Problem(statusCode: 404, title: "Épisode introuvable") : TypedResults.Ok(dto);
}
