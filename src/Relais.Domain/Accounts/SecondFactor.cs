using Relais.Domain.Access;

namespace Relais.Domain.Accounts;

/// <summary>What a sign-in proved: a password alone, or more.</summary>
public enum SignInStrength
{
    Password,
    /// <summary>A password and an authenticator code (TOTP), or a passkey (a user-verified WebAuthn credential).</summary>
    SecondFactor,
    /// <summary>Pro Santé Connect (e-CPS or CPS card): strong authentication by the national service itself.</summary>
    ProSanteConnect,
}

/// <summary>
/// Who must prove more than a password. PGSSI-S (the ANS security policy, "référentiel d'authentification des acteurs
/// de santé") asks strong authentication of the professionals who reach health data: Pro Santé Connect (e-CPS, CPS)
/// or a second factor; SECURITY.md promise 6 applies it to every professional account, TOTP or passkey, unless signed
/// in through Pro Santé Connect. Administrators and quality coordinators hold the accounts and the aggregates: the
/// same. Patients, caregivers and trusted persons are not forced (they may turn a second factor on).
/// </summary>
public static class SecondFactor
{
    public static bool IsRequired(AccessorKind kind) =>
        kind is AccessorKind.Professional or AccessorKind.Administrator or AccessorKind.QualityCoordinator;

    public static bool IsSatisfied(AccessorKind kind, SignInStrength strength) =>
        !IsRequired(kind) || strength is SignInStrength.SecondFactor or SignInStrength.ProSanteConnect;
}
