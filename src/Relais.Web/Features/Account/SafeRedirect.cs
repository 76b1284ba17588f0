namespace Relais.Web.Features.Account;

/// <summary>Where to go after signing in: only a path of this site, never another host (an open redirect).</summary>
public static class SafeRedirect
{
    public static string Target(string? url) =>
        url is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) && !r.StartsWith("/\\", StringComparison.Ordinal) ? r : "/";
}
