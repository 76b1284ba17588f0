using Microsoft.EntityFrameworkCore;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Messaging;

public sealed record ReminderItem(Guid Id, ReminderKind Kind, Guid PatientId, string PatientName, string Title, string Link, DateTimeOffset IssuedAt,
    ReminderDelivery Delivery, DateTimeOffset? DeliveredAt);

/// <summary>
/// The reminders a user still has to act on — the transmission not yet acknowledged, the carnet item still
/// planned —, latest first: the app shows them whatever became of their e-mail, so that a reminder reaches its
/// recipient even when mail is off or failed. Only the user's own reminders, about their own work.
/// </summary>
public sealed class MyReminders(RelaisDb db, Clock clock)
{
    public const int MaxItems = 20;

    /// <summary>How far back a reminder still shows; older ones have been followed by newer ones or by the worklists.</summary>
    public static readonly TimeSpan ShownFor = TimeSpan.FromDays(14);

    /// <param name="patientId">Only the reminders about this patient, when given.</param>
    public async Task<Capped<ReminderItem>> HandleAsync(CurrentUser user, Guid? patientId, CancellationToken ct)
    {
        var since = clock.Now - ShownFor;
        // The access rule still holds: a reminder about a patient the user may no longer see is not shown.
        var visible = PatientQueries.VisibleIds(db, user, clock.Today, clock.Now);
        var mine = db.Reminders.AsNoTracking().Where(r => r.RecipientUserId == user.Id && r.IssuedAt >= since && visible.Contains(r.PatientId)
            && (patientId == null || r.PatientId == patientId));
        var transmissions = from r in mine
                            join t in db.TransmissionRecipients on r.SubjectId equals t.Id
                            where (r.Kind == ReminderKind.TransmissionBeforeDue || r.Kind == ReminderKind.TransmissionLate)
                                  && t.AcknowledgedAt == null && t.RecipientId == user.Id
                            select r;
        var carnet = from r in mine
                     join i in db.CarnetItems on r.SubjectId equals i.Id
                     where r.Kind == ReminderKind.CarnetItem && i.Status == CarnetItemStatus.Planned
                     select r;
        // An alert's update stays news for its owners even once they acknowledged the alert's first transmission.
        var alertUpdates = mine.Where(r => r.Kind == ReminderKind.AlertUpdated);
        // An expiring ALD stays to do until a renewal is recorded.
        var ald = mine.Where(r => r.Kind == ReminderKind.AldExpiry && !db.AldRecords.Any(o => o.PatientId == r.PatientId && o.RecordedAt > r.IssuedAt));
        // A deferral or a new date stays news for the two weeks a reminder shows: the notice is what happens next.
        var careChanges = mine.Where(r => r.Kind == ReminderKind.CareChanged);
        // A step stays to do while it is planned.
        var steps = from r in mine
                    join s in db.AdministrativeSteps on r.SubjectId equals s.Id
                    where r.Kind == ReminderKind.AdministrativeStep && s.Status == Domain.Steps.StepStatus.Planned
                    select r;
        // A home hospitalisation to renew stays to do while that stay runs unrenewed.
        var had = from r in mine
                  join h in db.HadStays on r.SubjectId equals h.Id
                  where r.Kind == ReminderKind.HadRenewal && h.Status == Domain.PalliativeCare.HadStatus.Admitted && h.Renewals == r.Occurrence
                  select r;
        var open = from r in transmissions.Concat(carnet).Concat(alertUpdates).Concat(ald).Concat(careChanges).Concat(steps).Concat(had)
                   join p in db.Patients on r.PatientId equals p.Id
                   orderby r.IssuedAt descending, r.Id
                   select new { r, p.BirthName, p.UsedName, p.FirstNames };
        var rows = await open.ToCappedAsync(MaxItems, ct);
        return new(rows.Items.Select(x => new ReminderItem(x.r.Id, x.r.Kind, x.r.PatientId, PatientName.Of(x.BirthName, x.UsedName, x.FirstNames), x.r.Title,
            x.r.Link, x.r.IssuedAt, x.r.Delivery, x.r.DeliveredAt)).ToList(), rows.Total);
    }
}
