using System.Text;
using Relais.Domain.Documents;

namespace Relais.Domain.Tests.Documents;

public class ContentSnifferTests
{
    public static TheoryData<string, byte[], string> AcceptedFiles => new()
    {
        { "PDF", Files.Pdf, "application/pdf" },
        { "PDF signature alone", "%PDF-"u8.ToArray(), "application/pdf" },
        { "PNG", Files.Png, "image/png" },
        { "JPEG", Files.Jpeg, "image/jpeg" },
    };

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Detect_RecognisesAcceptedFiles_ByTheirFirstBytes(string file, byte[] content, string expected)
    {
        Assert.True(ContentSniffer.Detect(content) == expected, $"{file} should be detected as {expected}");
    }

    public static TheoryData<string, byte[]> RefusedFiles => new()
    {
        { "empty file", [] },
        { "text file renamed .pdf", Encoding.UTF8.GetBytes("Compte rendu : RAS\n") },
        { "GIF", "GIF89a\x01\x00\x01\x00"u8.ToArray() },
        { "HTML", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>%PDF-1.7</body></html>") },
        { "PDF signature without its dash", "%PDF1.7"u8.ToArray() },
        { "truncated PNG signature", [0x89, 0x50, 0x4E, 0x47] },
        { "two JPEG bytes", [0xFF, 0xD8] },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void Detect_RefusesAnyOtherContent(string file, byte[] content)
    {
        Assert.True(ContentSniffer.Detect(content) is null, $"{file} should be refused");
    }
}
