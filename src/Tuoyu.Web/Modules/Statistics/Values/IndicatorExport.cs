using Tuoyu.Web.Common.Ui;

namespace Tuoyu.Web.Modules.Statistics.Values;

/// <summary>The dashboard's tables as .xlsx (Common/Ui/ExcelExport escapes formula-like cells).</summary>
public static class IndicatorExport
{
    public static Task<byte[]> TableAsync(IndicatorTable t, CancellationToken ct) =>
        ExcelExport.ToXlsxAsync(t.Items.Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["区划"] = t.RegionName, ["年份"] = t.Year, ["统计日期"] = t.Date.ToString("yyyy-MM-dd"), ["指标"] = i.Name, ["值"] = i.Value, ["单位"] = i.Unit,
            ["分子"] = i.Numerator, ["分母"] = i.Denominator, ["目标值"] = i.Target, ["目标年份"] = i.TargetYear, ["状态"] = i.StatusName, ["目标依据"] = i.TargetSource,
        }), "指标", ct);

    public static Task<byte[]> BreakdownAsync(IndicatorBreakdown b, CancellationToken ct) =>
        ExcelExport.ToXlsxAsync(b.Rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [b.RowKind == "institution" ? "机构" : "区划"] = r.Name, ["指标"] = b.Name, ["年份"] = b.Year, ["统计日期"] = b.Date.ToString("yyyy-MM-dd"),
            ["值"] = r.Value, ["单位"] = b.Unit, ["分子"] = r.Numerator, ["分母"] = r.Denominator, ["目标值"] = r.Target, ["状态"] = r.StatusName,
        }), "分解", ct);
}
