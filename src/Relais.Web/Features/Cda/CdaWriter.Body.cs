using System.Globalization;
using System.Xml.Linq;
using Relais.Domain.Episodes;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Domain.Programmes;

namespace Relais.Web.Features.Cda;

/// <summary>The structured body: sections, entries, the cancer diagnosis with its TNM, the document status, and the common encodings.</summary>
public static partial class CdaWriter
{
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
