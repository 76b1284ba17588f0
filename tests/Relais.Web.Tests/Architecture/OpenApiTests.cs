using System.Text.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Architecture;

/// <summary>
/// The OpenAPI document is the contract outside clients (the laboratory feed, the GP's software) code
/// against: every operation says what it does and every answer it can give, errors included.
/// </summary>
public abstract class OpenApiTests(RelaisFactory factory)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private sealed record Operation(string Method, string Path, JsonElement Body)
    {
        public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";

        public IReadOnlyList<string> Answers =>
            Body.TryGetProperty("responses", out var r) ? r.EnumerateObject().Select(p => p.Name).ToList() : [];
    }

    private async Task<IReadOnlyList<Operation>> OperationsAsync()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(m => Methods.Contains(m.Name))
                .Select(m => new Operation(m.Name, path.Name, m.Value.Clone())))
            .ToList();
    }

    [Fact]
    public async Task EveryOperationHasASummary()
    {
        var operations = await OperationsAsync();
        Assert.True(operations.Count >= 100, $"the whole API should be described ({operations.Count} operations found)");
        var missing = operations
            .Where(o => !o.Body.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString()))
            .Select(o => o.ToString());
        Assert.Empty(missing);
    }

    [Fact]
    public async Task EveryOperationListsItsErrorAnswers()
    {
        var operations = await OperationsAsync();
        var withoutError = operations
            .Where(o => !o.Answers.Any(a => a.StartsWith('4')))
            .Select(o => o.ToString());
        Assert.Empty(withoutError);

        // Whatever reads a body can refuse it, naming the field (RFC 9457).
        var bodyWithout400 = operations
            .Where(o => o.Body.TryGetProperty("requestBody", out _) && !o.Answers.Contains("400"))
            .Select(o => o.ToString());
        Assert.Empty(bodyWithout400);

        // The access rule's answer for a patient one may not see is part of every patient route.
        var patientWithout404 = operations
            .Where(o => o.Path.Contains("{patientId}", StringComparison.Ordinal) && !o.Answers.Contains("404"))
            .Select(o => o.ToString());
        Assert.Empty(patientWithout404);
    }
}

// The document is built from endpoint metadata, not from the database: one provider is enough.
public sealed class OpenApiSqliteTests(SqliteRelaisFactory factory) : OpenApiTests(factory), IClassFixture<SqliteRelaisFactory>;
