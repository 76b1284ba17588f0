using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.ContinuingTreatments;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Messaging;

namespace Relais.Web.Features.FollowUp.ContinuingTreatments;

/// <summary>
/// Reminds the GP and the specialist (the referring physician of the care team) of a continuing treatment's planned
/// stop date, <see cref="ContinuingTreatment.StopReminderDaysAhead"/> days before it (issue 16 point 1): whether to
/// stop, extend (hormone therapy to 10 years) or switch is their decision together. Once per treatment, through the
/// one <see cref="ReminderScheduler"/>.
/// </summary>
public sealed class RemindPlannedStops(RelaisDb db, Clock clock, IOptions<MailOptions> mail, ReminderScheduler scheduler)
{
    public const int BatchSize = 500;

    private static readonly CareTeamRole[] Recipients = [CareTeamRole.GeneralPractitioner, CareTeamRole.ReferringOncologist];

    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var horizon = today.AddDays(ContinuingTreatment.StopReminderDaysAhead);
        var candidates = await db.ContinuingTreatments
            .Where(t => t.Status == ContinuingTreatmentStatus.Ongoing && t.StopRemindedAt == null && t.PlannedStopOn != null && t.PlannedStopOn <= horizon)
            .OrderBy(t => t.PlannedStopOn).ThenBy(t => t.Id).Take(BatchSize).ToListAsync(ct);
        var due = candidates.Where(t => t.StopReminderDue(today, ContinuingTreatment.StopReminderDaysAhead)).ToList();
        if (due.Count == 0) return 0;
        var patientIds = due.Select(t => t.PatientId).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var members = await db.CareTeamsAsync(patientIds, today, Recipients, ct);
        var requests = new List<ReminderRequest>();
        foreach (var treatment in due)
        {
            treatment.StopReminded(clock.Now);
            var patient = patients[treatment.PatientId];
            // The reminder names no drug: the app and the e-mail say when and where, the record says what.
            var what = $"Traitement qui se poursuit : arrêt prévu le {treatment.PlannedStopOn:dd/MM/yyyy} (arrêter, prolonger ou changer)";
            var link = $"/patients/{treatment.PatientId}/traitements-poursuivis";
            foreach (var member in members[treatment.PatientId])
            {
                var body = ReminderRecipients.Body(member.Name, $"{patient.DisplayName} (né(e) le {patient.BirthDate:dd/MM/yyyy}) : {what}.", mail.Value, link);
                requests.Add(new ReminderRequest(ReminderKind.TreatmentPlannedStop, treatment.Id, member.Id, 0, treatment.PatientId, member.Email, what,
                    $"[Relais] Fin de traitement prévue — {MailTexts.PatientIdentity(patient)}", body, link, null, null));
            }
        }
        return await scheduler.IssueAsync(requests, clock.Now, ct);
    }
}
