using Relais.Domain.Professionals;

namespace Relais.Domain.TumorBoards;

public enum Presence { OnSite, Remote, Absent }

public sealed record Participant(Guid ProfessionalId, string Name, Specialty Specialty, Presence Presence);

/// <summary>
/// The quorum of a meeting: the decision specialties present, those the board expects and miss, and the
/// participants shown as present who do not count (the invited GP, nurses, secretaries...).
/// </summary>
public sealed record QuorumCheck(bool Reached, IReadOnlyList<Specialty> PresentSpecialties, IReadOnlyList<Specialty> MissingExpected, string Message,
    IReadOnlyList<string> PresentNotCounted);

/// <summary>
/// The RCP quorum [G] 1.3 "un nombre minimum de trois médecins de spécialités différentes jugées nécessaires
/// pour prendre la décision médicale" [P]: at least three physicians of different decision specialties — the
/// board's own when it lists them —, present on site or remotely (remote participation counts [C]). Without
/// it, no decision. The GP is invited and contributes [G] 1.3, but is not one of the specialties that decide.
/// </summary>
public static class Quorum
{
    public const int MinimumSpecialties = 3;

    /// <summary>Specialties of physicians; nurses, secretaries and other professionals attend but do not count.</summary>
    public static bool IsPhysicianSpecialty(Specialty s) => s is Specialty.MedicalOncology or Specialty.Radiotherapy or Specialty.Surgery
        or Specialty.Gynaecology or Specialty.Gastroenterology or Specialty.Pulmonology or Specialty.Urology or Specialty.Haematology
        or Specialty.Dermatology or Specialty.OtherOrganSpecialty or Specialty.Pathology or Specialty.Radiology or Specialty.NuclearMedicine
        or Specialty.Geriatrics or Specialty.Paediatrics or Specialty.GeneralPractice;

    /// <summary>
    /// The specialties that may take the RCP decision [G] 1.3 (organ specialist, surgeon, medical oncologist,
    /// radiotherapist, pathologist...): every physician specialty but general practice — the GP is informed,
    /// invited and contributes, he does not decide.
    /// </summary>
    public static bool IsDecisionSpecialty(Specialty s) => IsPhysicianSpecialty(s) && s != Specialty.GeneralPractice;

    /// <summary>
    /// Whether a physician of this specialty counts toward the quorum of a board with these decision
    /// specialties: one the board names, or any decision specialty when the board names none.
    /// </summary>
    /// <summary>The professional attends (on site or remotely) as a physician of a decision specialty: who may record a discussed case's decision [G] 1.3.</summary>
    public static bool AttendsAsDecider(IEnumerable<Participant> participants, Guid professionalId, IReadOnlyCollection<Specialty> decisionSpecialties) =>
        participants.Any(p => p.ProfessionalId == professionalId && p.Presence != Presence.Absent && Counts(p.Specialty, decisionSpecialties));

    public static bool Counts(Specialty s, IReadOnlyCollection<Specialty> decisionSpecialties) =>
        IsDecisionSpecialty(s) && (decisionSpecialties.Count == 0 || decisionSpecialties.Contains(s));

    public static QuorumCheck Check(IEnumerable<Participant> participants, IReadOnlyCollection<Specialty> expected)
    {
        var attending = participants.Where(p => p.Presence != Presence.Absent).ToList();
        var present = attending.Where(p => Counts(p.Specialty, expected)).Select(p => p.Specialty).Distinct().Order().ToList();
        var notCounted = attending.Where(p => !Counts(p.Specialty, expected)).Select(p => $"{p.Name} ({SpecialtyLabels.French(p.Specialty)})").ToList();
        var missing = expected.Where(e => !present.Contains(e)).Distinct().ToList();
        var reached = present.Count >= MinimumSpecialties;
        var message = reached
            ? $"Quorum atteint : {present.Count} spécialités médicales présentes ({string.Join(", ", present.Select(SpecialtyLabels.French))})."
            : $"Quorum non atteint : {present.Count} spécialité(s) médicale(s) présente(s)"
              + (present.Count > 0 ? $" ({string.Join(", ", present.Select(SpecialtyLabels.French))})" : "")
              + $", il en faut au moins {MinimumSpecialties} différentes."
              + (missing.Count > 0 ? $" Spécialités attendues absentes : {string.Join(", ", missing.Select(SpecialtyLabels.French))}." : "");
        if (notCounted.Count > 0) message += $" Présents sans compter pour le quorum : {string.Join(", ", notCounted)}.";
        return new QuorumCheck(reached, present, missing, message, notCounted);
    }
}

public static class SpecialtyLabels
{
    public static string French(Specialty s) => s switch
    {
        Specialty.MedicalOncology => "oncologie médicale",
        Specialty.Radiotherapy => "radiothérapie",
        Specialty.Surgery => "chirurgie",
        Specialty.Gynaecology => "gynécologie",
        Specialty.Gastroenterology => "gastro-entérologie",
        Specialty.Pulmonology => "pneumologie",
        Specialty.Urology => "urologie",
        Specialty.Haematology => "hématologie",
        Specialty.Dermatology => "dermatologie",
        Specialty.OtherOrganSpecialty => "autre spécialité d'organe",
        Specialty.Pathology => "anatomopathologie",
        Specialty.Radiology => "radiologie",
        Specialty.NuclearMedicine => "médecine nucléaire",
        Specialty.Geriatrics => "gériatrie",
        Specialty.Paediatrics => "pédiatrie",
        Specialty.GeneralPractice => "médecine générale",
        Specialty.Nursing => "soins infirmiers",
        Specialty.Psychology => "psychologie",
        Specialty.Dietetics => "diététique",
        Specialty.AdaptedPhysicalActivity => "activité physique adaptée",
        Specialty.Physiotherapy => "kinésithérapie",
        Specialty.SocialWork => "service social",
        Specialty.Pharmacy => "pharmacie",
        Specialty.Administration => "secrétariat",
        _ => "non renseignée",
    };
}
