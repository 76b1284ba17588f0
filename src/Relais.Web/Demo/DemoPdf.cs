using System.Text;

namespace Relais.Web.Demo;

/// <summary>
/// A small, valid one-page PDF with lines of text (Helvetica, WinAnsi so French accents print): the
/// stand-in for scanned reports in the demo data. Documents that Relais writes itself are rendered
/// from HTML.
/// </summary>
public static class DemoPdf
{
    public static byte[] Create(string title, params string[] lines)
    {
        var latin1 = Encoding.Latin1;
        var text = new StringBuilder("BT /F1 16 Tf 56 780 Td (").Append(Escape(title)).Append(") Tj /F1 11 Tf");
        foreach (var line in lines) text.Append(" 0 -20 Td (").Append(Escape(line)).Append(") Tj");
        text.Append(" ET");
        var stream = latin1.GetBytes(text.ToString());
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        };
        using var pdf = new MemoryStream();
        void Write(string s) => pdf.Write(latin1.GetBytes(s));
        Write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        offsets.Add(pdf.Position);
        Write($"5 0 obj\n<< /Length {stream.Length} >>\nstream\n");
        pdf.Write(stream);
        Write("\nendstream\nendobj\n");
        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Write($"{offset:0000000000} 00000 n \n");
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");
}
