using System.Globalization;
using System.Xml.Linq;
using Relais.Domain.Episodes;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Domain.Programmes;

namespace Relais.Web.Features.Cda;

/// <summary>The CDA header of the CI-SIS documents: the document, the patient, the author, the custodian, the participants and their identifiers.</summary>
public static partial class CdaWriter
{
    private static XElement Header(CdaHeader h, string template, string loinc, string loincName)
    {
        var p = h.Patient;
        var patientRole = new XElement(V3 + "patientRole");
        // Only a qualified INS leaves Relais (RNIV); otherwise the patient is named by Relais's identifier alone.
        if (p.QualifiedIns is { } ins) patientRole.Add(new XElement(V3 + "id", new XAttribute("root", p.InsOid), new XAttribute("extension", ins)));
        patientRole.Add(Id(p.Id));
        patientRole.Add(Address(p.Address.Line1, p.Address.PostalCode, p.Address.City));
        var name = new XElement(V3 + "name",
            new XElement(V3 + "family", new XAttribute("qualifier", "BR"), p.BirthName),
            new XElement(V3 + "given", p.FirstNames),
            new XElement(V3 + "given", new XAttribute("qualifier", "BR"), p.FirstNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? p.FirstNames));
        if (p.UsedName is { Length: > 0 } used) name.Add(new XElement(V3 + "family", new XAttribute("qualifier", "CL"), used));
        var (sexCode, sexName) = p.Sex switch { Sex.Female => ("F", "Féminin"), Sex.Male => ("M", "Masculin"), _ => ("U", "Inconnu") };
        patientRole.Add(new XElement(V3 + "patient", new XAttribute("classCode", "PSN"), name,
            new XElement(V3 + "administrativeGenderCode", new XAttribute("code", sexCode), new XAttribute("displayName", sexName), new XAttribute("codeSystem", "2.16.840.1.113883.5.1")),
            new XElement(V3 + "birthTime", new XAttribute("value", p.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)))));

