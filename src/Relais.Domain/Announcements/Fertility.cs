using Relais.Domain.Patients;
using Relais.Domain.Programmes;

namespace Relais.Domain.Announcements;

/// <summary>
/// Reproductive age, by sex, adolescents included [G] 4 "patients en âge de procréer", [P] objective 8
/// (children and adolescents). Configurable; the defaults: from 10, the start of adolescence (WHO), since
/// puberty and preservation techniques (sperm, oocytes, gonadal tissue) concern adolescents; women up to 49,
/// the WHO's "women of reproductive age" (15–49); men up to 59, as French law lets a man's gametes be used
/// in assisted reproduction until his 60th birthday (décret n° 2021-1933 du 30 décembre 2021).
/// </summary>
public sealed record FertilityAgeBounds(int From, int To)
{
    public static readonly FertilityAgeBounds Female = new(10, 49);
    public static readonly FertilityAgeBounds Male = new(10, 59);

    /// <summary>The default bounds of a sex; a sex other or unknown takes the widest, so nobody is missed.</summary>
    public static FertilityAgeBounds For(Sex sex) => sex switch
    {
        Sex.Female => Female,
        Sex.Male => Male,
        _ => new(Math.Min(Female.From, Male.From), Math.Max(Female.To, Male.To)),
    };

    public bool Contains(int age) => age >= From && age <= To;
}

/// <summary>The oncofertility referral: proposed, accepted or declined by the patient, referred to the centre, done [G] 4.</summary>
public enum FertilityReferral { NotProposed, Proposed, Accepted, Declined, Referred, Done }

/// <summary>
/// Fertility before it is too late [G] 4 "Penser à la préservation de la fertilité": a preservation adapted to
/// the patient, the disease and the treatments is proposed — through the CECOS or a fertility preservation
/// platform — before the treatment starts, without delaying it.
/// </summary>
public static class Fertility
{
    /// <summary>
    /// Treatments that may harm fertility (Agence de la biomédecine – INCa, « Conséquences des traitements des
    /// cancers et préservation de la fertilité », 2012): chemotherapy, radiotherapy (pelvic, total body or
    /// cranial fields), and oral anticancer drugs taken at home, mostly chemotherapy or targeted drugs. Surgery,
    /// hormone therapy and immunotherapy are not counted by their kind alone.
    /// </summary>
    public static bool MayBeGonadotoxic(TreatmentKind kind) =>
        kind is TreatmentKind.Chemotherapy or TreatmentKind.Radiotherapy or TreatmentKind.OralAtHome;

    public static IReadOnlyList<FertilityReferral> NextSteps(FertilityReferral from) => from switch
    {
        FertilityReferral.NotProposed => [FertilityReferral.Proposed],
        FertilityReferral.Proposed => [FertilityReferral.Accepted, FertilityReferral.Declined],
        FertilityReferral.Accepted => [FertilityReferral.Referred],
        FertilityReferral.Referred => [FertilityReferral.Done],
        FertilityReferral.Declined => [FertilityReferral.Proposed],
        _ => [],
    };

    /// <summary>
    /// The warning a prescriber gets when starting a treatment that may be gonadotoxic for a patient of
    /// reproductive age to whom no preservation was proposed; null when there is nothing to warn of.
    /// </summary>
    public static string? WarningBeforeTreatment(TreatmentKind kind, int age, FertilityAgeBounds bounds, FertilityReferral referral) =>
        MayBeGonadotoxic(kind) && bounds.Contains(age) && referral == FertilityReferral.NotProposed
            ? $"Traitement potentiellement gonadotoxique chez un patient de {age} ans, en âge de procréer : la préservation de la fertilité "
              + "(CECOS, plateforme de préservation) n'a pas été proposée. Proposez-la avant de commencer ; elle peut se faire sans retarder le traitement."
            : null;

    public static string Label(FertilityReferral step) => step switch
    {
        FertilityReferral.NotProposed => "non proposée",
        FertilityReferral.Proposed => "proposée",
        FertilityReferral.Accepted => "acceptée par le patient",
        FertilityReferral.Declined => "refusée par le patient",
        FertilityReferral.Referred => "adressé au centre",
        FertilityReferral.Done => "préservation réalisée",
        _ => step.ToString(),
    };
}
