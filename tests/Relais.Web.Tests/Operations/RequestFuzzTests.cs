using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Access;
using Relais.Web.Data;
using Relais.Web.Tests.Architecture;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Operations;

/// <summary>
/// The fuzz pass of SECURITY.md promise 5 (issue 12, point 2): every endpoint that reads a JSON body, found from the
/// endpoint data source (so the endpoints added later are walked too), gets a valid-looking body built from its
/// request type and then that body broken one member at a time — wrong types, nulls, null items, numbers and
/// enumerations out of range, huge texts, implausible and invalid dates — plus broken bodies and wrong content
/// types. No answer may be a 5xx; a 400 names the field; a refusal writes no row.
/// </summary>
public abstract class RequestFuzzTests(RelaisFactory factory)
{
    private static readonly (string Email, string Role)[] Actors =
    [
        (Api.Oncologist, UserRoles.HospitalClinician), (Api.Nurse, UserRoles.NurseCoordinator), (Api.Gp, UserRoles.GeneralPractitioner),
        (Api.Secretary, UserRoles.TumorBoardSecretary), (Api.Pharmacist, UserRoles.Pharmacist), (Api.Quality, UserRoles.QualityCoordinator),
        (Api.Admin, UserRoles.Administrator), (Api.PatientAccount, UserRoles.Patient),
    ];

    private sealed record Target(string Method, string Route, Type Body, string Actor);

