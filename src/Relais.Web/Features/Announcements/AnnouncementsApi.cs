using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Announcements;

public static class AnnouncementsApi
{
    public static IEndpointRouteBuilder MapAnnouncements(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}/episodes/{episodeId:guid}/announcement").WithTags("Annonce")
            .RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", Get).RequireCapability(Capability.ReadPsychologicalNotes).WithSummary("Lit le dispositif d'annonce de l'épisode et ce qu'il reste à faire.");

        var write = app.MapGroup("/api/patients/{patientId:guid}/episodes/{episodeId:guid}/announcement").WithTags("Annonce")
            .RequireAuthorization(p => p.RequireRole(Roles.Professionals)).RequirePatientAccess(AccessKind.Write);
        write.MapPost("/medical-time", MedicalTime).RequireCapability(Capability.WriteAnnouncement).WithSummary("Enregistre le temps médical de l'annonce.").ProducesValidationProblem();
        write.MapPost("/nursing-time", NursingTime).RequireCapability(Capability.WriteAnnouncement).WithSummary("Enregistre le temps soignant : proposé, accepté ou refusé.").ProducesValidationProblem();
        write.MapPost("/supportive-care", SupportiveCare).RequireCapability(Capability.WriteAnnouncement).WithSummary("Enregistre les besoins en soins de support.").ProducesValidationProblem();
        write.MapPost("/epices", Epices).RequireCapability(Capability.WriteAnnouncement).WithSummary("Calcule et enregistre le score EPICES de fragilité sociale.").ProducesValidationProblem();
        write.MapPost("/information", Information).RequireCapability(Capability.WriteAnnouncement).WithSummary("Enregistre les informations données au patient.").ProducesValidationProblem();
        write.MapPost("/fertility", Fertility).RequireCapability(Capability.WriteAnnouncement).WithSummary("Suit la préservation de la fertilité (proposée, acceptée ou refusée, adressé au CECOS, faite) et le conseil de contraception.")
            .ProducesValidationProblem();
        write.MapPost("/gp-context", GpContext).RequireCapability(Capability.WriteAnnouncement).WithSummary("Enregistre le contexte transmis par le médecin traitant.").ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<Ok<AnnouncementDto>, ProblemHttpResult>> Get(Guid patientId, Guid episodeId, OpenAnnouncement open, CancellationToken ct) =>
        Result(await open.HandleAsync(patientId, episodeId, ct));

    private static async Task<Results<Ok<AnnouncementDto>, ProblemHttpResult>> MedicalTime(Guid patientId, Guid episodeId, MedicalTimeInput input, CurrentUser user,
        RecordMedicalTime record, CancellationToken ct) => Result(await record.HandleAsync(user, patientId, episodeId, input, ct));

    private static async Task<Results<Ok<AnnouncementDto>, ProblemHttpResult>> NursingTime(Guid patientId, Guid episodeId, NursingTimeInput input,
        RecordNursingTime record, CancellationToken ct) => Result(await record.HandleAsync(patientId, episodeId, input, ct));

    private static async Task<Results<Ok<AnnouncementDto>, ProblemHttpResult>> SupportiveCare(Guid patientId, Guid episodeId, SupportiveCareInput input,
        RecordSupportiveCare record, CancellationToken ct) => Result(await record.HandleAsync(patientId, episodeId, input, ct));

    private static async Task<Results<Ok<AnnouncementDto>, ProblemHttpResult>> Epices(Guid patientId, Guid episodeId, EpicesInput input, CurrentUser user,
        RecordEpices record, CancellationToken ct) => Result(await record.HandleAsync(user, patientId, episodeId, input, ct));

    private static async Task<Results<Ok<AnnouncementDto>, ProblemHttpResult>> Information(Guid patientId, Guid episodeId, InformationInput input,
        RecordInformation record, CancellationToken ct) => Result(await record.HandleAsync(patientId, episodeId, input, ct));

    private static async Task<Results<Ok<AnnouncementDto>, ProblemHttpResult>> Fertility(Guid patientId, Guid episodeId, FertilityInput input,
        RecordFertility record, CancellationToken ct) => Result(await record.HandleAsync(patientId, episodeId, input, ct));

    private static async Task<Results<Ok<AnnouncementDto>, ProblemHttpResult>> GpContext(Guid patientId, Guid episodeId, GpContextInput input,
        RecordGpContext record, CancellationToken ct) => Result(await record.HandleAsync(patientId, episodeId, input, ct));

    /// <summary>An episode the patient does not have: the episode, not the patient, is not found.</summary>
    private static Results<Ok<AnnouncementDto>, ProblemHttpResult> Result(AnnouncementDto? dto) =>
        dto is null ? Problems.NotFound("Épisode") : TypedResults.Ok(dto);
}
