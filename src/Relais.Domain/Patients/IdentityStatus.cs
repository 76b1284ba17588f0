namespace Relais.Domain.Patients;

/// <summary>
/// The four statuses of a digital identity in the Référentiel national d'identitovigilance (RNIV, volet 1,
/// "les statuts de l'identité numérique"), from two independent facts: the INS was returned or verified by
/// the INSi teleservice, and the identity was checked against a high-trust identity document by a professional.
/// </summary>
public enum IdentityStatus
{
    /// <summary>Identité provisoire: neither check (an INS typed by hand stays here until a document is checked).</summary>
    Provisional,
    /// <summary>Identité récupérée: the INSi teleservice returned or verified the INS, no document checked.</summary>
    Recovered,
    /// <summary>Identité validée: a high-trust document checked, no INSi answer.</summary>
    Validated,
    /// <summary>Identité qualifiée: both; the only status whose INS may be exchanged.</summary>
    Qualified,
}

/// <summary>The identity documents a professional may check; only some of them carry high trust (RNIV).</summary>
public enum IdentityDocumentKind { Passport, NationalIdentityCard, ResidencePermit, BirthCertificate, FamilyRecordBook }

/// <summary>The OIDs of the authority that assigns an INS, as the INSi teleservice returns them (ANS, "OID de l'INS").</summary>
public static class InsOids
{
    /// <summary>INS-NIR of a real person.</summary>
    public const string Nir = "1.2.250.1.213.1.4.8";
    /// <summary>INS-NIR of a test identity: the only one demo and test data may carry.</summary>
    public const string NirTest = "1.2.250.1.213.1.4.10";
}

/// <summary>The RNIV rules on identity statuses, in one place.</summary>
public static class IdentityStatuses
{
    /// <summary>
    /// The status reached from the two checks (RNIV volet 1): INSi alone recovers, a high-trust document
    /// alone validates, both qualify. An INS typed by hand, without the teleservice, is never qualified.
    /// </summary>
    public static IdentityStatus Of(bool insVerifiedByInsi, bool highTrustDocumentChecked) => (insVerifiedByInsi, highTrustDocumentChecked) switch
    {
        (true, true) => IdentityStatus.Qualified,
        (true, false) => IdentityStatus.Recovered,
        (false, true) => IdentityStatus.Validated,
        (false, false) => IdentityStatus.Provisional,
    };

    /// <summary>
    /// High-trust documents (RNIV): passport, national identity card, residence permit. A birth certificate or
    /// a family record book carries no photograph and validates nothing.
    /// </summary>
    public static bool IsHighTrust(IdentityDocumentKind kind) =>
        kind is IdentityDocumentKind.Passport or IdentityDocumentKind.NationalIdentityCard or IdentityDocumentKind.ResidencePermit;

    /// <summary>Only a qualified INS is exchanged with other systems (RNIV; PGSSI-S): mail headers, documents.</summary>
    public static bool MayLeaveRelais(IdentityStatus status) => status == IdentityStatus.Qualified;
}

/// <summary>
/// The INS contradicts the identity typed beside it (<see cref="InsTraits.Mismatches"/>): refused until the
/// user confirms with a reason. Names the INS and every contradicted field.
/// </summary>
public sealed class IdentityMismatchException(IReadOnlyDictionary<string, string> fields)
    : Exception("Le matricule INS ne correspond pas à l'identité saisie.")
{
    public IReadOnlyDictionary<string, string> Fields { get; } = fields;
}
