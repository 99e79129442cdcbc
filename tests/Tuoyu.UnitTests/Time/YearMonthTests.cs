using Tuoyu.Web.Common.Time;

namespace Tuoyu.UnitTests.Time;

public sealed class YearMonthTests
{
    [Theory]
    [InlineData("2025-05", 2025, 5)]
    [InlineData("202505", 2025, 5)]
    [InlineData(" 2026-12 ", 2026, 12)]
    public void TryParse_accepts_the_api_form_and_the_stored_form(string text, int year, int month)
    {
        Assert.True(YearMonth.TryParse(text, out var m));
        Assert.Equal(new YearMonth(year, month), m);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-5")]
    [InlineData("25-05")]
    [InlineData("2025/05")]
    [InlineData("+025-05")]
    public void TryParse_refuses_anything_else(string? text)
    {
        Assert.False(YearMonth.TryParse(text, out _));
    }

    [Fact]
    public void A_month_knows_its_first_and_last_day_including_leap_february()
    {
        var feb = new YearMonth(2028, 2);
        Assert.Equal(new DateOnly(2028, 2, 1), feb.FirstDay);
        Assert.Equal(new DateOnly(2028, 2, 29), feb.LastDay);
        Assert.Equal(28, new YearMonth(2027, 2).DaysInMonth);
    }

    [Fact]
    public void Months_compare_add_and_round_trip_through_the_stored_number()
    {
        var m = new YearMonth(2025, 12);
        Assert.Equal(new YearMonth(2026, 1), m.AddMonths(1));
        Assert.True(m < m.AddMonths(1));
        Assert.Equal(202512, m.ToNumber());
        Assert.Equal(m, YearMonth.FromNumber(202512));
        Assert.Equal("2025-12", m.ToString());
        Assert.True(m.Contains(new DateOnly(2025, 12, 31)));
        Assert.False(m.Contains(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void The_constructor_refuses_month_thirteen()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new YearMonth(2025, 13));
    }
}
