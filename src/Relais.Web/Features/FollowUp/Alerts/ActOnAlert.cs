using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Alerts;
using Relais.Domain.Coordination;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Features.Coordination;
using Relais.Web.Identity;
using Relais.Web.Messaging;

namespace Relais.Web.Features.FollowUp.Alerts;

/// <summary>
/// What a change of an alert sets in motion, shared by marker results and reported criteria. A raised
/// early return refers the patient back to the specialist team (C14 with its referral task); a control
/// assay is added to the carnet at its due date, for the alert's marker. An alert escalated to an
/// early return is referred then, once. An open alert updated by new values tells its owners again
/// (the recipients of its transmission) rather than sending a new urgent transmission. Adds to the
/// caller's unit of work; saving is the caller's.
/// </summary>
public sealed class ActOnAlert(RelaisDb db, Clock clock, Obligations obligations, IOptions<MailOptions> mail, ReminderScheduler reminders)
{
    public async Task AddAsync(CurrentUser user, AlertChange change, Enrolment enrolment, CancellationToken ct)
    {
        var alert = change.Alert;
        switch (change.Kind)
        {
            case AlertChangeKind.Raised:
                db.Alerts.Add(alert);
                await ActAsync(user, alert, enrolment, ct);
                break;
            case AlertChangeKind.Escalated when alert.Action == AlertAction.EarlyReturn && alert.ReferralTaskId is null:
                await ActAsync(user, alert, enrolment, ct);
                break;
            case AlertChangeKind.Escalated:
            case AlertChangeKind.Updated:
                await RenotifyAsync(alert, ct);
                break;
        }
    }

    private async Task ActAsync(CurrentUser user, StoredAlert alert, Enrolment enrolment, CancellationToken ct)
    {
        switch (alert.Action)
        {
            case AlertAction.EarlyReturn:
                var transmission = await obligations.FireAsync(ObligationCode.C14, alert.PatientId, user.Id, null,
                    "Retour précoce vers le spécialiste", alert.Explanation, urgent: true, ct: ct);
                var referral = ReferralTask.Open(alert.PatientId, null, alert.Explanation, clock.Today, user.Id, clock.Now);
                db.ReferralTasks.Add(referral);
                alert.Referred(referral.Id, transmission.Id);
                break;
            case AlertAction.ControlAssay when alert.Due is { } due && alert.Severity != AlertSeverity.Info && alert.Marker is { } marker:
                db.CarnetItems.Add(CarnetItem.Plan(alert.PatientId, enrolment.Id, new CarnetEntry(due, 0, marker.Assay(), Performer.Lab), clock.Now));
                break;
        }
    }

    /// <summary>
    /// The owners of an alert are the recipients of its transmission: each professional among them is told of the
    /// update in the app and, when mail is on, by secure mail tied to their copy of the transmission — through the
    /// one reminder scheduler, so an update is shown whatever became of its e-mail. A transmission written in this
    /// same unit of work already carries the values: nobody is told twice.
    /// </summary>
    private async Task RenotifyAsync(StoredAlert alert, CancellationToken ct)
    {
        if (alert.TransmissionId is not { } transmissionId) return;
        var transmission = await db.Transmissions.AsNoTracking().Include(t => t.Recipients).FirstOrDefaultAsync(t => t.Id == transmissionId, ct);
        if (transmission is null) return;
        var owners = transmission.Recipients.Where(r => r.Kind != RecipientKinds.Patient).ToList();
        if (owners.Count == 0) return;
        var ownerIds = owners.Select(r => r.RecipientId).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id) && u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == alert.PatientId, ct);
        var (subject, body) = MailTexts.AlertUpdated(patient, transmission, alert.Explanation, mail.Value);
        // The n-th update of this alert: the key that tells each owner of it once.
        var occurrence = alert.Renotifications + 1;
        reminders.Add(owners.Select(owner => new ReminderRequest(ReminderKind.AlertUpdated, owner.Id, owner.RecipientId, occurrence, alert.PatientId,
            emails.GetValueOrDefault(owner.RecipientId), $"{transmission.Obligation} — alerte mise à jour par de nouvelles valeurs", subject, body,
            $"/patients/{alert.PatientId}/transmissions/{transmission.Id}", transmission.Obligation.ToString(), owner.Id)).ToList(), clock.Now);
        alert.Renotified();
    }
}
