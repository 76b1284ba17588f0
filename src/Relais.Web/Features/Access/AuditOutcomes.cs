namespace Relais.Web.Features.Access;

/// <summary>How the access rule answered (<c>AuditEntry.Outcome</c>); a break-glass access is flagged for review.</summary>
public static class AuditOutcomes
{
    public const string Allowed = "allowed";
    public const string Denied = "denied";
    public const string BreakGlass = "break-glass";
}
