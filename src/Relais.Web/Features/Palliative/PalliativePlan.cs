using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Audit;
using Relais.Domain.Coordination;
using Relais.Domain.PalliativeCare;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Coordination;
using Relais.Web.Identity;

namespace Relais.Web.Features.Palliative;

/// <summary>Body of POST /api/patients/{id}/palliative/symptom-plan: what to do for one symptom; <paramref name="Version"/> when revising.</summary>
public sealed record SymptomPlanInput(string? Symptom, string? Instructions, int? Version);

/// <summary>Body of PUT /api/patients/{id}/palliative/urgent-plan.</summary>
public sealed record UrgentPlanInput(string? AnticipatedPrescriptions, string? Limit, string? LimitsNote, bool? AdvanceDirectives, DateOnly? AdvanceDirectivesOn,
    string? AdvanceDirectivesKeptAt, DateOnly? DiscussedOn, string? EmergencyNote, int? Version);

/// <summary>
/// Writes the shared symptom plan and the urgent-care plan (issue 13 point 6, [G] §2.6). Each symptom written or revised is the
/// C15 liaison: the obligation fires to the other side (the team's writing reaches the GP, the GP's reaches the team) in the same
/// commit. A supportive-care account writes only as a member of a palliative mobile team, a palliative unit or an HAD.
/// </summary>
public sealed class PalliativePlan(RelaisDb db, Clock clock, Obligations obligations)
{
    public async Task<SymptomPlanDto> WriteSymptomAsync(CurrentUser user, Guid patientId, SymptomPlanInput input, CancellationToken ct)
    {
        await EnsurePalliativeTeamAsync(user, Capability.WritePalliativePlan, ct);
        var symptom = EnumCodes.Parse<Symptom>(input.Symptom, "symptom");
        var entry = await db.SymptomPlanEntries.FirstOrDefaultAsync(e => e.PatientId == patientId && e.Symptom == symptom, ct);
        if (entry is null)
        {
            entry = SymptomPlanEntry.Write(patientId, symptom, input.Instructions, user.Id, clock.Now);
            db.SymptomPlanEntries.Add(entry);
        }
        else
        {
            if (input.Version is { } v && v != entry.Version) throw new StaleVersionException("version", v, entry.Version);
            entry.Revise(input.Instructions, user.Id, clock.Now);
        }
        await obligations.FireAsync(ObligationCode.C15, patientId, user.Id, title: $"Plan symptomatique partagé : {PalliativeRules.Label(symptom)}",
            message: entry.Instructions, ct: ct);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "palliative symptom plan", AuditOutcomes.Allowed,
            $"{entry.Id} {EnumCodes.Code(symptom)} v{entry.Version}"));
        await db.SaveChangesAsync(ct);
        var name = await db.Users.Where(u => u.Id == user.Id).Select(u => new { u.FirstName, u.LastName }).FirstAsync(ct);
        return new SymptomPlanDto(entry.Id, EnumCodes.Code(symptom), PalliativeRules.Label(symptom), entry.Instructions, RelaisUser.NameOf(name.FirstName, name.LastName),
            entry.WrittenAt, entry.Version);
    }

    public async Task<int> WriteUrgentAsync(CurrentUser user, Guid patientId, UrgentPlanInput input, CancellationToken ct)
    {
        await EnsurePalliativeTeamAsync(user, Capability.WritePalliativePlan, ct);
        var limit = string.IsNullOrWhiteSpace(input.Limit) ? TreatmentLimit.NotDiscussed : EnumCodes.Parse<TreatmentLimit>(input.Limit, "limit");
        var fields = new UrgentCareFields(input.AnticipatedPrescriptions, limit, input.LimitsNote, input.DiscussedOn, input.EmergencyNote);
        var plan = await db.UrgentCarePlans.FirstOrDefaultAsync(p => p.PatientId == patientId, ct);
        if (plan is null)
        {
            plan = UrgentCarePlan.Write(patientId, fields, clock.Today, user.Id, clock.Now);
            db.UrgentCarePlans.Add(plan);
        }
        else
        {
            if (input.Version is { } v && v != plan.Version) throw new StaleVersionException("version", v, plan.Version);
            plan.Revise(fields, clock.Today, user.Id, clock.Now);
        }
        // The advance directives are the identity's (Patient.AdvanceDirectives): given here, they are recorded there.
        if (input.AdvanceDirectives is { } exist)
        {
            var patient = await db.Patients.FirstAsync(p => p.Id == patientId, ct);
            patient.RecordAdvanceDirectives(new Domain.Patients.AdvanceDirectives(exist, input.AdvanceDirectivesOn, input.AdvanceDirectivesKeptAt), clock.Today, clock.Now);
        }
        else if (input.AdvanceDirectivesOn is not null || !string.IsNullOrWhiteSpace(input.AdvanceDirectivesKeptAt))
            throw new DomainValidationException("advanceDirectives", "Indiquez que des directives anticipées existent avant d'en donner la date ou le lieu.");
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "palliative urgent-care plan", AuditOutcomes.Allowed,
            $"{plan.Id} v{plan.Version}"));
        await db.SaveChangesAsync(ct);
        return plan.Version;
    }

    /// <summary>The palliative provider kinds whose members write the plan ([G] §2.6: HAD, équipes et unités mobiles de soins palliatifs).</summary>
    public static readonly IReadOnlyList<ProviderKind> PalliativeKinds = [ProviderKind.PalliativeMobileTeam, ProviderKind.PalliativeUnit, ProviderKind.Had];

    /// <summary>A supportive-care account acts on the palliative part only as a member of a palliative team, unit or HAD.</summary>
    private async Task EnsurePalliativeTeamAsync(CurrentUser user, Capability capability, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.SupportiveCare) || user.IsInRole(Roles.HospitalClinician) || user.IsInRole(Roles.GeneralPractitioner) || user.IsInRole(Roles.NurseCoordinator)) return;
        var member = await (from m in db.ProviderMembers
                            join p in db.SupportiveCareProviders on m.ProviderId equals p.Id
                            where m.UserId == user.Id && PalliativeKinds.Contains(p.Kind)
                            select m.ProviderId).AnyAsync(ct);
        if (!member) throw new CapabilityRefusedException(capability, "Seuls les membres d'une équipe ou unité de soins palliatifs ou d'une HAD écrivent ce plan.");
    }
}
