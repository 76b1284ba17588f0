using System.Globalization;
using System.Xml.Linq;
using Relais.Domain.Episodes;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Domain.Programmes;

namespace Relais.Web.Features.Cda;

/// <summary>
/// Writes the CI-SIS CDA R2 documents of the cancer volets 2022.01 (ANS): the tumor-board report as a FRCP
/// (templateId 1.2.250.1.213.1.1.1.8, LOINC 34794-8) and the PPS as a CANCER-PPS (1.2.250.1.213.1.1.1.26,
/// LOINC 18776-5). Sections, entries, templateIds and codes follow the ANS test kit (TestContenuCDA 3.0,
/// ExemplesCDA and schematrons); the narrative of each section carries Relais's text. The patient's INS
/// is written only when the identity is qualified; otherwise the patient is named by Relais's own identifier.
/// </summary>
public static class CdaWriter
{
    public static readonly XNamespace V3 = "urn:hl7-org:v3";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public const string FrcpTemplate = "1.2.250.1.213.1.1.1.8";
    public const string PpsTemplate = "1.2.250.1.213.1.1.1.26";
    public const string FrcpLoinc = "34794-8";
    public const string PpsLoinc = "18776-5";
    public const string VoletVersion = "2022.01";

    private static readonly string[] TumourTemplates = ["2.16.840.1.113883.10.20.1.28", "1.3.6.1.4.1.19376.1.5.3.1.4.5", "1.2.250.1.213.1.1.3.37", "1.3.6.1.4.1.19376.1.7.3.1.4.14.1", "1.2.250.1.213.1.1.3.113"];
    private static readonly string[] ConcernTemplates = ["2.16.840.1.113883.10.20.1.27", "1.3.6.1.4.1.19376.1.5.3.1.4.5.1", "1.3.6.1.4.1.19376.1.5.3.1.4.5.2", "1.2.250.1.213.1.1.3.39", "1.2.250.1.213.1.1.3.39.1"];

    private const string Loinc = "2.16.840.1.113883.6.1";
    private const string Snomed = "2.16.840.1.113883.6.96";
    private const string TaAsip = "1.2.250.1.213.1.1.4.322";
    private const string Rpps = "1.2.250.1.71.4.2.1";
    private const string Finess = "1.2.250.1.71.4.2.2";
    private const string Specialties = "1.2.250.1.213.1.1.4.5";
    private const string Cim10 = "2.16.840.1.113883.6.3";
    private const string CimO = "2.16.840.1.113883.6.43.1";
    private const string TnmUicc = "2.16.840.1.113883.15.6";

