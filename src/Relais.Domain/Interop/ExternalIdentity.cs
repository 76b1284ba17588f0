using Relais.Domain.Patients;

namespace Relais.Domain.Interop;

/// <summary>The identity an external sender (a laboratory) gives for its results: the INS and the strict traits (RNIV).</summary>
public sealed record ExternalIdentity(string? Ins, string? BirthName, IReadOnlyList<string> GivenNames, DateOnly? BirthDate, Sex? Sex);

/// <summary>The identity of the record the INS points to, with its RNIV status.</summary>
public sealed record RecordIdentity(string Ins, string BirthName, string FirstNames, DateOnly BirthDate, Sex Sex, IdentityStatus Status);

/// <summary>
/// Whether results sent by an outside system may be attached to a record (RNIV: an INS may be used to match only when
/// the identity is qualified, and the traits sent must agree with the record's). Anything else is held for the
/// identity-vigilance referent, never put on a record.
/// </summary>
public static class ExternalIdentityMatch
{
    /// <summary>The reasons a match is refused, as short codes (never the traits themselves).</summary>
    public const string NoIns = "no-ins";
    public const string UnknownIns = "unknown-ins";
    public const string NotQualified = "not-qualified";
    public const string BirthNameDiffers = "birth-name";
    public const string GivenNameDiffers = "given-name";
    public const string BirthDateDiffers = "birth-date";
    public const string SexDiffers = "sex";
    /// <summary>The identity matched, but the sender may not write to that record (outside its care team): held as the others are.</summary>
    public const string SenderNotInCareTeam = "sender-not-in-care-team";

    /// <summary>The reasons the sent identity does not match the record (empty: it matches).</summary>
    public static IReadOnlyList<string> Mismatches(ExternalIdentity sent, RecordIdentity? record)
    {
        if (string.IsNullOrWhiteSpace(sent.Ins)) return [NoIns];
        if (record is null) return [UnknownIns];
        var reasons = new List<string>();
        if (record.Status != IdentityStatus.Qualified) reasons.Add(NotQualified);
        if (SearchText.Normalize(sent.BirthName).Length == 0 || SearchText.Normalize(sent.BirthName) != SearchText.Normalize(record.BirthName))
            reasons.Add(BirthNameDiffers);
        // The first given name of the record must be the first one sent (RNIV: the first birth given name is a strict trait).
        var recordFirst = SearchText.Normalize(record.FirstNames).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var sentFirst = sent.GivenNames.Select(SearchText.Normalize).SelectMany(g => g.Split(' ', StringSplitOptions.RemoveEmptyEntries)).FirstOrDefault();
        if (recordFirst is null || sentFirst != recordFirst) reasons.Add(GivenNameDiffers);
        if (sent.BirthDate != record.BirthDate) reasons.Add(BirthDateDiffers);
        if (sent.Sex != record.Sex) reasons.Add(SexDiffers);
        return reasons;
    }
}
