namespace Relais.Domain.SupportiveCare;

/// <summary>Why a patient is on the outreach worklist ([L] "aller-vers": consequences with no help, help given up).</summary>
public enum OutreachReason
{
    /// <summary>The patient gave the referral up (its reason says why).</summary>
    Renounced,
    /// <summary>No first contact recorded N days after the referral was proposed.</summary>
    Stalled,
    /// <summary>A need recorded N days ago with no referral since.</summary>
    NeedWithoutReferral,
}

/// <summary>The delays after which the worklist brings a patient back, configuration with these defaults.</summary>
public sealed record OutreachDelays(int NeedWithoutReferralDays = OutreachDelays.DefaultDays, int StalledReferralDays = OutreachDelays.DefaultDays)
{
    /// <summary>
    /// Two weeks: the Ligue's observatory [L] finds that orientation not followed quickly is given up; the default
    /// leaves the structure time to call the patient back, and each organisation may set its own.
    /// </summary>
    public const int DefaultDays = 14;
}

/// <summary>The outreach rules ([L] "aller-vers"; PRODUCT.md §8 Outreach), as pure functions the worklist applies.</summary>
public static class OutreachRules
{
    /// <summary>A referral is stalled when still proposed or accepted with no first contact N days after it was proposed.</summary>
    public static bool IsStalled(ReferralStatus status, DateOnly? firstContactOn, DateOnly proposedOn, DateOnly today, OutreachDelays delays) =>
        status is ReferralStatus.Proposed or ReferralStatus.Accepted && firstContactOn is null
        && today.DayNumber - proposedOn.DayNumber >= delays.StalledReferralDays;

    /// <summary>A need waits for a referral when none of the patient's referrals came after it and it is N days old.</summary>
    public static bool NeedWaits(DateOnly assessedOn, bool referredSince, DateOnly today, OutreachDelays delays) =>
        !referredSince && today.DayNumber - assessedOn.DayNumber >= delays.NeedWithoutReferralDays;

    /// <summary>The worklist's order: renounced, then stalled, then needs without referral; the oldest first within each.</summary>
    public static int Rank(OutreachReason reason) => reason switch
    {
        OutreachReason.Renounced => 0,
        OutreachReason.Stalled => 1,
        _ => 2,
    };
}
