using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Calendar;

/// <summary>A new secret calendar address: for a patient's carnet, or (no patient) for the GP's patients.</summary>
public sealed class CreateCalendarFeed(RelaisDb db, Clock clock)
{
    public async Task<CalendarFeed> HandleAsync(CurrentUser user, Guid? patientId, CancellationToken ct)
    {
        var feed = patientId is { } id ? CalendarFeed.ForPatient(id, user.Id, clock.Now) : CalendarFeed.ForGeneralPractitioner(user.Id, clock.Now);
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        return feed;
    }
}
