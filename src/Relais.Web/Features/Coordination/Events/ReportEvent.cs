using Relais.Domain;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Events;

public sealed record ClinicalEventInput(ClinicalEventKind? Kind, string? Description, DateOnly? OccurredOn, int? Grade, string? TreatmentsGiven, string? SuspectedDrug);

public sealed record ReportedEvent(ClinicalEvent Event, Transmission Transmission, ReferralTask? Referral);

/// <summary>
/// The GP reports an event (C9 between cycles, C13 during follow-up, C14 suspected recurrence).
/// Grade ≥ 3 is urgent to the team; a suspected recurrence also opens the team's referral task [G] 3.3.
/// Access was checked by the caller.
/// </summary>
public sealed class ReportEvent(RelaisDb db, Clock clock, Obligations obligations)
{
    public async Task<ReportedEvent> HandleAsync(CurrentUser user, Guid patientId, ClinicalEventInput input, CancellationToken ct)
    {
        if (input.Kind is not { } kind) throw new DomainValidationException("kind", "Le type d'événement est obligatoire.");
        if (input.OccurredOn is not { } occurredOn) throw new DomainValidationException("occurredOn", "La date de l'événement est obligatoire.");
        var today = clock.Today;
        var now = clock.Now;
        var evt = ClinicalEvent.Report(patientId, kind, input.Description, occurredOn, input.Grade, input.TreatmentsGiven, input.SuspectedDrug, user.Id, today, now);
        db.ClinicalEvents.Add(evt);
        var title = kind switch
        {
            ClinicalEventKind.BetweenCycles => $"Événement intercurrent (grade {evt.Grade})",
            ClinicalEventKind.DuringFollowUp => $"Événement pendant le suivi (grade {evt.Grade})",
            _ => "Suspicion de récidive : adressage au spécialiste",
        };
        var message = $"{evt.Description}\nSurvenu le {evt.OccurredOn:dd/MM/yyyy}."
            + (evt.TreatmentsGiven is null ? "" : $"\nTraitements administrés : {evt.TreatmentsGiven}")
            + (evt.SuspectedDrug is null ? "" : $"\nMédicament suspecté : {evt.SuspectedDrug}");
        var transmission = await obligations.FireAsync(evt.Obligation, patientId, user.Id, null, title, message, evt.IsUrgent, requireRecipients: true, ct);
        evt.Transmitted(transmission.Id);
        ReferralTask? referral = null;
        if (kind == ClinicalEventKind.SuspectedRecurrence)
        {
            referral = ReferralTask.Open(patientId, evt.Id, evt.Description, today, user.Id, now);
            db.ReferralTasks.Add(referral);
        }
        await db.SaveChangesAsync(ct);
        return new ReportedEvent(evt, transmission, referral);
    }
}
