using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Domain.PalliativeCare;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Palliative;

/// <summary>The palliative part of a record (issue 13 point 6, [G] §2.6) under /api/patients/{id}/palliative, and the HAD's worklist.</summary>
public static class PalliativeApi
{
    public static IEndpointRouteBuilder MapPalliative(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}/palliative").WithTags("Palliative").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", Get).RequireCapability(Capability.ReadPalliative)
            .WithSummary("Partie palliative du dossier : conduite à tenir en urgence (prescriptions anticipées, limites de soins, directives anticipées, personne de confiance), "
                + "plan symptomatique partagé (C15), séjours d'HAD, aidants et leurs droits à congé, équipes palliatives et HAD de l'annuaire. Chaque lecture est tracée.");
        read.MapGet("/urgent-plan", GetUrgent).RequireCapability(Capability.ReadPalliative)
            .WithSummary("Conduite à tenir en urgence, pour le médecin de garde ou le régulateur du SAMU (accès d'urgence tracé) ; null si rien n'est enregistré.");

        var write = app.MapGroup("/api/patients/{patientId:guid}/palliative").WithTags("Palliative").RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .RequirePatientAccess(AccessKind.Write);
        write.MapPost("/symptom-plan", WriteSymptom).RequireCapability(Capability.WritePalliativePlan)
            .WithSummary("Écrit ou révise la conduite à tenir pour un symptôme (douleur, dyspnée, anxiété...) ; la liaison C15 part vers l'autre côté.")
            .ProducesValidationProblem().WithIdempotency();
        write.MapPut("/urgent-plan", WriteUrgent).RequireCapability(Capability.WritePalliativePlan)
            .WithSummary("Enregistre les prescriptions anticipées personnalisées, les limites de soins, les directives anticipées et la conduite à tenir en urgence.")
            .ProducesValidationProblem();
        write.MapPost("/had", RequestHad).RequireCapability(Capability.PrescribeHad)
            .WithSummary("Demande d'HAD : prescription écrite de 1 à 20 jours par le médecin traitant, ou par le médecin hospitalier avec l'accord du médecin traitant, avec l'accord du patient ou de sa famille.")
            .ProducesValidationProblem().WithIdempotency();
        write.MapPost("/had/{stayId:guid}/decision", DecideHad).RequireCapability(Capability.DecideHadAdmission)
            .WithSummary("Admission (avec le premier jour) ou refus, décidé par le médecin coordinateur de l'HAD après évaluation.").ProducesValidationProblem().WithIdempotency();
        write.MapPost("/had/{stayId:guid}/renewal", RenewHad).RequireCapability(Capability.PrescribeHad)
            .WithSummary("Renouvelle le séjour par une nouvelle prescription de 1 à 20 jours.").ProducesValidationProblem().WithIdempotency();
        write.MapPost("/had/{stayId:guid}/end", EndHad).RequireCapability(Capability.PrescribeHad, Capability.DecideHadAdmission)
            .WithSummary("Fin du séjour d'HAD.").ProducesValidationProblem().WithIdempotency();
        write.MapPost("/caregivers", AddCaregiver).RequireCapability(Capability.ManageCaregivers)
            .WithSummary("Identifie un aidant : nom, lien, téléphone ou courriel, personne de confiance ou non.").ProducesValidationProblem().WithIdempotency();
        write.MapDelete("/caregivers/{caregiverId:guid}", RemoveCaregiver).RequireCapability(Capability.ManageCaregivers).WithSummary("Retire un aidant du dossier.");

        app.MapGroup("/api/had").WithTags("Palliative").RequireAuthorization(p => p.RequireRole(Roles.SupportiveCare))
            .MapGet("/stays", Worklist).WithSummary("Demandes à évaluer et séjours en cours des HAD de l'appelant.")
            .DeclareNoPatientData("limited to the patients whose grant the HAD holds; each one listed is audited");
        app.MapGet("/api/caregiver-leave-rights", () => TypedResults.Ok(CaregiverLeaveRights.All)).WithTags("Palliative").RequireAuthorization()
            .WithSummary("Droits à congé des aidants (congé de proche aidant, congé de solidarité familiale), avec leur source et sa date de vérification.")
            .DeclareNoPatientData("general rights, no record");
        return app;
    }

    private static async Task<Ok<PalliativeDto>> Get(Guid patientId, CurrentUser user, PalliativeQuery query, CancellationToken ct) =>
        TypedResults.Ok(await query.HandleAsync(user, patientId, ct));

    private static async Task<Ok<UrgentPlanDto?>> GetUrgent(Guid patientId, CurrentUser user, PalliativeQuery query, CancellationToken ct) =>
        TypedResults.Ok<UrgentPlanDto?>(await query.UrgentAsync(user, patientId, ct));

    private static async Task<Created<SymptomPlanDto>> WriteSymptom(Guid patientId, SymptomPlanInput input, CurrentUser user, PalliativePlan plan, CancellationToken ct) =>
        TypedResults.Created($"/api/patients/{patientId}/palliative", await plan.WriteSymptomAsync(user, patientId, input, ct));

    private static async Task<Ok<UrgentPlanDto>> WriteUrgent(Guid patientId, UrgentPlanInput input, CurrentUser user, PalliativePlan plan, PalliativeQuery query, CancellationToken ct)
    {
        await plan.WriteUrgentAsync(user, patientId, input, ct);
        return TypedResults.Ok((await query.UrgentAsync(user, patientId, ct))!);
    }

    private static async Task<Created<HadStayDto>> RequestHad(Guid patientId, HadRequestInput input, CurrentUser user, ManageHad had, CancellationToken ct) =>
        TypedResults.Created($"/api/patients/{patientId}/palliative", await had.RequestAsync(user, patientId, input, ct));

    private static async Task<Results<Ok<HadStayDto>, NotFound>> DecideHad(Guid patientId, Guid stayId, HadDecisionInput input, CurrentUser user, ManageHad had, CancellationToken ct) =>
        await had.DecideAsync(user, patientId, stayId, input, ct) is { } stay ? TypedResults.Ok(stay) : TypedResults.NotFound();

    private static async Task<Results<Ok<HadStayDto>, NotFound>> RenewHad(Guid patientId, Guid stayId, HadRenewalInput input, CurrentUser user, ManageHad had, CancellationToken ct) =>
        await had.RenewAsync(user, patientId, stayId, input, ct) is { } stay ? TypedResults.Ok(stay) : TypedResults.NotFound();

    private static async Task<Results<Ok<HadStayDto>, NotFound>> EndHad(Guid patientId, Guid stayId, HadEndInput input, CurrentUser user, ManageHad had, CancellationToken ct) =>
        await had.EndAsync(user, patientId, stayId, input, ct) is { } stay ? TypedResults.Ok(stay) : TypedResults.NotFound();

    private static async Task<Created<CaregiverDto>> AddCaregiver(Guid patientId, CaregiverInput input, CurrentUser user, ManageCaregivers caregivers, CancellationToken ct) =>
        TypedResults.Created($"/api/patients/{patientId}/palliative", await caregivers.AddAsync(user, patientId, input, ct));

    private static async Task<Results<NoContent, NotFound>> RemoveCaregiver(Guid patientId, Guid caregiverId, CurrentUser user, ManageCaregivers caregivers, CancellationToken ct) =>
        await caregivers.RemoveAsync(user, patientId, caregiverId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<HadWorklistPage>> Worklist(CurrentUser user, HadWorklist worklist, CancellationToken ct) => TypedResults.Ok(await worklist.HandleAsync(user, ct));
}

public static class PalliativeServices
{
    public static IServiceCollection AddPalliative(this IServiceCollection services)
    {
        services.AddScoped<PalliativeQuery>();
        services.AddScoped<PalliativePlan>();
        services.AddScoped<ManageHad>();
        services.AddScoped<ManageCaregivers>();
        services.AddScoped<RemindHadRenewal>();
        services.AddScoped<HadWorklist>();
        return services;
    }
}
