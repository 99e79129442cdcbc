using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Subsidies.Domain;

namespace Tuoyu.UnitTests.Subsidies;

/// <summary>The days an institution held 普惠 or was filed within a month (ADR 0028), the inputs frozen on each line.</summary>
public sealed class DayMaskTests
{
    private static readonly YearMonth November = new(2026, 11);

    [Fact]
    public void A_withdrawn_designation_holds_until_the_day_before_its_withdrawal()
    {
        var mask = DayMask.Inclusive(November, [(new DateOnly(2025, 1, 1), null, new DateOnly(2026, 11, 11))]);
        Assert.Equal(10, DayMask.Count(mask));
        Assert.Equal(DayMask.Between(November, November.FirstDay, new DateOnly(2026, 11, 10)), mask);
    }

    [Fact]
    public void A_designation_granted_mid_month_and_valid_until_a_day_covers_the_days_between()
    {
        var mask = DayMask.Inclusive(November, [(new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 24), null)]);
        Assert.Equal(20, DayMask.Count(mask));
    }

    [Fact]
    public void Filing_follows_the_history_approved_then_revoked()
    {
        var history = new List<FilingStep>
        {
            new(new DateOnly(2026, 10, 20), Filed: false),
            new(new DateOnly(2026, 11, 6), Filed: true),
            new(new DateOnly(2026, 11, 21), Filed: false),
        };
        Assert.Equal(15, DayMask.Count(DayMask.Filed(November, history, filedNow: false, null)));
    }

    [Fact]
    public void The_last_step_of_a_day_decides_that_day()
    {
        var history = new List<FilingStep> { new(new DateOnly(2026, 11, 6), Filed: true), new(new DateOnly(2026, 11, 6), Filed: false) };
        Assert.Equal(0u, DayMask.Filed(November, history, filedNow: false, null));
    }

    [Fact]
    public void An_institution_registered_as_filed_without_history_counts_from_its_filing_date()
    {
        Assert.Equal(DayMask.Full(November), DayMask.Filed(November, [], filedNow: true, new DateOnly(2024, 3, 1)));
        Assert.Equal(0u, DayMask.Filed(November, [], filedNow: false, null));
        Assert.Equal(31, DayMask.Count(DayMask.Full(new YearMonth(2026, 12))));
    }
}