        var root = new XElement(V3 + "ClinicalDocument", new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName),
            new XElement(V3 + "realmCode", new XAttribute("code", "FR")),
            new XElement(V3 + "typeId", new XAttribute("root", "2.16.840.1.113883.1.3"), new XAttribute("extension", "POCD_HD000040")),
            new XElement(V3 + "templateId", new XAttribute("root", "2.16.840.1.113883.2.8.2.1")),
            new XElement(V3 + "templateId", new XAttribute("root", "1.2.250.1.213.1.1.1.1")),
            new XElement(V3 + "templateId", new XAttribute("root", template), new XAttribute("extension", VoletVersion)),
            Id(h.DocumentId),
            new XElement(V3 + "code", new XAttribute("code", loinc), new XAttribute("codeSystem", Loinc), new XAttribute("codeSystemName", "LOINC"), new XAttribute("displayName", loincName)),
            new XElement(V3 + "title", h.Title),
            new XElement(V3 + "effectiveTime", new XAttribute("value", Ts(h.SignedAt))),
            new XElement(V3 + "confidentialityCode", new XAttribute("code", "N"), new XAttribute("displayName", "Normal"), new XAttribute("codeSystem", "2.16.840.1.113883.5.25")),
            new XElement(V3 + "languageCode", new XAttribute("code", "fr-FR")),
            new XElement(V3 + "setId", new XAttribute("root", Uuid(h.LineageId))),
            new XElement(V3 + "versionNumber", new XAttribute("value", h.Version.ToString(CultureInfo.InvariantCulture))),
            new XElement(V3 + "recordTarget", patientRole),
            new XElement(V3 + "author",
                new XElement(V3 + "time", new XAttribute("value", Ts(h.SignedAt))),
                AssignedEntity("assignedAuthor", h.Author, h.Organisation)),
            new XElement(V3 + "custodian", new XElement(V3 + "assignedCustodian", new XElement(V3 + "representedCustodianOrganization",
                OrganisationId(h.Organisation), new XElement(V3 + "name", h.Organisation.Name), Address(null, h.Organisation.PostalCode, h.Organisation.City)))),
            new XElement(V3 + "legalAuthenticator",
                new XElement(V3 + "time", new XAttribute("value", Ts(h.SignedAt))),
                new XElement(V3 + "signatureCode", new XAttribute("code", "S")),
                AssignedEntity("assignedEntity", h.Author, h.Organisation)));
        var gpFunction = new XElement(V3 + "functionCode", new XAttribute("code", "PCP"), new XAttribute("displayName", "Médecin traitant"), new XAttribute("codeSystem", "2.16.840.1.113883.5.88"));
        if (h.GeneralPractitioner is { } gp) root.Add(Participant("INF", gpFunction, gp));
        return root;
    }

    private static XElement Participant(string typeCode, XElement function, CdaProfessional who) =>
        new(V3 + "participant", new XAttribute("typeCode", typeCode), function,
            new XElement(V3 + "time", new XAttribute("nullFlavor", "UNK")),
            new XElement(V3 + "associatedEntity", new XAttribute("classCode", "PROV"),
                ProfessionalId(who), SpecialtyCode(who.Specialty),
                new XElement(V3 + "associatedPerson", PersonName(who))));

    private static XElement AssignedEntity(string element, CdaProfessional who, CdaOrganisation org) =>
        new(V3 + element, ProfessionalId(who), SpecialtyCode(who.Specialty),
            new XElement(V3 + "assignedPerson", PersonName(who)),
            new XElement(V3 + "representedOrganization", OrganisationId(org), new XElement(V3 + "name", org.Name), Address(null, org.PostalCode, org.City),
                new XElement(V3 + "standardIndustryClassCode", new XAttribute("code", "ETABLISSEMENT"), new XAttribute("displayName", "Etablissement de santé"),
                    new XAttribute("codeSystem", "1.2.250.1.213.1.1.4.9"), new XAttribute("codeSystemName", "practiceSettingCode"))));

    private static XElement PersonName(CdaProfessional who) =>
        new(V3 + "name", new XElement(V3 + "given", who.FirstName), new XElement(V3 + "family", who.LastName));

    /// <summary>The RPPS as its national identifier (IDNPS: 8 followed by the RPPS number), else Relais's identifier of the account.</summary>
    private static XElement ProfessionalId(CdaProfessional who) =>
        who.Rpps is { Length: > 0 } rpps
            ? new XElement(V3 + "id", new XAttribute("root", Rpps), new XAttribute("extension", "8" + rpps))
            : Id(who.Id);

    private static XElement OrganisationId(CdaOrganisation org) =>
        org.Finess is { Length: > 0 } finess
            ? new XElement(V3 + "id", new XAttribute("root", Finess), new XAttribute("extension", "1" + finess))
            : Id(org.Id);

    /// <summary>The author's profession and specialty in the CI-SIS value set JDV_J01 (G15_10/SMxx for physicians).</summary>
    private static XElement SpecialtyCode(Specialty s)
    {
        var (code, name) = s switch
        {
            Specialty.MedicalOncology => ("G15_10/SM36", "Médecin - Oncologie, opt médicale (SM)"),
            Specialty.Radiotherapy => ("G15_10/SM37", "Médecin - Oncologie, opt radiothérapie (SM)"),
            Specialty.Surgery => ("G15_10/SM05", "Médecin - Chirurgie générale (SM)"),
            Specialty.Gynaecology => ("G15_10/SM20", "Médecin - Gynécologie-obstétrique (SM)"),
            Specialty.Gastroenterology => ("G15_10/SM24", "Médecin - Gastro-entérologie et hépatologie (SM)"),
            Specialty.Pulmonology => ("G15_10/SM41", "Médecin - Pneumologie (SM)"),
            Specialty.Urology => ("G15_10/SM12", "Médecin - Chirurgie urologique (SM)"),
            Specialty.Haematology => ("G15_10/SM21", "Médecin - Hématologie (SM)"),
            Specialty.Dermatology => ("G15_10/SM15", "Médecin - Dermatologie et Vénéréologie (SM)"),
            Specialty.Pathology => ("G15_10/SM01", "Médecin - Anatomie et Cytologie pathologiques (SM)"),
            Specialty.Radiology => ("G15_10/SM44", "Médecin - Radio-diagnostic (SM)"),
            Specialty.NuclearMedicine => ("G15_10/SM28", "Médecin - Médecine nucléaire (SM)"),
            Specialty.Geriatrics => ("G15_10/SM18", "Médecin - Gériatrie (SM)"),
            Specialty.Paediatrics => ("G15_10/SM40", "Médecin - Pédiatrie (SM)"),
            Specialty.GeneralPractice => ("G15_10/SM54", "Médecin - Médecine Générale (SM)"),
            _ => ("G15_10", "Médecin"),
        };
        return new XElement(V3 + "code", new XAttribute("code", code), new XAttribute("displayName", name), new XAttribute("codeSystem", Specialties));
    }

    private static XElement Address(string? line, string? postalCode, string? city)
    {
        if (line is null && postalCode is null && city is null) return new XElement(V3 + "addr", new XAttribute("nullFlavor", "NAV"));
        var addr = new XElement(V3 + "addr");
        if (line is { Length: > 0 }) addr.Add(new XElement(V3 + "streetAddressLine", line));
        if (postalCode is { Length: > 0 }) addr.Add(new XElement(V3 + "postalCode", postalCode));
        if (city is { Length: > 0 }) addr.Add(new XElement(V3 + "city", city));
        return addr;
    }
}
