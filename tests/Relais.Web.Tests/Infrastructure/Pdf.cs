using System.Diagnostics;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>Reads the text of a PDF with poppler's pdftotext (installed by the test command).</summary>
public static class Pdf
{
    public static async Task<string> TextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"relais-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
            // Table cells wrap: compare words, not line breaks.
            return System.Text.RegularExpressions.Regex.Replace(text, "\\s+", " ");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
