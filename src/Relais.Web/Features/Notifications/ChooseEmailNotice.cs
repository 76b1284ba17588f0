using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Notifications;

public sealed record NotificationPreferenceInput(bool? Email);

/// <summary>The person agrees to, or declines, the e-mail notice that something new waits in Relais (off until chosen).</summary>
public sealed class ChooseEmailNotice(RelaisDb db, Clock clock)
{
    public async Task HandleAsync(CurrentUser user, NotificationPreferenceInput input, CancellationToken ct)
    {
        if (input.Email is not { } email) throw new Domain.DomainValidationException("email", "Dites si vous souhaitez être prévenu par e-mail (true ou false).");
        var setting = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == user.Id, ct);
        if (setting is null) db.NotificationSettings.Add(setting = NotificationSetting.For(user.Id, clock.Now));
        setting.ChooseEmail(email, clock.Now);
        await db.SaveChangesAsync(ct);
    }
}
