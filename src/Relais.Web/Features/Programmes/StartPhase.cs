using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Domain.Pathways;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Features.Announcements;
using Relais.Web.Features.Coordination;
using Relais.Web.Identity;

namespace Relais.Web.Features.Programmes;

/// <param name="FertilityWarningAcknowledged">The prescriber read the fertility warning and starts anyway (<see cref="FertilityBeforeTreatment"/>).</param>
public sealed record PhaseStartInput(DateOnly? On, bool FertilityWarningAcknowledged = false);

/// <summary>
/// Starts a treatment phase. Every phase sends its protocol, frequent complications and advice under C8 —
/// to the GP always, to the community pharmacist for the phases whose drugs he dispenses
/// (<see cref="TreatmentStart"/>, [G] 2.5) —; the first one also moves the pathway to active treatment.
/// A treatment that may be gonadotoxic, for a patient of reproductive age to whom no fertility preservation
/// was proposed, is refused with the warning until the prescriber confirms it.
/// </summary>
public sealed class StartPhase(RelaisDb db, Clock clock, Obligations obligations, FertilityBeforeTreatment fertility)
{
    /// <summary>False when the patient has no such programme.</summary>
    public async Task<bool> HandleAsync(CurrentUser user, Guid patientId, Guid programmeId, int order, PhaseStartInput input, CancellationToken ct)
    {
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == programmeId && p.PatientId == patientId, ct);
        if (programme is null) return false;
        var on = input.On ?? clock.Today;
        if (programme.Content.Phases.FirstOrDefault(p => p.Order == order && p.StartedOn is null) is { } starting)
            await fertility.EnsureWarnedAsync(patientId, programme.EpisodeId, starting.Kind, on, input.FertilityWarningAcknowledged, ct);
        var first = programme.StartPhase(order, on, clock.Today);
        var phase = programme.Content.Phases.First(p => p.Order == order);
        var kind = TreatmentKindLabels.French(phase.Kind);
        var message = $"Début de l'étape {phase.Order} ({kind}) le {on:dd/MM/yyyy} : {phase.Description}."
            + (phase.FrequentComplications is null ? "" : $"\nComplications les plus fréquentes : {phase.FrequentComplications}")
            + (phase.Advice is null ? "" : $"\nConseils : {phase.Advice}");
        await obligations.FireAsync(ObligationCode.C8, TreatmentStart.Recipients(phase.Kind), patientId, user.Id, null,
            $"Début du traitement ({kind}) : protocole, complications et conseils", message, ct: ct);
        if (first)
        {
            var episode = await db.Episodes.FirstAsync(e => e.Id == programme.EpisodeId, ct);
            if (PathwayTransitions.IsAllowed(episode.Phase, PathwayPhase.ActiveTreatment) && on >= episode.PhaseSince)
                db.PathwayEvents.Add(episode.Transition(PathwayPhase.ActiveTreatment, on, user.Id, clock.Today, clock.Now, phase.Description));
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
