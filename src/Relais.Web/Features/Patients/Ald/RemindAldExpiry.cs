using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Patients.Ald;

/// <summary>
/// Reminds the patient's GP (the care team's médecin traitant) before an ALD admission expires ([G] 1.4): for
/// an admission opened in an emergency, to write the protocol that extends it; otherwise to request its
/// renewal. Once per admission, through the one <see cref="ReminderScheduler"/>; an admission a newer
/// record replaced is not reminded, only marked so that the scan leaves it.
/// </summary>
public sealed class RemindAldExpiry(RelaisDb db, Clock clock, IOptions<MailOptions> mail, ReminderScheduler scheduler)
{
    /// <summary>Admissions reminded per pass; the next pass takes the rest.</summary>
    public const int BatchSize = 500;

    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var due = await db.AldRecords
            .Where(r => r.RemindOn != null && r.RemindOn <= today && r.GpRemindedAt == null)
            .Select(r => new { Record = r, Replaced = db.AldRecords.Any(o => o.PatientId == r.PatientId && o.From > r.From) })
            .OrderBy(x => x.Record.RemindOn).ThenBy(x => x.Record.Id)
            .Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;
        // A replaced admission is marked without a reminder, so that no scan reads it again.
        foreach (var replaced in due.Where(x => x.Replaced)) replaced.Record.GpReminded(clock.Now);
        var patientIds = due.Where(x => !x.Replaced).Select(x => x.Record.PatientId).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var gps = await db.CareTeamsAsync(patientIds, today, [CareTeamRole.GeneralPractitioner], ct);
        var requests = new List<ReminderRequest>();
        foreach (var record in due.Where(x => !x.Replaced).Select(x => x.Record))
        {
            record.GpReminded(clock.Now);
            var patient = patients[record.PatientId];
            var what = LongTermCondition.ReminderText(record.Period);
            foreach (var gp in gps[record.PatientId])
            {
                var link = $"/patients/{record.PatientId}/ald";
                var body = ReminderRecipients.Body(gp.Name, $"{patient.DisplayName} (né(e) le {patient.BirthDate:dd/MM/yyyy}) : {what}", mail.Value, link);
                requests.Add(new ReminderRequest(ReminderKind.AldExpiry, record.Id, gp.Id, 0, record.PatientId, gp.Email, what,
                    $"[Relais] ALD à renouveler — {MailTexts.PatientIdentity(patient)}", body, link, null, null));
            }
        }
        // Without a GP in the team the admission is marked all the same: the record shows its expiry to the team.
        return await scheduler.IssueAsync(requests, clock.Now, ct);
    }
}
