using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Coordination.TeamQueue;

public sealed record HandOnInput(Guid? To);

/// <summary>
/// The owner of a team item (or the physician it was escalated to) hands it on to another member of the
/// patient's care team who may own it (<see cref="TeamSignals"/>); the new owner is told in the app and by
/// e-mail, and the hand-over is audited. Access was checked by the caller.
/// </summary>
public sealed class HandOnSignal(RelaisDb db, Clock clock, IOptions<MailOptions> mail)
{
    /// <returns>False when the transmission has no team item the user answers for.</returns>
    public async Task<bool> HandleAsync(CurrentUser user, Guid patientId, Guid transmissionId, HandOnInput input, CancellationToken ct)
    {
        var rows = await db.TransmissionRecipients
            .Where(r => r.TransmissionId == transmissionId && r.PatientId == patientId && r.Kind == RecipientKinds.SpecialistTeam).ToListAsync(ct);
        var item = rows.FirstOrDefault(r => r.IsTeamItem);
        if (item is null || !rows.Any(r => r.RecipientId == user.Id)) return false;
        if (input.To is not { } to) throw new DomainValidationException("to", "Choisissez le membre de l'équipe à qui confier le signal.");
        var members = await TeamSignalQueries.ReachableMembersAsync(db, patientId, clock.Today, ct);
        if (!members.Any(m => m.ProfessionalId == to && TeamSignals.MayOwn(m.Role)))
            throw new DomainValidationException("to", "Ce professionnel ne peut pas prendre en charge le signal : choisissez un membre actuel de l'équipe de soins (infirmier(e) de coordination ou médecin).");
        var from = item.RecipientId;
        var now = clock.Now;
        item.HandOn(to, user.Id, now);

        var transmission = await db.Transmissions.AsNoTracking().FirstAsync(t => t.Id == transmissionId, ct);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == to).Select(u => new { u.Email, u.FirstName, u.LastName }).FirstAsync(ct);
        if (mail.Value.Enabled && person.Email is { Length: > 0 } email)
        {
            var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == patientId, ct);
            var by = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => new { u.FirstName, u.LastName }).FirstAsync(ct);
            var (subject, body) = MailTexts.ForProfessional(patient, transmission, item, RelaisUser.NameOf(person.FirstName, person.LastName),
                RelaisUser.NameOf(by.FirstName, by.LastName), mail.Value);
            db.OutboxMessages.Add(OutboxMessage.Create(patientId, OutboxKind.Transmission, item.Id, to, email, subject, body, transmission.DocumentId,
                transmission.Obligation.ToString(), mail.Value.Domain, now));
        }
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "hand-on", AuditOutcomes.Allowed,
            $"transmission={transmissionId};from={from};to={to}"));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
