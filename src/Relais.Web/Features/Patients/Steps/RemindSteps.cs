using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Accounts;
using Relais.Domain.Patients;
using Relais.Domain.Steps;
using Relais.Web.Data;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Patients.Steps;

/// <summary>
/// Reminds each planned step's owner on its reminder day (<see cref="AdministrativeSteps.ReminderDays"/>): the GP of the
/// care team, the hospital team's referring oncologist and nurse coordinators, or the patient on their portal (the
/// occupational-disease declaration is theirs to send). Once per step, through the one <see cref="ReminderScheduler"/>;
/// a step with nobody to remind is marked all the same (the record shows its due day).
/// </summary>
public sealed class RemindSteps(RelaisDb db, Clock clock, IOptions<MailOptions> mail, ReminderScheduler scheduler)
{
    public const int BatchSize = 500;

    private static readonly CareTeamRole[] GpOwner = [CareTeamRole.GeneralPractitioner];
    private static readonly CareTeamRole[] HospitalOwners = [CareTeamRole.ReferringOncologist, CareTeamRole.NurseCoordinator];
    private static readonly CareTeamRole[] Owners = [.. GpOwner, .. HospitalOwners];

    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var due = await db.AdministrativeSteps.Where(s => s.Status == StepStatus.Planned && s.RemindOn <= today && s.RemindedAt == null)
            .OrderBy(s => s.RemindOn).ThenBy(s => s.Id).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var patientIds = due.Select(s => s.PatientId).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var team = await db.CareTeamsAsync(patientIds, today, Owners, ct);
        var accounts = await db.Users.AsNoTracking().Where(u => u.PatientId != null && patientIds.Contains(u.PatientId.Value) && u.IsActive && u.PasswordHash != null)
            .Select(u => new { PatientId = u.PatientId!.Value, u.Id, u.Email }).ToListAsync(ct);
        var url = mail.Value.PublicUrl.TrimEnd('/');
        var requests = new List<ReminderRequest>();
        foreach (var step in due)
        {
            step.Reminded(clock.Now);
            var patient = patients[step.PatientId];
            var what = AdministrativeSteps.ReminderText(step.Kind, step.DueOn);
            if (step.Owner == StepOwner.Patient)
            {
                foreach (var account in accounts.Where(a => a.PatientId == step.PatientId).Take(1))
                    requests.Add(new ReminderRequest(ReminderKind.AdministrativeStep, step.Id, account.Id, 0, step.PatientId,
                        PortalAccounts.HasMailbox(account.Email) ? account.Email : null, what, "[Relais] Une démarche vous attend",
                        $"Bonjour,\n\nUne démarche vous attend dans votre dossier Relais.\n{url}/mon-dossier\n\nRelais — votre parcours de soins partagé.", "/mon-dossier", null, null));
                continue;
            }
            var roles = step.Owner == StepOwner.Gp ? GpOwner : HospitalOwners;
            foreach (var member in team[step.PatientId].Where(m => roles.Contains(m.Role)))
            {
                var link = $"/patients/{step.PatientId}/demarches";
                var body = ReminderRecipients.Body(member.Name, "Une démarche administrative ou sociale d'un de vos patients arrive à échéance.", mail.Value, link);
                requests.Add(new ReminderRequest(ReminderKind.AdministrativeStep, step.Id, member.Id, 0, step.PatientId, member.Email, what,
                    $"[Relais] Démarche à échéance — {MailTexts.PatientIdentity(patient)}", body, link, null, null));
            }
        }
        return await scheduler.IssueAsync(requests, clock.Now, ct);
    }
}
