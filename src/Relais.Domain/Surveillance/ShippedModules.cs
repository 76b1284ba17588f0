using Relais.Domain.Alerts;
using Relais.Domain.ContinuingTreatments;
using static Relais.Domain.Surveillance.Performer;
using static Relais.Domain.Surveillance.SurveillanceKind;

namespace Relais.Domain.Surveillance;

/// <summary>Which module a class of treatment adds, and whether its items stop with the treatment or follow late effects.</summary>
/// <param name="WhileTreated">The module watches an effect of the drug while it is taken (bone, uterus): its items end
/// with the planned duration. Otherwise it watches a late effect and runs its own course.</param>
public sealed record ModuleTrigger(TreatmentClass Class, string ModuleCode, bool WhileTreated);

/// <summary>
/// The monitoring modules Relais ships (issue 16 point 2), version 1, "à valider" like the shipped protocols: the
/// follow-up a treatment adds to the carnet for its late effects. [G] §3.5 asks the team to pass on "les
/// complications les plus fréquentes, même tardives" and the GP to look for them, and points to the INCa guides for
/// which ones; the rhythms below are the defaults of French practice [R], each line with its source, for the
/// specialists and GPs to validate or revise like any protocol.
/// </summary>
public static class ShippedModules
{
    private const string G = "[G] §3.5 : rechercher les effets indésirables tardifs et les séquelles liés au traitement";
    private static readonly IReadOnlyList<string> Authors = ["Relais : proposition par défaut, à valider par les spécialistes et les médecins généralistes"];

    /// <summary>Late effects are followed for ten years unless the module's schedule ends sooner.</summary>
    public const int LateEffectHorizonMonths = 120;

    private static ProtocolDefinition Module(string code, string title, params ProtocolItem[] items) =>
        new(code, 1, title, ProtocolKind.MonitoringModule, Authors, items, Schedule.None, new EarlyReturnThresholds());

    public static ProtocolDefinition AromataseInhibitor { get; } = Module("module-aromatase-inhibitor", "Suivi osseux sous inhibiteur de l'aromatase",
        new ProtocolItem(BoneDensitometry, Imaging, Schedule.Months(1).Then(24, 24),
            "[R] Ostéodensitométrie à l'instauration de l'inhibiteur de l'aromatase (perte osseuse, risque de fracture), puis tous les 2 ans sous traitement ; " + G));

    public static ProtocolDefinition Tamoxifen { get; } = Module("module-tamoxifen", "Suivi gynécologique sous tamoxifène",
        new ProtocolItem(GynecologicalExam, Gp, Schedule.Every(12, 12),
            "[R] Examen gynécologique annuel sous tamoxifène, et exploration de tout saignement utérin (risque de cancer de l'endomètre) ; " + G));

    public static ProtocolDefinition Cardiac { get; } = Module("module-cardiac", "Suivi cardiaque après anthracyclines ou sous trastuzumab",
        new ProtocolItem(Echocardiography, Specialist, new Schedule([24, 60], [new Recurrence(3, 3, 12)]),
            "[R] Fraction d'éjection ventriculaire gauche par échographie tous les 3 mois la première année, puis à 2 et 5 ans (cardiotoxicité des anthracyclines et du trastuzumab) ; " + G));

    public static ProtocolDefinition Thyroid { get; } = Module("module-neck-radiotherapy", "Suivi thyroïdien après radiothérapie cervicale",
        new ProtocolItem(Tsh, Lab, Schedule.Every(12, 12),
            "[R] Dosage annuel de la TSH après irradiation du cou (hypothyroïdie radio-induite, parfois des années après) ; " + G));

    // The seeds give no rhythm for the carriers of a predisposition: [G] §1.1 only says that "la décision est ensuite
    // fondée avec l'accord du patient sur la surveillance et/ou la chirurgie prophylactique, adaptée aux différents risques
    // tumoraux associés à l'altération génétique identifiée". The rhythms below are those of the INCa recommendations [R],
    // to be validated like every module.
    private const string Genetic = "[G] §1.1 : « la surveillance ... adaptée aux différents risques tumoraux associés à l'altération génétique identifiée » (rythme non précisé par [G], à valider)";

    public static ProtocolDefinition Brca { get; } = Module("module-brca", "Surveillance des porteuses d'une mutation BRCA1 ou BRCA2",
        new ProtocolItem(ClinicalExam, Gp, Schedule.Every(6, 6),
            "[R] Examen clinique mammaire tous les 6 mois chez les porteuses d'une mutation BRCA1/2 ; " + Genetic),
        new ProtocolItem(BreastMri, Imaging, Schedule.Every(12, 12),
            "[R] IRM mammaire annuelle chez les porteuses d'une mutation BRCA1/2 ; " + Genetic),
        new ProtocolItem(Mammography, Imaging, Schedule.Every(12, 12),
            "[R] Mammographie annuelle, avec l'IRM, chez les porteuses d'une mutation BRCA1/2 ; " + Genetic));

    public static ProtocolDefinition Lynch { get; } = Module("module-lynch", "Surveillance du syndrome de Lynch",
        new ProtocolItem(Colonoscopy, Specialist, Schedule.Every(24, 24),
            "[R] Coloscopie tous les 2 ans dans le syndrome de Lynch (risque de cancer colorectal) ; " + Genetic));

    public static IReadOnlyList<ProtocolDefinition> All { get; } = [AromataseInhibitor, Tamoxifen, Cardiac, Thyroid, Brca, Lynch];

    /// <summary>The classes of treatment that add a module; the others add none.</summary>
    public static IReadOnlyList<ModuleTrigger> Triggers { get; } =
    [
        new(TreatmentClass.AromataseInhibitor, AromataseInhibitor.Code, WhileTreated: true),
        new(TreatmentClass.Tamoxifen, Tamoxifen.Code, WhileTreated: true),
        new(TreatmentClass.Anthracycline, Cardiac.Code, WhileTreated: false),
        new(TreatmentClass.Trastuzumab, Cardiac.Code, WhileTreated: false),
        new(TreatmentClass.NeckRadiotherapy, Thyroid.Code, WhileTreated: false),
    ];

    public static ModuleTrigger? For(TreatmentClass treatmentClass) => Triggers.FirstOrDefault(t => t.Class == treatmentClass);

    /// <summary>How far the module plans: to the planned stop of a drug it watches while taken, else its late-effect horizon.</summary>
    public static int HorizonMonths(ModuleTrigger trigger, int? plannedMonths)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return trigger.WhileTreated && plannedMonths is { } m ? m : LateEffectHorizonMonths;
    }

    /// <summary>The shipped modules as new versions to validate, ready to be stored.</summary>
    public static IReadOnlyList<SurveillanceProtocol> CreateDrafts(DateTimeOffset now) => [.. All.Select(d => SurveillanceProtocol.Draft(d, now))];
}
