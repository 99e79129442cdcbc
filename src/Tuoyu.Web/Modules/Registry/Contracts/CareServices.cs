namespace Tuoyu.Web.Modules.Registry.Contracts;

/// <summary>托育服务类型 (Zhuzhou 三(三)2; national 三): an institution offers a set; a fee or an enrollment names one.</summary>
[Flags]
public enum CareServices
{
    None = 0,
    /// <summary>全日托</summary>
    FullDay = 1,
    /// <summary>半日托</summary>
    HalfDay = 2,
    /// <summary>计时托</summary>
    Hourly = 4,
    /// <summary>临时托</summary>
    Temporary = 8,
}

/// <summary>The one place that names, splits and parses <see cref="CareServices"/>.</summary>
public static class CareServiceSet
{
    /// <summary>The four single services, in display order.</summary>
    public static IReadOnlyList<CareServices> Singles { get; } =
        [CareServices.FullDay, CareServices.HalfDay, CareServices.Hourly, CareServices.Temporary];

    /// <summary>True when <paramref name="service"/> names exactly one service (a fee, a guideline or an enrollment is for one).</summary>
    public static bool IsSingle(CareServices service) => Singles.Contains(service);

    /// <summary>The single services in <paramref name="set"/>, in display order.</summary>
    public static IEnumerable<CareServices> Split(CareServices set) => Singles.Where(s => set.HasFlag(s));

    public static string ChineseName(CareServices s) => s switch
    {
        CareServices.FullDay => "全日托",
        CareServices.HalfDay => "半日托",
        CareServices.Hourly => "计时托",
        CareServices.Temporary => "临时托",
        _ => s.ToString(),
    };

    /// <summary>One service by its API name ("FullDay", "HalfDay", "Hourly", "Temporary", any case); numbers, Chinese names and combinations are refused.</summary>
    public static bool TryParseSingle(string? value, out CareServices service) => TryParse(value, chinese: false, out service);

    /// <summary>As <see cref="TryParseSingle"/>, also accepting the Chinese name (全日托 …) as a spreadsheet has it.</summary>
    public static bool TryParseSingleOrChinese(string? value, out CareServices service) => TryParse(value, chinese: true, out service);

    private static bool TryParse(string? value, bool chinese, out CareServices service)
    {
        service = CareServices.None;
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) { return false; }
        foreach (var s in Singles)
        {
            if (string.Equals(s.ToString(), v, StringComparison.OrdinalIgnoreCase) || (chinese && ChineseName(s) == v))
            {
                service = s;
                return true;
            }
        }

        return false;
    }
}
