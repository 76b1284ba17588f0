namespace Relais.Domain.Surveillance;

/// <summary>What is done at a planned item of the Carnet de Surveillance Alternée (PRODUCT.md §7).</summary>
public enum SurveillanceKind
{
    /// <summary>General state, breasts or treated site, lymph node areas, liver [B].</summary>
    ClinicalExam,
    /// <summary>The yearly gynaecological examination of breast follow-up [B].</summary>
    GynecologicalExam,
    Mammography,
    /// <summary>Breast ultrasound, "éventuellement selon type histologique" [B].</summary>
    BreastUltrasound,
    /// <summary>CA 15-3 assay, always in the same laboratory [B].</summary>
    Ca153,
    Psa,
    Cea,
    /// <summary>Thoraco-abdomino-pelvic CT scan.</summary>
    CtTap,
    Colonoscopy,
    /// <summary>The yearly visit with the radiotherapist for at least 5 years after radiotherapy [G].</summary>
    RadiotherapyVisit,
    /// <summary>Bone densitometry (DXA), a monitoring module's item under aromatase inhibitors (<see cref="ShippedModules"/>).</summary>
    BoneDensitometry,
    /// <summary>Echocardiography (left ventricular ejection fraction), after anthracyclines or under trastuzumab.</summary>
    Echocardiography,
    /// <summary>TSH assay, the thyroid after radiotherapy of the neck.</summary>
    Tsh,
    /// <summary>Breast MRI, the yearly imaging of BRCA carriers (<see cref="ShippedModules.Brca"/>).</summary>
    BreastMri,
    /// <summary>The screening mammography of the national breast programme, for the GP to prescribe (issue 16 point 4).</summary>
    ScreeningMammography,
    /// <summary>The faecal immunochemical test of the national colorectal programme.</summary>
    ColorectalScreeningTest,
    /// <summary>The cervical screening test (cytology, then HPV-HR) of the national programme.</summary>
    CervicalScreening,
}

/// <summary>Who performs a planned item (PRODUCT.md §7).</summary>
public enum Performer
{
    /// <summary>The patient's declared general practitioner (médecin traitant).</summary>
    Gp,
    Specialist,
    Radiotherapist,
    Lab,
    Imaging,
}

/// <summary>
/// The clinical situation a protocol follows: it chooses which early-return rules apply to the
/// markers (PSA ≥ 0.2 ng/mL after prostatectomy, nadir + 2 ng/mL after radiotherapy).
/// </summary>
public enum ProtocolKind
{
    Breast,
    Colorectal,
    Prostatectomy,
    ProstateRadiotherapy,
    /// <summary>
    /// Not a site's protocol: a monitoring module that a treatment adds to the carnet (issue 16 point 2, [G] §3 late
    /// effects), versioned and validated like a protocol, no early-return rule of its own, no radiotherapy option.
    /// </summary>
    MonitoringModule,
}

/// <summary>A protocol version is "à valider" until a specialist and a GP representative have both validated it [B].</summary>
public enum ProtocolStatus
{
    ToValidate,
    Validated,
}

/// <summary>Who validates a protocol version: "élaborés et validés en commun" by specialists and GPs [B].</summary>
public enum ValidatorRole
{
    Specialist,
    GeneralPractitioner,
}

/// <summary>
/// The stable kebab-case codes of the surveillance enums, used in protocol JSON, in the API and in
/// stored data. Parsing is exact (lower case), so a protocol file reads the same everywhere.
/// </summary>
public static class SurveillanceCodes
{
    private static readonly Dictionary<SurveillanceKind, string> KindCodes = new()
    {
        [SurveillanceKind.ClinicalExam] = "clinical-exam",
        [SurveillanceKind.GynecologicalExam] = "gynecological-exam",
        [SurveillanceKind.Mammography] = "mammography",
        [SurveillanceKind.BreastUltrasound] = "breast-ultrasound",
        [SurveillanceKind.Ca153] = "ca15-3",
        [SurveillanceKind.Psa] = "psa",
        [SurveillanceKind.Cea] = "cea",
        [SurveillanceKind.CtTap] = "ct-tap",
        [SurveillanceKind.Colonoscopy] = "colonoscopy",
        [SurveillanceKind.RadiotherapyVisit] = "radiotherapy-visit",
        [SurveillanceKind.BoneDensitometry] = "bone-densitometry",
        [SurveillanceKind.Echocardiography] = "echocardiography",
        [SurveillanceKind.Tsh] = "tsh",
        [SurveillanceKind.BreastMri] = "breast-mri",
        [SurveillanceKind.ScreeningMammography] = "screening-mammography",
        [SurveillanceKind.ColorectalScreeningTest] = "colorectal-screening-test",
        [SurveillanceKind.CervicalScreening] = "cervical-screening",
    };

