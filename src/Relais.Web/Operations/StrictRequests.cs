using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Relais.Web.Operations;

/// <summary>
/// Strict request models, once for every endpoint (SECURITY.md promise 5, review L1–L3): whatever the API reads
/// from JSON is checked as it is read, before any use case sees it. A text has a length (<see cref="TextLength"/>
/// unless the property says less or more with <see cref="StringLengthAttribute"/> or <see cref="MaxLengthAttribute"/>),
/// a list a number of items (<see cref="Items"/>, or <see cref="MaxLengthAttribute"/>) and no null item unless its
/// type says so, a date lies between <see cref="EarliestDate"/> and <see cref="LatestDate"/>, a number within its
/// <see cref="RangeAttribute"/>, and a member declared non-nullable is not null. A refusal is a
/// <see cref="RequestFieldException"/>: a 400 problem naming the field. The bounds hold for every request type,
/// the ones added later included, because they hang on the serializer's contract and not on each endpoint.
/// </summary>
public static class StrictRequests
{
    /// <summary>Longer than any free text a rule of the domain admits (messages: 5,000 characters), so that those rules
    /// keep their own message; short enough that no text can keep the server busy (a 1 MB PPS field took minutes to render).</summary>
    public const int TextLength = 10_000;

    /// <summary>Items of a list: above any real one (PPS phases, laboratory batches), below what makes a render or a batch slow.</summary>
    public const int Items = 500;

    /// <summary>No date Relais records lies before this: patients' birth dates included.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>No date Relais records lies after this: surveillance calendars reach decades ahead, not centuries.</summary>
    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    /// <summary>The largest JSON body read, in bytes: room for a field at the length limit and for a 1 MB protocol file; larger is 413 before reading.</summary>
    public const long JsonBodyBytes = 2 * 1024 * 1024;

    public static void Apply(JsonSerializerOptions options) =>
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Bound);

    public static bool IsPlausible(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    public static string DateMessage => string.Create(CultureInfo.InvariantCulture, $"Date invraisemblable : attendue entre {EarliestDate.Year} et {LatestDate.Year}.");

    private static void Bound(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Properties.Count == 0) return;
        var nullability = new NullabilityInfoContext();
        var checks = type.Properties.Select(p => CheckOf(p, nullability)).OfType<Action<object>>().ToArray();
        if (checks.Length == 0) return;
        var previous = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            foreach (var check in checks) check(value);
            previous?.Invoke(value);
        };
    }

    private static Action<object>? CheckOf(JsonPropertyInfo property, NullabilityInfoContext nullability)
    {
        // Only what the request can set: a computed property is no input.
        if (property.Get is not { } get || property.Set is null && property.AssociatedParameter is null) return null;
        var name = property.Name;
        var member = property.AttributeProvider as MemberInfo;
        var type = property.PropertyType;
        var info = member switch
        {
            PropertyInfo p => nullability.Create(p),
            FieldInfo f => nullability.Create(f),
            _ => null,
        };
        var required = !type.IsValueType && info?.WriteState == NullabilityState.NotNull;
        var range = member?.GetCustomAttribute<RangeAttribute>();

        if (type == typeof(string))
        {
            var max = member?.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength ?? member?.GetCustomAttribute<MaxLengthAttribute>()?.Length ?? TextLength;
            return value =>
            {
                var text = (string?)get(value);
                if (text is null) { if (required) throw Missing(name); return; }
                if (text.Length > max) throw TooLong(name, max);
            };
        }
        if (Underlying(type) == typeof(DateOnly)) return value => { if (get(value) is DateOnly d && !IsPlausible(d)) throw Implausible(name); };
        if (Underlying(type) == typeof(DateTime)) return value => { if (get(value) is DateTime d && !IsPlausible(DateOnly.FromDateTime(d))) throw Implausible(name); };
        if (Underlying(type) == typeof(DateTimeOffset)) return value => { if (get(value) is DateTimeOffset d && !IsPlausible(DateOnly.FromDateTime(d.UtcDateTime))) throw Implausible(name); };
        if (range is not null) return value => { if (get(value) is { } v && !range.IsValid(v)) throw OutOfRange(name, range); };
        if (type != typeof(byte[]) && typeof(IEnumerable).IsAssignableFrom(type) && ElementOf(type) is { } element)
        {
            var max = member?.GetCustomAttribute<MaxLengthAttribute>()?.Length ?? Items;
            var nullItems = Nullable.GetUnderlyingType(element) is not null
                || (!element.IsValueType && (info?.ElementType ?? info?.GenericTypeArguments.FirstOrDefault())?.ReadState == NullabilityState.Nullable);
            return value =>
            {
                if (get(value) is not IEnumerable items) { if (required) throw Missing(name); return; }
                var index = 0;
                foreach (var item in items)
                {
                    if (index == max) throw new RequestFieldException(name, string.Create(CultureInfo.InvariantCulture, $"{max} éléments au plus."));
                    if (item is null && !nullItems) throw new RequestFieldException($"{name}[{index}]", "Élément vide : retirez-le ou remplissez-le.");
                    if (item is string text && text.Length > TextLength) throw TooLong($"{name}[{index}]", TextLength);
                    if (item is DateOnly d && !IsPlausible(d)) throw Implausible($"{name}[{index}]");
                    index++;
                }
            };
        }
        if (required) return value => { if (get(value) is null) throw Missing(name); };
        return null;
    }

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static RequestFieldException Missing(string name) => new(name, "Ce champ est obligatoire.");

    private static RequestFieldException TooLong(string name, int max) =>
        new(name, string.Create(CultureInfo.InvariantCulture, $"{max} caractères au plus."));

    private static RequestFieldException Implausible(string name) => new(name, DateMessage);

    private static RequestFieldException OutOfRange(string name, RangeAttribute range) =>
        new(name, string.Create(CultureInfo.InvariantCulture, $"Valeur attendue entre {range.Minimum} et {range.Maximum}."));
}

/// <summary>A member of the request refused by <see cref="StrictRequests"/>; the serializer adds where in the body it lies.</summary>
public sealed class RequestFieldException(string member, string message) : JsonException(message)
{
    public string Member { get; } = member;
}

/// <summary>
/// Refuses a JSON body larger than <see cref="StrictRequests.JsonBodyBytes"/> with 413 before it is read, and stops
/// reading one that grows past it (a chunked body declares no length); other bodies (uploads) keep their own limits.
/// </summary>
public static class JsonBodyLimit
{
    public static IApplicationBuilder UseJsonBodyLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (request.HasJsonContentType())
        {
            if (request.ContentLength > StrictRequests.JsonBodyBytes)
                throw new BadHttpRequestException("Corps JSON trop volumineux.", StatusCodes.Status413PayloadTooLarge);
            if (request.ContentLength is null) request.Body = new LimitedStream(request.Body, StrictRequests.JsonBodyBytes);
        }
        await next(http);
    });

    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            read += n;
            return read > limit ? throw new BadHttpRequestException("Corps JSON trop volumineux.", StatusCodes.Status413PayloadTooLarge) : n;
        }
    }
}
