using System.Globalization;
using Relais.Domain;
using Relais.Domain.Patients;

namespace Relais.Web.Features.Patients;

/// <summary>The fields of the patient form as typed (strings), turned into the API input with field-named errors.</summary>
public sealed class PatientForm
{
    public string? Ins { get; set; }
    public string? BirthName { get; set; }
    public string? UsedName { get; set; }
    public string? FirstNames { get; set; }
    public string? BirthDate { get; set; }
    public string? Sex { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? AddressLine1 { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? GeneralPractitionerId { get; set; }
    public string? GpChangeAgreement { get; set; }
    public string? TrustedPersonName { get; set; }
    public string? TrustedPersonRelationship { get; set; }
    public string? TrustedPersonPhone { get; set; }
    public string? TrustedPersonDesignatedOn { get; set; }
    public string? TrustedPersonRevokedOn { get; set; }
    public bool AdvanceDirectivesExist { get; set; }
    public string? AdvanceDirectivesWrittenOn { get; set; }
    public string? AdvanceDirectivesWhereKept { get; set; }

    public static PatientForm From(PatientDetail p) => new()
    {
        Ins = p.Ins, BirthName = p.BirthName, UsedName = p.UsedName, FirstNames = p.FirstNames,
        BirthDate = p.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Sex = p.Sex.ToString(), Phone = p.Phone, Email = p.Email,
        AddressLine1 = p.Address.Line1, PostalCode = p.Address.PostalCode, City = p.Address.City,
        GeneralPractitionerId = p.GeneralPractitioner?.Id.ToString(),
        TrustedPersonName = p.TrustedPerson?.FullName, TrustedPersonRelationship = p.TrustedPerson?.Relationship,
        TrustedPersonPhone = p.TrustedPerson?.Phone, TrustedPersonDesignatedOn = p.TrustedPerson?.DesignatedInWritingOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TrustedPersonRevokedOn = p.TrustedPerson?.RevokedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        AdvanceDirectivesExist = p.AdvanceDirectives.Exist, AdvanceDirectivesWrittenOn = p.AdvanceDirectives.WrittenOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        AdvanceDirectivesWhereKept = p.AdvanceDirectives.WhereKept,
    };

    public PatientInput ToInput()
    {
        var birth = FormDates.Required(BirthDate, "birthDate", "La date de naissance est obligatoire.");
        if (!Enum.TryParse<Sex>(Sex, out var sex))
            throw new DomainValidationException("sex", "Le sexe est obligatoire.");
        Guid? gp = Guid.TryParse(GeneralPractitionerId, out var g) ? g : null;
        TrustedPersonDto? trusted = null;
        if (!string.IsNullOrWhiteSpace(TrustedPersonName))
            trusted = new TrustedPersonDto(TrustedPersonName, TrustedPersonRelationship, TrustedPersonPhone,
                FormDates.Required(TrustedPersonDesignatedOn, "trustedPerson.designatedInWritingOn", "La date de la désignation écrite est obligatoire."),
                FormDates.Optional(TrustedPersonRevokedOn, "trustedPerson.revokedOn"));
        var directives = new AdvanceDirectivesDto(AdvanceDirectivesExist, FormDates.Optional(AdvanceDirectivesWrittenOn, "advanceDirectives.writtenOn"), AdvanceDirectivesWhereKept);
        return new PatientInput(Ins, BirthName, UsedName, FirstNames, birth, sex, Phone, Email,
            new AddressDto(AddressLine1, null, PostalCode, City), gp, trusted, directives, GpChangeAgreement);
    }
}
