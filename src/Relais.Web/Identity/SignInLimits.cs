using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Relais.Web.Identity;

/// <summary>Section <c>Security:SignInLimits</c>: attempts allowed per window, per client address and per account.</summary>
public sealed class SignInLimitOptions
{
    public bool Enabled { get; set; } = true;
    public int WindowSeconds { get; set; } = 60;
    /// <summary>Attempts from one client address (a hospital's network shares one: kept generous).</summary>
    public int PerClientPerWindow { get; set; } = 60;
    /// <summary>Attempts on one account, whatever the address (lockout after 5 wrong passwords stays the stronger brake).</summary>
    public int PerAccountPerWindow { get; set; } = 10;
}

/// <summary>
/// Rate limiting of everything that tries a secret (SECURITY.md promise 6; security review M6: 60 sign-ins
/// in 0.1 s, no 429): the sign-in form and API, the second-factor form, the token refresh, the password reset
/// (request and confirmation) and the invitation activation. ASP.NET Core's rate limiter, two fixed windows
/// chained: one per client address, one per account identifier (the e-mail address typed, read from the body
/// before the limiter runs). A refused attempt gets a 429 problem with Retry-After. The limits are settings,
/// on by default; nothing depends on the hosting environment.
/// </summary>
public static class SignInLimits
{
    private const string AccountKey = "relais:sign-in-account";
    private const int LargestBodyRead = 16 * 1024;

    /// <summary>The POSTs that try a secret, and the field naming the account where the body has one.</summary>
    private static readonly (string Path, string? AccountField)[] Guarded =
    [
        ("/api/auth/login", "email"),
        ("/api/auth/refresh", null),
        ("/api/auth/password-reset", "email"),
        ("/api/auth/password-reset/confirm", null),
        ("/api/auth/activate", null),
        ("/connexion", "Input.Email"),
        ("/connexion/2fa", null),
        ("/connexion/mot-de-passe-oublie", "Email"),
        ("/connexion/nouveau-mot-de-passe", null),
        ("/compte/activation", null),
    ];

    public static IServiceCollection AddSignInLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInLimitOptions>().Bind(configuration.GetSection("Security:SignInLimits"))
            .Validate(o => o.WindowSeconds > 0 && o.PerClientPerWindow > 0 && o.PerAccountPerWindow > 0, "Security:SignInLimits: the window and the limits must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, "client:" + (context.Connection.RemoteIpAddress?.ToString() ?? "-"), l => l.PerClientPerWindow)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => context.Items[AccountKey] is string account
                    ? Partition(context, "account:" + account, l => l.PerAccountPerWindow)
                    : RateLimitPartition.GetNoLimiter("")));
            o.OnRejected = async (rejected, ct) =>
            {
                var window = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value.WindowSeconds;
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : window;
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Trop de tentatives",
                    detail: $"Trop de tentatives de connexion : réessayez dans {Math.Max(1, seconds)} secondes.").ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    /// <summary>Reads the account a guarded attempt names, then limits; every other request passes untouched.</summary>
    public static IApplicationBuilder UseSignInLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsGuarded(context.Request, out var field) && field is not null && await AccountAsync(context.Request, field) is { Length: > 0 } account)
                context.Items[AccountKey] = account.Trim().ToUpperInvariant();
            await next(context);
        });
        return app.UseRateLimiter();
    }

    /// <summary>The API document lists the 429 of the guarded endpoints with their other answers.</summary>
    public static Task DocumentLimit(Microsoft.OpenApi.OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        if (string.Equals(description.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase)
            && Guarded.Any(g => g.Path.Equals("/" + description.RelativePath?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
        {
            operation.Responses ??= new Microsoft.OpenApi.OpenApiResponses();
            operation.Responses.TryAdd("429", new Microsoft.OpenApi.OpenApiResponse { Description = "Trop de tentatives : réessayer après le délai de Retry-After." });
        }
        return Task.CompletedTask;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string key, Func<SignInLimitOptions, int> limit)
    {
        if (!IsGuarded(context.Request, out _)) return RateLimitPartition.GetNoLimiter("");
        var options = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value;
        if (!options.Enabled) return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit(options),
            Window = TimeSpan.FromSeconds(options.WindowSeconds),
            QueueLimit = 0,
        });
    }

    private static bool IsGuarded(HttpRequest request, out string? accountField)
    {
        accountField = null;
        if (!HttpMethods.IsPost(request.Method)) return false;
        var path = request.Path.Value?.TrimEnd('/') ?? "";
        foreach (var (guarded, field) in Guarded)
        {
            if (!path.Equals(guarded, StringComparison.OrdinalIgnoreCase)) continue;
            accountField = field;
            return true;
        }
        return false;
    }

    /// <summary>The account field of a small JSON or form body; the body is left readable for the endpoint.</summary>
    private static async Task<string?> AccountAsync(HttpRequest request, string field)
    {
        if (request.ContentLength > LargestBodyRead) return null;
        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                return form[field].FirstOrDefault();
            }
            catch (InvalidDataException)
            {
                // A malformed form is the endpoint's to refuse; it is limited by client address only.
                return null;
            }
        }
        if (request.HasJsonContentType())
        {
            request.EnableBuffering();
            try
            {
                using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
            finally
            {
                request.Body.Position = 0;
            }
        }
        return null;
    }
}
