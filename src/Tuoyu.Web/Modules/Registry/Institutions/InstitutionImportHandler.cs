using System.Globalization;
using MiniExcelLibs;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Ui;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.Web.Modules.Registry.Institutions;

public sealed record ImportError(string Field, string Column, string Message);

/// <summary>One data row of the workbook (<c>row</c> is the Excel row number): imported, failed, valid (dry run) or skipped (the example row).</summary>
public sealed record ImportRowReport(int Row, string Status, IReadOnlyList<ImportError> Errors, Guid? Id = null, string? Name = null, string? CreditCode = null);

public sealed record ImportReport(int Total, int Imported, int Failed, bool DryRun, IReadOnlyList<ImportRowReport> Rows);

/// <summary>
/// Excel import of institutions (issue #3 item 8, ADR 0017): every row goes through the same validator and database checks
/// as POST; the rows that pass are inserted together in one SaveChanges, each failed row is reported with its field errors
/// and changes nothing. <c>dryRun</c> reports without writing.
/// </summary>
internal sealed class InstitutionImportHandler(CurrentUser current, InstitutionEditHandler editor, Common.Data.AppDbContext db)
{
    /// <summary>Upload limit (security.md 5.2.x): a few thousand rows fit in far less.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 2000;
    public const string ExamplePrefix = "（示例）";

    /// <summary>Template columns in order: header → request field.</summary>
    public static readonly IReadOnlyList<(string Header, string Field, bool Required)> Columns =
    [
        ("机构名称", "name", true), ("统一社会信用代码", "creditCode", true), ("机构类型", "kind", true), ("举办性质", "ownership", true),
        ("公建民营", "publiclyBuiltPrivatelyRun", false), ("法人登记", "legalRegistration", true), ("所在街道区划代码", "regionCode", true),
        ("地址", "address", true), ("纬度", "latitude", false), ("经度", "longitude", false), ("联系电话", "contactPhone", false),
        ("服务类型", "services", true), ("开放时间", "openingHours", false), ("登记托位", "registeredSlots", true),
        ("建筑面积", "floorAreaSquareMetres", false), ("户外场地面积", "outdoorAreaSquareMetres", false), ("保险有效期至", "insuredUntil", false),
        ("承保机构", "insurer", false), ("云监管", "hasVideoSupervision", false), ("连锁品牌", "chainName", false),
        ("举办单位", "employerName", false), ("所属幼儿园", "kindergartenName", false), ("开办日期", "openedOn", true),
    ];

    private static readonly Dictionary<string, string> ColumnOfField = Columns.ToDictionary(c => c.Field, c => c.Header);

