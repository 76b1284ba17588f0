using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Notifications;

/// <summary>The patient opened the page listing the outcomes of their alerts: those recorded until now are no longer new.</summary>
public sealed class MarkOutcomesSeen(RelaisDb db, Clock clock)
{
    public async Task HandleAsync(CurrentUser user, CancellationToken ct)
    {
        var setting = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == user.Id, ct);
        if (setting is null) db.NotificationSettings.Add(setting = NotificationSetting.For(user.Id, clock.Now));
        setting.OutcomesSeen(clock.Now);
        await db.SaveChangesAsync(ct);
    }
}
