using MiniExcelLibs;
using Tuoyu.Web.Common.Errors;

namespace Tuoyu.Web.Common.Ui;

/// <summary>
/// Reads an uploaded .xlsx import (header row + data rows) for an all-or-nothing import: every problem with the file
/// itself is a 400 on <c>file</c>; the rows come back with their sheet row numbers (header = row 1), blank rows dropped,
/// header names trimmed. Used by the institution and the base-statistics imports.
/// </summary>
public static class ExcelImport
{
    public static async Task<List<(int Row, IDictionary<string, object?> Cells)>> ReadRowsAsync(
        Stream content, string? fileName, long length, long maxBytes, int maxRows, IReadOnlyCollection<string> requiredHeaders, CancellationToken ct)
    {
        if (length <= 0) { throw ValidationFailedException.For("file", "请选择要导入的Excel文件"); }
        if (length > maxBytes) { throw ValidationFailedException.For("file", $"文件不能超过{Math.Max(1, maxBytes / 1024 / 1024)}MB"); }
        if (fileName is null || !fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) { throw ValidationFailedException.For("file", "请上传 .xlsx 格式的Excel文件"); }
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.GetBuffer();
        // An .xlsx is a zip archive: it starts with the local-file-header signature "PK\3\4" (security.md 5.2.x: content matches extension).
        if (buffer.Length < 4 || bytes[0] != 0x50 || bytes[1] != 0x4B || bytes[2] != 0x03 || bytes[3] != 0x04)
        {
            throw ValidationFailedException.For("file", "文件内容不是 .xlsx 格式的Excel文件");
        }

        buffer.Position = 0;
        List<IDictionary<string, object?>> raw;
        try
        {
            raw = [.. buffer.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
        }
#pragma warning disable CA1031 // Any failure to read the workbook is the upload's fault: a 400, never a 500.
        catch (Exception)
#pragma warning restore CA1031
        {
            throw ValidationFailedException.For("file", "无法读取该Excel文件，请使用导入模板");
        }

        var headers = raw.FirstOrDefault()?.Keys.Select(k => k.Trim()).ToHashSet() ?? [];
        var missing = requiredHeaders.Where(h => !headers.Contains(h)).ToList();
        if (raw.Count > 0 && missing.Count > 0) { throw ValidationFailedException.For("file", "缺少必填列：" + string.Join("、", missing) + "（请使用导入模板）"); }
        var rows = raw.Select((cells, i) => (Row: i + 2, Cells: (IDictionary<string, object?>)cells.ToDictionary(c => c.Key.Trim(), c => c.Value)))
            .Where(r => r.Cells.Values.Any(v => v is not null && !(v is string s && string.IsNullOrWhiteSpace(s))))
            .ToList();
        if (rows.Count == 0) { throw ValidationFailedException.For("file", "文件中没有数据行"); }
        if (rows.Count > maxRows) { throw ValidationFailedException.For("file", $"一次最多导入{maxRows}行，请分批导入"); }
        return rows;
    }
}
