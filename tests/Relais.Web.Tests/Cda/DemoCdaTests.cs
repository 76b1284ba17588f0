using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Features.Cda;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Cda;

/// <summary>
/// The demo's own reports (issue 17, "the FRCP and CANCER-PPS exports of the demo pass the XSD and the volet
/// schematrons"): every signed tumor-board report and PPS the demo story wrote for its patients is exported as CDA
/// and validated with the validators scripts/test.sh prepares — xmllint against CDA_extended.xsd, Saxon-HE with the
/// volet schematron, profils/IHE.sch and profils/CI-SIS_Modeles_ANS.sch (one Saxon run per schematron for all of them).
/// This class has a database of its own, so the documents are the demo's only.
/// </summary>
public abstract class DemoCdaTests(RelaisFactory factory)
{
    [Fact]
    public async Task EveryDecidedCaseAndPpsOfTheDemo_ExportsAsACdaThatPassesTheXsdAndTheSchematrons()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var export = scope.ServiceProvider.GetRequiredService<CdaExport>();
        // The story decides a case for every patient past the tumor board and writes a PPS for every one past the PPS; it
        // prints no PDF, so these have no signed document: the case and the PPS version are exported themselves.
        var cases = await db.TumorBoardCases.AsNoTracking().Where(c => c.Proposal != null).Select(c => new { c.Id, c.PatientId }).ToListAsync();
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.Kind == ProgrammeKind.Pps).Select(p => new { p.Id, p.PatientId }).ToListAsync();
        Assert.True(cases.Count >= 20, $"the demo decides many cases ({cases.Count})");
        Assert.True(programmes.Count >= 15, $"the demo writes many PPS ({programmes.Count})");

        var root = Path.Combine(Path.GetTempPath(), $"relais-demo-cda-{Guid.NewGuid():N}");
        var frcp = Path.Combine(root, "frcp");
        var pps = Path.Combine(root, "pps");
        Directory.CreateDirectory(frcp);
        Directory.CreateDirectory(pps);
        try
        {
            foreach (var c in cases)
            {
                var cda = await export.ForCaseAsync(c.PatientId, c.Id, default);
                Assert.True(cda is not null, $"the demo's decided case {c.Id} of patient {c.PatientId} has no FRCP");
                Assert.Equal(CdaWriter.FrcpLoinc, cda.LoincCode);
                await File.WriteAllBytesAsync(Path.Combine(frcp, $"{c.Id}.xml"), cda.Content);
            }
            foreach (var p in programmes)
            {
                var cda = await export.ForProgrammeAsync(p.PatientId, p.Id, default);
                Assert.True(cda is not null, $"the demo's PPS {p.Id} of patient {p.PatientId} has no CANCER-PPS");
                Assert.Equal(CdaWriter.PpsLoinc, cda.LoincCode);
                await File.WriteAllBytesAsync(Path.Combine(pps, $"{p.Id}.xml"), cda.Content);
            }

            var failures = new List<string>();
            foreach (var (folder, volet) in new[] { (frcp, Validators.FrcpSchematron), (pps, Validators.PpsSchematron) })
            {
                var (code, output) = await Validators.RunAsync("xmllint",
                    ["--noout", "--nonet", "--schema", Path.Combine(Validators.CdaKit, "infrastructure", "cda", "CDA_extended.xsd"), .. Directory.GetFiles(folder)]);
                if (code != 0) failures.Add($"XSD ({Path.GetFileName(folder)}): {output}");
                foreach (var schematron in new[] { volet, Validators.IheSchematron, Validators.AnsSchematron })
                    failures.AddRange((await Validators.SchematronFolderAsync(folder, schematron)).Select(f => $"{schematron} {f.Key}: {f.Value}"));
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public async Task TheDemosReportAndPps_AreDownloadedAsCda_ThroughTheAccessRule()
    {
        var patientId = await factory.MarieDurandAsync();
        Guid caseId, programmeId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            caseId = await db.TumorBoardCases.AsNoTracking().Where(c => c.PatientId == patientId && c.Proposal != null).Select(c => c.Id).FirstAsync();
            programmeId = await db.Programmes.AsNoTracking().Where(p => p.PatientId == patientId && p.Kind == ProgrammeKind.Pps).Select(p => p.Id).FirstAsync();
        }
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        foreach (var (url, code) in new[] { ($"/api/patients/{patientId}/tumor-board-cases/{caseId}/cda", "34794-8"), ($"/api/patients/{patientId}/programmes/{programmeId}/cda", "18776-5") })
        {
            var response = await oncologist.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
            var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(code, (string?)xml.Root!.Element(XName.Get("code", "urn:hl7-org:v3"))!.Attribute("code"));
            // The demo's identities are qualified (test INS): the document carries it.
            Assert.Contains(xml.Descendants(XName.Get("patientRole", "urn:hl7-org:v3")).Single().Elements(XName.Get("id", "urn:hl7-org:v3")),
                i => (string?)i.Attribute("root") == "1.2.250.1.213.1.4.10");
        }
        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/patients/{patientId}/tumor-board-cases/{caseId}/cda")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await oncologist.GetAsync($"/api/patients/{patientId}/programmes/{Guid.NewGuid()}/cda")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class DemoCdaSqliteTests(SqliteRelaisFactory factory) : DemoCdaTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class DemoCdaPostgresTests(PostgresRelaisFactory factory) : DemoCdaTests(factory), IClassFixture<PostgresRelaisFactory>;
