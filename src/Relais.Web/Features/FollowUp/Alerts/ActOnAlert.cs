using Relais.Domain.Alerts;
using Relais.Domain.Coordination;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Features.Coordination;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Alerts;

/// <summary>
/// What a raised alert sets in motion, shared by a marker result and by reported criteria: an early
/// return refers the patient back to the specialist team (C14 with its referral task); a specialist
/// opinion is asked (C13); a control assay is added to the carnet at its due date. Adds to the
/// caller's unit of work; saving is the caller's.
/// </summary>
public sealed class ActOnAlert(RelaisDb db, Clock clock, Obligations obligations)
{
    public async Task AddAsync(CurrentUser user, StoredAlert alert, Enrolment enrolment, CancellationToken ct)
    {
        var today = clock.Today;
        switch (alert.Action)
        {
            case AlertAction.EarlyReturn:
                var transmission = await obligations.FireAsync(ObligationCode.C14, alert.PatientId, user.Id, null,
                    "Retour précoce vers le spécialiste", alert.Explanation, urgent: true, ct: ct);
                var referral = ReferralTask.Open(alert.PatientId, null, alert.Explanation, today, user.Id, clock.Now);
                db.ReferralTasks.Add(referral);
                alert.Referred(referral.Id, transmission.Id);
                break;
            case AlertAction.SpecialistOpinion:
                var opinion = await obligations.FireAsync(ObligationCode.C13, alert.PatientId, user.Id, null, "Avis spécialisé demandé (marqueur)", alert.Explanation,
                    urgent: alert.Severity == AlertSeverity.Urgent, ct: ct);
                alert.Transmitted(opinion.Id);
                break;
            case AlertAction.ControlAssay when alert.Due is { } due && alert.Severity != AlertSeverity.Info:
                var kind = alert.Rule.StartsWith("ca15-3", StringComparison.Ordinal) ? SurveillanceKind.Ca153 : alert.Rule.StartsWith("cea", StringComparison.Ordinal) ? SurveillanceKind.Cea : SurveillanceKind.Psa;
                db.CarnetItems.Add(CarnetItem.Plan(alert.PatientId, enrolment.Id, new CarnetEntry(due, 0, kind, Performer.Lab), clock.Now));
                break;
        }
    }
}
