// The FHIR POCOs make every element nullable; a test reads them where the fixture has them, and a missing one fails the test.
#nullable disable warnings
using System.Text.Json;
using System.Text.Json.Nodes;
using Relais.Domain.Alerts;
using Relais.Domain.Episodes;
using Relais.Domain.Interop;
using Relais.Domain.Patients;
using Relais.Web.Features.Fhir;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Tests.Fhir;

/// <summary>
/// The third-party FHIR examples of ../shared/fixtures/fhir (mCODE STU4, FR Core, R4 core): every one parses and
/// validates against base R4; the mCODE and FR Core ones map into Relais's model and back with their codes intact;
/// a broken resource is rejected. No database: the mapping rules and the SDK only.
/// </summary>
public sealed class FhirFixturesTests
{
    public static TheoryData<string> AllFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(FhirValidation.FixturesDirectory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(FhirValidation.FixturesDirectory, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void EveryFixture_Parses_AndIsValidAgainstBaseR4(string file)
    {
        var resource = FhirJson.Parse(FhirValidation.Fixture(file));
        Assert.False(string.IsNullOrEmpty(resource.TypeName));
        FhirValidation.AssertValid(resource);
        // Parsed and written again, the JSON tree is the same (key order and whitespace aside).
        var original = JsonNode.Parse(FhirValidation.Fixture(file));
        var written = JsonNode.Parse(FhirJson.Serialize(resource));
        Assert.True(JsonNode.DeepEquals(Normalize(original), Normalize(written)), $"{file} does not survive a parse and a write");
    }

    [Fact]
    public void TheFixtureSetIsThere()
    {
        Assert.True(AllFixtures().Count >= 36, "the FHIR fixtures (mCODE, R4, FR Core) are expected under ../shared/fixtures/fhir");
    }

    [Fact]
    public void ABrokenResource_IsRejected_NamingWhereItIsWrong()
    {
        var observation = (R4.Observation)FhirJson.Parse(FhirValidation.Fixture("mcode/Observation-ecog-performance-status-jenny-m.json"));
        observation.Code = null;
        var errors = FhirValidation.Errors(observation);
        Assert.Contains(errors, e => e.Contains("Observation", StringComparison.Ordinal));
        var patient = (R4.Patient)FhirJson.Parse(FhirValidation.Fixture("fr-core/Patient-FRCorePatientINSExampleRNIV.json"));
        patient.BirthDateElement = new R4.Date("30/05/1960");
        Assert.NotEmpty(FhirValidation.Errors(patient));
        // A wrong code in a required binding does not even parse.
        var bad = FhirValidation.Fixture("mcode/Observation-ecog-performance-status-jenny-m.json").Replace("\"status\":\"final\"", "\"status\":\"bogus\"", StringComparison.Ordinal)
            .Replace("\"status\": \"final\"", "\"status\": \"bogus\"", StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(() => FhirJson.Parse(bad));
    }

    [Theory]
    [InlineData("mcode/Condition-primary-cancer-condition-jenny-m.json")]
    [InlineData("mcode/Condition-primary-cancer-condition-nsclc.json")]
    public void AnMcodePrimaryCancerCondition_MapsIntoAnEpisode_AndBack_WithItsCodesIntact(string file)
    {
        var source = (R4.Condition)FhirJson.Parse(FhirValidation.Fixture(file));
        var details = FhirMapper.DetailsOf(source);
        // Into Relais: an ICD-10 site and an ICD-O-3 morphology, as an episode holds them (and its validation accepts them).
        Assert.Equal(details.PrimarySite, ClinicalCodes.NormalizeIcd10(details.PrimarySite));
        Assert.Equal(details.Histology, ClinicalCodes.NormalizeMorphology(details.Histology));
        var episodeId = Guid.NewGuid();
        var back = FhirMapper.Condition(episodeId, Guid.NewGuid(), details, Domain.Pathways.PathwayPhase.ActiveTreatment);
        FhirValidation.AssertValid(back);

        Assert.Contains(FhirCodes.McodePrimaryCancerCondition, back.Meta.Profile);
        var site = source.Code.Coding.Single(c => c.System == FhirCodes.Snomed).Code;
        Assert.Contains(back.Code.Coding, c => c.System == FhirCodes.Snomed && c.Code == site);
        Assert.Contains(back.Code.Coding, c => c.System == FhirCodes.Icd10 && c.Code == details.PrimarySite);
        var morphology = ((R4.CodeableConcept)R4.ExtensionExtensions.GetExtension(source, FhirCodes.McodeHistology)!.Value).Coding.Single().Code;
        var backMorphology = (R4.CodeableConcept)R4.ExtensionExtensions.GetExtension(back, FhirCodes.McodeHistology)!.Value;
        Assert.Contains(backMorphology.Coding, c => c.System == FhirCodes.Snomed && c.Code == morphology);
        Assert.Contains(backMorphology.Coding, c => c.System == FhirCodes.IcdO3 && c.Code == details.Histology);
        Assert.Equal(source.Onset.ToString(), back.Onset.ToString());
        if (source.BodySite.Count > 0)
        {
            var laterality = source.BodySite[0].Extension.Single(x => x.Url == FhirCodes.McodeLaterality);
            var backLaterality = back.BodySite.Single().Extension.Single(x => x.Url == FhirCodes.McodeLaterality);
            Assert.Equal(((R4.CodeableConcept)laterality.Value).Coding[0].Code, ((R4.CodeableConcept)backLaterality.Value).Coding[0].Code);
        }
        var stage = source.Stage.Single().Summary.Coding.Single().Code;
        Assert.Equal(stage, back.Stage.Single().Summary.Coding.Single(c => c.System == FhirCodes.Snomed).Code);
    }

    [Theory]
    [InlineData("mcode/Observation-tnm-clinical-primary-tumor-category-jenny-m.json", "T3")]
    [InlineData("mcode/Observation-tnm-clinical-regional-nodes-category-jenny-m.json", "N0")]
    [InlineData("mcode/Observation-tnm-clinical-distant-metastases-category-jenny-m.json", "M0")]
    [InlineData("mcode/Observation-tnm-clinical-stage-group-jenny-m.json", "IIB")]
    [InlineData("mcode/Observation-tnm-clinical-stage-group-3c.json", "IIIC")]
    [InlineData("mcode/Observation-tnm-pathologic-stage-group-jenny-m.json", "IIB")]
    public void AnMcodeTnmObservation_MapsIntoTheEpisodesStaging_AndBack_WithItsCodesIntact(string file, string relaisValue)
    {
        var source = (R4.Observation)FhirJson.Parse(FhirValidation.Fixture(file));
        var (part, value) = FhirMapper.TnmOf(source)!.Value;
        Assert.Equal(relaisValue, value);
        // The value is one an episode accepts as it is.
        var normalized = part switch
        {
            FhirCodes.TnmPart.ClinicalT or FhirCodes.TnmPart.PathologicalT => ClinicalCodes.NormalizeT(value, "t"),
            FhirCodes.TnmPart.ClinicalN or FhirCodes.TnmPart.PathologicalN => ClinicalCodes.NormalizeN(value, "n"),
            FhirCodes.TnmPart.ClinicalM or FhirCodes.TnmPart.PathologicalM => ClinicalCodes.NormalizeM(value, "m"),
            _ => ClinicalCodes.NormalizeStageGroup(value, "stageGroup"),
        };
        Assert.Equal(value, normalized);
        var back = FhirMapper.Tnm(Guid.NewGuid(), Guid.NewGuid(), part, value, new DateOnly(2018, 3, 16));
        FhirValidation.AssertValid(back);
        Assert.Equal(source.Code.Coding.Single().Code, back.Code.Coding.Single().Code);
        Assert.Equal(((R4.CodeableConcept)source.Value).Coding.Single().Code, ((R4.CodeableConcept)back.Value).Coding.Single(c => c.System == FhirCodes.Snomed).Code);
        Assert.Equal(source.Method.Coding.Single().Code, back.Method.Coding.Single().Code);
        Assert.Contains(FhirCodes.ProfileOf(part), back.Meta.Profile);
    }

    [Fact]
    public void AnFrCorePatientIns_MapsIntoAnIdentity_AndBack_WithItsInsAndStatusIntact()
    {
        var source = (R4.Patient)FhirJson.Parse(FhirValidation.Fixture("fr-core/Patient-FRCorePatientINSExampleRNIV.json"));
        var identity = FhirMapper.IdentityOf(source);
        Assert.Equal("260058815400233", identity.Ins);
        Assert.True(InsNumber.TryParse(identity.Ins, out var ins, out _), "the INS of the FR Core example has a valid key");
        Assert.Equal(Sex.Female, identity.Sex);
        Assert.Equal(InsTraits.SexOf(ins!), identity.Sex);
        var status = FhirCodes.IdentityStatusOf(FhirMapper.IdentityStatusClaimed(source));
        Assert.Equal(IdentityStatus.Qualified, status);

        var patient = Patient.Register(new PatientDetails(identity.Ins, identity.BirthName, null, string.Join(' ', identity.GivenNames), identity.BirthDate!.Value, identity.Sex!.Value,
            null, null, null, null, null, null, null, null, null), new DateOnly(2026, 11, 30), DateTimeOffset.Parse("2026-11-30T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        patient.InsVerifiedByInsi(InsOids.Nir, DateTimeOffset.Parse("2026-11-30T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        patient.IdentityDocumentChecked(IdentityDocumentKind.NationalIdentityCard, Guid.NewGuid(), new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30), DateTimeOffset.Parse("2026-11-30T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var back = FhirMapper.Patient(patient);
        FhirValidation.AssertValid(back);
        AssertFrCorePatientIns(back, "260058815400233", "QUAL");
        Assert.Equal(source.BirthDate, back.BirthDate);
        Assert.Equal(source.Gender, back.Gender);
        Assert.Equal(source.Name[0].Family, back.Name[0].Family);
        Assert.Equal(source.Name[0].Given, back.Name[0].Given);
        Assert.Empty(ExternalIdentityMatch.Mismatches(identity, new RecordIdentity(patient.Ins, patient.BirthName, patient.FirstNames, patient.BirthDate, patient.Sex, patient.IdentityStatus)));
    }

    [Fact]
    public void AnFrCorePractitioner_MapsIntoAProfessional_AndBack_WithItsRppsAndIdnpsIntact()
    {
        var source = (R4.Practitioner)FhirJson.Parse(FhirValidation.Fixture("fr-core/Practitioner-FRCorePractitionerExample.json"));
        var rpps = FhirMapper.RppsOf(source);
        Assert.Equal("10101201234", rpps);
        var back = FhirMapper.Practitioner(Guid.NewGuid(), source.Name[0].Given.Single(), source.Name[0].Family, rpps);
        FhirValidation.AssertValid(back);
        foreach (var identifier in source.Identifier)
            Assert.Contains(back.Identifier, i => i.System == identifier.System && i.Value == identifier.Value && i.Type.Coding[0].Code == identifier.Type.Coding[0].Code);
    }

    [Theory]
    [InlineData(Marker.Ca153, "6875-9", "U/mL")]
    [InlineData(Marker.Psa, "2857-1", "ng/mL")]
    [InlineData(Marker.Cea, "2039-6", "ng/mL")]
    public void ATumourMarkerResult_IsAnObservationWithItsLoincCode_UcumUnit_ReferenceRangeAndLaboratory_AndReadsBack(Marker marker, string loinc, string ucum)
    {
        var now = DateTimeOffset.Parse("2026-11-30T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var result = Domain.Alerts.Observation.Record(Guid.NewGuid(), marker, 12.5m, ucum, new DateOnly(2026, 11, 2), "Laboratoire Bio-Normandie", new DateOnly(2026, 11, 30), now, 30m);
        var observation = FhirMapper.Marker(result);
        FhirValidation.AssertValid(observation);
        Assert.Contains(FhirCodes.McodeTumorMarker, observation.Meta.Profile);
        Assert.Equal(loinc, observation.Code.Coding.Single(c => c.System == FhirCodes.Loinc).Code);
        var quantity = (R4.Quantity)observation.Value;
        Assert.Equal((FhirCodes.Ucum, ucum, 12.5m), (quantity.System, quantity.Code, quantity.Value!.Value));
        Assert.Equal(30m, observation.ReferenceRange.Single().High.Value);
        Assert.Equal("Laboratoire Bio-Normandie", observation.Performer.Single().Display);
        Assert.Equal(marker, FhirCodes.MarkerOfLoinc(loinc));
    }

    [Fact]
    public void TheCapabilityStatement_IsValidR4()
    {
        var statement = FhirCapabilities.Statement("https://relais.example/fhir");
        FhirValidation.AssertValid(statement);
        Assert.Equal(R4.FHIRVersion.N4_0_1, statement.FhirVersion);
        Assert.Contains(statement.Rest[0].Resource, r => r.Type == "Patient" && r.SearchParam.Any(p => p.Name == "identifier"));
    }

    internal static void AssertFrCorePatientIns(R4.Patient patient, string ins, string status)
    {
        var identifier = patient.Identifier.Single(i => FhirCodes.IsInsSystem(i.System));
        Assert.Equal(ins, identifier.Value);
        Assert.Equal(("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", "INS-NIR"), (identifier.Type.Coding[0].System, identifier.Type.Coding[0].Code));
        Assert.Equal(status, FhirMapper.IdentityStatusClaimed(patient));
        Assert.Contains(FhirCodes.FrCorePatientIns, patient.Meta.Profile);
    }

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, Normalize(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Normalize).ToArray()),
        JsonValue v => JsonValue.Create(v.GetValue<JsonElement>()),
        _ => null,
    };
}
