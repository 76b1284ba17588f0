namespace Relais.Domain.Patients;

/// <summary>Why a care-team change is refused: not this actor's to make (a capability refusal), or it would break the team (invalid input).</summary>
public enum CareTeamChangeRefusal
{
    None,
    NotYoursToEnd,
    LastReferringPhysician,
}

/// <summary>
/// Who changes a care team (issue 11, from PRODUCT.md §2 and [G] 2: the referring physician and the nurse
/// coordinator coordinate the team; the GP is declared by the patient).
/// </summary>
public static class CareTeamChanges
{
    /// <summary>The care-team roles that coordinate the team and so may end another member's participation.</summary>
    public static bool Coordinates(CareTeamRole role) => role is CareTeamRole.ReferringOncologist or CareTeamRole.NurseCoordinator;

    /// <summary>
    /// Whether <paramref name="actorId"/> may end <paramref name="target"/> on <paramref name="lastDay"/>, deciding on
    /// <paramref name="today"/>: members
    /// end their own membership; the referring physician or the nurse coordinator end others'; and the team is never
    /// left without a referring hospital physician once it has one (the pathway's decisions and signals go to him).
    /// </summary>
    public static CareTeamChangeRefusal RefusalToEnd(Guid actorId, CareTeamMember target, IReadOnlyCollection<CareTeamMember> team, DateOnly lastDay, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(team);
        var own = target.ProfessionalId == actorId;
        if (!own && !team.Any(m => m.ProfessionalId == actorId && Coordinates(m.Role) && m.IsActiveNow(today)))
            return CareTeamChangeRefusal.NotYoursToEnd;
        var after = lastDay.AddDays(1);
        if (target.Role == CareTeamRole.ReferringOncologist && target.IsActiveOn(after)
            && !team.Any(m => m.Id != target.Id && m.Role == CareTeamRole.ReferringOncologist && m.IsActiveOn(after)))
            return CareTeamChangeRefusal.LastReferringPhysician;
        return CareTeamChangeRefusal.None;
    }

    public const string LastReferringMessage = "L'équipe de soins ne peut pas rester sans médecin hospitalier référent : ajoutez d'abord son successeur.";

    /// <summary>
    /// The declared GP is the patient's choice [G] (médecin traitant déclaré à l'Assurance maladie): changed or
    /// removed by the patient, or by a professional who records the patient's agreement.
    /// </summary>
    public static void EnsureGpChangeAgreed(Guid? previous, Guid? next, bool byThePatient, string? agreement)
    {
        if (previous is null || previous == next || byThePatient) return;
        var text = agreement?.Trim() ?? "";
        if (text.Length < 5)
            throw new DomainValidationException("gpChangeAgreement",
                "Le médecin traitant déclaré est le choix du patient : indiquez comment le patient a donné son accord à ce changement.");
        if (text.Length > 500)
            throw new DomainValidationException("gpChangeAgreement", "L'accord du patient est limité à 500 caractères.");
    }
}
