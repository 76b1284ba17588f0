using System.Text;
using Relais.Domain.Documents;
using Relais.Domain.Tests.Builders;

namespace Relais.Domain.Tests.Documents;

public class DocumentTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 16, 11, 0, 0, TimeSpan.FromHours(2));

    private static Document Upload(
        byte[]? content = null,
        string? title = "Compte rendu ACP — biopsie sein gauche",
        string? fileName = "cr-acp.pdf",
        DocumentKind kind = DocumentKind.PathologyReport,
        Guid? patient = null,
        Document? previous = null,
        int minutesLater = 0) =>
        Document.Create(patient ?? Ids.Patient, kind, title, fileName, content ?? Files.Pdf, Ids.Pathologist, Now.AddMinutes(minutesLater), previous);

    private static string RefusedField(Action upload) => Assert.Throws<DomainValidationException>(upload).Field;

    [Fact]
    public void Create_RefusesAnEmptyFile()
    {
        Assert.Equal("file", RefusedField(() => Upload(content: [])));
    }

    [Fact]
    public void Create_RefusesAFileOverTwentyMebibytes()
    {
        var content = new byte[Document.MaxSize + 1];
        "%PDF-"u8.CopyTo(content);

        Assert.Equal("file", RefusedField(() => Upload(content: content)));
    }

    [Fact]
    public void Create_AcceptsAFileOfExactlyTwentyMebibytes()
    {
        var content = new byte[20 * 1024 * 1024];
        "%PDF-"u8.CopyTo(content);

        Assert.Equal(20 * 1024 * 1024, Upload(content: content).Size);
    }

    [Fact]
    public void Create_RefusesATextFileNamedPdf()
    {
        Assert.Equal("file", RefusedField(() => Upload(content: Encoding.UTF8.GetBytes("<html>compte rendu</html>"), fileName: "cr.pdf")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_RequiresATitle(string? title)
    {
        Assert.Equal("title", RefusedField(() => Upload(title: title)));
    }

    [Fact]
    public void Create_RefusesATitleLongerThanTwoHundredCharacters()
    {
        Assert.Equal("title", RefusedField(() => Upload(title: new string('t', 201))));
    }

    [Fact]
    public void Create_RecordsTheContent_ItsSizeAndItsSha256()
    {
        var document = Upload(content: Files.Pdf, title: "  CR ACP  ");

        Assert.Equal("1e7313ace78f0fb481a486939b4885902663102818090805515553d84e0bbfd3", document.Sha256);
        Assert.Equal(15, document.Size);
        Assert.Equal(Files.Pdf, document.Content);
        Assert.Equal("CR ACP", document.Title);
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal(Ids.Pathologist, document.CreatedBy);
        Assert.Equal(Now, document.CreatedAt);
        Assert.False(document.IsSigned);
    }

    [Theory]
    [InlineData("cr-acp.pdf", "pdf", "cr-acp.pdf")]
    [InlineData("scan.pdf", "png", "scan.png")]
    [InlineData("photo.jpeg", "jpeg", "photo.jpg")]
    [InlineData("irm", "pdf", "irm.pdf")]
    [InlineData("Résultat IRM_2025.PDF", "pdf", "Résultat IRM_2025.pdf")]
    [InlineData("../../etc/passwd.pdf", "png", "passwd.png")]
    [InlineData("<b onload=alert(1)>.pdf", "pdf", "b onloadalert1.pdf")]
    [InlineData("cr;rm -rf.pdf", "pdf", "crrm -rf.pdf")]
    [InlineData(null, "pdf", "document.pdf")]
    [InlineData("", "jpeg", "document.jpg")]
    [InlineData("../", "pdf", "document.pdf")]
    [InlineData("%%%.pdf", "png", "document.png")]
    public void Create_NamesTheFile_FromASafeStemAndTheDetectedType(string? given, string type, string expected)
    {
        Assert.Equal(expected, Upload(content: Files.Of(type), fileName: given).FileName);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\..\\windows\\system32\\config.pdf")]
    [InlineData("/var/lib/relais/../../etc/shadow.pdf")]
    [InlineData("C:\\Users\\me\\..\\scan.pdf")]
    public void Create_NeverKeepsAPath_InTheFileName(string given)
    {
        var name = Upload(content: Files.Png, fileName: given).FileName;

        Assert.DoesNotContain('/', name);
        Assert.DoesNotContain('\\', name);
        Assert.DoesNotContain(':', name);
        Assert.DoesNotContain("..", name);
        Assert.EndsWith(".png", name);
    }

    [Fact]
    public void Create_ShortensALongFileName_ToEightyCharactersAndTheExtension()
    {
        Assert.Equal(new string('n', 80) + ".pdf", Upload(fileName: new string('n', 200) + ".pdf").FileName);
    }

    [Fact]
    public void Create_StartsANewLineage_AtVersionOne()
    {
        var document = Upload();

        Assert.Equal(1, document.Version);
        Assert.Equal(document.Id, document.LineageId);
    }

    [Fact]
    public void Create_FromAPreviousVersion_KeepsTheLineageAndIncrementsTheVersion()
    {
        var first = Upload();
        var second = Upload(previous: first, minutesLater: 10);
        var third = Upload(previous: second, minutesLater: 20);

        Assert.Equal([1, 2, 3], new[] { first, second, third }.Select(d => d.Version));
        Assert.All(new[] { second, third }, d => Assert.Equal(first.Id, d.LineageId));
        Assert.Equal(3, new[] { first.Id, second.Id, third.Id }.Distinct().Count());
    }

    [Fact]
    public void Create_RefusesANewVersion_OfAnotherPatientsDocument()
    {
        var first = Upload();

        Assert.Equal("previousVersionId", RefusedField(() => Upload(patient: Ids.OtherPatient, previous: first)));
    }

    [Fact]
    public void Create_RefusesANewVersion_OfAnotherKindOfDocument()
    {
        var first = Upload(kind: DocumentKind.PathologyReport);

        Assert.Equal("previousVersionId", RefusedField(() => Upload(kind: DocumentKind.Pps, previous: first)));
    }

    [Fact]
    public void Sign_RecordsWhoSignedAndWhen()
    {
        var document = Upload();

        document.Sign(Ids.Pathologist, Now.AddHours(1));

        Assert.True(document.IsSigned);
        Assert.Equal(Ids.Pathologist, document.SignedBy);
        Assert.Equal(Now.AddHours(1), document.SignedAt);
    }

    [Fact]
    public void Sign_IsRefused_OnASignedVersion_AndKeepsTheFirstSignature()
    {
        var document = Upload();
        document.Sign(Ids.Pathologist, Now.AddHours(1));

        var error = Assert.Throws<DomainValidationException>(() => document.Sign(Ids.OtherPathologist, Now.AddHours(2)));

        Assert.Equal("document", error.Field);
        Assert.Equal(Ids.Pathologist, document.SignedBy);
        Assert.Equal(Now.AddHours(1), document.SignedAt);
    }
}
