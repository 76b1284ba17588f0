using Relais.Domain.Audit;
using Relais.Web.Features.Access;

namespace Relais.Web.Features.Account;

/// <summary>
/// The audited account events (issue 11: "every account event is audited"). The row names the account
/// concerned in its detail; no patient is involved, so the patient column stays empty.
/// </summary>
public static class AccountAudit
{
    public const string Created = "account-created";
    public const string Invited = "account-invited";
    public const string Activated = "account-activated";
    public const string PasswordSet = "password-set";
    public const string TwoFactorEnrolled = "two-factor-enrolled";
    public const string Deactivated = "account-deactivated";
    public const string Reactivated = "account-reactivated";
    public const string ResetRequested = "password-reset-requested";
    public const string PasswordReset = "password-reset";

    public static AuditEntry Entry(DateTimeOffset now, Guid? actorId, string? actorRole, string action, string resource, Guid accountId) =>
        AuditEntry.Create(now, actorId, actorRole, null, action, resource, AuditOutcomes.Allowed, $"account {accountId}");
}
