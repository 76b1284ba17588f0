using Microsoft.EntityFrameworkCore;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Calendar;

/// <summary>Revokes a feed of a patient's carnet, or (no patient) one of the GP's own feeds.</summary>
public sealed class RevokeCalendarFeed(RelaisDb db, Clock clock)
{
    /// <summary>False when there is no such feed to revoke.</summary>
    public async Task<bool> HandleAsync(CurrentUser user, Guid feedId, Guid? patientId, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.Id == feedId && (patientId == null ? f.CreatedBy == user.Id && f.Owner == FeedOwner.GeneralPractitioner : f.PatientId == patientId), ct);
        if (feed is null) return false;
        feed.Revoke(clock.Now);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