    public async Task<ImportReport> ImportAsync(Stream content, string? fileName, long length, bool dryRun, CancellationToken ct)
    {
        var rows = await ReadAsync(content, fileName, length, ct);
        var user = await current.RequireAsync(ct);
        var reports = new List<ImportRowReport>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new List<(ImportRowReport Report, Institution Institution)>();
        foreach (var (rowNumber, cells) in rows)
        {
            var (request, cellErrors) = ToRequest(cells);
            if (request.Name?.StartsWith(ExamplePrefix, StringComparison.Ordinal) == true)
            {
                reports.Add(new ImportRowReport(rowNumber, "skipped", [new ImportError("name", "机构名称", "示例行，未导入")], Name: request.Name));
                continue;
            }

            var (values, errors) = InstitutionValidator.Check(request);
            var rowErrors = cellErrors.Concat(errors.Where(e => !cellErrors.Any(c => c.Field == e.Key)).SelectMany(e => e.Value.Select(m => Error(e.Key, m)))).ToList();
            if (rowErrors.Count == 0)
            {
                rowErrors.AddRange((await editor.CheckReferencesAsync(values, user, existingId: null, ct)).Select(p => Error(p.Field, p.Message)));
                if (seen.TryGetValue(values.CreditCode, out var first))
                {
                    rowErrors.Add(Error("creditCode", $"统一社会信用代码与第{first}行重复"));
                }
            }

            if (rowErrors.Count > 0)
            {
                reports.Add(new ImportRowReport(rowNumber, "failed", rowErrors, Name: request.Name, CreditCode: request.CreditCode));
                continue;
            }

            seen[values.CreditCode] = rowNumber;
            var institution = new Institution
            {
                Id = Guid.NewGuid(), Name = values.Name, CreditCode = values.CreditCode, RegionCode = values.RegionCode, Address = values.Address,
                FilingStatus = FilingStatus.NotFiled,
            };
            var report = new ImportRowReport(rowNumber, dryRun ? "valid" : "imported", [], dryRun ? null : institution.Id, values.Name, values.CreditCode);
            reports.Add(report);
            if (!dryRun)
            {
                await editor.ApplyAsync(institution, values, ct);
                pending.Add((report, institution));
            }
        }

        if (pending.Count > 0)
        {
            db.Institutions.AddRange(pending.Select(p => p.Institution));
            // All good rows in one transaction: a credit code taken meanwhile by someone else fails the whole import (409), never half of it.
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (ex is not Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                throw new RuleViolationException(InstitutionRules.CreditCodeTaken, "导入期间有统一社会信用代码被其他操作登记，本次未导入任何机构，请重新导入");
            }
        }

        var counted = reports.Where(r => r.Status != "skipped").ToList();
        return new ImportReport(counted.Count, counted.Count(r => r.Status == "imported"), counted.Count(r => r.Status == "failed"), dryRun, reports);
    }

    /// <summary>The template: the columns, one example row (skipped on import) and a sheet of instructions.</summary>
    public static async Task<byte[]> TemplateAsync(CancellationToken ct)
    {
        var example = new Dictionary<string, object?>
        {
            ["机构名称"] = ExamplePrefix + "芙蓉区阳光托育中心", ["统一社会信用代码"] = Common.Rules.UnifiedSocialCreditCode.Create("91430102MA4L00001"),
            ["机构类型"] = "托育机构", ["举办性质"] = "民办", ["公建民营"] = "否", ["法人登记"] = "营利性", ["所在街道区划代码"] = "430102001000",
            ["地址"] = "长沙市芙蓉区文艺路街道示例路1号", ["纬度"] = 28.19, ["经度"] = 112.99, ["联系电话"] = "0731-88886666",
            ["服务类型"] = "全日托、计时托", ["开放时间"] = "周一至周五 07:30–17:30", ["登记托位"] = 60, ["建筑面积"] = 600, ["户外场地面积"] = 180,
            ["保险有效期至"] = "2026-12-31", ["承保机构"] = "某财产保险公司", ["云监管"] = "是", ["连锁品牌"] = "", ["举办单位"] = "", ["所属幼儿园"] = "",
            ["开办日期"] = "2024-09-01",
        };
        var notes = new List<Dictionary<string, object?>>
        {
            Note("必填列", string.Join("、", Columns.Where(c => c.Required).Select(c => c.Header))),
            Note("机构类型", string.Join("、", Enum.GetValues<InstitutionKind>().Select(InstitutionRules.KindName))),
            Note("举办性质", "公办、民办；公建民营填“是”时须为公办"),
            Note("法人登记", "营利性、非营利性（民政）、非营利性（编办），须与统一社会信用代码首位一致（9 市场监管、5 民政、1 机构编制）"),
            Note("所在街道区划代码", "12位乡镇（街道）级代码，须在本人管辖范围内"),
            Note("服务类型", "全日托、半日托、计时托、临时托，可填多项，用顿号分隔"),
            Note("举办单位 / 所属幼儿园", "用人单位办托须填举办单位；幼儿园托班须填所属幼儿园；其他类型不填"),
            Note("经纬度", "同时填写或同时不填"),
            Note("日期", "格式 2024-09-01"),
            Note("示例行", $"机构名称以“{ExamplePrefix}”开头的行不会导入，可删除"),
            Note("统一社会信用代码", "请将该列设为文本格式，以免Excel把全数字代码变成科学计数法"),
        };
        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object> { ["托育机构"] = new[] { example }, ["填写说明"] = notes };
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();

        static Dictionary<string, object?> Note(string item, string text) => new() { ["项目"] = item, ["说明"] = text };
    }

