using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
        var due = await (from i in db.CarnetItems
                         join u in db.Users on i.PatientId equals u.PatientId
                         where i.Status == CarnetItemStatus.Planned && i.PatientRemindedAt == null && i.Due >= today && i.Due <= horizon
                         select new { i, u.Id, u.Email }).Take(BatchSize).ToListAsync(ct);
        var requests = new List<ReminderRequest>(due.Count);
        foreach (var x in due)
        {
            x.i.PatientReminded(clock.Now);
            var body = $"Bonjour,\n\nUn rendez-vous de votre suivi est prévu le {x.i.Due:dd/MM/yyyy} : {x.i.Kind.Label()} ({x.i.Performer.Label()}).\n"
                + $"Votre carnet de surveillance : {mail.Value.PublicUrl.TrimEnd('/')}/mon-dossier\n\nRelais — votre parcours de soins partagé.";
            requests.Add(new ReminderRequest(ReminderKind.CarnetItem, x.i.Id, x.Id, 0, x.i.PatientId, x.Email,
                $"{x.i.Kind.Label()} ({x.i.Performer.Label()}) prévu le {x.i.Due:dd/MM/yyyy}", "[Relais] Rappel de votre suivi", body, "/mon-dossier", null, null));
        }
        return await scheduler.IssueAsync(requests, clock.Now, ct);
    }
}