    public static XDocument Frcp(CdaHeader h, FrcpContent c)
    {
        var root = Header(h, FrcpTemplate, FrcpLoinc, "CR de réunion de concertation pluridisciplinaire");
        foreach (var p in c.Participants)
            root.Add(Participant("PRF", new XElement(V3 + "functionCode", new XAttribute("code", "353"), new XAttribute("displayName", "Membre de l'équipe de soins"),
                new XAttribute("codeSystem", "1.2.250.1.213.1.6.1.107"), new XElement(V3 + "originalText", "Participant du quorum")), p));
        root.Add(Participant("PRF", new XElement(V3 + "functionCode", new XAttribute("nullFlavor", "NA"), new XElement(V3 + "originalText", "PS Présentateur")), c.Presenter));
        root.Add(new XElement(V3 + "inFulfillmentOf", new XElement(V3 + "order", Id(c.CaseId))));
        root.Add(new XElement(V3 + "documentationOf", new XElement(V3 + "serviceEvent", new XAttribute("classCode", "ACT"),
            Code("39", "1.2.250.1.213.3.3.13", "Réunion de Concertation Pluridisciplinaire (RCP)", new XElement(V3 + "originalText", c.BoardName)),
            new XElement(V3 + "effectiveTime", new XElement(V3 + "low", new XAttribute("value", Ts(c.MeetingAt)))),
            new XElement(V3 + "performer", new XAttribute("typeCode", "PRF"), AssignedEntity("assignedEntity", h.Author, h.Organisation)))));
        root.Add(new XElement(V3 + "componentOf", new XElement(V3 + "encompassingEncounter",
            // The board, its sitting and the case, by Relais's identifiers (the national RRC and RCP numbers are not held here).
            Id(c.BoardId), Id(c.MeetingId), Id(c.CaseId),
            new XElement(V3 + "code", new XAttribute("code", "VR"), new XAttribute("displayName", "Virtuelle (exemple : RCP en l'absence du patient)"), new XAttribute("codeSystem", "2.16.840.1.113883.5.4")),
            new XElement(V3 + "effectiveTime", new XElement(V3 + "low", new XAttribute("value", Ts(c.MeetingAt)))),
            new XElement(V3 + "location", new XElement(V3 + "healthCareFacility",
                OrganisationId(h.Organisation),
                new XElement(V3 + "location", new XElement(V3 + "name", c.MeetingLocation is { Length: > 0 } l ? $"{h.Organisation.Name} — {l}" : h.Organisation.Name),
                    Address(null, h.Organisation.PostalCode, h.Organisation.City)))))));

        var dx = h.Diagnosis;
        var sections = new List<XElement>
        {
            Section(["1.3.6.1.4.1.19376.1.5.3.1.3.1", "1.3.6.1.4.1.19376.1.5.3.1.3.2", "1.2.250.1.213.1.1.2.128"], "42349-1", "Raison de la recommandation", "TYPE DE RCP / MOTIF DE LA RCP",
                Narrative(("motif", $"{(c.IsRecurrence ? "Récidive — " : "")}Question posée : {c.Question}")),
                Entry(Observation(["1.3.6.1.4.1.19376.1.5.3.1.4.13", "1.2.250.1.213.1.1.3.48"], Code("GEN-098", TaAsip, "Nature de la discussion"), "#motif",
                    new XElement(V3 + "effectiveTime", new XAttribute("nullFlavor", "NAV")),
                    Value("CD", new XAttribute("code", "ORG-117"), new XAttribute("displayName", "RCP Appareil - Organes"), new XAttribute("codeSystem", TaAsip)))),
                Entry(Problem(dx))),
            Section(["1.3.6.1.4.1.19376.1.5.3.1.1.21.2.9", "1.3.6.1.4.1.19376.1.7.3.1.1.13.7", "1.2.250.1.213.1.1.2.163"], "42545-4", "Evènements observés", "MODE DE DÉCOUVERTE DU CANCER",
                Narrative(("decouverte", "Mode de découverte non renseigné dans Relais.")),
                Entry(Observation(["1.3.6.1.4.1.19376.1.5.3.1.4.13", "1.2.250.1.213.1.1.3.48"], Code("63921-1", Loinc, "Dépistage du Cancer"), "#decouverte",
                    new XElement(V3 + "effectiveTime", new XAttribute("nullFlavor", "NAV")), Value("BL", new XAttribute("nullFlavor", "UNK"))))),
            DiagnosisSection(dx),
            Section(["1.3.6.1.4.1.19376.1.5.3.1.1.13.2.7", "1.2.250.1.213.1.1.2.25"], "18733-6", "Note de progression", "PHASE CLINIQUE DE LA MALADIE",
                Narrative(("phase", c.IsRecurrence ? "Récidive." : "Diagnostic initial."))),
            Section(["1.3.6.1.4.1.19376.1.5.3.1.3.4", "1.2.250.1.213.1.1.2.130"], "10164-2", "Histoire de la maladie", "SYNTHÈSE DU CAS PRÉSENTÉ ET QUESTION POSÉE À LA RCP",
                Narrative(("question", c.Question), ("mt", c.GpContribution is null ? null : $"Contribution du médecin traitant : {c.GpContribution}"))),
            Section(["1.2.250.1.213.1.1.2.33"], "21874-3", "Statut du dossier présenté en RCP", "PROPOSITION DE LA RCP",
                Narrative(("proposition", c.Proposal), ("referentiel", c.Guideline is null ? null : $"Référentiel : {c.Guideline}"))),
            Section(["2.16.840.1.113883.10.20.1.10", "1.3.6.1.4.1.19376.1.5.3.1.3.36", "1.2.250.1.213.1.1.2.158"], "18776-5", "Plan de soins", "Plan de soins",
                Narrative(("plan", c.Proposal))),
            Section(["1.2.250.1.213.1.1.2.175"], "35510-7", "Essais cliniques - Informations générales", "CADRE DE LA PROPOSITION THÉRAPEUTIQUE",
                Narrative(("cadre", c.Guideline is null ? "Proposition hors référentiel nommé." : $"Proposition conforme au référentiel : {c.Guideline}"))),
            StatusSection(h),
        };
        root.Add(Body(sections));
        return Finish(h, root);
    }

