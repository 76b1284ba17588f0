using Relais.Domain.Patients;

namespace Relais.Domain.Coordination;

/// <summary>
/// The specialist team's queue of inbound signals (C3, C4 and C10 back, C9, C13, C14, C15 from the GP, the
/// laboratory or the patient): each item has one accountable owner instead of a copy to every specialist,
/// the pathologist included, each acknowledging on their own — everyone told and nobody owning it. The owner
/// may hand it on; when he has not acknowledged it in time it is late and escalated to the referring physician.
/// </summary>
public static class TeamSignals
{
    /// <summary>
    /// The care-team roles that may own the queue, in the default order: the nurse coordinator first (IDEC,
    /// the team's coordination [G] 1.2, [P]), else the referring physician, else another physician of the
    /// team who sees patients. The pathologist, who does not, is never an owner.
    /// </summary>
    public static readonly IReadOnlyList<CareTeamRole> OwnerRoles =
    [
        CareTeamRole.NurseCoordinator, CareTeamRole.ReferringOncologist, CareTeamRole.OrganSpecialist, CareTeamRole.OtherPhysician,
        CareTeamRole.Surgeon, CareTeamRole.Radiotherapist, CareTeamRole.Geriatrician,
    ];

    /// <summary>Who an owner's lateness is escalated to: the referring physician first, then the team's other physicians.</summary>
    public static readonly IReadOnlyList<CareTeamRole> EscalationRoles =
    [
        CareTeamRole.ReferringOncologist, CareTeamRole.OrganSpecialist, CareTeamRole.OtherPhysician,
        CareTeamRole.Surgeon, CareTeamRole.Radiotherapist, CareTeamRole.Geriatrician,
    ];

    public static bool MayOwn(CareTeamRole role) => OwnerRoles.Contains(role);

    /// <summary>
    /// The owner of a new item: the team's chosen owner while an active member in an owner role, else the
    /// first active member in the default order. Never the sender (a signal the oncologist raised goes to the
    /// nurse coordinator, not back to him). Null when the team has nobody to own it.
    /// </summary>
    public static Guid? ChooseOwner(IEnumerable<(Guid ProfessionalId, CareTeamRole Role)> activeMembers, Guid? chosenOwner, Guid senderId)
    {
        var members = activeMembers.Where(m => m.ProfessionalId != senderId && MayOwn(m.Role)).ToList();
        if (chosenOwner is { } chosen && members.Any(m => m.ProfessionalId == chosen)) return chosen;
        return FirstByRole(members, OwnerRoles, except: null);
    }

    /// <summary>Who a late item is escalated to: the referring physician, else another physician of the team; never its owner.</summary>
    public static Guid? EscalationTarget(IEnumerable<(Guid ProfessionalId, CareTeamRole Role)> activeMembers, Guid ownerId) =>
        FirstByRole(activeMembers.ToList(), EscalationRoles, except: ownerId);

    private static Guid? FirstByRole(List<(Guid ProfessionalId, CareTeamRole Role)> members, IReadOnlyList<CareTeamRole> order, Guid? except)
    {
        foreach (var role in order)
            foreach (var m in members)
                if (m.Role == role && m.ProfessionalId != except) return m.ProfessionalId;
        return null;
    }
}

/// <summary>
/// A care team's own choice of the owner of its inbound signals (<see cref="TeamSignals"/>), one per patient's
/// team; without it the default order applies. Changing it changes who owns the next signals, not those already queued.
/// </summary>
public sealed class SignalOwnerChoice
{
    private SignalOwnerChoice() { }

    public Guid PatientId { get; private set; }
    public Guid OwnerId { get; private set; }
    public Guid ChosenBy { get; private set; }
    public DateTimeOffset ChosenAt { get; private set; }

    public static SignalOwnerChoice Choose(Guid patientId, Guid ownerId, Guid by, DateTimeOffset now) =>
        new() { PatientId = patientId, OwnerId = ownerId, ChosenBy = by, ChosenAt = now };

    public void Change(Guid ownerId, Guid by, DateTimeOffset now)
    {
        OwnerId = ownerId;
        ChosenBy = by;
        ChosenAt = now;
    }
}
