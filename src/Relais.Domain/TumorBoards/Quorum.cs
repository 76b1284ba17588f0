using Relais.Domain.Professionals;

namespace Relais.Domain.TumorBoards;

public enum Presence { OnSite, Remote, Absent }

public sealed record Participant(Guid ProfessionalId, string Name, Specialty Specialty, Presence Presence);

public sealed record QuorumCheck(bool Reached, IReadOnlyList<Specialty> PresentSpecialties, IReadOnlyList<Specialty> MissingExpected, string Message);

/// <summary>
/// The RCP quorum [G][P]: at least three physicians of different specialties, present on site or
/// remotely — remote participation counts [C]. Without it, no decision.
/// </summary>
public static class Quorum
{
    public const int MinimumSpecialties = 3;

    /// <summary>Specialties of physicians; nurses, secretaries and other professionals attend but do not count.</summary>
    public static bool IsPhysicianSpecialty(Specialty s) => s is Specialty.MedicalOncology or Specialty.Radiotherapy or Specialty.Surgery
        or Specialty.Gynaecology or Specialty.Gastroenterology or Specialty.Pulmonology or Specialty.Urology or Specialty.Haematology
        or Specialty.Dermatology or Specialty.OtherOrganSpecialty or Specialty.Pathology or Specialty.Radiology or Specialty.NuclearMedicine
        or Specialty.Geriatrics or Specialty.Paediatrics or Specialty.GeneralPractice;

    public static QuorumCheck Check(IEnumerable<Participant> participants, IReadOnlyCollection<Specialty> expected)
    {
        var present = participants.Where(p => p.Presence != Presence.Absent && IsPhysicianSpecialty(p.Specialty))
            .Select(p => p.Specialty).Distinct().Order().ToList();
        var missing = expected.Where(e => !present.Contains(e)).Distinct().ToList();
        var reached = present.Count >= MinimumSpecialties;
        var message = reached
            ? $"Quorum atteint : {present.Count} spécialités médicales présentes ({string.Join(", ", present.Select(SpecialtyLabels.French))})."
            : $"Quorum non atteint : {present.Count} spécialité(s) médicale(s) présente(s)"
              + (present.Count > 0 ? $" ({string.Join(", ", present.Select(SpecialtyLabels.French))})" : "")
              + $", il en faut au moins {MinimumSpecialties} différentes."
              + (missing.Count > 0 ? $" Spécialités attendues absentes : {string.Join(", ", missing.Select(SpecialtyLabels.French))}." : "");
        return new QuorumCheck(reached, present, missing, message);
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
