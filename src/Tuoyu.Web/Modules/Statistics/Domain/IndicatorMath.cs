namespace Tuoyu.Web.Modules.Statistics.Domain;

/// <summary>Exact decimal arithmetic of an indicator's value and of its status against a target (ADR 0029).</summary>
public static class IndicatorMath
{
    public const string Met = "met";
    public const string OnTrack = "on_track";
    public const string Behind = "behind";

    /// <summary>
    /// numerator ÷ denominator × factor, rounded half away from zero to <paramref name="decimals"/>; null when the
    /// numerator is unknown or, for a ratio, the denominator is unknown or zero — never an invented figure.
    /// </summary>
    public static decimal? Value(decimal? numerator, bool isRatio, decimal? denominator, decimal factor, int decimals)
    {
        if (numerator is not { } n) { return null; }
        if (!isRatio) { return Math.Round(n * factor, decimals, MidpointRounding.AwayFromZero); }
        if (denominator is not { } d || d == 0) { return null; }
        return Math.Round(n * factor / d, decimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// met: the value reaches the target; otherwise, before the target year, on_track when it reaches the straight line
    /// from the baseline (year, value) to the target (year, value) at <paramref name="year"/>, else behind; from the target
    /// year on, behind. Null when there is no value, or no baseline before the target year to draw the line from.
    /// </summary>
    public static string? Status(decimal? value, int year, decimal target, int targetYear, int? baselineYear, decimal? baselineValue, bool lowerIsBetter)
    {
        if (value is not { } v) { return null; }
        if (Reaches(v, target, lowerIsBetter)) { return Met; }
        if (year >= targetYear) { return Behind; }
        if (baselineYear is not { } by || baselineValue is not { } bv || by >= targetYear) { return null; }
        var expected = Expected(year, target, targetYear, by, bv);
        return Reaches(v, expected, lowerIsBetter) ? OnTrack : Behind;
    }

    /// <summary>The straight-line value expected at <paramref name="year"/> (the baseline itself up to the baseline year).</summary>
    public static decimal Expected(int year, decimal target, int targetYear, int baselineYear, decimal baselineValue)
    {
        if (year <= baselineYear) { return baselineValue; }
        if (year >= targetYear) { return target; }
        return baselineValue + ((target - baselineValue) * (year - baselineYear) / (targetYear - baselineYear));
    }

    public static string StatusName(string? status) => status switch
    {
        Met => "已达标",
        OnTrack => "按进度",
        Behind => "落后",
        _ => "—",
    };

    private static bool Reaches(decimal value, decimal goal, bool lowerIsBetter) => lowerIsBetter ? value <= goal : value >= goal;
}
