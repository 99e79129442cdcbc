using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Registry.PublicDirectory;

/// <summary>Chinese names the public pages show for services, pricing and designations.</summary>
internal static class PublicNames
{
    public static string Service(CareServices s) => s switch
    {
        CareServices.FullDay => "全日托",
        CareServices.HalfDay => "半日托",
        CareServices.Hourly => "计时托",
        CareServices.Temporary => "临时托",
        _ => s.ToString(),
    };

    /// <summary>The single services of a set, in order.</summary>
    public static IReadOnlyList<string> Services(CareServices set) =>
        [.. new[] { CareServices.FullDay, CareServices.HalfDay, CareServices.Hourly, CareServices.Temporary }.Where(s => set.HasFlag(s)).Select(Service)];

    public static string Pricing(FeePricing p) => p switch
    {
        FeePricing.GovernmentPriced => "政府定价",
        FeePricing.GovernmentGuided => "政府指导价",
        FeePricing.Market => "市场调节价",
        _ => p.ToString(),
    };

    public static string Designation(DesignationKind k) => k switch
    {
        DesignationKind.Inclusive => "普惠性托育机构",
        DesignationKind.Public => "公办托育机构",
        DesignationKind.Grade => "等级评定",
        DesignationKind.Demonstration => "示范性托育机构",
        _ => k.ToString(),
    };

    /// <summary>Fen as 元 for people: "1,850" or "1,850.50".</summary>
    public static string Yuan(long fen) => fen % 100 == 0
        ? (fen / 100).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
        : (fen / 100m).ToString("N2", System.Globalization.CultureInfo.InvariantCulture);
}
