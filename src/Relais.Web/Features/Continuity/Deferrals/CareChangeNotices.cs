using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Accounts;
using Relais.Domain.Patients;
using Relais.Web.Data;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Continuity.Deferrals;

/// <summary>One change of a step of care, as the patient and the GP are told of it: what changed and what happens next.</summary>
/// <param name="Occurrence">0 for the deferral, 1 for its re-scheduling: one notice of each per deferral and recipient.</param>
public sealed record CareChange(Guid DeferralId, int Occurrence, Guid PatientId, string ForPatient, string ForGp);

/// <summary>
/// Tells the patient (their portal, or the record until the account exists) and the declared GP of every deferral,
/// re-scheduling, transfer or teleconsultation [C] "délivrer une information complète et adaptée à tous les patients, à
/// toutes les étapes": a reminder each sees in the app, with an e-mail through the outbox when mail is on. The e-mail's
/// subject carries no clinical word. Added to the caller's unit of work.
/// </summary>
public sealed class CareChangeNotices(RelaisDb db, Clock clock, IOptions<MailOptions> mail, ReminderScheduler scheduler)
{
    public async Task AddAsync(CareChange change, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == change.PatientId, ct);
        var account = await db.Users.AsNoTracking().Where(u => u.PatientId == change.PatientId && u.IsActive && u.PasswordHash != null)
            .Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(ct);
        var url = mail.Value.PublicUrl.TrimEnd('/');
        var requests = new List<ReminderRequest>
        {
            new(ReminderKind.CareChanged, change.DeferralId, account?.Id ?? change.PatientId, change.Occurrence, change.PatientId,
                PortalAccounts.HasMailbox(account?.Email) ? account!.Email : null, Cut(change.ForPatient), "[Relais] Votre parcours de soins change",
                $"Bonjour,\n\n{change.ForPatient}\n\nVotre dossier : {url}/mon-dossier\n\nRelais — votre parcours de soins partagé.", "/mon-dossier", null, null),
        };
        var gpId = patient.GeneralPractitionerId;
        var today = clock.Today;
        var gp = gpId is null ? null : await (from m in db.CareTeamMembers.Where(CareTeamMember.ActiveNow(today))
                                              join u in db.Users on m.ProfessionalId equals u.Id
                                              where m.PatientId == change.PatientId && m.ProfessionalId == gpId && u.IsActive
                                              select new { u.Id, u.Email, u.FirstName, u.LastName }).FirstOrDefaultAsync(ct);
        if (gp is not null)
        {
            var link = $"/patients/{change.PatientId}/rendez-vous";
            var body = $"""
                Bonjour {Identity.RelaisUser.NameOf(gp.FirstName, gp.LastName)},

                {patient.DisplayName} (né(e) le {patient.BirthDate:dd/MM/yyyy}) : {change.ForGp}
                {url}{link}

                Message envoyé par Relais ; ne pas répondre à cette adresse.
                """;
            requests.Add(new ReminderRequest(ReminderKind.CareChanged, change.DeferralId, gp.Id, change.Occurrence, change.PatientId, gp.Email, Cut(change.ForGp),
                $"[Relais] Soin reporté ou reprogrammé — {MailTexts.PatientIdentity(patient)}", body, link, null, null));
        }
        scheduler.Add(requests, clock.Now);
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..299] + "…";
}
