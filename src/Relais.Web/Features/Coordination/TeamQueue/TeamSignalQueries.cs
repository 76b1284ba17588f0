using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Domain.Patients;
using Relais.Web.Data;

namespace Relais.Web.Features.Coordination.TeamQueue;

/// <summary>The facts <see cref="TeamSignals"/> decides on: a patient's active care team and its chosen owner.</summary>
public static class TeamSignalQueries
{
    /// <summary>Active members on a day, in a stable order (earliest first) so that the default owner does not change between calls.</summary>
    public static async Task<IReadOnlyList<(Guid ProfessionalId, CareTeamRole Role)>> ActiveMembersAsync(RelaisDb db, Guid patientId, DateOnly today, CancellationToken ct) =>
        (await db.CareTeamMembers.AsNoTracking()
            .Where(CareTeamMember.ActiveNow(today)).Where(m => m.PatientId == patientId)
            .OrderBy(m => m.From).ThenBy(m => m.Id)
            .Select(m => new { m.ProfessionalId, m.Role })
            .ToListAsync(ct))
        .Select(m => (m.ProfessionalId, m.Role)).ToList();

    /// <summary>Active members minus those the patient objected to: who may own or be escalated a signal.</summary>
    public static async Task<IReadOnlyList<(Guid ProfessionalId, CareTeamRole Role)>> ReachableMembersAsync(RelaisDb db, Guid patientId, DateOnly today, CancellationToken ct)
    {
        var objected = await db.AccessObjections.AsNoTracking().Where(o => o.PatientId == patientId && o.WithdrawnAt == null).Select(o => o.ProfessionalId).ToListAsync(ct);
        return (await ActiveMembersAsync(db, patientId, today, ct)).Where(m => !objected.Contains(m.ProfessionalId)).ToList();
    }

    public static Task<Guid?> ChosenOwnerAsync(RelaisDb db, Guid patientId, CancellationToken ct) =>
        db.SignalOwnerChoices.AsNoTracking().Where(c => c.PatientId == patientId).Select(c => (Guid?)c.OwnerId).FirstOrDefaultAsync(ct);
}
