using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Messaging;
using Relais.Web.Data;
using Relais.Web.Identity;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Notifications;

/// <summary>
/// The background check behind the e-mail notice (issue 14, point 4): for the people who agreed to it, counts what is
/// new (<see cref="MyNotifications"/>) and, when <see cref="NotificationNotice.ShouldSend"/> says so, puts one e-mail in
/// the outbox that carries no clinical content — only that something new waits in Relais, and the link. Each person is
/// looked at once every <see cref="CheckEvery"/>, a batch at a time, so a large population of patients stays cheap.
/// </summary>
public sealed class NotifyByEmail(RelaisDb db, Clock clock, MyNotifications notifications, IOptions<MailOptions> mail)
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(15);
    public const int BatchSize = 200;

    /// <returns>The notices put in the outbox.</returns>
    public async Task<int> ScanAsync(CancellationToken ct = default)
    {
        var now = clock.Now;
        var due = now - CheckEvery;
        var settings = await db.NotificationSettings.Where(s => s.EmailOptIn && (s.CheckedAt == null || s.CheckedAt <= due))
            .OrderBy(s => s.CheckedAt).ThenBy(s => s.UserId).Take(BatchSize).ToListAsync(ct);
        if (settings.Count == 0) return 0;
        var ids = settings.Select(s => s.UserId).ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.Id, u.Email, u.PatientId }).ToDictionaryAsync(u => u.Id, ct);
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct)).ToLookup(x => x.UserId, x => x.Name!);
        var sent = 0;
        foreach (var setting in settings)
        {
            var newNow = 0;
            var send = false;
            if (users.TryGetValue(setting.UserId, out var u))
            {
                newNow = (await notifications.CountsAsync(new CurrentUser(u.Id, [.. roles[u.Id]], u.PatientId), ct)).Total;
                send = mail.Value.Enabled && u.Email is { Length: > 0 } && NotificationNotice.ShouldSend(newNow, setting.NoticedCount, setting.NoticedAt, now);
                if (send)
                {
                    var (subject, body) = Texts(mail.Value);
                    db.OutboxMessages.Add(OutboxMessage.Create(null, OutboxKind.Notification, null, u.Id, u.Email!, subject, body, null, null, mail.Value.Domain, now));
                    sent++;
                }
            }
            setting.Checked(newNow, send, now);
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }

    /// <summary>The notice's words: no patient, no clinical word, no count of what is new — only where to look.</summary>
    public static (string Subject, string Body) Texts(MailOptions options) => ("[Relais] Vous avez du nouveau dans Relais", $"""
        Bonjour,

        Vous avez du nouveau dans Relais.
        {options.PublicUrl.TrimEnd('/')}/nouveautes

        Vous recevez cet avis parce que vous l'avez demandé ; vous pouvez l'arrêter sur la même page.
        Message envoyé par Relais ; ne pas répondre à cette adresse.
        """);
}
