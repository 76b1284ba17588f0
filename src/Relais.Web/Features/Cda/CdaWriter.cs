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
public static partial class CdaWriter
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
}
