using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Relais.Web.Tests.Cda;

/// <summary>
/// The real validators of the interoperability fixtures (../shared/fixtures, beside the repository), run as
/// processes: xmllint for the CDA XSD and the ebRS 3.0 schemas, Saxon-HE (Java) for the ISO Schematrons of the ANS
/// CI-SIS test kit. The schematrons are compiled once per test run (scripts/test.sh compiles them into
/// .test-run/schematrons and says where in RELAIS_TEST_SCHEMATRONS; without it, the first test compiles them
/// there), each compiled stylesheet beside its .sch, as the value sets are read relative to it.
/// </summary>
public static partial class Validators
{
    public const string FrcpSchematron = "schematrons/CI-SIS_CANCER-FRCP_2022.01.sch";
    public const string PpsSchematron = "schematrons/CI-SIS_CANCER-PPS_2022.01.sch";
    public const string IheSchematron = "schematrons/profils/IHE.sch";
    public const string AnsSchematron = "schematrons/profils/CI-SIS_Modeles_ANS.sch";
    private static readonly string[] All = [FrcpSchematron, PpsSchematron, IheSchematron, AnsSchematron];

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The fixtures: ../shared/fixtures beside the repository (RELAIS_FIXTURES overrides).</summary>
    public static string Fixtures { get; } = Environment.GetEnvironmentVariable("RELAIS_FIXTURES") is { Length: > 0 } f ? f
        : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures"));

    public static string CdaKit => Path.Combine(Fixtures, "cda", "ansforge-TestContenuCDA-3-0");

    private static readonly SemaphoreSlim CompileLock = new(1, 1);
    private static string? compiled;

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Relais.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Relais.slnx not found above the test assembly.");
    }

    public sealed record Outcome(bool Valid, string Output);

    /// <summary>xmllint --schema: the exit code says valid or not.</summary>
    public static async Task<Outcome> XsdAsync(string document, string schema, string? catalog = null)
    {
        var env = catalog is null ? null : new Dictionary<string, string> { ["XML_CATALOG_FILES"] = catalog };
        var (code, output) = await RunAsync("xmllint", ["--noout", "--nonet", "--schema", schema, document], env);
        return new(code == 0, output);
    }

    public static Task<Outcome> CdaXsdAsync(string document) => XsdAsync(document, Path.Combine(CdaKit, "infrastructure", "cda", "CDA_extended.xsd"));

    /// <summary>Applies a compiled schematron; valid when the SVRL report holds no failed assert.</summary>
    public static async Task<Outcome> SchematronAsync(string document, string schematron)
    {
        var folder = await CompiledAsync();
        var xsl = Path.Combine(folder, Path.ChangeExtension(schematron, ".xsl"));
        var report = Path.Combine(Path.GetTempPath(), $"relais-svrl-{Guid.NewGuid():N}.xml");
        try
        {
            var (code, output) = await RunAsync("java", ["-cp", SaxonJar, "net.sf.saxon.Transform", $"-s:{document}", $"-xsl:{xsl}", $"-o:{report}"]);
            if (code != 0) return new(false, output);
            var svrl = await File.ReadAllTextAsync(report);
            var failures = FailedAssert().Matches(svrl).Select(m => Regex.Replace(m.Value, @"\s+", " ")).ToList();
            if (!svrl.Contains("svrl:fired-rule", StringComparison.Ordinal)) return new(false, "no rule fired: " + svrl[..Math.Min(500, svrl.Length)]);
            return new(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>
    /// Applies a compiled schematron to every document of a folder in one Saxon run (one JVM, one stylesheet
    /// compilation): the failed asserts of each document, by file name (none: valid).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> SchematronFolderAsync(string folder, string schematron)
    {
        var xsl = Path.Combine(await CompiledAsync(), Path.ChangeExtension(schematron, ".xsl"));
        var reports = Path.Combine(Path.GetTempPath(), $"relais-svrl-{Guid.NewGuid():N}");
        Directory.CreateDirectory(reports);
        try
        {
            var (code, output) = await RunAsync("java", ["-cp", SaxonJar, "net.sf.saxon.Transform", $"-s:{folder}", $"-xsl:{xsl}", $"-o:{reports}"]);
            if (code != 0) throw new InvalidOperationException($"Saxon failed on {folder}: {output}");
            var failures = new Dictionary<string, string>();
            foreach (var document in Directory.GetFiles(folder))
            {
                var name = Path.GetFileName(document);
                var report = Path.Combine(reports, name);
                var svrl = File.Exists(report) ? await File.ReadAllTextAsync(report) : "";
                if (!svrl.Contains("svrl:fired-rule", StringComparison.Ordinal)) failures[name] = "no SVRL report, or no rule fired";
                else if (FailedAssert().Matches(svrl).Select(m => Regex.Replace(m.Value, @"\s+", " ")).ToList() is { Count: > 0 } failed) failures[name] = string.Join("\n", failed);
            }
            return failures;
        }
        finally
        {
            Directory.Delete(reports, true);
        }
    }

    private static string SaxonJar => Environment.GetEnvironmentVariable("SAXON_JAR") is { Length: > 0 } j ? j : "/usr/share/java/Saxon-HE.jar";

    /// <summary>The folder of the compiled schematrons, compiling them first when this run has not (ISO skeleton: include, expand, to XSLT2).</summary>
    private static async Task<string> CompiledAsync()
    {
        if (compiled is not null) return compiled;
        await CompileLock.WaitAsync();
        try
        {
            if (compiled is not null) return compiled;
            var target = Environment.GetEnvironmentVariable("RELAIS_TEST_SCHEMATRONS") is { Length: > 0 } t ? t : Path.Combine(RepoRoot, ".test-run", "schematrons");
            if (!All.All(s => File.Exists(Path.Combine(target, Path.ChangeExtension(s, ".xsl")))))
            {
                var (code, output) = await RunAsync("bash", [Path.Combine(RepoRoot, "scripts", "compile-schematrons.sh"), CdaKit, target]);
                if (code != 0) throw new InvalidOperationException("compiling the schematrons failed: " + output);
            }
            compiled = target;
            return target;
        }
        finally
        {
            CompileLock.Release();
        }
    }

    public static async Task<(int Code, string Output)> RunAsync(string program, IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) start.Environment[k] = v;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    [GeneratedRegex(@"<svrl:failed-assert.*?</svrl:failed-assert>", RegexOptions.Singleline)]
    private static partial Regex FailedAssert();
}
