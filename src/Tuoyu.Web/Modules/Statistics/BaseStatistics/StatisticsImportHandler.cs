using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Ui;
using Tuoyu.Web.Modules.Statistics.Domain;
using Tuoyu.Web.Modules.Statistics.Values;

namespace Tuoyu.Web.Modules.Statistics.BaseStatistics;

/// <summary>
/// Excel import of base statistics: all or nothing. Every row is checked (cells, region known and in scope, no repeated
/// region and year); any bad row fails the whole file with a 400 naming each bad row's number and field
/// (<c>row3.childrenUnder3</c>); otherwise every row is inserted or replaced in one SaveChanges.
/// </summary>
internal sealed class StatisticsImportHandler(AppDbContext db, CurrentUser current)
{
    public const long MaxBytes = 1024 * 1024;
    public const int MaxRows = 5000;

    /// <summary>Template columns in order: header → request field.</summary>
    public static readonly IReadOnlyList<(string Header, string Field)> Columns =
    [
        ("区划代码", "regionCode"), ("年份", "year"), ("常住人口", "residentPopulation"), ("3岁以下婴幼儿数", "childrenUnder3"),
        ("出生人口", "births"), ("居民人均可支配收入（元）", "disposableIncomeFen"), ("数据来源", "source"), ("数据日期", "sourceDate"),
    ];

    public async Task<StatisticsImportResult> ImportAsync(Stream content, string? fileName, long length, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var rows = await ReadAsync(content, fileName, length, ct);
        var errors = new Dictionary<string, string[]>();
        void Fail(int row, string field, string message)
        {
            var header = Columns.FirstOrDefault(c => c.Field == field).Header ?? field;
            errors[$"row{row}.{field}"] = [$"第{row}行 {header}：{message}"];
        }

        var parsed = new List<(int Row, string Region, int Year, StatisticRequest Request)>();
        foreach (var (rowNumber, cells) in rows)
        {
            var (region, year, request, cellErrors) = Parse(cells);
            foreach (var (field, message) in cellErrors) { Fail(rowNumber, field, message); }
            if (cellErrors.Count > 0) { continue; }
            foreach (var (key, messages) in StatisticsHandler.Check(request, year, ""))
            {
                Fail(rowNumber, key, messages[0]);
            }

            if (!RegionCode.IsValid(region)) { Fail(rowNumber, "regionCode", "区划代码应为12位数字"); continue; }
            parsed.Add((rowNumber, region!, year, request));
        }

        var codes = parsed.Select(p => p.Region).Distinct().ToList();
        var known = (await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct)).ToHashSet();
        var seen = new Dictionary<(string, int), int>();
        foreach (var p in parsed)
        {
            if (!known.Contains(p.Region)) { Fail(p.Row, "regionCode", "区划代码不存在"); }
            else if (!user.CoversRegion(p.Region)) { Fail(p.Row, "regionCode", "该区划不在您的管辖范围内"); }
            if (seen.TryGetValue((p.Region, p.Year), out var first)) { Fail(p.Row, "year", $"与第{first}行的区划和年份重复"); }
            else { seen[(p.Region, p.Year)] = p.Row; }
        }

        if (errors.Count > 0) { throw new ValidationFailedException(errors); }

        var years = parsed.Select(p => p.Year).Distinct().ToList();
        var existing = await db.RegionStatistics.Where(s => codes.Contains(s.RegionCode) && years.Contains(s.Year)).ToListAsync(ct);
        var result = new List<StatisticView>();
        foreach (var p in parsed)
        {
            var row = existing.FirstOrDefault(s => s.RegionCode == p.Region && s.Year == p.Year);
            if (row is null)
            {
                row = new RegionStatistic { RegionCode = p.Region, Year = p.Year, Source = p.Request.Source!.Trim() };
                db.RegionStatistics.Add(row);
            }

            StatisticsHandler.Apply(row, p.Request);
            result.Add(StatisticsHandler.View(row));
        }

        await db.SaveChangesAsync(ct);
        return new StatisticsImportResult(result.Count, result);
    }

    public static async Task<byte[]> TemplateAsync(CancellationToken ct)
    {
        var example = new Dictionary<string, object?>
        {
            ["区划代码"] = "430102000000", ["年份"] = 2024, ["常住人口"] = 670000, ["3岁以下婴幼儿数"] = 12500, ["出生人口"] = 4200,
            ["居民人均可支配收入（元）"] = "68000.00", ["数据来源"] = "芙蓉区统计年鉴2024", ["数据日期"] = "2025-03-01",
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new[] { example }, sheetName: "基础统计", cancellationToken: ct);
        return stream.ToArray();
    }

    private static (string? Region, int Year, StatisticRequest Request, List<(string Field, string Message)> Errors) Parse(IDictionary<string, object?> cells)
    {
        var errors = new List<(string, string)>();
        string? Text(string field)
        {
            var header = Columns.First(c => c.Field == field).Header;
            return (cells.TryGetValue(header, out var v) ? v : null) switch
            {
                null => null,
                string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
                double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
                DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture),
            };
        }

        long? Long(string field)
        {
            var t = Text(field);
            if (t is null) { return null; }
            if (long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) { return n; }
            errors.Add((field, "应为整数"));
            return null;
        }

        var region = Text("regionCode");
        if (region is null) { errors.Add(("regionCode", "不能为空")); }
        var year = Long("year");
        if (year is null && !errors.Any(e => e.Item1 == "year")) { errors.Add(("year", "不能为空")); }
        long? income = null;
        if (Text("disposableIncomeFen") is { } incomeText)
        {
            if (Yuan.TryParse(incomeText, out var fen)) { income = fen; }
            else { errors.Add(("disposableIncomeFen", "应为金额（元，最多两位小数）")); }
        }

        DateOnly? sourceDate = null;
        if (Text("sourceDate") is { } dateText)
        {
            if (DateOnly.TryParseExact(dateText, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) { sourceDate = d; }
            else { errors.Add(("sourceDate", "日期格式应为 2025-03-01")); }
        }

        var request = new StatisticRequest(Long("residentPopulation"), Long("childrenUnder3"), Long("births"), income, Text("source"), sourceDate);
        return (region, (int)Math.Clamp(year ?? 0, 0, 9999), request, errors);
    }

    private static Task<List<(int Row, IDictionary<string, object?> Cells)>> ReadAsync(Stream content, string? fileName, long length, CancellationToken ct) =>
        ExcelImport.ReadRowsAsync(content, fileName, length, MaxBytes, MaxRows, Columns.Select(c => c.Header).ToList(), ct);
}
