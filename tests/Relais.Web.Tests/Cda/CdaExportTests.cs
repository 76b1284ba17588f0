using System.Net;
using System.Xml.Linq;
using Relais.Web.Tests.Features.TumorBoards;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Cda;

/// <summary>
/// The tumor-board report as a CI-SIS FRCP and the PPS as a CANCER-PPS (issue 17 point 4), validated by the ANS
/// test kit's own tools run as processes: xmllint against CDA_extended.xsd, Saxon-HE with the volet schematron,
/// profils/IHE.sch and profils/CI-SIS_Modeles_ANS.sch. Each validator also rejects a document broken on purpose.
/// </summary>
public abstract class CdaExportTests(RelaisFactory factory)
{
    private static readonly XNamespace V3 = "urn:hl7-org:v3";

    private static async Task<string> SaveAsync(XDocument xml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"relais-cda-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(path, xml.ToString(SaveOptions.None));
        return path;
    }

    private static async Task<(XDocument Xml, string Path)> CdaAsync(HttpClient client, Guid patientId, Guid documentId)
    {
        var response = await client.GetAsync($"/api/patients/{patientId}/documents/{documentId}/cda");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var path = Path.Combine(Path.GetTempPath(), $"relais-cda-{Guid.NewGuid():N}.xml");
        await File.WriteAllBytesAsync(path, bytes);
        if (Environment.GetEnvironmentVariable("RELAIS_TEST_KEEP_CDA") is { Length: > 0 } keep) await File.WriteAllBytesAsync(Path.Combine(keep, $"{documentId}.xml"), bytes);
        return (XDocument.Load(path), path);
    }

    private static async Task AssertValidAsync(string path, string volet)
    {
        var xsd = await Validators.CdaXsdAsync(path);
        Assert.True(xsd.Valid, xsd.Output);
        foreach (var schematron in new[] { volet, Validators.IheSchematron, Validators.AnsSchematron })
        {
            var result = await Validators.SchematronAsync(path, schematron);
            Assert.True(result.Valid, $"{schematron}: {result.Output}");
        }
    }

    private static XElement Section(XDocument xml, string loinc) =>
        xml.Descendants(V3 + "section").First(s => (string?)s.Element(V3 + "code")?.Attribute("code") == loinc);

    /// <summary>Each validator rejects a copy of the export broken where it looks.</summary>
    private static async Task AssertEachValidatorRejectsABrokenCopyAsync(XDocument valid, string volet, string entrySection)
    {
        var unknownElement = new XDocument(valid);
        unknownElement.Root!.Element(V3 + "title")!.AddAfterSelf(new XElement(V3 + "unknownElement", "x"));
        Assert.False((await Validators.CdaXsdAsync(await SaveAsync(unknownElement))).Valid);

        var wrongCode = new XDocument(valid);
        wrongCode.Root!.Element(V3 + "code")!.SetAttributeValue("code", "11488-4");
        Assert.True((await Validators.CdaXsdAsync(await SaveAsync(wrongCode))).Valid);
        Assert.False((await Validators.SchematronAsync(await SaveAsync(wrongCode), volet)).Valid);

        var noEntries = new XDocument(valid);
        Section(noEntries, entrySection).Elements(V3 + "entry").Remove();
        Assert.False((await Validators.SchematronAsync(await SaveAsync(noEntries), Validators.IheSchematron)).Valid);

        var noStatus = new XDocument(valid);
        Section(noStatus, "33557-0").Elements(V3 + "entry").Remove();
        Assert.False((await Validators.SchematronAsync(await SaveAsync(noStatus), Validators.AnsSchematron)).Valid);
    }

    [Fact]
    public async Task TheTumorBoardReport_IsAValidFrcp_WithTheQualifiedIns_AndEachValidatorRejectsABrokenOne()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        // The demo's Marie Durand: a qualified (test) INS, which the document carries.
        var patientId = await factory.MarieDurandAsync();
        var episodeId = await CdaTestData.FirstEpisodeAsync(oncologist, patientId);
        var documentId = await factory.DecidedReportAsync(oncologist, patientId, episodeId, "Salle FRCP");