    public static XDocument Pps(CdaHeader h, PpsContent c)
    {
        var root = Header(h, PpsTemplate, PpsLoinc, "Plan personnalisé de soins");
        root.Add(new XElement(V3 + "documentationOf", new XElement(V3 + "serviceEvent", new XAttribute("classCode", "PCPR"),
            new XElement(V3 + "effectiveTime", new XElement(V3 + "low", new XAttribute("value", Ts(h.SignedAt)))),
            new XElement(V3 + "performer", new XAttribute("typeCode", "PRF"), AssignedEntity("assignedEntity", h.Author, h.Organisation)))));
        var phases = c.Phases.OrderBy(p => p.Order).Select(p => (Id: $"phase-{p.Order}", Text: (string?)PhaseText(p))).ToList();
        var support = new List<(string, string?)> { ("support", c.SupportiveCare ?? "Aucun soin de support renseigné."), ("social", c.Social is null ? null : $"Volet social : {c.Social}") };
        var sections = new List<XElement>
        {
            DiagnosisSection(h.Diagnosis),
            Section(["2.16.840.1.113883.10.20.1.10", "1.3.6.1.4.1.19376.1.5.3.1.3.36", "1.2.250.1.213.1.1.2.158"], "18776-5", "Plan de soins", "PROGRAMME THÉRAPEUTIQUE ET DE SUIVI",
                Narrative([.. (c.Decision is null ? [] : new[] { ("decision", (string?)$"Proposition de la RCP : {c.Decision}") }), .. phases,
                    .. c.Assessments.Select((a, i) => ($"suivi-{i + 1}", (string?)$"Suivi : {a.What} — {a.Frequency}"))])),
            Section(["2.16.840.1.113883.10.20.1.10", "1.3.6.1.4.1.19376.1.5.3.1.3.36", "1.2.250.1.213.1.1.2.158"], "18776-5", "Plan de soins", "SOINS ONCOLOGIQUES DE SUPPORT, ACCOMPAGNEMENT SOCIAL ET SOCIOPROFESSIONNEL",
                Narrative([.. support, .. c.Contacts.Select((x, i) => ($"contact-{i + 1}", (string?)$"{x.Role} : {x.Name}{(x.Organisation is null ? "" : $", {x.Organisation}")}{(x.Phone is null ? "" : $", {x.Phone}")}"))])),
            StatusSection(h),
        };
        root.Add(Body(sections));
        return Finish(h, root);
    }

    private static string PhaseText(TreatmentPhase p)
    {
        var when = (p.PlannedStart, p.PlannedEnd) switch
        {
            ({ } s, { } e) => $" du {s:dd/MM/yyyy} au {e:dd/MM/yyyy}",
            ({ } s, null) => $" à partir du {s:dd/MM/yyyy}",
            _ => "",
        };
        var kind = p.Kind switch
        {
            TreatmentKind.Surgery => "Chirurgie",
            TreatmentKind.Chemotherapy => "Chimiothérapie",
            TreatmentKind.Radiotherapy => "Radiothérapie",
            TreatmentKind.Hormone => "Hormonothérapie",
            TreatmentKind.Targeted => "Thérapie ciblée",
            TreatmentKind.Immunotherapy => "Immunothérapie",
            _ => "Traitement oral à domicile",
        };
        return $"Phase {p.Order} — {kind} : {p.Description}{when}{(p.Place is null ? "" : $", {p.Place}")}";
    }

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