    private static readonly Dictionary<Performer, string> PerformerCodes = new()
    {
        [Performer.Gp] = "gp",
        [Performer.Specialist] = "specialist",
        [Performer.Radiotherapist] = "radiotherapist",
        [Performer.Lab] = "lab",
        [Performer.Imaging] = "imaging",
    };

    private static readonly Dictionary<ProtocolKind, string> ProtocolKindCodes = new()
    {
        [ProtocolKind.Breast] = "breast",
        [ProtocolKind.Colorectal] = "colorectal",
        [ProtocolKind.Prostatectomy] = "prostatectomy",
        [ProtocolKind.ProstateRadiotherapy] = "prostate-radiotherapy",
        [ProtocolKind.MonitoringModule] = "monitoring-module",
    };

    public static string Code(this SurveillanceKind kind) => KindCodes[kind];

    public static string Code(this Performer performer) => PerformerCodes[performer];

    public static string Code(this ProtocolKind kind) => ProtocolKindCodes[kind];

    public static ProtocolKind ParseProtocolKind(string code) => ProtocolKindCodes.Single(k => k.Value == code).Key;

    public static string Code(this ProtocolStatus status) => status == ProtocolStatus.Validated ? "validated" : "to-validate";

    public static string Code(this ValidatorRole role) => role == ValidatorRole.Specialist ? "specialist" : "gp";

    public static IReadOnlyList<string> KindCodesInOrder { get; } = [.. KindCodes.Values];

    public static IReadOnlyList<string> PerformerCodesInOrder { get; } = [.. PerformerCodes.Values];

    public static IReadOnlyList<string> ProtocolKindCodesInOrder { get; } = [.. ProtocolKindCodes.Values];

    public static bool TryParseKind(string? code, out SurveillanceKind kind) => TryParse(KindCodes, code, out kind);

    public static bool TryParsePerformer(string? code, out Performer performer) => TryParse(PerformerCodes, code, out performer);

    public static bool TryParseProtocolKind(string? code, out ProtocolKind kind) => TryParse(ProtocolKindCodes, code, out kind);

    /// <summary>French label for screens and the printed carnet.</summary>
    public static string Label(this SurveillanceKind kind) => kind switch
    {
        SurveillanceKind.ClinicalExam => "Examen clinique",
        SurveillanceKind.GynecologicalExam => "Examen gynécologique",
        SurveillanceKind.Mammography => "Mammographie",
        SurveillanceKind.BreastUltrasound => "Échographie mammaire",
        SurveillanceKind.Ca153 => "Dosage du CA 15-3",
        SurveillanceKind.Psa => "Dosage du PSA",
        SurveillanceKind.Cea => "Dosage de l'ACE",
        SurveillanceKind.CtTap => "Scanner thoraco-abdomino-pelvien",
        SurveillanceKind.Colonoscopy => "Coloscopie",
        SurveillanceKind.BoneDensitometry => "Ostéodensitométrie",
        SurveillanceKind.Echocardiography => "Échographie cardiaque (FEVG)",
        SurveillanceKind.Tsh => "Dosage de la TSH",
        SurveillanceKind.BreastMri => "IRM mammaire",
        SurveillanceKind.ScreeningMammography => "Mammographie de dépistage organisé",
        SurveillanceKind.ColorectalScreeningTest => "Test de dépistage du cancer colorectal",
        SurveillanceKind.CervicalScreening => "Dépistage du cancer du col de l'utérus",
        _ => "Consultation de radiothérapie",
    };

    /// <summary>French label for screens and the printed carnet.</summary>
    public static string Label(this Performer performer) => performer switch
    {
        Performer.Gp => "Médecin traitant",
        Performer.Specialist => "Médecin spécialiste",
        Performer.Radiotherapist => "Radiothérapeute",
        Performer.Lab => "Laboratoire",
        _ => "Imagerie",
    };

    private static bool TryParse<T>(Dictionary<T, string> codes, string? code, out T value) where T : struct, Enum
    {
        foreach (var (key, text) in codes)
        {
            if (string.Equals(text, code, StringComparison.Ordinal))
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
