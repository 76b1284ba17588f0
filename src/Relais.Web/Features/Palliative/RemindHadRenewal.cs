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
        var gps = await (from m in db.CareTeamMembers.Where(CareTeamMember.ActiveNow(today))
                         join u in db.Users on m.ProfessionalId equals u.Id
                         where patientIds.Contains(m.PatientId) && u.IsActive && m.Role == CareTeamRole.GeneralPractitioner
                         select new { m.PatientId, u.Id, u.Email, u.FirstName, u.LastName }).ToListAsync(ct);
        var requesterAccounts = await db.Users.AsNoTracking().Where(u => requesters.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.Id, u.Email, u.FirstName, u.LastName }).ToListAsync(ct);
        var url = mail.Value.PublicUrl.TrimEnd('/');
        var requests = new List<ReminderRequest>();
        foreach (var stay in due)
        {
            stay.Reminded(clock.Now);
            var link = $"/patients/{stay.PatientId}/palliatif";
            var title = $"HAD : le séjour prend fin le {PalliativeRules.Date(stay.StayUntil!.Value)} — renouveler la prescription ?";
            var recipients = gps.Where(g => g.PatientId == stay.PatientId).Select(g => (g.Id, (string?)g.Email, g.FirstName, g.LastName))
                .Concat(requesterAccounts.Where(r => r.Id == stay.RequestedBy).Select(r => (r.Id, r.Email, r.FirstName, r.LastName)))
                .DistinctBy(r => r.Id);
            foreach (var (id, email, first, last) in recipients)
            {
                var body = $"""
                    Bonjour {Relais.Web.Identity.RelaisUser.NameOf(first, last)},

                    Le séjour en hospitalisation à domicile d'un de vos patients arrive à son terme : une nouvelle prescription écrite (1 à 20 jours) le renouvelle.
                    {url}{link}

                    Message envoyé par Relais ; ne pas répondre à cette adresse.
                    """;
                requests.Add(new ReminderRequest(ReminderKind.HadRenewal, stay.Id, id, stay.Renewals, stay.PatientId, email, title,
                    $"[Relais] HAD à renouveler — {MailTexts.PatientIdentity(patients[stay.PatientId])}", body, link, null, null));
            }
        }
        return await scheduler.IssueAsync(requests, clock.Now, ct);
    }
}