    /// <summary>The report as a workbook for the page's download (cells escaped by ExcelExport).</summary>
    public static Task<byte[]> ReportXlsxAsync(ImportReport report, CancellationToken ct) =>
        Common.Ui.ExcelExport.ToXlsxAsync(report.Rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["行号"] = r.Row, ["结果"] = StatusName(r.Status), ["机构名称"] = r.Name, ["统一社会信用代码"] = r.CreditCode,
            ["问题"] = string.Join("；", r.Errors.Select(e => $"{e.Column}：{e.Message}")),
        }), "导入结果", ct);

    public static string StatusName(string status) => status switch
    {
        "imported" => "已导入",
        "valid" => "校验通过",
        "failed" => "未导入",
        "skipped" => "已跳过",
        _ => status,
    };

    private static ImportError Error(string field, string message) => new(field, ColumnOfField.GetValueOrDefault(field, field), message);

    private static Task<List<(int Row, IDictionary<string, object?> Cells)>> ReadAsync(Stream content, string? fileName, long length, CancellationToken ct) =>
        ExcelImport.ReadRowsAsync(content, fileName, length, MaxBytes, MaxRows, Columns.Where(c => c.Required).Select(c => c.Header).ToList(), ct);

    private static (InstitutionRequest Request, List<ImportError> Errors) ToRequest(IDictionary<string, object?> cells)
    {
        var errors = new List<ImportError>();
        object? Cell(string field) => cells.TryGetValue(ColumnOfField[field], out var v) ? v : null;
        string? Text(string field) => Cell(field) switch
        {
            null => null,
            string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
            double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
            DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        };
        int? Int(string field)
        {
            var t = Text(field);
            if (t is null) { return null; }
            if (int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) { return n; }
            errors.Add(Error(field, "应为整数"));
            return null;
        }

        double? Number(string field)
        {
            var t = Text(field);
            if (t is null) { return null; }
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) { return n; }
            errors.Add(Error(field, "应为数字"));
            return null;
        }

        DateOnly? Date(string field)
        {
            switch (Cell(field))
            {
                case null: return null;
                case DateTime dt: return DateOnly.FromDateTime(dt);
                case double d when d is > 0 and < 2958466: return DateOnly.FromDateTime(DateTime.FromOADate(d));
            }

            var t = Text(field);
            if (t is null) { return null; }
            if (DateOnly.TryParseExact(t, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) { return date; }
            errors.Add(Error(field, "日期格式应为 2024-09-01"));
            return null;
        }

        bool? Bool(string field)
        {
            var t = Text(field);
            switch (t)
            {
                case null: return null;
                case "是" or "有" or "true" or "TRUE" or "True" or "1": return true;
                case "否" or "无" or "false" or "FALSE" or "False" or "0": return false;
                default:
                    errors.Add(Error(field, "应填“是”或“否”"));
                    return null;
            }
        }

        var services = Text("services")?.Split(['、', ',', '，', ';', '；', '/', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var request = new InstitutionRequest(
            Text("name"), Text("creditCode"), Text("kind"), Text("ownership"), Bool("publiclyBuiltPrivatelyRun"), Text("legalRegistration"),
            Text("regionCode"), Text("address"), Number("latitude"), Number("longitude"), Text("contactPhone"), services, Text("openingHours"),
            Int("registeredSlots"), Int("floorAreaSquareMetres"), Int("outdoorAreaSquareMetres"), Date("insuredUntil"), Text("insurer"),
            Bool("hasVideoSupervision"), null, Text("chainName"), Text("employerName"), Text("kindergartenName"), Date("openedOn"));
        return (request, errors);
    }
}
