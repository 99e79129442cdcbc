using System.Globalization;

namespace Tuoyu.Web.Common.Rules;

/// <summary>
/// 元 ↔ 分 for people: money is stored and sent as integer fen (architecture.md rule 3); pages show and read 元 with
/// two decimals. Parsing is exact (decimal, never double): "12.3" is 1230 fen, "12.345" is refused rather than rounded.
/// </summary>
public static class Yuan
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Reads a non-negative amount of 元 with at most two decimals: digits, an optional '.', optional thousands
    /// separators ',' and surrounding spaces; also a full-width '．' or '，' as typed by a Chinese input method.
    /// No sign, no exponent, no currency symbol.
    /// </summary>
    public static bool TryParse(string? text, out long fen)
    {
        fen = 0;
        if (string.IsNullOrWhiteSpace(text)) { return false; }
        var s = text.Trim().Replace('．', '.').Replace('，', ',');
        if (s.Contains(',', StringComparison.Ordinal))
        {
            // Separators only between groups of three digits of the whole part: "2,000.50", never "2,00" or ",5".
            var whole = s.Split('.')[0].Split(',');
            if (whole[0].Length is 0 or > 3 || whole.Skip(1).Any(g => g.Length != 3)) { return false; }
            s = s.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        if (s.Length == 0 || s.Length > 20 || s.Count(c => c == '.') > 1 || !s.All(c => char.IsAsciiDigit(c) || c == '.')) { return false; }
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        if (dot == 0 || dot == s.Length - 1) { return false; }
        if (dot > 0 && s.Length - dot - 1 > 2) { return false; }
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, Invariant, out var yuan)) { return false; }
        var f = yuan * 100m;
        if (f != decimal.Truncate(f) || f > long.MaxValue) { return false; }
        fen = (long)f;
        return true;
    }

    /// <summary>Fen as 元 with two decimals and thousands separators, e.g. 123456 → "1,234.56".</summary>
    public static string Format(long fen) => (fen / 100m).ToString("#,##0.00", Invariant);

    /// <summary>Fen as 元 for an input box: two decimals, no separators, e.g. 123456 → "1234.56".</summary>
    public static string FormatPlain(long fen) => (fen / 100m).ToString("0.00", Invariant);
}
