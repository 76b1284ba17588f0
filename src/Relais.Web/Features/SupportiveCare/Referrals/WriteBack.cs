using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.SupportiveCare.Referrals;

/// <summary>Body of POST .../referrals/{rid}/entries: <c>kind</c> first-contact|session|report, the day (today by default), the text (the report's is required).</summary>
public sealed record EntryInput(string? Kind, DateOnly? On, string? Text);

/// <summary>
/// The provider writes back on its referral ([L]: no inverted circuit): the first contact accepts it, a session puts
/// it in progress, the report completes it (and ends the provider's grant).
/// </summary>
public sealed class WriteBack(RelaisDb db, Clock clock)
{
    public async Task<SupportiveReferral?> HandleAsync(CurrentUser user, Guid patientId, Guid referralId, EntryInput input, CancellationToken ct)
    {
        var referral = await ReferralAccess.FindAsync(db, user, patientId, referralId, ct);
        if (referral is null) return null;
        var kind = EnumCodes.Parse<ReferralEntryKind>(input.Kind, "kind");
        var entry = referral.Write(kind, input.On ?? clock.Today, input.Text, user.Id, clock.Today, clock.Now);
        db.Add(entry);
        if (ReferralTransitions.IsTerminal(referral.Status)) await ReferralAccess.EndGrantsAsync(db, user, referral, clock.Now, ct);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "supportive-care referral entry", AuditOutcomes.Allowed,
            $"{referral.Id}: {EnumCodes.Code(kind)}"));
        await db.SaveChangesAsync(ct);
        return referral;
    }
}
