using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Relais.Domain;

namespace Relais.Web.Operations;

/// <summary>
/// The body of an update read as a JSON merge patch (RFC 7396) over the record's current state: a member
/// left out keeps its value, a member given as null is erased, an object given merges member by member.
/// An update thus changes only what it names, and a client that does not know a field cannot erase it.
/// </summary>
public sealed class MergePatch<T> where T : class
{
    private readonly JsonObject body;
    private readonly JsonSerializerOptions options;

    internal MergePatch(JsonObject body, JsonSerializerOptions options)
    {
        this.body = body;
        this.options = options;
    }

    /// <summary>The members the request names (top level).</summary>
    public IEnumerable<string> Names => body.Select(m => m.Key);

    /// <summary>Binds the request body with the API's JSON options; an unreadable body is refused like any other.</summary>
#pragma warning disable CA1000 // minimal APIs find the binder as a static member of the parameter's own type
    public static async ValueTask<MergePatch<T>?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var options = OptionsOf(http.RequestServices);
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(http.Request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true }, cancellationToken: http.RequestAborted);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("Corps JSON illisible.", StatusCodes.Status400BadRequest, e);
        }
        return node is JsonObject obj
            ? new MergePatch<T>(obj, options)
            : throw new DomainValidationException("body", "Le corps de la requête doit être un objet JSON.");
    }
#pragma warning restore CA1000

    /// <summary>The state after the patch: <paramref name="current"/> with the request's members laid over it.</summary>
    public T ApplyTo(T current)
    {
        var target = JsonSerializer.SerializeToNode(current, options)!.AsObject();
        Merge(target, body);
        try
        {
            return target.Deserialize<T>(options) ?? throw new DomainValidationException("body", "Le corps de la requête est vide.");
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("Valeur illisible.", StatusCodes.Status400BadRequest, e);
        }
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            var key = target.Select(m => m.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
            if (value is JsonObject inner && target[key] is JsonObject existing)
                Merge(existing, inner);
            else
                target[key] = value?.DeepClone();
        }
    }

    internal static JsonSerializerOptions OptionsOf(IServiceProvider services) =>
        services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
}

/// <summary>Patches built by the app itself.</summary>
public static class MergePatch
{
    /// <summary>A patch naming every member of <paramref name="value"/>: what a form that shows every field sends.</summary>
    public static MergePatch<T> Full<T>(T value, IServiceProvider services) where T : class
    {
        var options = MergePatch<T>.OptionsOf(services);
        return new MergePatch<T>(JsonSerializer.SerializeToNode(value, options)!.AsObject(), options);
    }

    /// <summary>A patch naming only <paramref name="members"/>: what a one-purpose form sends (nothing else is touched).</summary>
    public static MergePatch<T> Only<T>(JsonObject members, IServiceProvider services) where T : class =>
        new(members, MergePatch<T>.OptionsOf(services));
}

/// <summary>
/// Versions of a record, as the API shows them: the <c>ETag</c> of a GET, the <c>If-Match</c> of a change
/// (RFC 9110 §8.8.3, §13.1.1), or a <c>version</c> in the body. A change made from another version is refused.
/// </summary>
public static class Versions
{
    public static string ETagOf(int version) => $"\"{version}\"";

    public static void SetETag(HttpContext http, int version) => http.Response.Headers.ETag = ETagOf(version);

    /// <summary>
    /// The version the caller changes from: If-Match first (a strong tag; "*" asks for none), else the body's
    /// version, else null (no check: the change still names only what it changes). A tag that is no version
    /// of ours matches nothing.
    /// </summary>
    public static int? Expected(HttpContext http, int? bodyVersion)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.Length == 0) return bodyVersion;
        if (ifMatch == "*") return null;
        var first = ifMatch.Split(',')[0].Trim();
        return first.StartsWith('"') && first.EndsWith('"') && first.Length > 2
            && int.TryParse(first.AsSpan(1, first.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : -1;
    }
}
