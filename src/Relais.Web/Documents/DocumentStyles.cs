namespace Relais.Web.Documents;

/// <summary>The print stylesheet shared by every document: an A4 page, readable by the patient, in French.</summary>
public static class DocumentStyles
{
    public const string Css = """
        @page { size: A4; margin: 16mm 14mm 18mm 14mm; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #1d2733; margin: 0; line-height: 1.45; }
        .doc { max-width: 182mm; margin: 0 auto; padding: 6mm 0; }
        header.doc-head { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid #0b5a8a; padding-bottom: 4mm; margin-bottom: 5mm; }
        header.doc-head h1 { font-size: 16pt; margin: 0 0 1mm; color: #0b5a8a; }
        header.doc-head .meta { text-align: right; font-size: 9pt; color: #5a6675; }
        h2 { font-size: 12pt; color: #0b5a8a; margin: 6mm 0 2mm; border-bottom: 1px solid #d5dbe3; padding-bottom: 1mm; }
        table { width: 100%; border-collapse: collapse; margin: 2mm 0; }
        th, td { text-align: left; vertical-align: top; padding: 1.6mm 2mm; border-bottom: 1px solid #d5dbe3; }
        thead th { background: #eef2f6; font-size: 9pt; }
        dl { display: grid; grid-template-columns: 42mm 1fr; gap: 1mm 4mm; margin: 0; }
        dt { font-weight: bold; color: #5a6675; }
        dd { margin: 0; }
        .box { border: 1px solid #d5dbe3; border-radius: 2mm; padding: 3mm 4mm; margin: 3mm 0; break-inside: avoid; }
        .decision { border-left: 4px solid #0b5a8a; background: #f3f7fb; }
        .muted { color: #5a6675; }
        .text { white-space: pre-line; }
        footer.doc-foot { margin-top: 8mm; font-size: 8.5pt; color: #5a6675; border-top: 1px solid #d5dbe3; padding-top: 2mm; }
        tr, .box, section { break-inside: avoid; }
        """;
}