    private List<Target> Targets()
    {
        _ = factory.Server;
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var accepts = e.Metadata.GetMetadata<IAcceptsMetadata>();
                if (accepts?.RequestType is not { } body || body == typeof(object) || !accepts.ContentTypes.Any(c => c.Contains("json", StringComparison.Ordinal))) return [];
                var actor = Actors.FirstOrDefault(a => EveryCapabilityTests.PolicyAdmits(e, a.Role)).Email ?? Api.Oncologist;
                return (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new Target(m, e.RoutePattern.RawText!, body, actor));
            })
            .ToList();
    }

    [Fact]
    public async Task EveryJsonEndpoint_AnswersBrokenInputWithAProblemNamingTheField_NeverA5xx_AndWritesNothing()
    {
        var targets = Targets();
        Assert.True(targets.Count >= 40, $"only {targets.Count} JSON endpoints found");
        var marie = await factory.MarieDurandAsync();
        var clients = new Dictionary<string, HttpClient>();
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var episode = (await oncologist.GetJsonAsync($"/api/patients/{marie}/timeline"))[0].GetProperty("episodeId").GetGuid();
        var failures = new List<string>();
        var sent = 0;
        var random = new Random(12);
        foreach (var (target, index) in targets.Select((t, i) => (t, i)))
        {
            // The account endpoints get a client of their own: a body they accept may end the session (a reset authenticator
            // key changes the security stamp).
            var own = target.Route.StartsWith("/api/auth", StringComparison.Ordinal);
            if (own || !clients.TryGetValue(target.Actor, out var client))
            {
                client = await factory.ClientAsAsync(target.Actor);
                if (!own) clients[target.Actor] = client;
            }
            var url = Fill(target.Route, marie, episode);
            var valid = Sample(target.Body, 0);
            var before = await RowsAsync();
            foreach (var (what, body, contentType) in Variants(valid, index, random))
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(target.Method), url) { Content = new StringContent(body, Encoding.UTF8, contentType) });
                sent++;
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                var where = $"{target.Method} {target.Route} with {what}";
                if (status >= 500) failures.Add($"{where}: {status}");
                else if (status == 400 && !NamesAField(text)) failures.Add($"{where}: 400 without a field: {Clip(text)}");
                else if (status >= 400 && await RowsAsync() != before) failures.Add($"{where}: {status} but rows were written");
                // What an accepted body wrote is the new starting point.
                if (status < 400) before = await RowsAsync();
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task AHugeName_IsRefusedNamingTheField_AndNotStored()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var body = new JsonObject
        {
            ["ins"] = Api.Ins("2850575123456"), ["birthName"] = new string('A', 1_000_000), ["firstNames"] = "Anne", ["birthDate"] = "1985-05-01", ["sex"] = "female",
        };
        var before = await RowsAsync();
        var response = await oncologist.PostAsync("/api/patients", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("birthName", out _));
        Assert.Equal(before, await RowsAsync());

        // Under the serializer's bound, the column's own: a name of 101 characters is no name either.
        body["birthName"] = new string('A', 101);
        response = await oncologist.PostAsync("/api/patients", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("birthName", out _));
        Assert.Equal(before, await RowsAsync());
    }

    /// <summary>The answers 500 and the implausible dates of the review (L1, L3), each a problem naming its field now.</summary>
    [Fact]
    public async Task TheReviewsBrokenInputs_AreProblemsNamingTheField_AndWriteNothing()
    {
        var marie = await factory.MarieDurandAsync();
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        (string Url, string Body, string Field)[] cases =
        [
            ("/api/auth/login", "{\"email\":null,\"password\":\"x\"}", "email"),
            ("/api/auth/login", $"{{\"email\":\"{Api.Oncologist}\",\"password\":null}}", "password"),
            ($"/api/patients/{marie}/programmes/pps", "{\"phases\":[null,null]}", "phases[0]"),
            ($"/api/patients/{marie}/programmes/pps", "{\"contacts\":[null]}", "contacts[0]"),
            ($"/api/patients/{marie}/programmes/pps", $"{{\"supportiveCare\":\"{new string('x', 1_000_000)}\"}}", "supportiveCare"),
            ("/api/protocols/breast/preview", "{\"endOfTreatment\":\"9999-12-31\"}", "endOfTreatment"),
            ($"/api/patients/{marie}/episodes", "{\"primarySite\":\"C50\",\"diagnosisDate\":\"0001-01-01\"}", "diagnosisDate"),
            ($"/api/patients/{marie}/observations", "{\"code\":\"psa\",\"value\":1,\"unit\":\"ng/mL\",\"effective\":\"0001-01-01\"}", "effective"),
        ];
        foreach (var (url, body, field) in cases)
        {
            var before = await RowsAsync();
            var response = await oncologist.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} {Clip(body)}: {(int)response.StatusCode} {Clip(text)}");
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{url} {Clip(body)}: {Clip(text)}");
            Assert.Equal(before, await RowsAsync());
        }
    }

    [Fact]
    public async Task AJsonBodyOverTheLimit_Is413_BeforeItIsRead()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var response = await oncologist.PostAsync("/api/patients", new StringContent($"{{\"birthName\":\"{new string('A', 3_000_000)}\"}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static bool NamesAField(string problem)
    {
        try
        {
            var json = JsonDocument.Parse(problem).RootElement;
            return json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] : text;

    /// <summary>The broken bodies sent to one endpoint: each member broken in a way its type admits, in turn, and whole bodies broken.</summary>
    private static IEnumerable<(string What, string Body, string ContentType)> Variants(JsonObject valid, int index, Random random)
    {
        const string json = "application/json";
        yield return ("a valid-looking body", valid.ToJsonString(), json);
        (string What, string Body, string ContentType)[] whole =
        [
            ("null", "null", json), ("an array", "[]", json), ("a number", "12", json), ("truncated JSON", valid.ToJsonString()[..^1], json),
            ("deep nesting", string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200), json),
            ("text/plain", valid.ToJsonString(), "text/plain"), ("a form", "a=1", "application/x-www-form-urlencoded"),
        ];
        // Every endpoint gets a null body; of the other broken bodies, three in turn (each is tried on many endpoints).
        yield return whole[0];
        for (var i = 0; i < 3; i++) yield return whole[1 + (index * 3 + i) % (whole.Length - 1)];
        var members = Members(valid, "").ToList();
        foreach (var (path, value) in members)
        {
            var breakings = Breakings(value, index).ToList();
            // Every member gets a wrong type or a null, and one of its other breakings drawn (the pass stays quick;
            // each kind of breaking is still tried on many endpoints).
            foreach (var (what, broken) in breakings.Skip(random.Next(2)).Take(1).Concat(breakings.Skip(2).OrderBy(_ => random.Next()).Take(1)))
            {
                var copy = valid.DeepClone().AsObject();
                Set(copy, path, broken);
                yield return ($"{path} = {what}", copy.ToJsonString(), json);
            }
        }
    }

    private static IEnumerable<(string What, JsonNode? Value)> Breakings(JsonNode? value, int index)
    {
        var kind = value?.GetValueKind();
        yield return ("a wrong type", kind is JsonValueKind.String ? JsonValue.Create(12) : kind is JsonValueKind.Array ? new JsonObject() : JsonValue.Create("x"));
        yield return ("null", null);
        yield return ("an object", new JsonObject { ["a"] = 1 });
        switch (kind)
        {
            case JsonValueKind.String when DateOnly.TryParse(value!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _):
                yield return ("9999-12-31", "9999-12-31");
                yield return ("0001-01-01", "0001-01-01");
                yield return ("2026-02-30", "2026-02-30");
                break;
            case JsonValueKind.String when DateTimeOffset.TryParse(value!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _) && value.GetValue<string>().Contains('T'):
                yield return ("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z");
                yield return ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z");
                break;
            case JsonValueKind.String:
                yield return ("a huge text", new string('x', index % 5 == 0 ? 1_000_000 : 20_000));
                yield return ("an unknown code", "no-such-value-99");
                yield return ("an empty text", "");
                yield return ("99", 99);
                break;
            case JsonValueKind.Number:
                yield return ("2^31", 2147483648L);
                yield return ("-1", -1);
                yield return ("1e300", JsonNode.Parse("1e300"));
                yield return ("99", 99);
                yield return ("a decimal", 0.5m);
                break;
            case JsonValueKind.Array:
                yield return ("null items", new JsonArray(null, null));
                yield return ("600 items", new JsonArray([.. Enumerable.Range(0, 600).Select(_ => value!.AsArray().FirstOrDefault()?.DeepClone())]));
                yield return ("an empty list", new JsonArray());
                break;
        }
    }

    private static IEnumerable<(string Path, JsonNode? Value)> Members(JsonObject obj, string prefix)
    {
        foreach (var (name, value) in obj.ToList())
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            yield return (path, value);
            if (value is JsonObject inner) foreach (var m in Members(inner, path)) yield return m;
            if (value is JsonArray { Count: > 0 } list && list[0] is JsonObject item) foreach (var m in Members(item, path + "[0]")) yield return m;
        }
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Replace("[0]", ".0", StringComparison.Ordinal).Split('.');
        JsonNode node = root;
        foreach (var part in parts[..^1]) node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        node[parts[^1]] = value;
    }

    /// <summary>A body that looks valid for <paramref name="type"/>: each member with a value of its type.</summary>
    private static JsonObject Sample(Type type, int depth)
    {
        var obj = new JsonObject();
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || type.GetConstructors().Any(c => c.GetParameters().Any(a => a.Name == p.Name))))
            obj[JsonNamingPolicy.CamelCase.ConvertName(p.Name)] = Value(p.PropertyType, depth);
        return obj;
    }

    private static JsonNode? Value(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "texte";
        if (type == typeof(bool)) return false;
        if (type == typeof(Guid)) return Guid.NewGuid().ToString();
        if (type == typeof(DateOnly)) return "2026-11-20";
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset)) return "2026-11-30T10:00:00+01:00";
        if (type == typeof(TimeOnly)) return "10:00:00";
        if (type.IsEnum) return JsonNamingPolicy.KebabCaseLower.ConvertName(Enum.GetNames(type)[^1]);
        if (type.IsPrimitive || type == typeof(decimal)) return 1;
        if (type == typeof(byte[])) return Convert.ToBase64String([1, 2, 3]);
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().LastOrDefault() ?? typeof(string);
            return new JsonArray(Value(element, depth + 1));
        }
        return depth > 3 ? null : Sample(type, depth + 1);
    }

    private static string Fill(string pattern, Guid patientId, Guid episodeId)
    {
        var url = "/" + pattern.TrimStart('/');
        url = System.Text.RegularExpressions.Regex.Replace(url, "\\{patientId(:[^}]*)?\\}", patientId.ToString(), System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        url = System.Text.RegularExpressions.Regex.Replace(url, "\\{episodeId(:[^}]*)?\\}", episodeId.ToString(), System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        url = System.Text.RegularExpressions.Regex.Replace(url, "\\{[A-Za-z]*Id(:[^}]*)?\\}", Guid.NewGuid().ToString());
        url = System.Text.RegularExpressions.Regex.Replace(url, "\\{[A-Za-z]+(:[^}]*)?\\}", "breast");
        return url;
    }

    /// <summary>
    /// Every row of every table but the audit trail's (a refusal is audited), the framework's keys, and the tables the
    /// background scans write on their own clock whatever the requests do (reminders and their e-mails, the indicators'
    /// kept cases): a scan that ran between the two counts is not a request that wrote.
    /// </summary>
    private async Task<long> RowsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct()
            .Where(t => !t.StartsWith("Audit", StringComparison.Ordinal) && !t.StartsWith("Indicator", StringComparison.Ordinal)
                && t is not ("DataProtectionKeys" or "Reminders" or "OutboxMessages"))
            .Select(t => $"(SELECT COUNT(*) FROM \"{t}\")");
        var sql = "SELECT " + string.Join(" + ", tables) + " AS \"Value\"";
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
    }
}

[Collection("sqlite")]
public sealed class RequestFuzzSqliteTests(SqliteRelaisFactory factory) : RequestFuzzTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class RequestFuzzPostgresTests(PostgresRelaisFactory factory) : RequestFuzzTests(factory), IClassFixture<PostgresRelaisFactory>;
