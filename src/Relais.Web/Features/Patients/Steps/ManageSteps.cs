using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Steps;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Steps;

public sealed record PlanStepInput(string? Kind, string? Owner, DateOnly? DueOn, string? Note);

public sealed record CompleteStepInput(DateOnly? DoneOn, bool? ExposureSuspected, string? Note, int? Version);

public sealed record CancelStepInput(string? Reason, int? Version);

public sealed record EnteralNutritionInput(DateOnly? FirstPrescriptionOn);

/// <summary>What a completion wrote: the step done, and the one it calls for (the certificate, the declaration, the next renewal).</summary>
public sealed record StepCompleted(StepDto Step, StepDto? Next);

/// <summary>
/// Plans, completes and cancels a patient's administrative and social steps (issue 15 point 3); the completion plans the
/// step that follows (<see cref="AdministrativeSteps.Next"/>) in the same commit. The owner is reminded before the due
/// day (<see cref="RemindSteps"/>); nothing is blocked: the GP may renew the enteral nutrition the hospital was to renew.
/// </summary>
public sealed class ManageSteps(RelaisDb db, Clock clock)
{
    public async Task<StepDto> PlanAsync(CurrentUser user, Guid patientId, PlanStepInput input, CancellationToken ct)
    {
        var kind = EnumCodes.Parse<StepKind>(input.Kind, "kind");
        if (!AdministrativeSteps.Recordable.Contains(kind))
            throw new DomainValidationException("kind", $"Cette démarche découle d'une autre ; valeurs possibles : {string.Join(", ", AdministrativeSteps.Recordable.Select(EnumCodes.Code))}.");
        StepOwner? owner = string.IsNullOrWhiteSpace(input.Owner) ? null : EnumCodes.Parse<StepOwner>(input.Owner, "owner");
        var step = AdministrativeStep.Plan(patientId, kind, owner, input.DueOn, input.Note, null, clock.Today, user.Id, clock.Now);
        db.AdministrativeSteps.Add(step);
        Audit(user, patientId, step.Id);
        await db.SaveChangesAsync(ct);
        return StepDto.Of(step, clock.Today);
    }

    /// <summary>
    /// The hospital service's first prescription of home enteral nutrition, on the day given: its first renewal, by the
    /// hospital service too, is planned when the first prescription ends ([G] §1.4; durations [R] LPPR).
    /// </summary>
    public async Task<StepDto> StartEnteralNutritionAsync(CurrentUser user, Guid patientId, EnteralNutritionInput input, CancellationToken ct)
    {
        if (input.FirstPrescriptionOn is not { } first) throw new DomainValidationException("firstPrescriptionOn", "La date de la première prescription est obligatoire.");
        if (first > clock.Today) throw new DomainValidationException("firstPrescriptionOn", "La date de la première prescription ne peut pas être dans le futur.");
        var step = AdministrativeStep.Plan(patientId, StepKind.EnteralNutritionFirstRenewal, null, first.AddDays(AdministrativeSteps.EnteralFirstDays),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Première prescription par le service hospitalier le {first:dd/MM/yyyy}"), null, clock.Today, user.Id, clock.Now);
        db.AdministrativeSteps.Add(step);
        Audit(user, patientId, step.Id);
        await db.SaveChangesAsync(ct);
        return StepDto.Of(step, clock.Today);
    }

    public async Task<StepCompleted?> CompleteAsync(CurrentUser user, Guid patientId, Guid stepId, CompleteStepInput input, CancellationToken ct)
    {
        var step = await FindAsync(patientId, stepId, input.Version, ct);
        if (step is null) return null;
        var next = step.Complete(input.DoneOn, input.ExposureSuspected, input.Note, clock.Today, user.Id, clock.Now);
        if (next is not null) db.AdministrativeSteps.Add(next);
        Audit(user, patientId, step.Id);
        await db.SaveChangesAsync(ct);
        return new StepCompleted(StepDto.Of(step, clock.Today), next is null ? null : StepDto.Of(next, clock.Today));
    }

    public async Task<StepDto?> CancelAsync(CurrentUser user, Guid patientId, Guid stepId, CancelStepInput input, CancellationToken ct)
    {
        var step = await FindAsync(patientId, stepId, input.Version, ct);
        if (step is null) return null;
        step.Cancel(input.Reason);
        Audit(user, patientId, step.Id);
        await db.SaveChangesAsync(ct);
        return StepDto.Of(step, clock.Today);
    }

    /// <summary>The kinds the PPAC's socio-professional part lists (issue 15 point 3): work, invalidity, insurance.</summary>
    public static readonly IReadOnlyList<StepKind> SocialKinds =
        [StepKind.SickLeaveEnd, StepKind.TherapeuticPartTime, StepKind.Invalidity, StepKind.Redeployment, StepKind.LoanInsurance];

    /// <summary>The work and social steps a PPAC written today lists, dated: planned ones by due day, then those done.</summary>
    public static async Task<IReadOnlyList<string>> ForPpacAsync(RelaisDb db, Guid patientId, CancellationToken ct)
    {
        var steps = await db.AdministrativeSteps.AsNoTracking().Where(s => s.PatientId == patientId && s.Status != StepStatus.Cancelled && SocialKinds.Contains(s.Kind))
            .OrderBy(s => s.DueOn).ToListAsync(ct);
        return [.. steps.OrderBy(s => s.Status == StepStatus.Planned ? 0 : 1).ThenBy(s => s.DueOn).Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{AdministrativeSteps.Label(s.Kind)} : {(s.Status == StepStatus.Done ? $"fait le {s.DoneOn:dd/MM/yyyy}" : $"échéance le {s.DueOn:dd/MM/yyyy}")}{(s.Note is null ? "" : $" ({s.Note})")}"))];
    }

    private async Task<AdministrativeStep?> FindAsync(Guid patientId, Guid stepId, int? version, CancellationToken ct)
    {
        var step = await db.AdministrativeSteps.FirstOrDefaultAsync(s => s.Id == stepId && s.PatientId == patientId, ct);
        if (step is not null && version is { } v && v != step.Version) throw new StaleVersionException("version", v, step.Version);
        return step;
    }

    private void Audit(CurrentUser user, Guid patientId, Guid stepId) =>
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "administrative-step", AuditOutcomes.Allowed, stepId.ToString()));
}
