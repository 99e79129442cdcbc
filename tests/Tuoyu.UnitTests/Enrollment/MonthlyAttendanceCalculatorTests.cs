using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;
using Calc = Tuoyu.Web.Modules.Enrollment.Domain.MonthlyAttendanceCalculator;

namespace Tuoyu.UnitTests.Enrollment;

/// <summary>ADR 0024: enrolled days are calendar days covered by an enrollment row and not paused; attended days are present days among them.</summary>
public sealed class MonthlyAttendanceCalculatorTests
{
    private static readonly YearMonth October = new(2026, 10);
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly Guid Toddlers = Guid.NewGuid();
    private static readonly Guid Preschool = Guid.NewGuid();
    private static readonly Guid Toddlers2 = Guid.NewGuid();
    private static readonly Dictionary<Guid, ClassType> Types = new()
    {
        [Toddlers] = ClassType.Toddler, [Preschool] = ClassType.Preschool, [Toddlers2] = ClassType.Toddler,
    };

    private static DateOnly Oct(int day) => new(2026, 10, day);

    private static IEnumerable<(Guid, DateOnly)> Present(params int[] days) => days.Select(d => (Child, Oct(d)));

    private static Calc.Enrollment E(Guid cls, DateOnly start, DateOnly? end = null, CareServices service = CareServices.FullDay, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), Child, cls, service, start, end);

    [Fact]
    public void A_child_enrolled_all_month_has_every_calendar_day_enrolled_and_its_present_days_attended()
    {
        var rows = Calc.Compute(October, [E(Toddlers, new DateOnly(2026, 1, 5))], [], Types, Present(1, 2, 5, 31));
        var row = Assert.Single(rows);
        Assert.Equal((ClassType.Toddler, CareServices.FullDay, 31, 4), (row.ClassType, row.Service, row.EnrolledDays, row.AttendedDays));
    }

    [Fact]
    public void A_mid_month_move_to_another_class_type_gives_two_rows_split_on_the_day()
    {
        var first = E(Toddlers, new DateOnly(2026, 9, 1), Oct(15));
        var second = E(Preschool, Oct(16));
        var rows = Calc.Compute(October, [first, second], [], Types, Present(14, 15, 16, 20));
        Assert.Equal(2, rows.Count);
        var toddler = rows.Single(r => r.ClassType == ClassType.Toddler);
        var preschool = rows.Single(r => r.ClassType == ClassType.Preschool);
        Assert.Equal((15, 2), (toddler.EnrolledDays, toddler.AttendedDays));
        Assert.Equal((16, 2), (preschool.EnrolledDays, preschool.AttendedDays));
    }

    [Fact]
    public void A_move_between_two_classes_of_the_same_type_stays_one_row()
    {
        var rows = Calc.Compute(October, [E(Toddlers, new DateOnly(2026, 9, 1), Oct(10)), E(Toddlers2, Oct(11))], [], Types, Present(10, 11));
        var row = Assert.Single(rows);
        Assert.Equal((31, 2), (row.EnrolledDays, row.AttendedDays));
    }

    [Fact]
    public void Paused_days_are_not_enrolled_and_a_present_day_in_a_pause_does_not_count()
    {
        var id = Guid.NewGuid();
        var rows = Calc.Compute(October, [E(Toddlers, new DateOnly(2026, 1, 5), id: id)],
            [new Calc.Pause(id, Oct(10), Oct(19))], Types, Present(9, 10, 20));
        var row = Assert.Single(rows);
        Assert.Equal((21, 2), (row.EnrolledDays, row.AttendedDays));
    }

    [Fact]
    public void An_open_ended_pause_runs_to_the_end_of_the_month()
    {
        var id = Guid.NewGuid();
        var rows = Calc.Compute(October, [E(Toddlers, new DateOnly(2026, 1, 5), id: id)], [new Calc.Pause(id, Oct(25), null)], Types, []);
        Assert.Equal(24, Assert.Single(rows).EnrolledDays);
    }

    [Fact]
    public void A_pause_of_another_enrollment_does_not_count()
    {
        var rows = Calc.Compute(October, [E(Toddlers, new DateOnly(2026, 1, 5))], [new Calc.Pause(Guid.NewGuid(), Oct(1), null)], Types, []);
        Assert.Equal(31, Assert.Single(rows).EnrolledDays);
    }

    [Fact]
    public void A_start_mid_month_counts_from_the_start_day()
    {
        var rows = Calc.Compute(October, [E(Toddlers, Oct(20))], [], Types, Present(19, 20));
        var row = Assert.Single(rows);
        Assert.Equal((12, 1), (row.EnrolledDays, row.AttendedDays));
    }

    [Fact]
    public void An_end_mid_month_counts_to_the_last_day_in_care()
    {
        var rows = Calc.Compute(October, [E(Toddlers, new DateOnly(2026, 3, 1), Oct(10))], [], Types, Present(10, 11));
        var row = Assert.Single(rows);
        Assert.Equal((10, 1), (row.EnrolledDays, row.AttendedDays));
    }

    [Fact]
    public void Enrollments_outside_the_month_give_no_row_and_present_days_of_other_months_are_ignored()
    {
        var rows = Calc.Compute(October, [E(Toddlers, new DateOnly(2026, 1, 5), new DateOnly(2026, 9, 30)), E(Toddlers, new DateOnly(2026, 11, 1))],
            [], Types, [(Child, new DateOnly(2026, 9, 30))]);
        Assert.Empty(rows);
    }

    [Fact]
    public void A_change_of_service_is_its_own_row()
    {
        var rows = Calc.Compute(October, [E(Toddlers, new DateOnly(2026, 1, 5), Oct(15)), E(Toddlers2, Oct(16), service: CareServices.HalfDay)], [], Types, []);
        Assert.Equal([(CareServices.FullDay, 15), (CareServices.HalfDay, 16)], rows.Select(r => (r.Service, r.EnrolledDays)));
    }

    [Fact]
    public void February_of_a_leap_year_has_29_days()
    {
        var rows = Calc.Compute(new YearMonth(2028, 2), [E(Toddlers, new DateOnly(2027, 1, 1))], [], Types, []);
        Assert.Equal(29, Assert.Single(rows).EnrolledDays);
    }

    [Theory]
    [InlineData("2026-10-31", false)]
    [InlineData("2026-11-01", true)]
    [InlineData("2027-01-15", true)]
    [InlineData("2026-10-15", false)]
    public void A_month_is_over_only_after_its_last_day(string today, bool over)
    {
        Assert.Equal(over, Calc.IsOver(October, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
