using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Documents;
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
    public async Task EveryReportAndPpsOfTheDemo_ExportsAsACdaThatPassesTheXsdAndTheSchematrons()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var export = scope.ServiceProvider.GetRequiredService<CdaExport>();
        var documents = await db.Documents.AsNoTracking().Where(d => d.SignedAt != null && (d.Kind == DocumentKind.TumorBoardReport || d.Kind == DocumentKind.Pps))
            .Select(d => new { d.Id, d.PatientId, d.Kind }).ToListAsync();
        // The story decides a case for every patient past the tumor board and writes a PPS for every one past the PPS.
        var decided = await db.TumorBoardCases.AsNoTracking().CountAsync(c => c.ReportDocumentId != null);
        var programmes = await db.Programmes.AsNoTracking().CountAsync(p => p.Kind == Domain.Programmes.ProgrammeKind.Pps && p.DocumentId != null);
        Assert.True(decided >= 20, $"the demo decides many cases ({decided})");
        Assert.Equal(decided, documents.Count(d => d.Kind == DocumentKind.TumorBoardReport));
        Assert.Equal(programmes, documents.Count(d => d.Kind == DocumentKind.Pps));

        var root = Path.Combine(Path.GetTempPath(), $"relais-demo-cda-{Guid.NewGuid():N}");
        var folders = new Dictionary<DocumentKind, string> { [DocumentKind.TumorBoardReport] = Path.Combine(root, "frcp"), [DocumentKind.Pps] = Path.Combine(root, "pps") };
        foreach (var folder in folders.Values) Directory.CreateDirectory(folder);
        try
        {
            foreach (var d in documents)
            {
                var cda = await export.ForDocumentAsync(d.PatientId, d.Id, default);
                Assert.True(cda is not null, $"the demo's {d.Kind} {d.Id} of patient {d.PatientId} has no CDA");
                Assert.Equal(d.Kind == DocumentKind.TumorBoardReport ? CdaWriter.FrcpLoinc : CdaWriter.PpsLoinc, cda.LoincCode);
                await File.WriteAllBytesAsync(Path.Combine(folders[d.Kind], $"{d.Id}.xml"), cda.Content);
            }

            var failures = new List<string>();
            foreach (var (kind, folder) in folders)
            {
                var files = Directory.GetFiles(folder);
                var (code, output) = await Validators.RunAsync("xmllint",
                    ["--noout", "--nonet", "--schema", Path.Combine(Validators.CdaKit, "infrastructure", "cda", "CDA_extended.xsd"), .. files]);
                if (code != 0) failures.Add($"XSD ({kind}): {output}");
                var volet = kind == DocumentKind.TumorBoardReport ? Validators.FrcpSchematron : Validators.PpsSchematron;
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
}

[Collection("sqlite")]
public sealed class DemoCdaSqliteTests(SqliteRelaisFactory factory) : DemoCdaTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class DemoCdaPostgresTests(PostgresRelaisFactory factory) : DemoCdaTests(factory), IClassFixture<PostgresRelaisFactory>;
