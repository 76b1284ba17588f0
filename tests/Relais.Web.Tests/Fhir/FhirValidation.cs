using Firely.Fhir.Validation;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using R4 = Hl7.Fhir.Model;

namespace Relais.Web.Tests.Fhir;

/// <summary>
/// The Firely validator against the base R4 specification, offline (the spec zip of Hl7.Fhir.Specification.Data.R4).
/// Loaded once per test run (it takes seconds): the mCODE and FR Core profiles cannot be resolved offline, so the
/// claimed profiles are ignored and their requirements are asserted explicitly by the tests.
/// </summary>
public static class FhirValidation
{
    private static readonly Lazy<Validator> Shared = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        var terminology = new LocalTerminologyService(resolver.AsAsync());
#pragma warning disable CS0618 // SelectMetaProfiles: the documented way (fixtures README) to ignore meta.profile in 3.6.0
        var settings = new ValidationSettings { SelectMetaProfiles = (_, _) => [] };
#pragma warning restore CS0618
        return new Validator(resolver.AsAsync(), terminology, null, settings);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lock Gate = new();

    /// <summary>The errors (and fatal issues) of a resource, each with its FHIRPath location.</summary>
    public static IReadOnlyList<string> Errors(R4.Resource resource)
    {
        R4.OperationOutcome outcome;
        // The validator's caches are shared; one validation at a time keeps them consistent across test classes.
        lock (Gate) outcome = Shared.Value.Validate(resource);
        return outcome.Issue.Where(i => i.Severity is R4.OperationOutcome.IssueSeverity.Error or R4.OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Details?.Text ?? i.Diagnostics} @ {string.Join(",", i.Expression)}").ToList();
    }

    public static void AssertValid(R4.Resource resource)
    {
        var errors = Errors(resource);
        Assert.True(errors.Count == 0, $"{resource.TypeName}/{resource.Id} is not valid R4: {string.Join(" | ", errors)}");
    }

    /// <summary>The fixtures of ../shared/fixtures/fhir, found from the solution's folder (the repository is cloned with ../shared beside it).</summary>
    public static string FixturesDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Relais.slnx"))) dir = dir.Parent;
            Assert.True(dir is not null, "Relais.slnx not found above the test binaries");
            var fixtures = Path.GetFullPath(Path.Combine(dir!.FullName, "..", "shared", "fixtures", "fhir"));
            Assert.True(Directory.Exists(fixtures), $"the FHIR fixtures are expected at {fixtures} (../shared beside the repository)");
            return fixtures;
        }
    }

    public static string Fixture(string relative) => File.ReadAllText(Path.Combine(FixturesDirectory, relative));
}
