using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.TeamQueue;

public sealed record SignalOwnerInput(Guid? ProfessionalId);

/// <summary>
/// The team chooses who owns its inbound signals, or goes back to the default order (no professional).
/// Applies to the next signals; those already queued keep their owner, who can hand them on. Audited.
/// </summary>
public sealed class ChooseSignalOwner(RelaisDb db, Clock clock)
{
    public async Task HandleAsync(CurrentUser user, Guid patientId, SignalOwnerInput input, CancellationToken ct)
    {
        var now = clock.Now;
        var existing = await db.SignalOwnerChoices.FirstOrDefaultAsync(c => c.PatientId == patientId, ct);
        if (input.ProfessionalId is { } owner)
        {
            var members = await TeamSignalQueries.ReachableMembersAsync(db, patientId, clock.Today, ct);
            if (!members.Any(m => m.ProfessionalId == owner && TeamSignals.MayOwn(m.Role)))
                throw new DomainValidationException("professionalId", "Choisissez un membre actuel de l'équipe de soins : infirmier(e) de coordination ou médecin qui voit le patient.");
            if (existing is null) db.SignalOwnerChoices.Add(SignalOwnerChoice.Choose(patientId, owner, user.Id, now));
            else existing.Change(owner, user.Id, now);
        }
        else if (existing is not null)
        {
            db.SignalOwnerChoices.Remove(existing);
        }
        db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "signal-owner", AuditOutcomes.Allowed,
            input.ProfessionalId?.ToString() ?? "default"));
        await db.SaveChangesAsync(ct);
    }
}
