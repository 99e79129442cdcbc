using MiniExcelLibs;

namespace Tuoyu.Web.Common.Ui;

/// <summary>
/// .xlsx export (MiniExcel). Cells starting with = + - @ tab, CR or NUL are prefixed with an apostrophe
/// so a spreadsheet never runs them as formulas (ASVS 5.0 1.2.10 ★).
/// </summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string? EscapeCell(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\0' ? "'" + value : value;

    /// <summary>Writes rows (column title → value) to an in-memory workbook.</summary>
    public static async Task<byte[]> ToXlsxAsync(IEnumerable<IReadOnlyDictionary<string, object?>> rows, string sheetName, CancellationToken ct)
    {
        var escaped = rows.Select(r => r.ToDictionary(kv => kv.Key, kv => kv.Value is string s ? EscapeCell(s) : kv.Value));
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(escaped, sheetName: sheetName, cancellationToken: ct);
        return stream.ToArray();
    }
}
