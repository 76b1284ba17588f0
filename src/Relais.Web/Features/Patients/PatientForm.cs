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
    public string? AddressLine2 { get; set; }
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
    /// <summary>Keep an identity that the INS contradicts, with the reason (the referent is told).</summary>
    public bool ConfirmIdentityMismatch { get; set; }
    public string? IdentityMismatchReason { get; set; }
    /// <summary>The version the form was filled from: a form older than the record is refused, not applied.</summary>
    public string? Version { get; set; }

    public static PatientForm From(PatientDetail p) => new()
    {
        Ins = p.Ins, BirthName = p.BirthName, UsedName = p.UsedName, FirstNames = p.FirstNames,
        BirthDate = p.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Sex = p.Sex.ToString(), Phone = p.Phone, Email = p.Email,
        AddressLine1 = p.Address.Line1, AddressLine2 = p.Address.Line2, PostalCode = p.Address.PostalCode, City = p.Address.City,
        GeneralPractitionerId = p.GeneralPractitioner?.Id.ToString(),
        TrustedPersonName = p.TrustedPerson?.FullName, TrustedPersonRelationship = p.TrustedPerson?.Relationship,
        TrustedPersonPhone = p.TrustedPerson?.Phone, TrustedPersonDesignatedOn = p.TrustedPerson?.DesignatedInWritingOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TrustedPersonRevokedOn = p.TrustedPerson?.RevokedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        AdvanceDirectivesExist = p.AdvanceDirectives.Exist, AdvanceDirectivesWrittenOn = p.AdvanceDirectives.WrittenOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        AdvanceDirectivesWhereKept = p.AdvanceDirectives.WhereKept,
        IdentityMismatchReason = p.Identity?.MismatchReason,
        Version = p.Version.ToString(CultureInfo.InvariantCulture),
    };

    public PatientInput ToInput()
    {
        var birth = FormDates.Required(BirthDate, "birthDate", "La date de naissance est obligatoire.");
        if (!Enum.TryParse<Sex>(Sex, out var sex) || !Enum.IsDefined(sex))
            throw new DomainValidationException("sex", "Le sexe est obligatoire.");
        Guid? gp = Guid.TryParse(GeneralPractitionerId, out var g) ? g : null;
        TrustedPersonDto? trusted = null;
        if (!string.IsNullOrWhiteSpace(TrustedPersonName))
            trusted = new TrustedPersonDto(TrustedPersonName, TrustedPersonRelationship, TrustedPersonPhone,
                FormDates.Required(TrustedPersonDesignatedOn, "trustedPerson.designatedInWritingOn", "La date de la désignation écrite est obligatoire."),
                FormDates.Optional(TrustedPersonRevokedOn, "trustedPerson.revokedOn"));
        var directives = new AdvanceDirectivesDto(AdvanceDirectivesExist, FormDates.Optional(AdvanceDirectivesWrittenOn, "advanceDirectives.writtenOn"), AdvanceDirectivesWhereKept);
        int? version = int.TryParse(Version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        return new PatientInput(Ins, BirthName, UsedName, FirstNames, birth, sex, Phone, Email,
            new AddressDto(AddressLine1, AddressLine2, PostalCode, City), gp, trusted, directives,
            ConfirmIdentityMismatch, ConfirmIdentityMismatch ? IdentityMismatchReason : null, version, GpChangeAgreement);
    }

    /// <summary>
    /// Puts what refused the form beside the fields it names: a field's error, the INS and each field it
    /// contradicts, another record holding the INS (with its page), or a change made meanwhile ("version").
    /// </summary>
    public static bool Explain(Exception e, Dictionary<string, string> errors)
    {
        switch (e)
        {
            case DomainValidationException dve:
                errors[dve.Field] = dve.Message;
                return true;
            case IdentityMismatchException mismatch:
                foreach (var (field, message) in mismatch.Fields) errors[field] = message;
                return true;
            case Operations.LinkedConflictException linked:
                errors[linked.Field] = linked.Message;
                errors["insLink"] = linked.Link.Replace("/api/patients/", "/patients/", StringComparison.Ordinal);
                return true;
            case StaleVersionException or Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException:
                errors["version"] = "Quelqu'un a modifié ce dossier depuis que vous avez ouvert ce formulaire : rien n'a été enregistré. Rechargez la page pour partir de sa version actuelle.";
                return true;
            default:
                return false;
        }
    }
}
