namespace Tuoyu.Web.Modules.Supervision.Domain;

/// <summary>
/// A law-enforcement inspector in the 双随机 pool (执法检查人员名录库). <see cref="Code"/> is what the public record shows;
/// the name and home street stay internal (the street only feeds recusal).
/// </summary>
public sealed class Inspector
{
    public Guid Id { get; init; }
    /// <summary>执法证号 or the pool's own code, unique, e.g. 430102-WJ-0001.</summary>
    public required string Code { get; init; }
    public required string Name { get; set; }
    public InspectorAgency Agency { get; set; }
    /// <summary>The street (12 digits) the inspector lives in: never drawn for an institution in it.</summary>
    public required string HomeStreetCode { get; set; }
    /// <summary>The region of the regulator who keeps the entry.</summary>
    public required string RegionCode { get; init; }
    public bool Active { get; set; } = true;
}

public enum InspectorAgency
{
    /// <summary>卫生健康</summary>
    Health = 1,
    /// <summary>教育</summary>
    Education = 2,
    /// <summary>市场监管</summary>
    MarketRegulation = 3,
    /// <summary>消防救援</summary>
    FireRescue = 4,
    /// <summary>民政</summary>
    CivilAffairs = 5,
    /// <summary>住房城乡建设</summary>
    Housing = 6,
}

public static class InspectorAgencies
{
    public static string ChineseName(InspectorAgency a) => a switch
    {
        InspectorAgency.Health => "卫生健康",
        InspectorAgency.Education => "教育",
        InspectorAgency.MarketRegulation => "市场监管",
        InspectorAgency.FireRescue => "消防救援",
        InspectorAgency.CivilAffairs => "民政",
        InspectorAgency.Housing => "住房城乡建设",
        _ => a.ToString(),
    };

    public static bool TryParse(string? code, out InspectorAgency agency)
    {
        agency = default;
        return code is { Length: > 0 } && !char.IsAsciiDigit(code[0]) && Enum.TryParse(code, out agency) && Enum.IsDefined(agency);
    }
}
