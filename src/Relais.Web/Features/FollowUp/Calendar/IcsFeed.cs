using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Calendar;

/// <summary>The iCalendar text behind a secret address; every read is audited.</summary>
public sealed class IcsFeed(RelaisDb db, Clock clock, ListAudit listAudit)
{
    /// <summary>
    /// Calendar clients refuse or time out on very large feeds; the items are ordered by date from three
    /// months back, so what is cut is the farthest future, which the next refresh brings in time.
    /// </summary>
    public const int MaxEvents = 5000;

    /// <summary>The iCalendar text, or null when the token is unknown or revoked.</summary>
    public async Task<string?> HandleAsync(string token, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.Token == token && f.RevokedAt == null, ct);
        if (feed is null) return null;
        var now = clock.Now;
        List<(CarnetItem Item, string Summary)> events;
        string name;
        if (feed.Owner == FeedOwner.Patient)
        {
            var items = await db.CarnetItems.AsNoTracking().Where(i => i.PatientId == feed.PatientId).OrderBy(i => i.Due).ToListAsync(ct);
            events = items.Select(i => (i, $"{i.Kind.Label()} ({i.Performer.Label()})")).ToList();
            name = "Mon carnet de suivi — Relais";
            db.AuditEntries.Add(AuditEntry.Create(now, null, "calendar-feed", feed.PatientId, AuditActions.Read, "ics patient feed", AuditOutcomes.Allowed, feed.Id.ToString()));
        }
        else
        {
            var gp = await db.Users.AsNoTracking().Where(u => u.Id == feed.CreatedBy).Select(u => new { u.Id }).FirstAsync(ct);
            var user = new CurrentUser(gp.Id, [Roles.GeneralPractitioner], null);
            var visible = PatientQueries.VisibleIds(db, user, clock.Today, now);
            var rows = await (from i in db.CarnetItems.AsNoTracking()
                              join p in db.Patients on i.PatientId equals p.Id
                              where visible.Contains(i.PatientId) && i.Due >= clock.Today.AddMonths(-3)
                              orderby i.Due
                              select new { i, p.BirthName, p.UsedName, p.FirstNames, p.BirthDate }).Take(MaxEvents).ToListAsync(ct);
            // Calendars end up on phones and clouds: initials and birth year only, the details stay in Relais.
            events = rows.Select(x => (x.i, $"Suivi {Initials(x.UsedName ?? x.BirthName, x.FirstNames)} ({x.BirthDate.Year}) : {x.i.Kind.Label()} — {x.i.Performer.Label()}")).ToList();
            name = "Suivis partagés de mes patients — Relais";
            db.AuditEntries.Add(AuditEntry.Create(now, feed.CreatedBy, "calendar-feed", null, AuditActions.Read, "ics gp feed", AuditOutcomes.Allowed, feed.Id.ToString()));
            // Each patient the feed names (by initials) is shown to the GP, as on a worklist (review M5).
            listAudit.Add(feed.CreatedBy, "calendar-feed", rows.Select(x => x.i.PatientId), "ics gp feed");
        }
        var vevents = events.Select(e => new ICalendar.VEvent($"{e.Item.Id}@relais", e.Item.Due, e.Summary,
            e.Item.Status == CarnetItemStatus.Done ? $"Réalisé le {e.Item.DoneOn:dd/MM/yyyy}" : "Voir le carnet de surveillance dans Relais",
            e.Item.Status == CarnetItemStatus.Cancelled)).ToList();
        if (feed.Owner == FeedOwner.Patient)
        {
            // The patient's appointments and treatment cycles (issue 14 point 7) beside the carnet, on their day, with the hour and the place.
            var appointments = await db.Appointments.AsNoTracking().Where(a => a.PatientId == feed.PatientId).ToListAsync(ct);
            vevents.AddRange(appointments.Select(a =>
            {
                var local = Clock.ToParis(a.At);
                var where = a.Teleconsultation ? "téléconsultation" : a.Place ?? "lieu à confirmer";
                return new ICalendar.VEvent($"{a.Id}@relais", DateOnly.FromDateTime(local.DateTime),
                    $"{Domain.Continuity.AppointmentLabels.Label(a.Kind)} à {local:HH:mm} — {where}",
                    a.Status == Domain.Continuity.AppointmentStatus.Deferred ? "Reporté : une nouvelle date vous sera donnée" : "Voir mes rendez-vous dans Relais",
                    a.Status == Domain.Continuity.AppointmentStatus.Cancelled);
            }));
            vevents = [.. vevents.OrderBy(e => e.Day)];
        }
        await db.SaveChangesAsync(ct);
        return ICalendar.Write(name, vevents, now);
    }

    private static string Initials(string last, string first) => $"{char.ToUpperInvariant(first.FirstOrDefault(' '))}. {char.ToUpperInvariant(last.FirstOrDefault(' '))}.";
}
