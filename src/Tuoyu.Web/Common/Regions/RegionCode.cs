namespace Tuoyu.Web.Common.Regions;

/// <summary>
/// The national 12-digit statistical division code: province (2) city (2) county (2)
/// township/street (3) community (3). Aggregation down the hierarchy is a prefix match.
/// </summary>
public static class RegionCode
{
    public static bool IsValid(string? code) =>
        code is { Length: 12 } && code.All(char.IsAsciiDigit);

    public static RegionLevel LevelOf(string code)
    {
        if (code.EndsWith("0000000000", StringComparison.Ordinal)) { return RegionLevel.Province; }
        if (code.EndsWith("00000000", StringComparison.Ordinal)) { return RegionLevel.City; }
        if (code.EndsWith("000000", StringComparison.Ordinal)) { return RegionLevel.County; }
        return RegionLevel.Street;
    }

    /// <summary>The significant prefix: every code below this region starts with it.</summary>
    public static string PrefixOf(string code) => LevelOf(code) switch
    {
        RegionLevel.Province => code[..2],
        RegionLevel.City => code[..4],
        RegionLevel.County => code[..6],
        _ => code[..9],
    };

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public static bool IsWithin(string code, string ancestor) =>
        code.StartsWith(PrefixOf(ancestor), StringComparison.Ordinal);
}
