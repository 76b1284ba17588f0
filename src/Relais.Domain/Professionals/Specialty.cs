namespace Relais.Domain.Professionals;

/// <summary>Specialties of the professionals who share a cancer pathway (PRODUCT.md §2).</summary>
public enum Specialty
{
    MedicalOncology,
    Radiotherapy,
    Surgery,
    Gynaecology,
    Gastroenterology,
    Pulmonology,
    Urology,
    Haematology,
    Dermatology,
    OtherOrganSpecialty,
    Pathology,
    Radiology,
    NuclearMedicine,
    Geriatrics,
    Paediatrics,
    GeneralPractice,
    Nursing,
    Psychology,
    Dietetics,
    AdaptedPhysicalActivity,
    Physiotherapy,
    SocialWork,
    Pharmacy,
    Administration,
    None,
}

/// <summary>Kinds of organisation taking part in the pathway.</summary>
public enum OrganisationKind
{
    Hospital,
    /// <summary>GP practice (cabinet de médecine générale, maison de santé).</summary>
    Practice,
    SupportiveCareStructure,
    /// <summary>Centre de coordination en cancérologie.</summary>
    CoordinationCentre3C,
    /// <summary>Réseau régional de cancérologie.</summary>
    RegionalNetwork,
    Pharmacy,
    Laboratory,
    ImagingCentre,
}

public sealed class Organisation
{
    private Organisation() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
    /// <summary>FINESS number of the establishment, 9 characters, when it has one.</summary>
    public string? Finess { get; private set; }
    public string? City { get; private set; }
    public string? PostalCode { get; private set; }

    public static Organisation Create(string name, OrganisationKind kind, string? finess, string? city, string? postalCode, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainValidationException("name", "Le nom de l'organisation est obligatoire.");
        if (finess is not null && finess.Length != 9)
            throw new DomainValidationException("finess", "Le numéro FINESS comporte 9 caractères.");
        return new Organisation { Id = Guid.CreateVersion7(now), Name = name.Trim(), Kind = kind, Finess = finess, City = city, PostalCode = postalCode };
    }
}