    private static XElement Body(IEnumerable<XElement> sections) =>
        new(V3 + "component", new XElement(V3 + "structuredBody", sections.Select(s => new XElement(V3 + "component", s))));

    private static XElement Section(string[] templates, string code, string codeName, string title, XElement text, params XElement[] entries) =>
        new(V3 + "section", templates.Select(t => new XElement(V3 + "templateId", new XAttribute("root", t))),
            Id(Guid.Empty), Code(code, Loinc, codeName), new XElement(V3 + "title", title), text, entries);

    /// <summary>The section's narrative: one paragraph per line, each with an ID the entries refer to.</summary>
    private static XElement Narrative(params (string Id, string? Text)[] lines) =>
        new(V3 + "text", lines.Where(l => l.Text is not null).Select(l => new XElement(V3 + "paragraph", new XAttribute("ID", l.Id), l.Text)));

    private static XElement Entry(XElement content) => new(V3 + "entry", content);

    private static XElement Observation(string[] templates, XElement code, string reference, params object[] rest) =>
        new(V3 + "observation", new XAttribute("classCode", "OBS"), new XAttribute("moodCode", "EVN"),
            templates.Select(t => new XElement(V3 + "templateId", new XAttribute("root", t))), Id(Guid.Empty), code,
            new XElement(V3 + "text", new XElement(V3 + "reference", new XAttribute("value", reference))),
            new XElement(V3 + "statusCode", new XAttribute("code", "completed")), rest);

    private static XElement Value(string type, params object[] content) => new(V3 + "value", new XAttribute(Xsi + "type", type), content);

    private static XElement Code(string code, string system, string name, params object[] content) =>
        new(V3 + "code", new XAttribute("code", code), new XAttribute("displayName", name), new XAttribute("codeSystem", system), content);

    /// <summary>The cancer as a problem of the reason section (IHE problem entry).</summary>
    private static XElement Problem(CdaDiagnosis dx) =>
        new(V3 + "observation", new XAttribute("classCode", "OBS"), new XAttribute("moodCode", "EVN"), new XAttribute("negationInd", "false"),
            new XElement(V3 + "templateId", new XAttribute("root", "2.16.840.1.113883.10.20.1.28")),
            new XElement(V3 + "templateId", new XAttribute("root", "1.3.6.1.4.1.19376.1.5.3.1.4.5")),
            new XElement(V3 + "templateId", new XAttribute("root", "1.2.250.1.213.1.1.3.37")),
            Id(Guid.Empty), Code("55607006", Snomed, "problème"),
            new XElement(V3 + "text", new XElement(V3 + "reference", new XAttribute("value", "#motif"))),
            new XElement(V3 + "statusCode", new XAttribute("code", "completed")),
            DiagnosisTime(dx),
            Value("CD", new XAttribute("code", dx.Site), new XAttribute("displayName", dx.SiteLabel ?? dx.Site), new XAttribute("codeSystem", Cim10),
                new XElement(V3 + "originalText", new XElement(V3 + "reference", new XAttribute("value", "#motif")))));

    private static XElement DiagnosisTime(CdaDiagnosis dx) =>
        dx.DiagnosisDate is { } d
            ? new XElement(V3 + "effectiveTime", new XElement(V3 + "low", new XAttribute("value", d.ToString("yyyyMMdd", CultureInfo.InvariantCulture))))
            : new XElement(V3 + "effectiveTime", new XElement(V3 + "low", new XAttribute("nullFlavor", "UNK")));

