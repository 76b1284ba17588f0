using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Relais.Domain.Messaging;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Cda;

/// <summary>
/// MSSanté-style mail (issue 17 point 5): a transmission carrying a CDA leaves as an IHE XDM package with the X-MSS
/// headers, read back from the test SMTP sink and unpacked, its METADATA.XML validated by xmllint against the ebRS 3.0
/// schemas of the fixtures; its read receipt (MDN) marks the transmission read; an address outside the MSSanté space
/// gets a notice with a link and nothing else.
/// </summary>
public abstract class MssanteMailTests(RelaisFactory factory)
{
    private static readonly XNamespace Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";

    private static string EbrsSchema => Path.Combine(Validators.Fixtures, "xdm", "ebrs-3.0", "lcm.xsd");
    private static string EbrsCatalog => Path.Combine(Validators.Fixtures, "xdm", "ebrs-3.0", "catalog.xml");

    private static async Task<Guid> TransmissionOfAsync(HttpClient client, Guid patientId, Guid documentId) =>
        (await client.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray()
            .First(t => t.GetProperty("documentId").ValueKind == System.Text.Json.JsonValueKind.String && t.GetProperty("documentId").GetGuid() == documentId).GetProperty("id").GetGuid();

    [Fact]
    public async Task TheTumorBoardReport_TravelsAsAnXdmPackage_WithTheMssHeaders_AndItsReadReceiptMarksItRead()
    {
        var receipts = Path.Combine(Path.GetTempPath(), $"relais-mdn-{Guid.NewGuid():N}");
        await using var app = factory.Fresh();
        app.Settings["Mail:ReceiptsDirectory"] = receipts;
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var patientId = await app.MarieDurandAsync();
        var episodeId = await CdaTestData.FirstEpisodeAsync(oncologist, patientId);
        var documentId = await app.DecidedReportAsync(oncologist, patientId, episodeId, "Salle XDM");
        var transmissionId = await TransmissionOfAsync(oncologist, patientId, documentId);
        var outbox = await app.OutboxIdsAsync(transmissionId);
        await app.DispatchAsync();
        var mail = (await Mailbox.WaitForAsync(outbox, outbox.Count)).Single(m => m.To.Mailboxes.Any(a => a.Address == "medecin.traitant@relais.demo"));
        var messageId = mail.MessageId!;

        Assert.Equal("34794-8", mail.Headers["X-MSS-CODECDA"]);
        Assert.Equal("O", mail.Headers["X-MSS-INS"]);
        Assert.Contains("relais", mail.Headers[HeaderId.DispositionNotificationTo]);
        var zipPart = mail.Attachments.OfType<MimePart>().Single(a => a.FileName == "IHE_XDM.ZIP");
        var pdfPart = mail.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "application/pdf");
        using var zipBytes = new MemoryStream();
        await zipPart.Content!.DecodeToAsync(zipBytes);
        using var zip = new ZipArchive(new MemoryStream(zipBytes.ToArray()), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        foreach (var expected in new[] { "README.TXT", "INDEX.HTM", "IHE_XDM/SUBSET01/METADATA.XML", "IHE_XDM/SUBSET01/DOC0001.XML", "IHE_XDM/SUBSET01/DOC0002.PDF" })
            Assert.Contains(expected, names);

        var folder = Path.Combine(Path.GetTempPath(), $"relais-xdm-{Guid.NewGuid():N}");
        zip.ExtractToDirectory(folder);
        var metadataPath = Path.Combine(folder, "IHE_XDM", "SUBSET01", "METADATA.XML");
        var valid = await Validators.XsdAsync(metadataPath, EbrsSchema, EbrsCatalog);
        Assert.True(valid.Valid, valid.Output);
        // Each DocumentEntry names its file (URI), its size and its SHA-1, and they match the files of the package.
        var metadata = XDocument.Load(metadataPath);
        var entries = metadata.Descendants(Rim + "ExtrinsicObject").ToList();
        Assert.Equal(2, entries.Count);
        foreach (var entry in entries)
        {
            string Slot(string name) => entry.Elements(Rim + "Slot").Single(s => (string?)s.Attribute("name") == name).Descendants(Rim + "Value").First().Value;
            var file = await File.ReadAllBytesAsync(Path.Combine(folder, "IHE_XDM", "SUBSET01", Slot("URI")));
#pragma warning disable CA5350 // XDS's hash slot is SHA-1
            Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(file)), Slot("hash"));
#pragma warning restore CA5350
            Assert.Equal(file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Slot("size"));
            Assert.StartsWith("2", Slot("sourcePatientId").Split('^')[0][..1], StringComparison.Ordinal);
        }
        Assert.Contains(metadata.Descendants(Rim + "Association"), a => ((string?)a.Attribute("associationType"))!.EndsWith("HasMember", StringComparison.Ordinal));
        var cdaPath = Path.Combine(folder, "IHE_XDM", "SUBSET01", "DOC0001.XML");
        Assert.True((await Validators.CdaXsdAsync(cdaPath)).Valid);
        Assert.Equal("34794-8", (string?)XDocument.Load(cdaPath).Root!.Element(XName.Get("code", "urn:hl7-org:v3"))!.Attribute("code"));
        using var pdf = new MemoryStream();
        await pdfPart.Content!.DecodeToAsync(pdf);
        Assert.Equal(pdf.ToArray(), await File.ReadAllBytesAsync(Path.Combine(folder, "IHE_XDM", "SUBSET01", "DOC0002.PDF")));

