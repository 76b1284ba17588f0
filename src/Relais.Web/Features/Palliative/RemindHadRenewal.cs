using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.PalliativeCare;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Palliative;

/// <summary>
/// Reminds the prescribers of a running home hospitalisation before it ends ([G] §2.6: 1 to 20 days, renewable on a new written
/// prescription): the GP of the care team, and the hospital physician who requested it. Once per prescription (the reminder's
/// occurrence is the renewal's number), through the one <see cref="ReminderScheduler"/>, the same shape as the ALD and steps scans.
/// </summary>
public sealed class RemindHadRenewal(RelaisDb db, Clock clock, IOptions<MailOptions> mail, ReminderScheduler scheduler)
{
    public const int BatchSize = 500;

    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var due = await db.HadStays.Where(s => s.Status == HadStatus.Admitted && s.RemindOn != null && s.RemindOn <= today && s.RemindedAt == null)
            .OrderBy(s => s.RemindOn).ThenBy(s => s.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var patientIds = due.Select(s => s.PatientId).Distinct().ToList();
        var requesters = due.Select(s => s.RequestedBy).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var gps = await db.CareTeamsAsync(patientIds, today, [CareTeamRole.GeneralPractitioner], ct);
        var requesterAccounts = await db.Users.AsNoTracking().Where(u => requesters.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.Id, u.Email, u.FirstName, u.LastName }).ToListAsync(ct);
        var requests = new List<ReminderRequest>();
        foreach (var stay in due)
        {
            stay.Reminded(clock.Now);
            var link = $"/patients/{stay.PatientId}/palliatif";
            var title = $"HAD : le séjour prend fin le {PalliativeRules.Date(stay.StayUntil!.Value)} — renouveler la prescription ?";
            var recipients = gps[stay.PatientId].Select(g => (g.Id, g.Email, g.Name))
                .Concat(requesterAccounts.Where(r => r.Id == stay.RequestedBy).Select(r => (r.Id, r.Email, Name: Relais.Web.Identity.RelaisUser.NameOf(r.FirstName, r.LastName))))
                .DistinctBy(r => r.Id);
            foreach (var (id, email, name) in recipients)
            {
                var body = ReminderRecipients.Body(name,
                    "Le séjour en hospitalisation à domicile d'un de vos patients arrive à son terme : une nouvelle prescription écrite (1 à 20 jours) le renouvelle.", mail.Value, link);
                requests.Add(new ReminderRequest(ReminderKind.HadRenewal, stay.Id, id, stay.Renewals, stay.PatientId, email, title,
                    $"[Relais] HAD à renouveler — {MailTexts.PatientIdentity(patients[stay.PatientId])}", body, link, null, null));
            }
        }
        return await scheduler.IssueAsync(requests, clock.Now, ct);
    }
}
