using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Steps;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Patients.Steps;

public sealed record InformTrialInput(string? Title, string? Registration, DateOnly? InformedOn);

/// <summary><paramref name="Decision"/>: "consent" (the form is signed) or "decline".</summary>
public sealed record TrialDecisionInput(string? Decision, DateOnly? On, int? Version);

public sealed record TrialWithdrawalInput(DateOnly? WithdrawnOn, string? Note, int? Version);

/// <summary>
/// Records a patient's clinical trial: the information given, the written consent or the refusal, the withdrawal at any
/// time ([G] §1.3). Shown on the record, the portal and in each PPS written while the patient takes part.
/// </summary>
public sealed class ManageTrials(RelaisDb db, Clock clock)
{
    public async Task<TrialDto> InformAsync(CurrentUser user, Guid patientId, InformTrialInput input, CancellationToken ct)
    {
        var trial = TrialParticipation.Inform(patientId, input.Title, input.Registration, input.InformedOn, clock.Today, user.Id, clock.Now);
        db.TrialParticipations.Add(trial);
        Audit(user, patientId, trial.Id);
        await db.SaveChangesAsync(ct);
        return TrialDto.Of(trial);
    }

    public async Task<TrialDto?> DecideAsync(CurrentUser user, Guid patientId, Guid trialId, TrialDecisionInput input, CancellationToken ct)
    {
        var trial = await FindAsync(patientId, trialId, input.Version, ct);
        if (trial is null) return null;
        switch (input.Decision)
        {
            case "consent": trial.Consent(input.On, clock.Today); break;
            case "decline": trial.Decline(input.On, clock.Today); break;
            default: throw new DomainValidationException("decision", "Valeur attendue : consent (consentement signé) ou decline (refus).");
        }
        Audit(user, patientId, trial.Id);
        await db.SaveChangesAsync(ct);
        return TrialDto.Of(trial);
    }

    public async Task<TrialDto?> WithdrawAsync(CurrentUser user, Guid patientId, Guid trialId, TrialWithdrawalInput input, CancellationToken ct)
    {
        var trial = await FindAsync(patientId, trialId, input.Version, ct);
        if (trial is null) return null;
        trial.Withdraw(input.WithdrawnOn, input.Note, clock.Today);
        Audit(user, patientId, trial.Id);
        await db.SaveChangesAsync(ct);
        return TrialDto.Of(trial);
    }

    /// <summary>The lines of the trials a PPS written today carries: those the patient takes part in or is deciding on.</summary>
    public static async Task<IReadOnlyList<string>> ForProgrammeAsync(RelaisDb db, Guid patientId, CancellationToken ct) =>
        (await db.TrialParticipations.AsNoTracking().Where(t => t.PatientId == patientId && (t.Status == TrialStatus.Consented || t.Status == TrialStatus.Informed))
            .OrderBy(t => t.InformedOn).ToListAsync(ct)).Select(t => t.Describe()).ToList();

    private async Task<TrialParticipation?> FindAsync(Guid patientId, Guid trialId, int? version, CancellationToken ct)
    {
        var trial = await db.TrialParticipations.FirstOrDefaultAsync(t => t.Id == trialId && t.PatientId == patientId, ct);
        if (trial is not null && version is { } v && v != trial.Version) throw new StaleVersionException("version", v, trial.Version);
        return trial;
    }

    private void Audit(CurrentUser user, Guid patientId, Guid trialId) =>
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "clinical-trial", AuditOutcomes.Allowed, trialId.ToString()));
}
