namespace Relais.Web.Features.Access;

/// <summary>What an audit row records an actor doing (<c>AuditEntry.Action</c>).</summary>
public static class AuditActions
{
    public const string Read = "read";
    public const string Write = "write";
    public const string List = "list";
    public const string SignIn = "sign-in";
    public const string BreakGlass = "break-glass";
    public const string ChainCheck = "chain-check";
    public const string Purge = "purge";
}
