namespace Relais.Domain.Accounts;

/// <summary>Where a professional's account stands, as the administrator's list shows it.</summary>
public enum AccountStatus
{
    /// <summary>Created by an administrator, invitation sent, no password set yet.</summary>
    Invited,
    /// <summary>Password and second factor set: the person can sign in.</summary>
    Active,
    /// <summary>Switched off by an administrator: no sign-in, every session and token refused.</summary>
    Deactivated,
}

/// <summary>What an invitation link is worth when it is opened.</summary>
public enum InvitationState
{
    Valid,
    /// <summary>Older than <see cref="AccountRules.InvitationLifetime"/>: the administrator sends a new one.</summary>
    Expired,
    /// <summary>Already used to activate the account, replaced by a newer invitation, or the account is deactivated.</summary>
    Spent,
    /// <summary>Not a link Relais issued (altered, truncated, or for an account that no longer exists).</summary>
    Invalid,
}

/// <summary>
/// The account lifecycle of issue 11 ("accounts for everyone on the pathway"): accounts are created by
/// an administrator, never by self-registration (PRODUCT.md §2, "Administrator: users"), and the person
/// activates theirs from a single-use e-mail link that expires, setting a password and a second factor
/// (SECURITY.md promise 6, PGSSI-S strong authentication).
/// </summary>
public static class AccountRules
{
    /// <summary>An invitation link is valid 72 hours from its sending (issue 11, point 1).</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromHours(72);

    public static AccountStatus StatusOf(bool isActive, bool hasPassword) =>
        !isActive ? AccountStatus.Deactivated : hasPassword ? AccountStatus.Active : AccountStatus.Invited;

    /// <summary>
    /// The state of an invitation issued at <paramref name="issuedAt"/> for an account whose security
    /// stamp was then <paramref name="issuedStamp"/>: activating, re-inviting or deactivating the account
    /// changes the stamp, so a link is good once, and only the latest one.
    /// </summary>
    public static InvitationState Check(DateTimeOffset issuedAt, string issuedStamp, string? currentStamp, bool isActive, bool hasPassword, DateTimeOffset now)
    {
        if (!isActive || hasPassword || currentStamp != issuedStamp) return InvitationState.Spent;
        return now - issuedAt > InvitationLifetime ? InvitationState.Expired : InvitationState.Valid;
    }
}