        // The ebRS schemas reject a METADATA.XML with an element renamed.
        var broken = new XDocument(metadata);
        broken.Descendants(Rim + "RegistryPackage").Single().Name = Rim + "RegistryParcel";
        var brokenPath = Path.Combine(folder, "BROKEN.XML");
        broken.Save(brokenPath);
        Assert.False((await Validators.XsdAsync(brokenPath, EbrsSchema, EbrsCatalog)).Valid);

        // The GP's mail client sends its read receipt; the mail system drops it in the receipts folder.
        Directory.CreateDirectory(receipts);
        var gpId = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions/{transmissionId}")).GetProperty("recipients").EnumerateArray()
            .First(r => r.GetProperty("kind").GetString() == "general-practitioner");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, gpId.GetProperty("readAt").ValueKind);
        await WriteMdnAsync(Path.Combine(receipts, "forged.eml"), "someone@relais.demo", messageId);
        await WriteMdnAsync(Path.Combine(receipts, "mdn.eml"), "medecin.traitant@relais.demo", messageId);
        using (var scope = app.Services.CreateScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ReadReceipts>().ScanAsync(CancellationToken.None));
        Assert.True(File.Exists(Path.Combine(receipts, "processed", "mdn.eml")));
        Assert.True(File.Exists(Path.Combine(receipts, "rejected", "forged.eml")));
        var read = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions/{transmissionId}")).GetProperty("recipients").EnumerateArray()
            .First(r => r.GetProperty("kind").GetString() == "general-practitioner");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, read.GetProperty("readAt").ValueKind);
    }

    private static async Task WriteMdnAsync(string path, string from, string originalMessageId)
    {
        var mdn = new MimeMessage();
        mdn.From.Add(MailboxAddress.Parse(from));
        mdn.To.Add(MailboxAddress.Parse("relais@relais.demo"));
        mdn.Subject = "Accusé de lecture";
        var report = new MultipartReport("disposition-notification");
        report.Add(new TextPart("plain") { Text = "Votre message a été affiché." });
        var notification = new MessageDispositionNotification();
        notification.Fields.Add("Final-Recipient", $"rfc822; {from}");
        notification.Fields.Add("Original-Message-ID", $"<{originalMessageId}>");
        notification.Fields.Add("Disposition", "manual-action/MDN-sent-manually; displayed");
        report.Add(notification);
        mdn.Body = report;
        await mdn.WriteToAsync(path);
    }

    [Fact]
    public async Task AnAddressOutsideTheMssanteSpace_GetsANoticeWithALink_AndNeitherIdentityNorDocument()
    {
        await using var app = factory.Fresh();
        // Only mssante.fr is in the space here: the demo's relais.demo addresses are outside it.
        app.Settings["Mail:MssanteDomains:0"] = "mssante.fr";
        app.Settings["Mail:MssanteDomains:1"] = "mssante.fr";
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var patientId = await app.MarieDurandAsync();
        var episodeId = await CdaTestData.FirstEpisodeAsync(oncologist, patientId);
        var documentId = await app.DecidedReportAsync(oncologist, patientId, episodeId, "Salle hors MSSanté");
        var transmissionId = await TransmissionOfAsync(oncologist, patientId, documentId);
        var outbox = await app.OutboxIdsAsync(transmissionId);
        await app.DispatchAsync();
        var mail = (await Mailbox.WaitForAsync(outbox, outbox.Count)).Single(m => m.To.Mailboxes.Any(a => a.Address == "medecin.traitant@relais.demo"));
        Assert.Equal("[Relais] Un message vous attend dans Relais", mail.Subject);
        Assert.Contains($"/patients/{patientId}/transmissions/{transmissionId}", mail.TextBody);
        foreach (var word in new[] { "DURAND", "Durand", "Marie", "INS", "RCP", "Tumorectomie" })
        {
            Assert.DoesNotContain(word, mail.Subject);
            Assert.DoesNotContain(word, mail.TextBody);
        }
        Assert.Empty(mail.Attachments);
        Assert.False(mail.Headers.Contains("X-Relais-Patient-INS"));
        Assert.False(mail.Headers.Contains("X-Relais-Obligation"));
        Assert.False(mail.Headers.Contains("X-MSS-CODECDA"));
    }

    [Theory]
    [InlineData("dr.x@medecin.mssante.fr", null, true)]
    [InlineData("dr.x@mssante.fr", null, true)]
    [InlineData("dr.x@notmssante.fr", null, false)]
    [InlineData("dr.x@gmail.com", null, false)]
    [InlineData("279035121518989@patient.mssante.fr", "279035121518989", true)]
    [InlineData("279035121518989@patient.mssante.fr", null, false)]
    [InlineData("179035121518989@patient.mssante.fr", "279035121518989", false)]
    public void TheMssanteSpace_AdmitsItsDomains_AndAPatientBoxOnlyForItsQualifiedIns(string address, string? qualifiedIns, bool admitted) =>
        Assert.Equal(admitted, MssanteSpace.Admits(address, ["mssante.fr"], qualifiedIns));
}

[Collection("sqlite")]
public sealed class MssanteMailSqliteTests(SqliteRelaisFactory factory) : MssanteMailTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class MssanteMailPostgresTests(PostgresRelaisFactory factory) : MssanteMailTests(factory), IClassFixture<PostgresRelaisFactory>;