    /// <summary>Diagnostic du cancer (IHE PCC cancer diagnosis, 72135-7): the primary tumour with its morphology, site, laterality and clinical TNM.</summary>
    private static XElement DiagnosisSection(CdaDiagnosis dx)
    {
        var laterality = dx.Laterality switch
        {
            Laterality.Left => ("7771000", "gauche"),
            Laterality.Right => ("24028007", "droit"),
            Laterality.Bilateral => ("51440002", "bilatéral"),
            _ => ((string, string)?)null,
        };
        var site = new XElement(V3 + "targetSiteCode", new XAttribute("code", dx.Site), new XAttribute("displayName", dx.SiteLabel ?? dx.Site), new XAttribute("codeSystem", Cim10),
            new XAttribute("codeSystemName", "CIM-10"));
        if (laterality is { } lat)
            site.Add(new XElement(V3 + "qualifier", Code("20228-3", Loinc, "Latéralité") is var n ? new XElement(V3 + "name", n.Attributes()) : null,
                new XElement(V3 + "value", new XAttribute("code", lat.Item1), new XAttribute("displayName", lat.Item2), new XAttribute("codeSystem", Snomed))));
        var morphologyText = new XElement(V3 + "originalText", new XElement(V3 + "reference", new XAttribute("value", "#tumeur")));
        var morphology = dx.Morphology is { Length: > 0 } m
            ? Value("CD", new XAttribute("code", m), new XAttribute("displayName", dx.MorphologyLabel ?? m), new XAttribute("codeSystem", CimO), new XAttribute("codeSystemName", "CIM-O"), morphologyText)
            : Value("CD", new XAttribute("nullFlavor", "UNK"), morphologyText);
        var tnm = new XElement(V3 + "observation", new XAttribute("classCode", "OBS"), new XAttribute("moodCode", "EVN"), new XAttribute("negationInd", "false"),
            new XElement(V3 + "templateId", new XAttribute("root", "1.3.6.1.4.1.19376.1.7.3.1.4.14.2")),
            Code("75620-5", Loinc, "Stade TNM Clinique"),
            new XElement(V3 + "text", new XElement(V3 + "reference", new XAttribute("value", "#tnm"))),
            new XElement(V3 + "statusCode", new XAttribute("code", "completed")),
            DiagnosisTime(dx),
            dx.StageGroup is { Length: > 0 } stage
                ? Value("CD", new XElement(V3 + "qualifier", new XElement(V3 + "name", new XAttribute("code", "21909-7"), new XAttribute("displayName", "Stade clinique"), new XAttribute("codeSystem", Loinc)),
                    new XElement(V3 + "value", new XAttribute("code", stage), new XAttribute("codeSystem", TnmUicc))))
                : Value("CD", new XAttribute("nullFlavor", "UNK")),
            TnmPart("21905-5", "TNM Clinique T", dx.ClinicalT),
            TnmPart("21906-3", "TNM Clinique N", dx.ClinicalN),
            TnmPart("21907-1", "TNM Clinique M", dx.ClinicalM));
        var tumour = new XElement(V3 + "observation", new XAttribute("classCode", "OBS"), new XAttribute("moodCode", "EVN"), new XAttribute("negationInd", "false"),
            TumourTemplates.Select(t => new XElement(V3 + "templateId", new XAttribute("root", t))),
            Id(dx.EpisodeId), Code("282291009", Snomed, "interprétation diagnostique"),
            new XElement(V3 + "text", new XElement(V3 + "reference", new XAttribute("value", "#tumeur"))),
            new XElement(V3 + "statusCode", new XAttribute("code", "completed")),
            DiagnosisTime(dx), morphology, site,
            new XElement(V3 + "entryRelationship", new XAttribute("typeCode", "SUBJ"), new XAttribute("inversionInd", "false"), tnm));
        var concern = new XElement(V3 + "act", new XAttribute("classCode", "ACT"), new XAttribute("moodCode", "EVN"),
            ConcernTemplates.Select(t => new XElement(V3 + "templateId", new XAttribute("root", t))),
            Id(Guid.Empty), new XElement(V3 + "code", new XAttribute("nullFlavor", "NA")),
            new XElement(V3 + "statusCode", new XAttribute("code", "active")),
            DiagnosisTime(dx),
            new XElement(V3 + "entryRelationship", new XAttribute("typeCode", "SUBJ"), new XAttribute("inversionInd", "false"), tumour));
        var tnmText = string.Join(" ", new[] { P("c", dx.ClinicalT), P("c", dx.ClinicalN), P("c", dx.ClinicalM), dx.StageGroup is null ? null : $"stade {dx.StageGroup}" }.Where(x => x is not null));
        return Section(["2.16.840.1.113883.10.20.1.11", "1.3.6.1.4.1.19376.1.5.3.1.3.6", "1.3.6.1.4.1.19376.1.7.3.1.3.14.1", "1.2.250.1.213.1.1.2.27"], "72135-7", "Diagnostic du cancer", "DIAGNOSTIC",
            Narrative(("tumeur", $"{dx.SiteLabel ?? dx.Site} ({dx.Site}){(dx.Morphology is null ? "" : $", {dx.MorphologyLabel ?? dx.Morphology} ({dx.Morphology})")}{(dx.DiagnosisDate is { } d ? $", diagnostic du {d:dd/MM/yyyy}" : "")}"),
                ("tnm", tnmText.Length == 0 ? "TNM non renseigné." : $"TNM : {tnmText}")),
            Entry(concern));
        static string? P(string prefix, string? v) => v is null ? null : prefix + v;
    }

