using Tuoyu.Web.Common.Time;

namespace Tuoyu.UnitTests.Time;

public sealed class AgeTests
{
    [Theory]
    [InlineData("2025-01-15", "2025-02-14", 0)]
    [InlineData("2025-01-15", "2025-02-15", 1)]
    [InlineData("2025-01-31", "2025-02-28", 1)]
    [InlineData("2024-01-31", "2024-02-28", 0)]
    [InlineData("2024-01-31", "2024-02-29", 1)]
    [InlineData("2024-02-29", "2025-02-28", 12)]
    [InlineData("2024-06-01", "2027-06-01", 36)]
    [InlineData("2025-06-01", "2025-05-01", 0)]
    public void Age_in_full_months_counts_month_anniversaries(string birth, string day, int months)
    {
        Assert.Equal(months, Age.InMonths(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
