using Tuoyu.Web.Common.Time;

namespace Tuoyu.UnitTests.Time;

public sealed class ChinaTimeTests
{
    [Fact]
    public void Today_is_the_china_date_which_starts_at_16_00_utc_the_day_before()
    {
        var before = new FixedClock(new DateTimeOffset(2026, 3, 31, 15, 59, 59, TimeSpan.Zero));
        var at = new FixedClock(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 3, 31), ChinaTime.Today(before));
        Assert.Equal(new DateOnly(2026, 4, 1), ChinaTime.Today(at));
    }

    [Fact]
    public void StartOfDayUtc_is_midnight_in_china()
    {
        Assert.Equal(new DateTime(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc), ChinaTime.StartOfDayUtc(new DateOnly(2026, 4, 1)));
        Assert.Equal(new DateOnly(2026, 4, 1), ChinaTime.DateOf(new DateTime(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc)));
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
