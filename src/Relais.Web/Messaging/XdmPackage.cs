using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Relais.Web.Messaging;

/// <summary>One document of an XDM package: its bytes, MIME type, LOINC type code and title.</summary>
public sealed record XdmDocument(byte[] Content, string MimeType, string FileName, string TypeCode, string Title, string FormatCode);

/// <summary>Who the package is about and who sends it, as the XDS metadata names them.</summary>
public sealed record XdmSubmission(Guid SubmissionId, DateTimeOffset At, string PatientId, string PatientInfoName, DateOnly BirthDate, string Sex,
    string AuthorName, string AuthorInstitution, string IntendedRecipient);

/// <summary>
/// An IHE XDM package (ITI TF-1 §16, ITI-32) as MSSanté carries CDA documents: IHE_XDM.ZIP with README.TXT and
/// INDEX.HTM at the root and IHE_XDM/SUBSET01/ holding METADATA.XML (an ebRS 3.0 lcm:SubmitObjectsRequest with the
/// SubmissionSet, one DocumentEntry per document with its URI, size and SHA-1 hash, and the HasMember associations)
/// and the documents. The ANS annex mapping the CDA header to the XDS metadata is not available here; the values
/// follow the IHE XDS metadata tables and the CI-SIS codes carried by the CDA.
/// </summary>
public static class XdmPackage
{
    public const string FileName = "IHE_XDM.ZIP";
    public const string Subset = "IHE_XDM/SUBSET01/";

    private static readonly XNamespace Lcm = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";
    private static readonly XNamespace Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";

    private const string DocumentEntryType = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
    private const string SubmissionSetNode = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
    private const string ClassCodeScheme = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    private const string TypeCodeScheme = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    private const string FormatCodeScheme = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    private const string ConfidentialityScheme = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
    private const string FacilityScheme = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
    private const string PracticeScheme = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
    private const string EntryAuthorScheme = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    private const string SetAuthorScheme = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
    private const string ContentTypeScheme = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";
    private const string EntryPatientId = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    private const string EntryUniqueId = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    private const string SetUniqueId = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";
    private const string SetSourceId = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";
    private const string SetPatientId = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";

