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

    public string DisplayName => $"{(UsedName ?? BirthName).ToUpperInvariant()} {FirstNames}";

    public static Patient Register(PatientDetails details, DateOnly today, DateTimeOffset now)
    {
        var patient = new Patient { Id = Guid.CreateVersion7(now), CreatedAt = now };
        patient.Apply(details, today, now);
        return patient;
    }

    public void Update(PatientDetails details, DateOnly today, DateTimeOffset now) => Apply(details, today, now);

    private void Apply(PatientDetails d, DateOnly today, DateTimeOffset now)
    {
        var ins = InsNumber.Parse(d.Ins);
        var birthName = Required(d.BirthName, "birthName", "Le nom de naissance est obligatoire.");
        var firstNames = Required(d.FirstNames, "firstNames", "Le ou les prénoms sont obligatoires.");
        if (d.BirthDate > today)
            throw new DomainValidationException("birthDate", "La date de naissance ne peut pas être dans le futur.");
        if (d.BirthDate < today.AddYears(-130))
            throw new DomainValidationException("birthDate", "La date de naissance est invraisemblable (plus de 130 ans).");
        var email = PostalAddress.Blank(d.Email);
        if (email is not null && (!email.Contains('@') || email.Length > 254))
            throw new DomainValidationException("email", "L'adresse électronique n'est pas valide.");
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

        Ins = ins.Value;
        BirthName = birthName;
        UsedName = PostalAddress.Blank(d.UsedName);
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
        UpdatedAt = now;
    }

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        if (BirthDate > day.AddYears(-age)) age--;
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
    AdvanceDirectives? AdvanceDirectives);
