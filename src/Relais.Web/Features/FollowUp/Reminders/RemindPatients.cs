using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Accounts;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Messaging;

namespace Relais.Web.Features.FollowUp.Reminders;

/// <summary>Reminds patients a week before each planned item (e-mail without clinical text in the subject).</summary>
public sealed class RemindPatients(RelaisDb db, Clock clock, IOptions<MailOptions> mail, ReminderScheduler scheduler)
{
    /// <summary>Items reminded per pass; the dispatcher's next pass (a minute later) takes the rest.</summary>
    public const int BatchSize = 500;

    /// <summary>The number of items reminded by this pass, through the one <see cref="ReminderScheduler"/>.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var horizon = today.AddDays(7);
        // A patient without an activated portal account is reminded all the same: the reminder is issued to the
        // record (its recipient is the patient's id, no e-mail) and becomes the account's at activation (issue 11).
        var due = await (from i in db.CarnetItems
                         where i.Status == CarnetItemStatus.Planned && i.PatientRemindedAt == null && i.Due >= today && i.Due <= horizon
                         select new
                         {
                             i,
                             AccountId = db.Users.Where(u => u.PatientId == i.PatientId && u.IsActive && u.PasswordHash != null).Select(u => (Guid?)u.Id).FirstOrDefault(),
                             Email = db.Users.Where(u => u.PatientId == i.PatientId && u.IsActive && u.PasswordHash != null).Select(u => u.Email).FirstOrDefault(),
                         })
            .Take(BatchSize).ToListAsync(ct);
        var requests = new List<ReminderRequest>(due.Count);
        foreach (var x in due)
        {
            x.i.PatientReminded(clock.Now);
            var body = $"Bonjour,\n\nUn rendez-vous de votre suivi est prévu le {x.i.Due:dd/MM/yyyy} : {x.i.Kind.Label()} ({x.i.Performer.Label()}).\n"
                + $"Votre carnet de surveillance : {mail.Value.PublicUrl.TrimEnd('/')}/mon-dossier\n\nRelais — votre parcours de soins partagé.";
            requests.Add(new ReminderRequest(ReminderKind.CarnetItem, x.i.Id, x.AccountId ?? x.i.PatientId, 0, x.i.PatientId, PortalAccounts.HasMailbox(x.Email) ? x.Email : null,
                $"{x.i.Kind.Label()} ({x.i.Performer.Label()}) prévu le {x.i.Due:dd/MM/yyyy}", "[Relais] Rappel de votre suivi", body, "/mon-dossier", null, null));
        }
        return await scheduler.IssueAsync(requests, clock.Now, ct);
    }
}