    public static byte[] Build(XdmSubmission submission, IReadOnlyList<XdmDocument> documents)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "README.TXT", Encoding.UTF8.GetBytes(Readme(submission, documents)));
            Add(zip, "INDEX.HTM", Encoding.UTF8.GetBytes(Index(documents)));
            Add(zip, Subset + "METADATA.XML", Metadata(submission, documents));
            for (var i = 0; i < documents.Count; i++) Add(zip, Subset + documents[i].FileName, documents[i].Content);
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static string Readme(XdmSubmission s, IReadOnlyList<XdmDocument> documents) => $"""
        Relais - parcours de soins en cancérologie
        Paquet IHE XDM (IHE ITI TF-1 §16) émis le {Clock.ToParis(s.At):dd/MM/yyyy HH:mm} par {s.AuthorName} ({s.AuthorInstitution}).
        Contenu : {string.Join(", ", documents.Select(d => $"{Subset}{d.FileName} ({d.Title})"))}.
        Les métadonnées XDS sont dans {Subset}METADATA.XML ; INDEX.HTM liste les documents.
        """.Replace("\n", "\r\n", StringComparison.Ordinal);

    private static string Index(IReadOnlyList<XdmDocument> documents)
    {
        var items = string.Join("", documents.Select(d => $"<li><a href=\"{Subset}{d.FileName}\">{System.Net.WebUtility.HtmlEncode(d.Title)}</a></li>"));
        return $"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Relais - paquet IHE XDM</title></head><body><h1>Documents</h1><ul>{items}</ul><p><a href=\"README.TXT\">README.TXT</a></p></body></html>";
    }

    public static byte[] Metadata(XdmSubmission s, IReadOnlyList<XdmDocument> documents)
    {
        var at = Clock.ToParis(s.At).UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var list = new XElement(Rim + "RegistryObjectList");
        var setId = "SubmissionSet01";
        var n = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var id = $"Document{i + 1:00}";
            list.Add(new XElement(Rim + "ExtrinsicObject", new XAttribute("id", id), new XAttribute("mimeType", d.MimeType), new XAttribute("objectType", DocumentEntryType),
                Slot("creationTime", at),
                Slot("languageCode", "fr-FR"),
                Slot("serviceStartTime", at),
                Slot("sourcePatientId", s.PatientId),
                Slot("sourcePatientInfo", $"PID-3|{s.PatientId}", $"PID-5|{s.PatientInfoName}", $"PID-7|{s.BirthDate:yyyyMMdd}", $"PID-8|{s.Sex}"),
                // XDS fixes the hash slot as SHA-1 (ITI TF-3 §4.2.3.2.10): an integrity check of the package, not a signature.
#pragma warning disable CA5350
                Slot("hash", Convert.ToHexStringLower(SHA1.HashData(d.Content))),
#pragma warning restore CA5350
                Slot("size", d.Content.Length.ToString(CultureInfo.InvariantCulture)),
                Slot("URI", d.FileName),
                Name(d.Title),
                new XElement(Rim + "Classification", new XAttribute("id", $"cl{++n:00}"), new XAttribute("classificationScheme", EntryAuthorScheme), new XAttribute("classifiedObject", id),
                    new XAttribute("nodeRepresentation", ""),
                    Slot("authorPerson", s.AuthorName), Slot("authorInstitution", s.AuthorInstitution)),
                Code(ref n, ClassCodeScheme, id, "11488-4", "2.16.840.1.113883.6.1", "Compte rendu"),
                Code(ref n, ConfidentialityScheme, id, "N", "2.16.840.1.113883.5.25", "Normal"),
                Code(ref n, FormatCodeScheme, id, d.FormatCode, "1.2.250.1.213.1.1.4.2.282", d.FormatCode),
                Code(ref n, FacilityScheme, id, "SA01", "1.2.250.1.71.4.2.4", "Etablissement public de santé"),
                Code(ref n, PracticeScheme, id, "ETABLISSEMENT", "1.2.250.1.213.1.1.4.9", "Etablissement de santé"),
                Code(ref n, TypeCodeScheme, id, d.TypeCode, "2.16.840.1.113883.6.1", d.Title),
                External($"ei{++n:00}", id, EntryPatientId, s.PatientId, "XDSDocumentEntry.patientId"),
                External($"ei{++n:00}", id, EntryUniqueId, $"{UuidOid(s.SubmissionId)}.{i + 1}", "XDSDocumentEntry.uniqueId")));
        }
        list.Add(new XElement(Rim + "RegistryPackage", new XAttribute("id", setId),
            Slot("submissionTime", at),
            Slot("intendedRecipient", s.IntendedRecipient),
            Name("Relais"),
            new XElement(Rim + "Classification", new XAttribute("id", $"cl{++n:00}"), new XAttribute("classificationScheme", SetAuthorScheme), new XAttribute("classifiedObject", setId),
                new XAttribute("nodeRepresentation", ""),
                Slot("authorPerson", s.AuthorName), Slot("authorInstitution", s.AuthorInstitution)),
            Code(ref n, ContentTypeScheme, setId, documents[0].TypeCode, "2.16.840.1.113883.6.1", documents[0].Title),
            External($"ei{++n:00}", setId, SetUniqueId, UuidOid(s.SubmissionId), "XDSSubmissionSet.uniqueId"),
            External($"ei{++n:00}", setId, SetSourceId, "2.25", "XDSSubmissionSet.sourceId"),
            External($"ei{++n:00}", setId, SetPatientId, s.PatientId, "XDSSubmissionSet.patientId")));
        list.Add(new XElement(Rim + "Classification", new XAttribute("id", $"cl{++n:00}"), new XAttribute("classifiedObject", setId), new XAttribute("classificationNode", SubmissionSetNode)));
        for (var i = 0; i < documents.Count; i++)
            list.Add(new XElement(Rim + "Association", new XAttribute("id", $"as{i + 1:00}"), new XAttribute("associationType", "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember"),
                new XAttribute("sourceObject", setId), new XAttribute("targetObject", $"Document{i + 1:00}"), Slot("SubmissionSetStatus", "Original")));
        var xml = new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement(Lcm + "SubmitObjectsRequest",
            new XAttribute(XNamespace.Xmlns + "lcm", Lcm.NamespaceName), new XAttribute(XNamespace.Xmlns + "rim", Rim.NamespaceName), list));
        using var stream = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            xml.Save(writer);
        return stream.ToArray();
    }

    /// <summary>A UUID as an OID under 2.25 (ITU-T X.667), as XDS unique ids are OIDs.</summary>
    private static string UuidOid(Guid id) => "2.25." + new System.Numerics.BigInteger(id.ToByteArray(bigEndian: true), isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);

    private static XElement Slot(string name, params string[] values) =>
        new(Rim + "Slot", new XAttribute("name", name), new XElement(Rim + "ValueList", values.Select(v => new XElement(Rim + "Value", v))));

    private static XElement Name(string value) => new(Rim + "Name", new XElement(Rim + "LocalizedString", new XAttribute("value", value)));

    private static XElement Code(ref int n, string scheme, string objectId, string code, string system, string display) =>
        new(Rim + "Classification", new XAttribute("id", $"cl{++n:00}"), new XAttribute("classificationScheme", scheme), new XAttribute("classifiedObject", objectId),
            new XAttribute("nodeRepresentation", code), Slot("codingScheme", system), Name(display));

    private static XElement External(string id, string objectId, string scheme, string value, string name) =>
        new(Rim + "ExternalIdentifier", new XAttribute("id", id), new XAttribute("registryObject", objectId), new XAttribute("identificationScheme", scheme),
            new XAttribute("value", value), Name(name));
}
