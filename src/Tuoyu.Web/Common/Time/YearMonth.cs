using System.Globalization;

namespace Tuoyu.Web.Common.Time;

/// <summary>
/// A calendar month (architecture.md rule 3: "months a YearMonth value"). Stored as the integer yyyymm
/// (202505), so months sort and compare in SQL; written "2025-05" in the API.
/// </summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    public YearMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => new(Year, Month, DaysInMonth);
    public int DaysInMonth => DateTime.DaysInMonth(Year, Month);

    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    public YearMonth AddMonths(int months)
    {
        var d = FirstDay.AddMonths(months);
        return new YearMonth(d.Year, d.Month);
    }

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    /// <summary>yyyymm, the stored form.</summary>
    public int ToNumber() => (Year * 100) + Month;

    public static YearMonth FromNumber(int yyyymm) => new(yyyymm / 100, yyyymm % 100);

    /// <summary>Parses "2025-05" (the API form) or "202505"; false for anything else, including month 13.</summary>
    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) { return false; }
        var t = text.Trim();
        string y, m;
        if (t.Length == 7 && t[4] == '-') { (y, m) = (t[..4], t[5..]); }
        else if (t.Length == 6) { (y, m) = (t[..4], t[4..]); }
        else { return false; }
        if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year is < 1900 or > 9999 || month is < 1 or > 12)
        {
            return false;
        }

        value = new YearMonth(year, month);
        return true;
    }

    public int CompareTo(YearMonth other) => ToNumber().CompareTo(other.ToNumber());

    public static bool operator <(YearMonth a, YearMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(YearMonth a, YearMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(YearMonth a, YearMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(YearMonth a, YearMonth b) => a.CompareTo(b) >= 0;

    /// <summary>"2025-05".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
