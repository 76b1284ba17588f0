using Relais.Domain.Patients;

namespace Relais.Web.Features.Patients.Identity;

/// <summary>What is sent to the INSi teleservice to verify an INS: the INS and the strict traits (RNIV).</summary>
public sealed record InsiQuery(string Ins, string BirthName, string FirstNames, DateOnly BirthDate, Sex Sex);

public enum InsiOutcome
{
    /// <summary>The national reference holds this INS with these traits.</summary>
    Verified,
    /// <summary>The national reference does not hold this INS with these traits.</summary>
    NotRecognised,
    /// <summary>The teleservice could not be reached.</summary>
    Unavailable,
}

/// <summary>The teleservice's answer; <see cref="Oid"/> is the INS's authority (INS-NIR, or the test INS-NIR).</summary>
public sealed record InsiAnswer(InsiOutcome Outcome, string? Oid);

/// <summary>
/// The INSi teleservice of the Assurance maladie (verification of an INS with its traits), the only way an
/// identity becomes "recovered" and then "qualified" (RNIV). It is reached with a health-establishment
/// certificate or a professional's CPS / e-CPS through an approved software; this installation has neither.
/// </summary>
public interface IInsiTeleservice
{
    Task<InsiAnswer> VerifyAsync(InsiQuery query, CancellationToken ct);
}

/// <summary>
/// The teleservice as this installation reaches it: not at all (no certificate, no approved gateway), so every
/// verification answers <see cref="InsiOutcome.Unavailable"/> and no identity is ever recovered here by pretence.
/// The tests put a double in its place.
/// </summary>
public sealed class UnreachableInsiTeleservice : IInsiTeleservice
{
    public Task<InsiAnswer> VerifyAsync(InsiQuery query, CancellationToken ct) => Task.FromResult(new InsiAnswer(InsiOutcome.Unavailable, null));
}
