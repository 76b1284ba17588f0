using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Accounts;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Portal;

/// <summary>
/// What the activation of a patient's portal account adds to the professionals' (issue 11, point 1): the patient
/// confirms the birth date of the record, and what waited for them — transmissions and reminders addressed to the
/// patient before the account existed — becomes theirs. Both ride in the activation's unit of work.
/// </summary>
public sealed class PortalActivation(RelaisDb db, UserManager<RelaisUser> users, AccountStore store, Clock clock)
{
    public const string Resource = "POST /api/auth/activate";

    /// <summary>
    /// Null when the account is no patient's or the birth date is the record's. Otherwise the refusal's message: the
    /// attempt is counted and audited, and the <see cref="PortalAccounts.MaxActivationAttempts"/>th spends the link.
    /// </summary>
    public async Task<string?> CheckBirthDateAsync(RelaisUser user, DateOnly? birthDate, CancellationToken ct)
    {
        if (user.PatientId is not { } patientId) return null;
        var recorded = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.BirthDate).FirstAsync(ct);
        if (PortalAccounts.BirthDateMatches(birthDate, recorded))
        {
            user.AccessFailedCount = 0;
            return null;
        }
        var spent = false;
        using (store.Deferred(user))
        {
            if (++user.AccessFailedCount >= PortalAccounts.MaxActivationAttempts)
            {
                user.AccessFailedCount = 0;
                spent = true;
                AccountStore.Check(await users.RemoveAuthenticationTokenAsync(user, OpenPortalAccount.TokenProvider, OpenPortalAccount.LetterToken), "birthDate", "Activation refusée.");
                AccountStore.Check(await users.UpdateSecurityStampAsync(user), "birthDate", "Activation refusée.");
            }
        }
        db.AuditEntries.Add(PortalAudit.Entry(clock.Now, null, null, patientId, PortalAudit.ActivationRefused, Resource,
            $"account {user.Id}; birth date{(spent ? "; invitation spent" : "")}"));
        return birthDate is null
            ? "Saisissez votre date de naissance."
            : spent
                ? "Date de naissance incorrecte, trop d'essais : ce lien ne vaut plus. Demandez une nouvelle invitation à votre équipe de soins."
                : "Cette date de naissance ne correspond pas à votre dossier.";
    }

    /// <summary>Binds to the new account the transmissions and reminders that waited for the patient, delivered now; audited.</summary>
    public async Task DeliverWaitingAsync(RelaisUser user, string? role, DateTimeOffset now, CancellationToken ct)
    {
        if (user.PatientId is not { } patientId) return;
        var rows = await db.TransmissionRecipients
            .Where(r => r.PatientId == patientId && r.RecipientId == patientId && r.Kind == RecipientKinds.Patient).ToListAsync(ct);
        foreach (var row in rows) row.ReceivedThroughPortal(user.Id, now);
        var reminders = await db.Reminders.Where(r => r.PatientId == patientId && r.RecipientUserId == patientId).ToListAsync(ct);
        foreach (var reminder in reminders) reminder.ReceivedThroughPortal(user.Id);
        db.AuditEntries.Add(PortalAudit.Entry(now, user.Id, role, patientId, PortalAudit.Activated, Resource,
            $"account {user.Id}; waiting transmissions {rows.Count}; reminders {reminders.Count}"));
    }
}
