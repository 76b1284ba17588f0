using System.Security.Cryptography;
using System.Text;
using Relais.Web.Documents;

namespace Relais.Web.Operations;

/// <summary>
/// What the browser is told it may do (SECURITY.md §7; security review L5, M7), in one place for every answer:
/// a Content-Security-Policy that allows only Relais's own script and styles (no inline script: the few
/// behaviours live in wwwroot/relais.js; the documents' one inline stylesheet is allowed by its hash), no
/// framing by another site, no MIME sniffing, no referrer, no powerful browser features, and
/// <c>Cache-Control: no-store</c> on every answer that may carry nominative data — every answer to a signed-in
/// user, and every dynamic answer (a calendar feed is read by its secret address, without signing in).
/// Only the fingerprinted static files (<see cref="StaticFile"/>) keep their own caching.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Marks the static files' endpoints: the only answers a browser may keep.</summary>
    public sealed class StaticFile;

    /// <summary>The hash of <see cref="DocumentStyles.Css"/>, the inline stylesheet of the PPS and RCP report documents.</summary>
    private static readonly string DocumentStyleHash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(DocumentStyles.Css))) + "'";

    public static string Policy(string? externalSignIn)
    {
        // Pro Santé Connect's sign-in is reached by a form post that redirects to it: form-action must allow its origin.
        var formAction = externalSignIn is { Length: > 0 } ? $"'self' {externalSignIn}" : "'self'";
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            $"style-src 'self' {DocumentStyleHash}",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-src 'self'",
            "frame-ancestors 'self'",
            "base-uri 'self'",
            $"form-action {formAction}");
    }

    /// <summary>The API browser (Scalar) writes its configuration as an inline script: its page alone may run one. It shows no patient data.</summary>
    private const string ApiBrowserPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var authority = configuration["Authentication:ProSanteConnect:Authority"];
        var policy = Policy(Uri.TryCreate(authority, UriKind.Absolute, out var psc) ? psc.GetLeftPart(UriPartial.Authority) : null);
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            // Documents are shown in a frame of Relais's own pages; no other site may frame Relais.
            headers.XFrameOptions = "SAMEORIGIN";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs") ? ApiBrowserPolicy : policy;
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            context.Response.OnStarting(() =>
            {
                // Static files keep their own (long, fingerprinted) caching; nothing else is kept by a browser or a proxy.
                if (context.GetEndpoint()?.Metadata.GetMetadata<StaticFile>() is null)
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