        var reports = await oncologist.GetJsonAsync($"/api/patients/{patientId}/documents?kind=tumor-board-report");
        Assert.All(reports.EnumerateArray(), d => Assert.Equal("tumor-board-report", d.GetProperty("kind").GetString()));
        var listed = reports.EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == documentId);
        Assert.Equal($"/api/patients/{patientId}/documents/{documentId}/cda", listed.GetProperty("cdaUrl").GetString());
        var badKind = await oncologist.GetAsync($"/api/patients/{patientId}/documents?kind=frcp");
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.True((await badKind.JsonAsync()).GetProperty("errors").TryGetProperty("kind", out _));

        var (xml, path) = await CdaAsync(oncologist, patientId, documentId);
        var root = xml.Root!;
        Assert.Contains(root.Elements(V3 + "templateId"), t => (string?)t.Attribute("root") == "1.2.250.1.213.1.1.1.8" && (string?)t.Attribute("extension") == "2022.01");
        Assert.Equal("34794-8", (string?)root.Element(V3 + "code")!.Attribute("code"));
        Assert.Equal(documentId.ToString().ToUpperInvariant(), (string?)root.Element(V3 + "id")!.Attribute("root"));
        var ids = root.Descendants(V3 + "patientRole").Single().Elements(V3 + "id").ToList();
        Assert.Contains(ids, i => ((string?)i.Attribute("root"))!.StartsWith("1.2.250.1.213.1.4.", StringComparison.Ordinal) && ((string?)i.Attribute("extension"))?.Length == 15);
        Assert.Contains("Tumorectomie avec ganglion sentinelle", Section(xml, "21874-3").Value);
        await AssertValidAsync(path, Validators.FrcpSchematron);
        await AssertEachValidatorRejectsABrokenCopyAsync(xml, Validators.FrcpSchematron, "42349-1");

        // The same document exported again is the same document.
        var (again, _) = await CdaAsync(oncologist, patientId, documentId);
        Assert.Equal(xml.ToString(), again.ToString());

        // An outsider gets the answer of a patient that does not exist; an uploaded PDF has no CDA.
        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/patients/{patientId}/documents/{documentId}/cda")).StatusCode);
        var uploaded = await oncologist.UploadAsync(patientId, "tumor-board-report", "Compte rendu externe");
        Assert.Equal(HttpStatusCode.NotFound, (await oncologist.GetAsync($"/api/patients/{patientId}/documents/{uploaded.GetProperty("id").GetGuid()}/cda")).StatusCode);
    }

    [Fact]
    public async Task ThePps_IsAValidCancerPps_WithoutAnInsThatIsNotQualified()
    {
        var (oncologist, patientId, episodeId) = await factory.NewPatientAsync("1961-06-12");
        var documentId = await CdaTestData.SignedPpsAsync(oncologist, patientId, episodeId);
        var pps = Assert.Single((await oncologist.GetJsonAsync($"/api/patients/{patientId}/documents?kind=pps")).EnumerateArray());
        Assert.Equal(documentId, pps.GetProperty("id").GetGuid());

        var (xml, path) = await CdaAsync(oncologist, patientId, documentId);
        var root = xml.Root!;
        Assert.Contains(root.Elements(V3 + "templateId"), t => (string?)t.Attribute("root") == "1.2.250.1.213.1.1.1.26" && (string?)t.Attribute("extension") == "2022.01");
        Assert.Equal("18776-5", (string?)root.Element(V3 + "code")!.Attribute("code"));
        // A provisional identity: no INS in the document, only Relais's identifier of the patient.
        var id = Assert.Single(root.Descendants(V3 + "patientRole").Single().Elements(V3 + "id"));
        Assert.Equal(patientId.ToString().ToUpperInvariant(), (string?)id.Attribute("root"));
        Assert.Null(id.Attribute("extension"));
        Assert.Contains("Tumorectomie et ganglion sentinelle", xml.Root!.Value);
        await AssertValidAsync(path, Validators.PpsSchematron);
        await AssertEachValidatorRejectsABrokenCopyAsync(xml, Validators.PpsSchematron, "72135-7");
    }
}

[Collection("sqlite")]
public sealed class CdaExportSqliteTests(SqliteRelaisFactory factory) : CdaExportTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class CdaExportPostgresTests(PostgresRelaisFactory factory) : CdaExportTests(factory), IClassFixture<PostgresRelaisFactory>;
