namespace Relais.Domain.Pathways;

/// <summary>
/// Which phase an episode may move to from which (PRODUCT.md §3). A transition is a recorded
/// pathway event, so a step that is not clinically meaningful is refused rather than recorded.
/// </summary>
public static class PathwayTransitions
{
    /// <summary>
    /// Death, a move away from the care teams, or a patient lost to follow-up can end the pathway
    /// from any phase that has not already ended (PRODUCT.md §3, phase 8).
    /// </summary>
    private static readonly PathwayPhase[] Exits =
        [PathwayPhase.Deceased, PathwayPhase.MovedAway, PathwayPhase.LostToFollowUp];

    private static readonly Dictionary<PathwayPhase, PathwayPhase[]> ClinicalNext = new()
    {
        // [G] 1.1: examinations either confirm the cancer (pathology, or biology for
        // haematological malignancies) or rule it out.
        [PathwayPhase.Suspicion] = [PathwayPhase.DiagnosisConfirmed, PathwayPhase.RuledOut],

        // [G] 1.2–1.3: the announcement may come before or after the RCP; every case is at least
        // registered in RCP ("le dossier est alors uniquement enregistré en RCP") before treatment.
        [PathwayPhase.DiagnosisConfirmed] = [PathwayPhase.Announcement, PathwayPhase.TumorBoard],

        // [G] 1.2: the PPS follows the announcement consultations and formalises the treatment
        // proposal "définie en RCP"; a proposal not yet made goes to RCP first.
        [PathwayPhase.Announcement] = [PathwayPhase.TumorBoard, PathwayPhase.CareProgramme],

        // [G] 1.3: the RCP proposal is then announced to the patient, or written into the PPS
        // when the announcement already took place.
        [PathwayPhase.TumorBoard] = [PathwayPhase.Announcement, PathwayPhase.CareProgramme],

        // [G] 1.2: the PPS leads to treatment; a new element before treatment sends the case
        // back to RCP.
        [PathwayPhase.CareProgramme] = [PathwayPhase.ActiveTreatment, PathwayPhase.TumorBoard],

        // [G] 2, [P]: treatment ends with the formal end-of-treatment time; progression or a
        // change of strategy goes back to RCP; the disease may turn palliative [G] 2.6.
        [PathwayPhase.ActiveTreatment] =
            [PathwayPhase.EndOfTreatment, PathwayPhase.TumorBoard, PathwayPhase.Palliative],

        // [G] 3.4–3.5, [P]: the end of treatment hands the baton to the GP, who shares the
        // follow-up with the specialist.
        [PathwayPhase.EndOfTreatment] = [PathwayPhase.SharedFollowUp],

        // [G] 3.3, [B]: "la stratégie thérapeutique en situation de récidive est discutée en RCP";
        // when surveillance ends the patient is in after-cancer [L].
        [PathwayPhase.SharedFollowUp] =
            [PathwayPhase.AfterCancer, PathwayPhase.TumorBoard, PathwayPhase.Palliative],

        // [G] 3.3: a late recurrence also goes back to RCP.
        [PathwayPhase.AfterCancer] = [PathwayPhase.TumorBoard, PathwayPhase.Palliative],

        // [G] 2.6: palliative care continues until the pathway ends; carcinological treatments
        // given in that phase are part of it, not a return to the curative pathway.
        [PathwayPhase.Palliative] = [],
    };

    private static readonly Dictionary<PathwayPhase, IReadOnlyList<PathwayPhase>> Allowed =
        Enum.GetValues<PathwayPhase>().ToDictionary(
            phase => phase,
            phase => (IReadOnlyList<PathwayPhase>)(IsTerminal(phase)
                ? []
                : ClinicalNext[phase].Concat(Exits).ToArray().AsReadOnly()));

    /// <summary>
    /// A patient who died or moved away from the care teams leaves the active lists (home pages, worklists,
    /// call lists): nothing there is still to be done for them by this team (issue 14, point 5; PRODUCT.md §3,
    /// phase 8). A patient lost to follow-up stays: the team is still trying to reach them, and a ruled-out
    /// suspicion ends one episode, not the patient's care.
    /// </summary>
    public static bool HasLeftCare(PathwayPhase phase) => phase is PathwayPhase.Deceased or PathwayPhase.MovedAway;

