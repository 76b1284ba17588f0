using Relais.Domain.Alerts;
using static Relais.Domain.Surveillance.Performer;
using static Relais.Domain.Surveillance.SurveillanceKind;

namespace Relais.Domain.Surveillance;

/// <summary>
/// The protocols Relais ships, version 1, "à valider" like any protocol: the seeds name colon-rectum,
/// prostate and breast as the sites of shared follow-up [B]. The tables are those of PRODUCT.md §7.
/// </summary>
public static class ShippedProtocols
{
    private static readonly Schedule RadiotherapyYearlyForFiveYears = Schedule.Months(12, 24, 36, 48, 60);

    public static ProtocolDefinition Breast { get; } = new(
        "breast", 1, "Cancer du sein", ProtocolKind.Breast,
        ["Centre Henri Becquerel et médecins généralistes (Carnet de Surveillance Alternée)"],
        [
            // [B]: "examen à 3 mois par le médecin généraliste et le médecin spécialiste".
            new(ClinicalExam, [Gp, Specialist], Schedule.Months(3)),
            // [B]: every 6 months for 5 years alternating; the seed's table puts the hospital visit at month 6.
            new(ClinicalExam, Specialist, Schedule.Months(6, 18, 30, 42, 54)),
            // [B]: "au-delà de 5 ans : examen tous les 6 mois par MTt".
            new(ClinicalExam, Gp, Schedule.Months(12, 24, 36, 48, 60).Then(6, 66)),
            // [B]: "examen gynécologique annuel".
            new(GynecologicalExam, Gp, Schedule.Every(12, 12)),
            // [B]: "1er examen à 6 mois après la fin du traitement, puis une fois par an".
            new(Mammography, Imaging, Schedule.Every(12, 6)),
            // [B]: CA 15-3 every 6 months for 2 years, then yearly (the printed table's reading, every 6 months to 54, is another version).
            new(Ca153, Lab, Schedule.Months(6, 12, 18, 24).Then(12, 36)),
        ],
        RadiotherapyYearlyForFiveYears,
        new EarlyReturnThresholds());

    private static readonly Schedule ColorectalVisits = Schedule.Every(3, 3, 36).Then(6, 42, 60);

    public static ProtocolDefinition Colorectal { get; } = new(
        "colorectal", 1, "Cancer colorectal", ProtocolKind.Colorectal,
        ["Relais : proposition par défaut, à valider par les spécialistes et les médecins généralistes"],
        [
            // [R]: the clinical visits alternate, the specialist first, across both rhythms.
            new(ClinicalExam, [Specialist, Gp], ColorectalVisits, Alternate: true),
            new(Cea, Lab, ColorectalVisits),
            new(CtTap, Imaging, Schedule.Every(6, 6, 60)),
            // [R]: colonoscopy at 3 years, then every 5 years.
            new(Colonoscopy, Specialist, Schedule.Every(60, 36)),
        ],
        RadiotherapyYearlyForFiveYears,
        new EarlyReturnThresholds());

    private static readonly Schedule ProstateVisits = Schedule.Months(3).Then(6, 6, 36).Then(12, 48);

    public static ProtocolDefinition ProstateProstatectomy { get; } = new(
        "prostate-prostatectomy", 1, "Cancer de la prostate, après prostatectomie totale", ProtocolKind.Prostatectomy,
        ["Relais : proposition par défaut, à valider par les spécialistes et les médecins généralistes"],
        [
            new(Psa, Lab, ProstateVisits),
            // [R]: the clinical visits alternate, the specialist first, on the months of the PSA.
            new(ClinicalExam, [Specialist, Gp], ProstateVisits, Alternate: true),
        ],
        RadiotherapyYearlyForFiveYears,
        new EarlyReturnThresholds());

    public static ProtocolDefinition ProstateRadiotherapy { get; } = ProstateProstatectomy with
    {
        Code = "prostate-radiotherapy",
        Title = "Cancer de la prostate, après radiothérapie",
        Kind = ProtocolKind.ProstateRadiotherapy,
    };

    public static IReadOnlyList<ProtocolDefinition> All { get; } = [Breast, Colorectal, ProstateProstatectomy, ProstateRadiotherapy];

    /// <summary>The shipped protocols as new versions to validate, ready to be stored.</summary>
    public static IReadOnlyList<SurveillanceProtocol> CreateDrafts(DateTimeOffset now) => [.. All.Select(d => SurveillanceProtocol.Draft(d, now))];
}