    private static XElement TnmPart(string code, string name, string? value) =>
        new(V3 + "entryRelationship", new XAttribute("typeCode", "COMP"),
            Observation(["1.3.6.1.4.1.19376.1.5.3.1.4.13", "1.2.250.1.213.1.1.3.48"], Code(code, Loinc, name), "#tnm",
                new XElement(V3 + "effectiveTime", new XAttribute("nullFlavor", "NAV")),
                value is { Length: > 0 } v
                    ? Value("CD", new XAttribute("code", v), new XAttribute("codeSystem", TnmUicc), new XAttribute("codeSystemName", "TNM_UICC"))
                    : Value("CD", new XAttribute("nullFlavor", "UNK"))));

    /// <summary>Statut du document (33557-0, JDV_StatutDoc): a signed version is approved ("approuvé").</summary>
    private static XElement StatusSection(CdaHeader h) =>
        Section(["1.2.250.1.213.1.1.2.35"], "33557-0", "Etat d'achèvement", "Statut du document",
            Narrative(("statut", $"Document validé et signé le {Clock.ToParis(h.SignedAt):dd/MM/yyyy à HH:mm}, version {h.Version}.")),
            Entry(Observation(["1.3.6.1.4.1.19376.1.5.3.1.4.13", "1.2.250.1.213.1.1.3.48", "1.2.250.1.213.1.1.3.48.16"], Code("GEN-065", TaAsip, "Statut du document"), "#statut",
                new XElement(V3 + "effectiveTime", new XAttribute("value", Clock.ToParis(h.SignedAt).ToString("yyyyMMdd", CultureInfo.InvariantCulture))),
                Value("CD", new XAttribute("code", "9571008"), new XAttribute("displayName", "approuvé"), new XAttribute("codeSystem", Snomed), new XAttribute("codeSystemName", "SNOMED CT")))));

    /// <summary>Gives each section and entry an identifier derived from the document's, so that an export is the same every time.</summary>
    private static XDocument Finish(CdaHeader h, XElement root)
    {
        var placeholder = Uuid(Guid.Empty);
        var n = 0;
        foreach (var id in root.Descendants(V3 + "id").Where(e => (string?)e.Attribute("root") == placeholder))
        {
            var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{h.DocumentId:N}/{n++}"));
            id.SetAttributeValue("root", Uuid(new Guid(bytes.AsSpan(0, 16))));
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static XElement Id(Guid id) => new(V3 + "id", new XAttribute("root", Uuid(id)));

    private static string Uuid(Guid id) => id.ToString("D").ToUpperInvariant();

    /// <summary>HL7 TS with the Paris offset: yyyyMMddHHmmss+hhmm.</summary>
    public static string Ts(DateTimeOffset at)
    {
        var paris = Clock.ToParis(at);
        var offset = paris.Offset;
        return paris.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString("hhmm", CultureInfo.InvariantCulture);
    }
}