    /// <summary><see cref="HasLeftCare"/> as a query the database runs (the one definition the lists use).</summary>
    public static System.Linq.Expressions.Expression<Func<Episodes.CancerEpisode, bool>> LeftCare =>
        e => e.Phase == PathwayPhase.Deceased || e.Phase == PathwayPhase.MovedAway;

    public static bool IsTerminal(PathwayPhase phase) =>
        phase is PathwayPhase.Deceased or PathwayPhase.MovedAway or PathwayPhase.LostToFollowUp or PathwayPhase.RuledOut;

    public static IReadOnlyList<PathwayPhase> AllowedFrom(PathwayPhase from) =>
        Allowed.TryGetValue(from, out var next) ? next : [];

    public static bool IsAllowed(PathwayPhase from, PathwayPhase to) => AllowedFrom(from).Contains(to);

    /// <summary>
    /// Phases that have their own use case, because reaching them means something was done: "PPS remis"
    /// is a PPS written and given [G] 1.2; the end of treatment and the shared follow-up are the PPAC,
    /// the enrolment on a surveillance protocol and the carnet [G] 3.4–3.5. The generic step form
    /// cannot set them by hand, or the pathway would claim a PPS or a PPAC that does not exist.
    /// </summary>
    public static string? OwnUseCase(PathwayPhase to) => to switch
    {
        PathwayPhase.CareProgramme => "la rédaction du PPS (page « PPS » du patient, POST /api/patients/{id}/programmes/pps)",
        PathwayPhase.EndOfTreatment or PathwayPhase.SharedFollowUp =>
            "la fin de traitement, qui émet le PPAC et le carnet de suivi (page « Fin de traitement », POST /api/patients/{id}/end-of-treatment)",
        _ => null,
    };

    /// <summary>The next phases a user may record by hand: the allowed ones without a use case of their own.</summary>
    public static IReadOnlyList<PathwayPhase> ManualFrom(PathwayPhase from) =>
        AllowedFrom(from).Where(to => OwnUseCase(to) is null).ToList();

    /// <summary>A step recorded by hand: allowed by the pathway, and not one of the phases with their own use case.</summary>
    public static void EnsureManualAllowed(PathwayPhase from, PathwayPhase to)
    {
        if (OwnUseCase(to) is { } useCase)
            throw new DomainValidationException("to", $"La phase « {FrenchName(to)} » ne s'enregistre pas à la main : passez par {useCase}.");
        EnsureAllowed(from, to);
    }

    public static void EnsureAllowed(PathwayPhase from, PathwayPhase to)
    {
        if (!IsAllowed(from, to))
        {
            throw new DomainValidationException(
                "to",
                $"Le parcours ne peut pas passer de la phase « {FrenchName(from)} » à la phase « {FrenchName(to)} ».");
        }
    }

    private static string FrenchName(PathwayPhase phase) => phase switch
    {
        PathwayPhase.Suspicion => "suspicion",
        PathwayPhase.DiagnosisConfirmed => "diagnostic confirmé",
        PathwayPhase.Announcement => "annonce",
        PathwayPhase.TumorBoard => "RCP",
        PathwayPhase.CareProgramme => "programme personnalisé de soins",
        PathwayPhase.ActiveTreatment => "traitement actif",
        PathwayPhase.EndOfTreatment => "fin de traitement",
        PathwayPhase.SharedFollowUp => "suivi partagé",
        PathwayPhase.AfterCancer => "après-cancer",
        PathwayPhase.Palliative => "soins palliatifs",
        PathwayPhase.Deceased => "décédé",
        PathwayPhase.MovedAway => "parti",
        PathwayPhase.LostToFollowUp => "perdu de vue",
        PathwayPhase.RuledOut => "diagnostic écarté",
        _ => phase.ToString(),
    };
}
