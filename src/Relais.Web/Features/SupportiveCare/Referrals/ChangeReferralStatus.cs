using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Audit;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.SupportiveCare.Referrals;

/// <summary>Body of POST .../referrals/{rid}/status: <c>reason</c> required for <c>renounced</c> (financial|distance|waiting-time|health|other).</summary>
public sealed record ReferralStatusInput(string? Status, string? Reason, string? Note);

/// <summary>
/// Moves a referral on (the domain's state machine, <see cref="ReferralTransitions"/>): the team and the GP, or the
/// provider's own accounts. A closed referral (completed, declined, renounced) ends the provider's scoped grants on
/// the record unless another referral to the same provider is still open.
/// </summary>
public sealed class ChangeReferralStatus(RelaisDb db, Clock clock)
{
    /// <returns>Null when the patient has no such referral the caller may act on.</returns>
    public async Task<SupportiveReferral?> HandleAsync(CurrentUser user, Guid patientId, Guid referralId, ReferralStatusInput input, CancellationToken ct)
    {
        var referral = await ReferralAccess.FindAsync(db, user, patientId, referralId, ct);
        if (referral is null) return null;
        var status = EnumCodes.Parse<ReferralStatus>(input.Status, "status");
        RenunciationReason? reason = string.IsNullOrWhiteSpace(input.Reason) ? null : EnumCodes.Parse<RenunciationReason>(input.Reason, "reason");
        referral.MoveTo(status, reason, input.Note, clock.Now);
        if (ReferralTransitions.IsTerminal(status)) await ReferralAccess.EndGrantsAsync(db, user, referral, clock.Now, ct);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "supportive-care referral status", AuditOutcomes.Allowed,
            $"{referral.Id}: {EnumCodes.Code(status)}{(reason is { } r ? " (" + EnumCodes.Code(r) + ")" : "")}"));
        await db.SaveChangesAsync(ct);
        return referral;
    }
}

/// <summary>Who may act on a referral, and the grants a referral opened.</summary>
public static class ReferralAccess
{
    /// <summary>
    /// The referral, tracked, if the caller may act on it: a provider's account only on its provider's referrals
    /// (another provider's referral is answered as missing); everyone else the access rule let through.
    /// </summary>
    public static async Task<SupportiveReferral?> FindAsync(RelaisDb db, CurrentUser user, Guid patientId, Guid referralId, CancellationToken ct)
    {
        var referral = await db.SupportiveReferrals.Include(r => r.Entries).FirstOrDefaultAsync(r => r.Id == referralId && r.PatientId == patientId, ct);
        if (referral is null) return null;
        if (!user.IsInRole(Roles.SupportiveCare)) return referral;
        return await db.ProviderMembers.AnyAsync(m => m.UserId == user.Id && m.ProviderId == referral.ProviderId, ct) ? referral : null;
    }

    /// <summary>The providers the caller works for.</summary>
    public static IQueryable<Guid> ProvidersOf(RelaisDb db, Guid userId) => db.ProviderMembers.Where(m => m.UserId == userId).Select(m => m.ProviderId);

    public static async Task EndGrantsAsync(RelaisDb db, CurrentUser user, SupportiveReferral referral, DateTimeOffset now, CancellationToken ct)
    {
        var stillOpen = await db.SupportiveReferrals.AnyAsync(r => r.PatientId == referral.PatientId && r.ProviderId == referral.ProviderId && r.Id != referral.Id
            && r.Status != ReferralStatus.Completed && r.Status != ReferralStatus.Declined && r.Status != ReferralStatus.Renounced, ct);
        if (stillOpen) return;
        var members = db.ProviderMembers.Where(m => m.ProviderId == referral.ProviderId).Select(m => m.UserId);
        var grants = await db.AccessGrants.Where(g => g.PatientId == referral.PatientId && members.Contains(g.ProfessionalId) && g.RevokedAt == null
            && g.Reason.StartsWith(ProposeReferral.GrantReasonPrefix)).ToListAsync(ct);
        foreach (var grant in grants) grant.Revoke(user.Id, now);
    }
}
