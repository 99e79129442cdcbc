using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Demo;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.UnitTests.Demo;

/// <summary>ADR 0024: demo attendance history — working days, plausible times, closed months with calculator figures.</summary>
public sealed class DemoAttendanceTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Region Furong = new() { Code = "430102000000", Name = "芙蓉区", Level = RegionLevel.County, ParentCode = "430100000000" };
    private static readonly Region Tianxin = new() { Code = "430103000000", Name = "天心区", Level = RegionLevel.County, ParentCode = "430100000000" };

    private static readonly Region[] Streets = [.. Enumerable.Range(1, 20).Select(n => new Region
    {
        Code = (n <= 10 ? "430102" : "430103") + (n % 10 + 1).ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + "000",
        Name = $"街道{n}", Level = RegionLevel.Street, ParentCode = n <= 10 ? Furong.Code : Tianxin.Code,
    })];

    private static (DemoWorld World, DemoAttendance.History History, Guid Institution) Generate()
    {
        var world = DemoWorld.Generate(Streets, new Dictionary<string, Region> { [Furong.Code] = Furong, [Tianxin.Code] = Tianxin }, 20250501, Today);
        var institution = world.Enrollments.First(e => world.Institutions.Single(i => i.Id == e.InstitutionId).RegionCode.StartsWith("430102", StringComparison.Ordinal)).InstitutionId;
        return (world, DemoAttendance.Generate(world, Today, institution, Guid.NewGuid(), Guid.NewGuid()), institution);
    }

    [Fact]
    public void Days_are_working_days_of_two_previous_months_and_this_month_to_yesterday_in_the_demo_counties_only()
    {
        var (world, h, _) = Generate();
        Assert.NotEmpty(h.Days);
        Assert.All(h.Days, d => Assert.True(d.Date >= new DateOnly(2026, 9, 1) && d.Date < Today && d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)));
        var tianxin = world.Institutions.Where(i => i.RegionCode.StartsWith("430103", StringComparison.Ordinal)).Select(i => i.Id).ToHashSet();
        Assert.DoesNotContain(h.Days, d => tianxin.Contains(d.InstitutionId));
        var present = h.Days.Count(d => d.Status == AttendanceStatus.Present) * 100.0 / h.Days.Count;
        Assert.InRange(present, 89, 95);
    }

    [Fact]
    public void Times_are_plausible_china_times_and_absences_have_a_reason()
    {
        var (_, h, _) = Generate();
        foreach (var d in h.Days)
        {
            if (d.Status == AttendanceStatus.Present)
            {
                var checkIn = TimeOnly.FromDateTime(d.CheckInAt!.Value + ChinaTime.Offset);
                Assert.InRange(checkIn, new TimeOnly(7, 30), new TimeOnly(9, 0));
                Assert.True(d.CheckOutAt > d.CheckInAt);
                Assert.Equal(d.Date, ChinaTime.DateOf(d.CheckOutAt!.Value));
            }
            else
            {
                Assert.NotNull(d.AbsenceReason);
                Assert.True(d.AbsenceSymptoms == Symptoms.None || d.AbsenceReason == AbsenceReason.Sick);
            }
        }
    }

    [Fact]
    public void Previous_months_are_closed_with_the_calculators_figures_and_pending_corrections_wait_at_the_furong_institution()
    {
        var (_, h, institution) = Generate();
        Assert.Equal([new YearMonth(2026, 9), new YearMonth(2026, 10)], h.Closes.Where(c => c.InstitutionId == institution).Select(c => c.Month).Order());
        foreach (var m in h.Monthly.Where(m => m.Month == new YearMonth(2026, 10)).Take(50))
        {
            var attended = h.Days.Count(d => d.ChildId == m.ChildId && YearMonth.Of(d.Date) == m.Month && d.Status == AttendanceStatus.Present);
            Assert.Equal(attended, m.AttendedDays);
            Assert.InRange(m.EnrolledDays, 1, 31);
        }

        Assert.InRange(h.Corrections.Count, 1, 3);
        Assert.All(h.Corrections, c => Assert.Equal((CorrectionStatus.Pending, institution, 10), (c.Status, c.InstitutionId, c.Date.Month)));
    }

    [Fact]
    public void The_history_is_deterministic()
    {
        var a = Generate().History;
        var b = Generate().History;
        Assert.Equal(a.Days.Select(d => (d.Id, d.Status, d.CheckInAt)), b.Days.Select(d => (d.Id, d.Status, d.CheckInAt)));
    }
}
