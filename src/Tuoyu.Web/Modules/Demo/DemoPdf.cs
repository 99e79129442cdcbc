using System.Globalization;
using System.Text;

namespace Tuoyu.Web.Modules.Demo;

/// <summary>
/// A minimal valid one-page PDF 1.4 (catalog, pages, page, content stream, Helvetica; exact xref offsets) with a
/// few lines of ASCII text — the demo's filing documents, generated in code (no files shipped). Tests use it too.
/// </summary>
internal static class DemoPdf
{
    public static byte[] Create(params string[] lines)
    {
        var text = new StringBuilder("BT /F1 14 Tf 72 760 Td 18 TL");
        foreach (var line in lines)
        {
            var safe = new string([.. line.Where(c => c is >= ' ' and <= '~' && c is not ('(' or ')' or '\\'))]);
            text.Append(CultureInfo.InvariantCulture, $" ({safe}) Tj T*");
        }

        text.Append(" ET");
        var stream = text.ToString();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) { pdf.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n"); }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        // ASCII only, so character offsets are byte offsets.
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
