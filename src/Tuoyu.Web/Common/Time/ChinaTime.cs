namespace Tuoyu.Web.Common.Time;

/// <summary>
/// Dates as people in China see them: China Standard Time is UTC+8 all year (no daylight saving time), so a
/// fixed offset gives the Asia/Shanghai date without a time-zone database. Instants stay UTC everywhere else.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Today's date in China.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The date in China at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The date in China at a UTC <see cref="DateTime"/> (as stored).</summary>
    public static DateOnly DateOf(DateTime utc) => DateOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>The UTC instant at which <paramref name="date"/> begins in China.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - Offset;
}
