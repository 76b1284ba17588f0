using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain.Accounts;
using Relais.Domain.Audit;
using Relais.Domain.Coordination;
using Relais.Domain.Patients;
using Relais.Web.Features.Access;
using Relais.Web.Features.Coordination.TeamQueue;
using Relais.Web.Data;
using Relais.Web.Identity;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Coordination;

/// <summary>
/// Fires a coordination obligation: one call creates the transmission to the recipients the
/// catalogue names (resolved from the patient's declared GP, account and care team), the in-app
/// inbox entries, the outbox e-mails and the audit row — all in the caller's unit of work, committed
/// by the caller's SaveChanges. Professionals the patient objected to receive nothing. What is addressed to
/// the specialist team goes to the team's queue, owned by one named member (<see cref="TeamSignals"/>).
/// </summary>
public sealed class Obligations(RelaisDb db, Clock clock, IOptions<MailOptions> mail)
{
    public Task<Transmission> FireAsync(ObligationCode code, Guid patientId, Guid senderId, Guid? documentId = null,
        string? title = null, string? message = null, bool urgent = false, bool requireRecipients = false, CancellationToken ct = default) =>
        FireAsync(code, AllKinds, patientId, senderId, documentId, title, message, urgent, requireRecipients, ct);

    /// <summary>
    /// Fires the obligation to only some of the recipients its catalogue entry names: C8 goes to the
    /// pharmacist only for the phases whose drugs he dispenses (<see cref="TreatmentStart"/>).
    /// </summary>
    public async Task<Transmission> FireAsync(ObligationCode code, RecipientKinds only, Guid patientId, Guid senderId, Guid? documentId = null,
        string? title = null, string? message = null, bool urgent = false, bool requireRecipients = false, CancellationToken ct = default)
    {
        var obligation = ObligationCatalogue.Get(code);
        var now = clock.Now;
        var today = clock.Today;
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == patientId, ct);
        var senderIsGp = patient.GeneralPractitionerId == senderId || await db.UserRoles.AnyAsync(ur => ur.UserId == senderId
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.GeneralPractitioner), ct);
        var recipients = await ResolveRecipientsAsync(patient, ObligationCatalogue.RecipientsWhenSentBy(code, senderIsGp) & only, senderId, today, ct);
        var delay = obligation.DueDelayFor(urgent, await OrganisationDelayAsync(code, senderId, ct));
        var transmission = Transmission.Create(patientId, code, documentId, title, message, senderId, recipients, now, delay, urgent, requireRecipients);
        db.Transmissions.Add(transmission);

        var ids = transmission.Recipients.Select(r => r.RecipientId).ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.FirstName, u.LastName, u.PatientId }).ToListAsync(ct);
        var sender = await db.Users.AsNoTracking().Where(u => u.Id == senderId).Select(u => new { u.FirstName, u.LastName }).FirstAsync(ct);
        if (obligation.Channels.HasFlag(Channels.SecureMail) && mail.Value.Enabled)
        {
            foreach (var r in transmission.Recipients)
            {
                if (r.AwaitsPortalAccount) continue;
                var person = people.First(p => p.Id == r.RecipientId);
                if (!PortalAccounts.HasMailbox(person.Email)) continue;
                var isPatient = r.Kind == RecipientKinds.Patient;
                var (subject, body) = isPatient
                    ? MailTexts.PatientNotice(patient, transmission, mail.Value)
                    : MailTexts.ForProfessional(patient, transmission, r, RelaisUser.NameOf(person.FirstName, person.LastName), RelaisUser.NameOf(sender.FirstName, sender.LastName), mail.Value);
                db.OutboxMessages.Add(OutboxMessage.Create(patientId, OutboxKind.Transmission, r.Id, r.RecipientId, person.Email!, subject, body,
                    isPatient ? null : documentId, code.ToString(), mail.Value.Domain, now));
            }
        }
        var role = await db.UserRoles.Where(ur => ur.UserId == senderId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefaultAsync(ct);
        db.AuditEntries.Add(AuditEntry.Create(now, senderId, role, patientId, AuditActions.Write, $"transmission {code}", AuditOutcomes.Allowed, $"recipients={transmission.Recipients.Count}"));
        return transmission;
    }

    private const RecipientKinds AllKinds = RecipientKinds.GeneralPractitioner | RecipientKinds.Patient | RecipientKinds.Pharmacist
        | RecipientKinds.SpecialistTeam | RecipientKinds.GeneralPractitionerCopy;

    private async Task<List<(Guid UserId, RecipientKinds Kind)>> ResolveRecipientsAsync(Patient patient, RecipientKinds kinds, Guid senderId, DateOnly today, CancellationToken ct)
    {
        var result = new List<(Guid, RecipientKinds)>();
        // Sharing follows the patient's consent [B]: no transmission to a professional the patient objected to.
        var objected = await db.AccessObjections.AsNoTracking()
            .Where(o => o.PatientId == patient.Id && o.WithdrawnAt == null)
            .Select(o => o.ProfessionalId).ToListAsync(ct);
        var team = (await TeamSignalQueries.ActiveMembersAsync(db, patient.Id, today, ct)).Where(m => !objected.Contains(m.ProfessionalId)).ToList();
        foreach (var gpKind in new[] { RecipientKinds.GeneralPractitioner, RecipientKinds.GeneralPractitionerCopy })
        {
            if (!kinds.HasFlag(gpKind)) continue;
            if (patient.GeneralPractitionerId is { } gp) result.Add((gp, gpKind));
            else result.AddRange(team.Where(m => m.Role == CareTeamRole.GeneralPractitioner).Select(m => (m.ProfessionalId, gpKind)));
        }
        if (kinds.HasFlag(RecipientKinds.Patient))
        {
            // A patient without an activated portal account is not skipped: the row is bound to the record and waits
            // for the account (TransmissionRecipient.AwaitsPortalAccount), listed to the team as not yet received.
            var account = await db.Users.AsNoTracking().Where(u => u.PatientId == patient.Id && u.IsActive && u.PasswordHash != null).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            result.Add((account ?? patient.Id, RecipientKinds.Patient));
        }
        if (kinds.HasFlag(RecipientKinds.Pharmacist))
            result.AddRange(team.Where(m => m.Role == CareTeamRole.Pharmacist).Select(m => (m.ProfessionalId, RecipientKinds.Pharmacist)));
        // The team receives one item with one accountable owner, not a copy for each specialist to acknowledge.
        if (kinds.HasFlag(RecipientKinds.SpecialistTeam)
            && TeamSignals.ChooseOwner(team.Select(m => (m.ProfessionalId, m.Role)), await TeamSignalQueries.ChosenOwnerAsync(db, patient.Id, ct), senderId) is { } owner)
            result.Add((owner, RecipientKinds.SpecialistTeam));
        return result.Where(r => !objected.Contains(r.Item1) && r.Item1 != senderId).ToList();
    }

    /// <summary>The sender organisation's delay for this obligation, or the catalogue's default.</summary>
    private async Task<TimeSpan> OrganisationDelayAsync(ObligationCode code, Guid senderId, CancellationToken ct)
    {
        var hours = await (from u in db.Users
                           join s in db.ObligationSettings on u.OrganisationId equals s.OrganisationId
                           where u.Id == senderId && s.Code == code
                           select (int?)s.DueHours).FirstOrDefaultAsync(ct);
        return hours is { } h ? TimeSpan.FromHours(h) : ObligationCatalogue.Get(code).DefaultDueDelay;
    }
}
