using System.Globalization;
using Relais.Domain.Alerts;
using Relais.Domain.Episodes;
using Relais.Domain.Interop;
using Relais.Domain.Pathways;
using Relais.Domain.Programmes;
using R4 = Hl7.Fhir.Model;
using RelaisPatient = Relais.Domain.Patients.Patient;

namespace Relais.Web.Features.Fhir;

/// <summary>
/// Relais's model as FHIR R4 resources (FR Core for the identity, mCODE for the cancer), and the mCODE/FR Core
/// resources back into Relais's model. The ids are Relais's own; a TNM observation is the episode's id and its part.
/// </summary>
public static partial class FhirMapper
{
    public static string Ref(string type, object id) => $"{type}/{id}";

    private static R4.Coding Code(string system, string code, string? display = null) => new(system, code, display);

    private static R4.CodeableConcept Concept(string system, string code, string? display = null, string? text = null) =>
        new() { Coding = [Code(system, code, display)], Text = text };

    // ---------------------------------------------------------------- Patient (FR Core patient INS)

    public static R4.Patient Patient(RelaisPatient p)
    {
        var patient = new R4.Patient
        {
            Id = p.Id.ToString(),
            Meta = new R4.Meta { Profile = [FhirCodes.FrCorePatientIns], LastUpdated = p.UpdatedAt },
            Identifier =
            [
                new R4.Identifier
                {
                    Use = R4.Identifier.IdentifierUse.Official,
                    Type = Concept(FhirCodes.FrCoreIdentifierType, "INS-NIR"),
                    System = "urn:oid:" + (p.InsOid ?? Domain.Patients.InsOids.Nir),
                    Value = p.Ins,
                },
            ],
            Name = [OfficialName(p.BirthName, p.FirstNames)],
            Gender = FhirGender(p.Sex),
            BirthDate = p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (p.UsedName is { Length: > 0 } used) patient.Name.Add(new R4.HumanName { Use = R4.HumanName.NameUse.Usual, Family = used, Given = FirstGiven(p.FirstNames) });
        patient.Extension.Add(new R4.Extension
        {
            Url = FhirCodes.FrCoreIdentityReliability,
            Extension = [new R4.Extension("identityStatus", Code(FhirCodes.FrCoreIdentityStatus, FhirCodes.IdentityStatusCode(p.IdentityStatus)))],
        });
        if (p.Phone is { Length: > 0 } phone) patient.Telecom.Add(new R4.ContactPoint(R4.ContactPoint.ContactPointSystem.Phone, null, phone));
        if (p.Email is { Length: > 0 } email) patient.Telecom.Add(new R4.ContactPoint(R4.ContactPoint.ContactPointSystem.Email, null, email));
        if (p.Address.City is not null || p.Address.PostalCode is not null)
            patient.Address.Add(new R4.Address
            {
                Line = new[] { p.Address.Line1, p.Address.Line2 }.Where(l => !string.IsNullOrWhiteSpace(l)).Cast<string>().ToList(),
                PostalCode = p.Address.PostalCode,
                City = p.Address.City,
                Country = "FRA",
            });
        if (p.GeneralPractitionerId is { } gp) patient.GeneralPractitioner.Add(new R4.ResourceReference(Ref("Practitioner", gp)));
        return patient;
    }

    /// <summary>The official name: birth name, given names (FR Core puts the first one in given, the list in an extension).</summary>
    private static R4.HumanName OfficialName(string birthName, string firstNames) => new()
    {
        Use = R4.HumanName.NameUse.Official,
        Family = birthName,
        Given = FirstGiven(firstNames),
    };

    private static List<string> FirstGiven(string firstNames) => firstNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(1).ToList();

    public static R4.AdministrativeGender FhirGender(Domain.Patients.Sex sex) => sex switch
    {
        Domain.Patients.Sex.Female => R4.AdministrativeGender.Female,
        Domain.Patients.Sex.Male => R4.AdministrativeGender.Male,
        Domain.Patients.Sex.Other => R4.AdministrativeGender.Other,
        _ => R4.AdministrativeGender.Unknown,
    };

    /// <summary>The identity a sender gives in a Patient resource (the INS-NIR identifier and the official name).</summary>
    public static ExternalIdentity IdentityOf(R4.Patient patient)
    {
        var ins = patient.Identifier.FirstOrDefault(i => FhirCodes.IsInsSystem(i.System))?.Value;
        var official = patient.Name.FirstOrDefault(n => n.Use == R4.HumanName.NameUse.Official) ?? patient.Name.FirstOrDefault();
        DateOnly? birth = DateOnly.TryParseExact(patient.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var sex = patient.Gender is { } g ? FhirCodes.SexOf(Hl7.Fhir.Utility.EnumUtility.GetLiteral(g)) : null;
        return new ExternalIdentity(ins, official?.Family, official?.Given.Where(g => g is not null).Cast<string>().ToList() ?? [], birth, sex);
    }

    /// <summary>The FR Core identity status a sender claims (fr-core-identity-reliability), if any.</summary>
    public static string? IdentityStatusClaimed(R4.Patient patient) =>
        R4.ExtensionExtensions.GetExtension(patient, FhirCodes.FrCoreIdentityReliability) is { } reliability && R4.ExtensionExtensions.GetExtension(reliability, "identityStatus")?.Value is R4.Coding c ? c.Code : null;

    // ---------------------------------------------------------------- Practitioner (FR Core, RPPS)

    public static R4.Practitioner Practitioner(Guid id, string firstName, string lastName, string? rpps)
    {
        var practitioner = new R4.Practitioner
        {
            Id = id.ToString(),
            Meta = new R4.Meta { Profile = [FhirCodes.FrCorePractitioner] },
            Active = true,
            Name = [new R4.HumanName { Family = lastName, Given = [firstName] }],
        };
        if (rpps is { Length: > 0 })
        {
            practitioner.Identifier.Add(new R4.Identifier { Use = R4.Identifier.IdentifierUse.Official, Type = Concept(FhirCodes.FrCoreIdentifierType, "IDNPS"), System = FhirCodes.IdnpsSystem, Value = "8" + rpps });
            practitioner.Identifier.Add(new R4.Identifier { Use = R4.Identifier.IdentifierUse.Official, Type = Concept(FhirCodes.FrCoreIdentifierType, "RPPS"), System = FhirCodes.RppsSystem, Value = rpps });
        }
        return practitioner;
    }

    public static string? RppsOf(R4.Practitioner practitioner) => practitioner.Identifier.FirstOrDefault(i => i.System == FhirCodes.RppsSystem)?.Value;
}
