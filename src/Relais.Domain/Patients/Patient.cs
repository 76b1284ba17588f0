using Relais.Domain.Professionals;

namespace Relais.Domain.Patients;

public enum Sex { Female, Male, Other, Unknown }

/// <summary>A postal address; the postcode is the French five-digit code (Corsica 20xxx, overseas 97xxx).</summary>
public sealed record PostalAddress(string? Line1, string? Line2, string? PostalCode, string? City)
{
    public static PostalAddress Validated(string? line1, string? line2, string? postalCode, string? city)
    {
        var code = string.IsNullOrWhiteSpace(postalCode) ? null : postalCode.Trim();
        if (code is not null && (code.Length != 5 || !code.All(char.IsAsciiDigit)))
            throw new DomainValidationException("address.postalCode", "Le code postal doit comporter 5 chiffres.");
        return new PostalAddress(Blank(line1), Blank(line2), code, Blank(city));
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// The trusted person (personne de confiance): designated in writing by the patient and revocable at
/// any time [G]. A revoked designation is kept for the record, never erased.
/// </summary>
public sealed record TrustedPerson(string FullName, string? Relationship, string? Phone, DateOnly DesignatedInWritingOn, DateOnly? RevokedOn)
{
    public bool IsActiveOn(DateOnly day) => DesignatedInWritingOn <= day && (RevokedOn is null || day < RevokedOn);
}

/// <summary>Advance directives (directives anticipées): whether they exist, when written, where kept [G].</summary>
public sealed record AdvanceDirectives(bool Exist, DateOnly? WrittenOn, string? WhereKept);

/// <summary>
/// A person treated for cancer, identified by the INS (identifiant national de santé).
/// </summary>
public sealed class Patient
{
    private Patient() { }

    public Guid Id { get; private set; }
    public string Ins { get; private set; } = "";
    public string BirthName { get; private set; } = "";
    public string? UsedName { get; private set; }
    public string FirstNames { get; private set; } = "";
    /// <summary>Upper-case, accent-free "used birth first" names, for indexed prefix search.</summary>
    public string SearchKey { get; private set; } = "";
    public DateOnly BirthDate { get; private set; }
    public Sex Sex { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public PostalAddress Address { get; private set; } = new(null, null, null, null);
    /// <summary>The declared GP (médecin traitant), a user id.</summary>
    public Guid? GeneralPractitionerId { get; private set; }
    public TrustedPerson? TrustedPerson { get; private set; }
    public AdvanceDirectives AdvanceDirectives { get; private set; } = new(false, null, null);
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The RNIV status, from <see cref="IdentityStatuses.Of"/>: never set by hand.</summary>
    public IdentityStatus IdentityStatus { get; private set; }
    /// <summary>When the INSi teleservice last verified this INS with these traits; null for an INS typed by hand.</summary>
    public DateTimeOffset? InsiVerifiedAt { get; private set; }
    /// <summary>The OID of the authority the INSi answer gave (<see cref="InsOids"/>).</summary>
    public string? InsOid { get; private set; }
    public IdentityDocumentKind? IdentityDocument { get; private set; }
    public Guid? IdentityDocumentCheckedBy { get; private set; }
    public DateOnly? IdentityDocumentCheckedOn { get; private set; }
    /// <summary>Why the user kept an identity its INS contradicts; set, the identity waits for the identity-vigilance referent.</summary>
    public string? IdentityMismatchReason { get; private set; }
    /// <summary>
    /// Set when this record was given an INS another record holds, by someone who may not read that record:
    /// the referent reconciles the two. Never shown to the author, so that it tells nobody the INS exists.
    /// </summary>
    public DateTimeOffset? SuspectedDuplicateSince { get; private set; }
    /// <summary>Concurrency token: every change adds one, and a change made from an older version is refused.</summary>
    public int Version { get; private set; }

    public string DisplayName => $"{(UsedName ?? BirthName).ToUpperInvariant()} {FirstNames}";

    public static Patient Register(PatientDetails details, DateOnly today, DateTimeOffset now)
    {
        var patient = new Patient { Id = Guid.CreateVersion7(now), CreatedAt = now };
        patient.Apply(details, today, now);
        return patient;
    }

    public void Update(PatientDetails details, DateOnly today, DateTimeOffset now) => Apply(details, today, now);

    /// <summary>
    /// The INSi teleservice verified the INS with the current traits (RNIV): the identity is recovered, or
    /// qualified when a high-trust document was checked too. A suspected duplicate waits for the referent.
    /// </summary>
    /// <summary>
    /// Records whether advance directives exist, when they were written and where they are kept, from the palliative part of the record
    /// (issue 13 point 6: shown to whoever is called out of hours); the same rules as the identity form, the fields named as that part names them.
    /// </summary>
    public void RecordAdvanceDirectives(AdvanceDirectives directives, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(directives);
        if (!directives.Exist && (directives.WrittenOn is not null || !string.IsNullOrWhiteSpace(directives.WhereKept)))
            throw new DomainValidationException("advanceDirectives", "Indiquez que des directives anticipées existent avant d'en donner la date ou le lieu.");
        if (directives.WrittenOn > today)
            throw new DomainValidationException("advanceDirectivesOn", "Les directives anticipées ne peuvent pas être datées dans le futur.");
        if (directives.WhereKept is { Length: > 200 })
            throw new DomainValidationException("advanceDirectivesKeptAt", "Le lieu de conservation dépasse 200 caractères.");
        AdvanceDirectives = directives with { WhereKept = string.IsNullOrWhiteSpace(directives.WhereKept) ? null : directives.WhereKept.Trim() };
        Changed(now);
    }

    public void InsVerifiedByInsi(string oid, DateTimeOffset now)
    {
        if (SuspectedDuplicateSince is not null || IdentityMismatchReason is not null)
            throw new DomainValidationException("ins", "Cette identité attend la cellule d'identitovigilance : elle ne peut pas être qualifiée avant.");
        if (string.IsNullOrWhiteSpace(oid))
            throw new DomainValidationException("insOid", "La réponse du téléservice INSi ne donne pas l'OID de l'INS.");
        InsOid = oid.Trim();
        InsiVerifiedAt = now;
        Changed(now);
    }

    /// <summary>A professional checked a high-trust identity document against the identity (RNIV): validated, or qualified after INSi.</summary>
    public void IdentityDocumentChecked(IdentityDocumentKind kind, Guid by, DateOnly on, DateOnly today, DateTimeOffset now)
    {
        if (!IdentityStatuses.IsHighTrust(kind))
            throw new DomainValidationException("kind", "Ce justificatif n'est pas à haut niveau de confiance : seuls le passeport, la carte nationale d'identité et le titre de séjour valident une identité.");
        if (on > today)
            throw new DomainValidationException("checkedOn", "La vérification ne peut pas être datée dans le futur.");
        IdentityDocument = kind;
        IdentityDocumentCheckedBy = by;
        IdentityDocumentCheckedOn = on;
        Changed(now);
    }

    /// <summary>Another record holds this INS (see <see cref="SuspectedDuplicateSince"/>); the referent reconciles them.</summary>
    public void SuspectDuplicate(DateTimeOffset now)
    {
        SuspectedDuplicateSince ??= now;
        InsiVerifiedAt = null;
        InsOid = null;
        Changed(now);
    }

    /// <summary>The referent reconciled the identity: the flags drop, the checks made stay.</summary>
    public void IdentityReviewed(DateTimeOffset now)
    {
        SuspectedDuplicateSince = null;
        IdentityMismatchReason = null;
        Changed(now);
    }

    /// <summary>Refuses a change made from another version than the current one (a concurrent edit).</summary>
    public void EnsureVersion(int? expected)
    {
        if (expected is { } v && v != Version) throw new Domain.StaleVersionException("version", v, Version);
    }

    private void Changed(DateTimeOffset now)
    {
        IdentityStatus = IdentityStatuses.Of(InsiVerifiedAt is not null, IdentityDocument is { } d && IdentityStatuses.IsHighTrust(d));
        UpdatedAt = now;
        Version++;
    }

    private void Apply(PatientDetails d, DateOnly today, DateTimeOffset now)
    {
        var ins = InsNumber.Parse(d.Ins);
        var birthName = Required(d.BirthName, "birthName", "Le nom de naissance est obligatoire.");
        var firstNames = Required(d.FirstNames, "firstNames", "Le ou les prénoms sont obligatoires.");
        if (d.BirthDate > today)
            throw new DomainValidationException("birthDate", "La date de naissance ne peut pas être dans le futur.");
        if (d.BirthDate < today.AddYears(-130))
            throw new DomainValidationException("birthDate", "La date de naissance est invraisemblable (plus de 130 ans).");
        var email = Messaging.EmailAddress.Optional(d.Email, "email");
        var phone = PostalAddress.Blank(d.Phone);
        if (phone is not null && phone.Count(char.IsAsciiDigit) < 10)
            throw new DomainValidationException("phone", "Le numéro de téléphone doit comporter au moins 10 chiffres.");
        var address = PostalAddress.Validated(d.AddressLine1, d.AddressLine2, d.PostalCode, d.City);
        if (d.TrustedPerson is { } tp)
        {
            Required(tp.FullName, "trustedPerson.fullName", "Le nom de la personne de confiance est obligatoire.");
            if (tp.DesignatedInWritingOn > today)
                throw new DomainValidationException("trustedPerson.designatedInWritingOn", "La désignation écrite ne peut pas être datée dans le futur.");
            if (tp.RevokedOn is { } r && r < tp.DesignatedInWritingOn)
                throw new DomainValidationException("trustedPerson.revokedOn", "La révocation ne peut pas précéder la désignation.");
        }
        if (d.AdvanceDirectives is { Exist: false, WrittenOn: not null })
            throw new DomainValidationException("advanceDirectives.writtenOn", "Une date de rédaction suppose que des directives anticipées existent.");
        if (d.AdvanceDirectives?.WrittenOn > today)
            throw new DomainValidationException("advanceDirectives.writtenOn", "Les directives anticipées ne peuvent pas être datées dans le futur.");
        var mismatchReason = ConfirmedMismatch(ins, d);
        var usedName = PostalAddress.Blank(d.UsedName);
        // The checks were made on the INS and the strict traits (RNIV): changing any of them by hand undoes them.
        if (ins.Value != Ins || birthName != BirthName || firstNames != FirstNames || d.BirthDate != BirthDate || d.Sex != Sex)
        {
            InsiVerifiedAt = null;
            InsOid = null;
            IdentityDocument = null;
            IdentityDocumentCheckedBy = null;
            IdentityDocumentCheckedOn = null;
        }

        Ins = ins.Value;
        BirthName = birthName;
        UsedName = usedName;
        FirstNames = firstNames;
        BirthDate = d.BirthDate;
        Sex = d.Sex;
        Phone = phone;
        Email = email;
        Address = address;
        GeneralPractitionerId = d.GeneralPractitionerId;
        TrustedPerson = d.TrustedPerson is { } t ? t with { FullName = t.FullName.Trim() } : null;
        AdvanceDirectives = d.AdvanceDirectives ?? new AdvanceDirectives(false, null, null);
        SearchKey = SearchText.Normalize($"{UsedName} {BirthName} {FirstNames}");
        IdentityMismatchReason = mismatchReason;
        Changed(now);
    }

    /// <summary>
    /// The INS must agree with the sex and the birth date (<see cref="InsTraits.Mismatches"/>); a mismatch is
    /// kept only when the user confirms it with a reason (a NIR can be wrong on the carte Vitale too), and the
    /// identity then waits for the identity-vigilance referent.
    /// </summary>
    private string? ConfirmedMismatch(InsNumber ins, PatientDetails d)
    {
        var mismatches = InsTraits.Mismatches(ins, d.Sex, d.BirthDate);
        if (mismatches.Count == 0) return null;
        // Confirmed once for this INS, sex and birth date: an edit of other fields does not ask again.
        if (!d.ConfirmIdentityMismatch && IdentityMismatchReason is { } kept && ins.Value == Ins && d.Sex == Sex && d.BirthDate == BirthDate)
            return kept;
        var reason = PostalAddress.Blank(d.IdentityMismatchReason);
        if (reason?.Length > 500)
            throw new DomainValidationException("identityMismatchReason", "500 caractères au plus.");
        if (d.ConfirmIdentityMismatch && reason is not null) return reason;
        if (d.ConfirmIdentityMismatch)
            throw new DomainValidationException("identityMismatchReason", "Indiquez pourquoi vous maintenez une identité que le matricule INS contredit.");
        var fields = new Dictionary<string, string>(mismatches)
        {
            ["ins"] = "Le matricule INS ne correspond pas à l'identité saisie : corrigez, ou confirmez avec un motif (l'identité sera signalée à la cellule d'identitovigilance).",
        };
        throw new IdentityMismatchException(fields);
    }

    public int AgeOn(DateOnly day) => AgeOn(BirthDate, day);

    /// <summary>Age in whole years on a day: the day before the birthday, one year less.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        if (birthDate > day.AddYears(-age)) age--;
        return age;
    }

    private static string Required(string? value, string field, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainValidationException(field, message) : value.Trim();
}

/// <summary>What a clinician enters to register or edit a patient.</summary>
public sealed record PatientDetails(
    string? Ins,
    string? BirthName,
    string? UsedName,
    string? FirstNames,
    DateOnly BirthDate,
    Sex Sex,
    string? Phone,
    string? Email,
    string? AddressLine1,
    string? AddressLine2,
    string? PostalCode,
    string? City,
    Guid? GeneralPractitionerId,
    TrustedPerson? TrustedPerson,
    AdvanceDirectives? AdvanceDirectives,
    bool ConfirmIdentityMismatch = false,
    string? IdentityMismatchReason = null);
