using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Identity;
using Relais.Web.Messaging;

namespace Relais.Web.Features.FollowUp.Calendar;

public sealed record FeedDto(Guid Id, string Url, DateTimeOffset CreatedAt);

/// <summary>The live iCalendar feeds of a patient's carnet, or (no patient) the GP's own feeds, with their secret addresses.</summary>
public sealed class CalendarFeedQuery(RelaisDb db, IOptions<MailOptions> mail)
{
    public async Task<IReadOnlyList<CalendarFeed>> HandleAsync(CurrentUser user, Guid? patientId, CancellationToken ct) =>
        await db.CalendarFeeds.AsNoTracking().Where(f => f.RevokedAt == null && (patientId == null ? f.Owner == FeedOwner.GeneralPractitioner && f.CreatedBy == user.Id : f.PatientId == patientId))
            .OrderByDescending(f => f.CreatedAt).ToListAsync(ct);

    public string Url(CalendarFeed feed) => $"{mail.Value.PublicUrl.TrimEnd('/')}/calendrier/{feed.Token}.ics";

    public FeedDto ToDto(CalendarFeed feed) => new(feed.Id, Url(feed), feed.CreatedAt);
}
