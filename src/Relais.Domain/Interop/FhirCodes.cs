using Relais.Domain.Alerts;
using Relais.Domain.Episodes;
using Relais.Domain.Patients;

namespace Relais.Domain.Interop;

/// <summary>
/// The code systems and codes Relais speaks in FHIR R4 (issue 17), with their sources: FR Core (ANS, INS-NIR and
/// identity reliability), mCODE STU4 (primary cancer condition, TNM, ECOG), LOINC for the tumour markers. The
/// SNOMED CT tables hold only codes checked against the published mCODE examples; a value they do not hold travels
/// as text, never as a guessed code.
/// </summary>
public static class FhirCodes
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string IcdO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>FR Core: INS-NIR of a real person, and of a test identity (<see cref="InsOids"/>).</summary>
    public const string InsNirSystem = "urn:oid:" + InsOids.Nir;
    public const string InsNirTestSystem = "urn:oid:" + InsOids.NirTest;
    public const string FrCoreIdentifierType = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203";
    public const string FrCoreIdentityReliability = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability";
    public const string FrCoreIdentityStatus = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status";
    public const string FrCorePatientIns = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-ins";
    public const string FrCorePractitioner = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-practitioner";
    /// <summary>The RPPS number as FR Core names it (and the IDNPS, "8" + RPPS, under the ANS OID).</summary>
    public const string RppsSystem = "https://rpps.esante.gouv.fr";
    public const string IdnpsSystem = "urn:oid:1.2.250.1.71.4.2.1";

    public const string McodePrimaryCancerCondition = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition";
    public const string McodeHistology = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior";
    public const string McodeLaterality = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier";
    public const string McodeTumorMarker = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tumor-marker-test";
    public const string McodeEcog = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-ecog-performance-status";
    public const string McodeTnmStageGroup = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tnm-stage-group";
    public const string McodeTnmPrimaryTumor = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tnm-primary-tumor-category";
    public const string McodeTnmRegionalNodes = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tnm-regional-nodes-category";
    public const string McodeTnmDistantMetastases = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tnm-distant-metastases-category";

    /// <summary>LOINC 89247-1, ECOG performance status score (mCODE).</summary>
    public const string EcogLoinc = "89247-1";

    /// <summary>Whether a system names an INS-NIR (real or test identity).</summary>
    public static bool IsInsSystem(string? system) => system is InsNirSystem or InsNirTestSystem;

    /// <summary>FR Core identity status (fr-core-cs-identity-status) of an RNIV status: PROV, RECUP, VALI, QUAL.</summary>
    public static string IdentityStatusCode(IdentityStatus status) => status switch
    {
        IdentityStatus.Qualified => "QUAL",
        IdentityStatus.Validated => "VALI",
        IdentityStatus.Recovered => "RECUP",
        _ => "PROV",
    };

    public static IdentityStatus? IdentityStatusOf(string? code) => code switch
    {
        "QUAL" => IdentityStatus.Qualified,
        "VALI" => IdentityStatus.Validated,
        "RECUP" => IdentityStatus.Recovered,
        "PROV" => IdentityStatus.Provisional,
        _ => null,
    };

    /// <summary>FHIR administrative gender of a sex, and back.</summary>
    public static string Gender(Sex sex) => sex switch
    {
        Sex.Female => "female",
        Sex.Male => "male",
        Sex.Other => "other",
        _ => "unknown",
    };

    public static Sex? SexOf(string? gender) => gender switch
    {
        "female" => Sex.Female,
        "male" => Sex.Male,
        "other" => Sex.Other,
        "unknown" => Sex.Unknown,
        _ => null,
    };

    /// <summary>
    /// The LOINC code Relais emits for each marker: CA 15-3 6875-9 (Cancer Ag 15-3 [Units/volume] in Serum or Plasma),
    /// PSA 2857-1 (Prostate specific Ag [Mass/volume]), CEA 2039-6 (Carcinoembryonic Ag [Mass/volume]).
    /// </summary>
    public static string LoincOf(Marker marker) => marker switch
    {
        Marker.Ca153 => "6875-9",
        Marker.Psa => "2857-1",
        _ => "2039-6",
    };

    public static string LoincDisplay(Marker marker) => marker switch
    {
        Marker.Ca153 => "Cancer Ag 15-3 [Units/volume] in Serum or Plasma",
        Marker.Psa => "Prostate specific Ag [Mass/volume] in Serum or Plasma",
        _ => "Carcinoembryonic Ag [Mass/volume] in Serum or Plasma",
    };

    /// <summary>The marker a LOINC code measures: the emitted codes, and the ultrasensitive PSA (35741-8) a laboratory may send.</summary>
    public static Marker? MarkerOfLoinc(string? code) => code switch
    {
        "6875-9" => Marker.Ca153,
        "2857-1" or "35741-8" => Marker.Psa,
        "2039-6" => Marker.Cea,
        _ => null,
    };

    /// <summary>The UCUM code of a marker's unit (U/mL, ng/mL).</summary>
    public static string UcumOf(Marker marker) => marker == Marker.Ca153 ? "U/mL" : "ng/mL";

    /// <summary>The TNM parts of an episode, as mCODE observation codes (SNOMED CT), clinical and pathological.</summary>
    public enum TnmPart { ClinicalT, ClinicalN, ClinicalM, PathologicalT, PathologicalN, PathologicalM, ClinicalStageGroup, PathologicalStageGroup }

    public static string SnomedOf(TnmPart part) => part switch
    {
        TnmPart.ClinicalT => "399504009",
        TnmPart.ClinicalN => "399534004",
        TnmPart.ClinicalM => "399387003",
        TnmPart.PathologicalT => "384625004",
        TnmPart.PathologicalN => "371494008",
        TnmPart.PathologicalM => "371497001",
        TnmPart.ClinicalStageGroup => "399537006",
        _ => "399588009",
    };

    public static TnmPart? TnmPartOf(string? snomed) =>
        Enum.GetValues<TnmPart>().Select(p => (TnmPart?)p).FirstOrDefault(p => SnomedOf(p!.Value) == snomed);

    public static string ProfileOf(TnmPart part) => part switch
    {
        TnmPart.ClinicalT or TnmPart.PathologicalT => McodeTnmPrimaryTumor,
        TnmPart.ClinicalN or TnmPart.PathologicalN => McodeTnmRegionalNodes,
        TnmPart.ClinicalM or TnmPart.PathologicalM => McodeTnmDistantMetastases,
        _ => McodeTnmStageGroup,
    };

    /// <summary>The prefix a reader puts before a category: cT3, pN1a.</summary>
    public static string Prefix(TnmPart part) => part switch
    {
        TnmPart.ClinicalT or TnmPart.ClinicalN or TnmPart.ClinicalM => "c",
        TnmPart.PathologicalT or TnmPart.PathologicalN or TnmPart.PathologicalM => "p",
        _ => "",
    };

    /// <summary>AJCC 8th edition staging system (SNOMED CT 897275008), the method of the mCODE staging examples.</summary>
    public const string AjccEighthEdition = "897275008";

    // AJCC values as SNOMED CT qualifiers, each as the mCODE STU4 examples code it (value in Relais → SNOMED CT).
    private static readonly Dictionary<(TnmPart, string), string> TnmValues = new()
    {
        [(TnmPart.ClinicalT, "T3")] = "1228938002",
        [(TnmPart.ClinicalN, "N0")] = "1229967007",
        [(TnmPart.ClinicalM, "M0")] = "1229901006",
        [(TnmPart.ClinicalStageGroup, "IIB")] = "1222769001",
        [(TnmPart.ClinicalStageGroup, "IIIC")] = "1222806003",
        [(TnmPart.PathologicalStageGroup, "IIB")] = "1222769001",
        [(TnmPart.PathologicalStageGroup, "IIIC")] = "1222806003",
    };

    public static string? SnomedOfTnmValue(TnmPart part, string value) => TnmValues.GetValueOrDefault((part, value));

    public static string? TnmValueOfSnomed(TnmPart part, string? snomed) =>
        TnmValues.Where(kv => kv.Key.Item1 == part && kv.Value == snomed).Select(kv => kv.Key.Item2).FirstOrDefault();

    /// <summary>SNOMED CT laterality qualifiers (mCODE laterality-qualifier value set).</summary>
    public static string? SnomedOf(Laterality laterality) => laterality switch
    {
        Laterality.Left => "7771000",
        Laterality.Right => "24028007",
        Laterality.Bilateral => "51440002",
        _ => null,
    };

    public static Laterality? LateralityOfSnomed(string? code) => code switch
    {
        "7771000" => Laterality.Left,
        "24028007" => Laterality.Right,
        "51440002" => Laterality.Bilateral,
        _ => null,
    };

    /// <summary>A primary-cancer SNOMED CT disorder of the mCODE examples, with its ICD-10 site and laterality.</summary>
    public sealed record SiteCode(string Snomed, string Display, string Icd10, Laterality Laterality);

    private static readonly SiteCode[] Sites =
    [
        new("353431000119107", "Primary malignant neoplasm of female left breast (disorder)", "C50.9", Laterality.Left),
        new("254637007", "Non-small cell lung cancer (disorder)", "C34.9", Laterality.NotApplicable),
    ];

    public static SiteCode? SiteOfSnomed(string? snomed) => Sites.FirstOrDefault(s => s.Snomed == snomed);

    /// <summary>The SNOMED CT disorder for an ICD-10 site and laterality, when the table holds it (lung: any side).</summary>
    public static SiteCode? SiteOf(string icd10, Laterality laterality) =>
        Sites.FirstOrDefault(s => s.Icd10 == icd10 && (s.Laterality == laterality || s.Laterality == Laterality.NotApplicable));

    /// <summary>ICD-O-3 morphologies and their SNOMED CT morphologic abnormality, as the mCODE examples code them.</summary>
    private static readonly (string IcdO3, string Snomed, string Display)[] Morphologies =
    [
        ("8500/3", "82711006", "Infiltrating duct carcinoma (morphologic abnormality)"),
        ("8140/3", "1187332001", "Adenocarcinoma (morphologic abnormality)"),
    ];

    public static (string Snomed, string Display)? SnomedOfMorphology(string icdO3) =>
        Morphologies.Where(m => m.IcdO3 == icdO3).Select(m => ((string, string)?)(m.Snomed, m.Display)).FirstOrDefault();

    public static string? MorphologyOfSnomed(string? snomed) => Morphologies.Where(m => m.Snomed == snomed).Select(m => m.IcdO3).FirstOrDefault();
}
