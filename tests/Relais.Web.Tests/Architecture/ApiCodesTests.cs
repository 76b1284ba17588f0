using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Architecture;

/// <summary>
/// The README promises kebab-case codes for every enumeration of the API ("medical-oncology", not
/// "MedicalOncology"). Reads every GET operation of the API, for patients of every phase the demo
/// holds, and fails on any string that is the C# name of a domain enumeration member.
/// </summary>
public abstract partial class ApiCodesTests(RelaisFactory factory)
{
    [Fact]
    public async Task EveryGetAnswer_WritesDomainEnumerationsInKebabCase()
    {
        var csharpNames = typeof(Relais.Domain.DomainValidationException).Assembly.GetTypes()
            .Where(t => t.IsEnum)
            .SelectMany(Enum.GetNames)
            .ToHashSet(StringComparer.Ordinal);
        var clients = new[] { await factory.ClientAsAsync(Api.Oncologist), await factory.ClientAsAsync(Api.Admin), await factory.ClientAsAsync(Api.Quality) };
        var oncologist = clients[0];
        var patients = (await oncologist.GetJsonAsync("/api/patients?pageSize=12")).GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("id").GetGuid()).ToList();

        _ = factory.Server;
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct().ToList();

        var offending = new List<string>();
        var read = 0;
        foreach (var route in routes)
        {
            var urls = route.Contains("{patientId", StringComparison.OrdinalIgnoreCase)
                ? patients.Select(p => PatientRoute().Replace(route, p.ToString())).ToList()
                : [route];
            foreach (var url in urls.Where(u => !u.Contains('{', StringComparison.Ordinal)))
            {
                foreach (var client in clients)
                {
                    var response = await client.GetAsync(url);
                    if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json") continue;
                    read++;
                    Scan(await response.JsonAsync(), url, csharpNames, offending);
                    break;
                }
            }
        }

        Assert.True(read >= 40, $"only {read} answers were read: the walk lost its way");
        Assert.Empty(offending.Distinct());
    }

    private static void Scan(JsonElement element, string url, HashSet<string> names, List<string> offending)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when names.Contains(element.GetString()!):
                offending.Add($"{url}: \"{element.GetString()}\"");
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Scan(item, url, names, offending);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Scan(property.Value, url, names, offending);
                break;
        }
    }

    [GeneratedRegex("\\{patientId(:[^}]*)?\\}", RegexOptions.IgnoreCase)]
    private static partial Regex PatientRoute();
}

[Collection("sqlite")]
public sealed class ApiCodesSqliteTests(SqliteRelaisFactory factory) : ApiCodesTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class ApiCodesPostgresTests(PostgresRelaisFactory factory) : ApiCodesTests(factory), IClassFixture<PostgresRelaisFactory>;
