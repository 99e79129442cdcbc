using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.IntegrationTests.Enrollment;

/// <summary>
/// Issue #4 items 4 and 8 (ADR 0024): corrections apply at once in an open month and wait for the county regulator in a
/// closed one; month close writes the monthly figures once, only for a month that is over; refused requests change nothing.
/// </summary>
public abstract class MonthCloseTests(AppFixture fixture)
{
    private static readonly YearMonth LastMonth = YearMonth.Of(ChinaTime.Today(TimeProvider.System)).AddMonths(-1);
    private static readonly YearMonth ThisMonth = YearMonth.Of(ChinaTime.Today(TimeProvider.System));

    private static string CloseUrl(Guid inst, YearMonth m) => $"/api/v1/institutions/{inst}/attendance/months/{m}/close";

    private static string MonthUrl(Guid inst, YearMonth m) => $"/api/v1/institutions/{inst}/attendance/months/{m}";

    /// <summary>Child A present on the given days of last month (recorded before the close, as the carers would have).</summary>
    private Task<Dictionary<int, Guid>> PresentLastMonthAsync(TestWorld w, params int[] days) => fixture.Factory.WithDbAsync(async db =>
    {
        var enrollment = await db.Enrollments.Where(e => e.ChildId == w.ChildA).OrderBy(e => e.StartDate).FirstAsync();
        var ids = new Dictionary<int, Guid>();
        foreach (var d in days)
        {
            var date = LastMonth.FirstDay.AddDays(d - 1);
            ids[d] = Guid.NewGuid();
            db.Attendance.Add(new AttendanceDay
            {
                Id = ids[d], ChildId = w.ChildA, InstitutionId = w.InstitutionA, ClassId = enrollment.ClassId, EnrollmentId = enrollment.Id, Date = date,
                Status = AttendanceStatus.Present, CheckInAt = ChinaTime.StartOfDayUtc(date).AddHours(8), TemperatureTenths = 365,
            });
        }

        await db.SaveChangesAsync();
        return ids;
    });

    private Task<AttendanceDay> DayAsync(Guid id) => fixture.Factory.WithDbAsync(db => db.Attendance.AsNoTracking().SingleAsync(a => a.Id == id));

    private Task<string> SnapshotAsync(Guid child) => fixture.Factory.WithDbAsync(async db =>
    {
        var days = await db.Attendance.AsNoTracking().Where(a => a.ChildId == child).OrderBy(a => a.Date).ToListAsync();
        var corrections = await db.AttendanceCorrections.AsNoTracking().Where(c => c.ChildId == child).OrderBy(c => c.RequestedAt).ToListAsync();
        var monthly = await db.MonthlyAttendance.AsNoTracking().Where(m => m.ChildId == child).OrderBy(m => m.Month).ThenBy(m => m.ClassType).ToListAsync();
        return string.Join(";", days.Select(a => $"{a.Date}|{a.Status}|{a.TemperatureTenths}|{a.AbsenceReason}|{a.Version}"))
            + "#" + string.Join(";", corrections.Select(c => $"{c.Id}|{c.Status}|{c.Version}"))
            + "#" + string.Join(";", monthly.Select(m => $"{m.Month}|{m.ClassType}|{m.EnrolledDays}|{m.AttendedDays}"));
    });

    private async Task<JsonElement> RefusedUnchangedAsync(Guid child, Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string? code = null)
    {
        var before = await SnapshotAsync(child);
        var problem = await ApiAssert.ProblemAsync(await send(), status, code);
        Assert.Equal(before, await SnapshotAsync(child));
        return problem;
    }

    private async Task<HttpClient> CookieClientAsync(string userName)
    {
        var browser = fixture.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await browser.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = userName, ["Input.Password"] = TestWorld.Password,
        });
        Assert.True((await browser.PostAsync("/login", form)).Headers.Contains("Set-Cookie"));
        return browser;
    }

    [Fact]
    public async Task An_open_month_correction_applies_at_once_and_records_before_and_after()
    {
        var w = await fixture.NewWorldAsync();
        var staff = await w.ClientAsync(w.StaffA);
        var day = await ApiAssert.StatusAsync(await staff.PostAsJsonAsync("/api/v1/attendance/check-ins", new { childId = w.ChildA, temperature = 36.6m }),
            HttpStatusCode.Created);
        var id = day.GetProperty("id").GetGuid();
        var url = $"/api/v1/attendance/{id}/corrections";

        var noReason = await RefusedUnchangedAsync(w.ChildA, () => staff.PostAsJsonAsync(url, new { temperature = 37.5m }), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        await RefusedUnchangedAsync(w.ChildA, () => staff.PostAsJsonAsync(url, new { temperature = 36.6m, reason = "复测" }),
            HttpStatusCode.Conflict, "attendance.correction_no_change");
        await RefusedUnchangedAsync(w.ChildA, async () => await (await w.ClientAsync(w.AdminB)).PostAsJsonAsync(url, new { temperature = 37.5m, reason = "复测" }),
            HttpStatusCode.NotFound);
        await RefusedUnchangedAsync(w.ChildA, async () => await (await w.ClientAsync(w.RegulatorA)).PostAsJsonAsync(url, new { temperature = 37.5m, reason = "复测" }),
            HttpStatusCode.Forbidden);

        var c = await ApiAssert.StatusAsync(await staff.PostAsJsonAsync(url, new { temperature = 37.5m, reason = "体温录入错误，复测为37.5℃" }), HttpStatusCode.Created);
        Assert.Equal("Applied", c.GetProperty("status").GetString());
        Assert.Equal("""{"temperatureTenths":366}""", c.GetProperty("before").GetString());
        Assert.Equal("""{"temperatureTenths":375}""", c.GetProperty("after").GetString());
        var after = await DayAsync(id);
        Assert.Equal(375, after.TemperatureTenths);
        Assert.Equal(1, after.Version);
    }

    [Fact]
    public async Task A_month_closes_once_only_after_it_is_over_and_only_by_its_own_admin()
    {
        var w = await fixture.NewWorldAsync();
        await PresentLastMonthAsync(w, 1, 2, 3);
        var admin = await w.ClientAsync(w.AdminA);
        await RefusedUnchangedAsync(w.ChildA, () => admin.PostAsync(CloseUrl(w.InstitutionA, ThisMonth), null), HttpStatusCode.Conflict, "attendance.month_not_over");
        await RefusedUnchangedAsync(w.ChildA, async () => await (await w.ClientAsync(w.StaffA)).PostAsync(CloseUrl(w.InstitutionA, LastMonth), null), HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.ChildA, async () => await (await w.ClientAsync(w.AdminB)).PostAsync(CloseUrl(w.InstitutionA, LastMonth), null), HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.ChildA, () => admin.PostAsync($"/api/v1/institutions/{w.InstitutionA}/attendance/months/2026-13/close", null), HttpStatusCode.BadRequest);

        var figures = await ApiAssert.OkAsync(await admin.PostAsync(CloseUrl(w.InstitutionA, LastMonth), null));
        Assert.True(figures.GetProperty("closed").GetBoolean());
        var row = Assert.Single(figures.GetProperty("rows").EnumerateArray());
        Assert.Equal(LastMonth.DaysInMonth, row.GetProperty("enrolledDays").GetInt32());
        Assert.Equal(3, row.GetProperty("attendedDays").GetInt32());
        Assert.Equal("Toddler", row.GetProperty("classType").GetString());

        await RefusedUnchangedAsync(w.ChildA, () => admin.PostAsync(CloseUrl(w.InstitutionA, LastMonth), null), HttpStatusCode.Conflict, "attendance.month_closed");
        // The county regulator reads the figures and the export; another county's does not.
        await ApiAssert.OkAsync(await (await w.ClientAsync(w.RegulatorA)).GetAsync(MonthUrl(w.InstitutionA, LastMonth)));
        var xlsx = await (await w.ClientAsync(w.RegulatorA)).GetAsync(MonthUrl(w.InstitutionA, LastMonth) + "/export");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.RegulatorB)).GetAsync(MonthUrl(w.InstitutionA, LastMonth)), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminB)).GetAsync(MonthUrl(w.InstitutionA, LastMonth)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_move_to_another_class_type_mid_month_gives_two_rows()
    {
        var w = await fixture.NewWorldAsync();
        var preschool = Guid.NewGuid();
        var split = LastMonth.FirstDay.AddDays(14);
        await fixture.Factory.WithDbAsync(async db =>
        {
            db.Classes.Add(new ChildcareClass { Id = preschool, InstitutionId = w.InstitutionA, Name = "托大班", Type = ClassType.Preschool, Capacity = 20 });
            var first = await db.Enrollments.SingleAsync(e => e.ChildId == w.ChildA);
            first.EndDate = split;
            first.EndReason = EnrollmentEndReason.Moved;
            db.Enrollments.Add(new ChildEnrollment
            {
                Id = Guid.NewGuid(), ChildId = w.ChildA, InstitutionId = w.InstitutionA, ClassId = preschool, Service = CareServices.FullDay,
                StartDate = split.AddDays(1), PreviousEnrollmentId = first.Id,
            });
            return await db.SaveChangesAsync();
        });
        await PresentLastMonthAsync(w, 1, 15, 16, 20, 21);

        var figures = await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminA)).PostAsync(CloseUrl(w.InstitutionA, LastMonth), null));
        var rows = figures.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("classType").GetString()!);
        Assert.Equal(2, rows.Count);
        Assert.Equal((15, 2), (rows["Toddler"].GetProperty("enrolledDays").GetInt32(), rows["Toddler"].GetProperty("attendedDays").GetInt32()));
        Assert.Equal((LastMonth.DaysInMonth - 15, 3), (rows["Preschool"].GetProperty("enrolledDays").GetInt32(), rows["Preschool"].GetProperty("attendedDays").GetInt32()));
    }

    [Fact]
    public async Task A_closed_month_correction_waits_for_the_county_regulator_and_approval_recomputes_the_month()
    {
        var w = await fixture.NewWorldAsync();
        var ids = await PresentLastMonthAsync(w, 2, 3);
        await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminA)).PostAsync(CloseUrl(w.InstitutionA, LastMonth), null));
        var staff = await w.ClientAsync(w.StaffA);

        // A present day without a check-in time is no day.
        await RefusedUnchangedAsync(w.ChildA, () => staff.PostAsJsonAsync("/api/v1/attendance/corrections",
            new { childId = w.ChildA, date = LastMonth.FirstDay.AddDays(4), status = "Present", reason = "漏记" }), HttpStatusCode.Conflict, "attendance.correction_inconsistent");

        var pending = await ApiAssert.StatusAsync(await staff.PostAsJsonAsync($"/api/v1/attendance/{ids[3]}/corrections",
            new { status = "Absent", absenceReason = "Sick", symptoms = new[] { "Fever" }, reason = "当天实际病假，误点签到" }), HttpStatusCode.Created);
        Assert.Equal("Pending", pending.GetProperty("status").GetString());
        var cid = pending.GetProperty("id").GetGuid();
        Assert.Equal(AttendanceStatus.Present, (await DayAsync(ids[3])).Status);
        await RefusedUnchangedAsync(w.ChildA, () => staff.PostAsJsonAsync($"/api/v1/attendance/{ids[3]}/corrections",
            new { temperature = 36.8m, reason = "再改" }), HttpStatusCode.Conflict, "attendance.correction_pending");

        // Listed for the county regulator and the institution, not for another county.
        Assert.Contains((await ApiAssert.OkAsync(await (await w.ClientAsync(w.RegulatorA)).GetAsync("/api/v1/attendance/corrections?status=Pending"))).EnumerateArray(),
            c => c.GetProperty("id").GetGuid() == cid);
        Assert.Contains((await ApiAssert.OkAsync(await staff.GetAsync("/api/v1/attendance/corrections?status=Pending"))).EnumerateArray(),
            c => c.GetProperty("id").GetGuid() == cid);
        Assert.DoesNotContain((await ApiAssert.OkAsync(await (await w.ClientAsync(w.RegulatorB)).GetAsync("/api/v1/attendance/corrections?status=Pending"))).EnumerateArray(),
            c => c.GetProperty("id").GetGuid() == cid);
        // The list shows health data: the regulator's read of the child is logged.
        var regulatorId = await w.UserIdAsync(w.RegulatorA);
        Assert.True(await fixture.Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "read" && a.EntityType == nameof(AttendanceCorrection)
            && a.EntityId == w.ChildA.ToString() && a.UserId == regulatorId)));

        var approve = $"/api/v1/attendance/corrections/{cid}/approve";
        // Not the corrector (nor anyone at the institution), not another county's regulator.
        await RefusedUnchangedAsync(w.ChildA, () => staff.PostAsJsonAsync(approve, new { }), HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.ChildA, async () => await (await w.ClientAsync(w.AdminA)).PostAsJsonAsync(approve, new { }), HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.ChildA, async () => await (await w.ClientAsync(w.RegulatorB)).PostAsJsonAsync(approve, new { }), HttpStatusCode.Forbidden);

        var regulator = await w.ClientAsync(w.RegulatorA);
        var approved = await ApiAssert.OkAsync(await regulator.PostAsJsonAsync(approve, new { note = "情况属实" }));
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        var day = await DayAsync(ids[3]);
        Assert.Equal((AttendanceStatus.Absent, (AbsenceReason?)AbsenceReason.Sick, Symptoms.Fever, (DateTime?)null), (day.Status, day.AbsenceReason, day.AbsenceSymptoms, day.CheckInAt));
        var monthly = await fixture.Factory.WithDbAsync(db => db.MonthlyAttendance.AsNoTracking().SingleAsync(m => m.ChildId == w.ChildA && m.Month == LastMonth));
        Assert.Equal(1, monthly.AttendedDays);
        await RefusedUnchangedAsync(w.ChildA, () => regulator.PostAsJsonAsync(approve, new { }), HttpStatusCode.Conflict, "attendance.correction_not_pending");
    }

    [Fact]
    public async Task A_rejected_correction_leaves_the_day_and_the_month_unchanged()
    {
        var w = await fixture.NewWorldAsync();
        var ids = await PresentLastMonthAsync(w, 2);
        await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminA)).PostAsync(CloseUrl(w.InstitutionA, LastMonth), null));
        var staff = await w.ClientAsync(w.StaffA);
        var pending = await ApiAssert.StatusAsync(await staff.PostAsJsonAsync($"/api/v1/attendance/{ids[2]}/corrections",
            new { status = "Absent", absenceReason = "Leave", reason = "改为事假" }), HttpStatusCode.Created);
        var reject = $"/api/v1/attendance/corrections/{pending.GetProperty("id").GetGuid()}/reject";
        var regulator = await w.ClientAsync(w.RegulatorA);
        await RefusedUnchangedAsync(w.ChildA, () => regulator.PostAsJsonAsync(reject, new { }), HttpStatusCode.BadRequest);

        var before = (await DayAsync(ids[2])).Version;
        var monthBefore = await fixture.Factory.WithDbAsync(db => db.MonthlyAttendance.AsNoTracking().SingleAsync(m => m.ChildId == w.ChildA && m.Month == LastMonth));
        var rejected = await ApiAssert.OkAsync(await regulator.PostAsJsonAsync(reject, new { note = "签到有晨检记录，不予更正" }));
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        var day = await DayAsync(ids[2]);
        Assert.Equal((AttendanceStatus.Present, before), (day.Status, day.Version));
        var monthAfter = await fixture.Factory.WithDbAsync(db => db.MonthlyAttendance.AsNoTracking().SingleAsync(m => m.ChildId == w.ChildA && m.Month == LastMonth));
        Assert.Equal((1, monthBefore.AttendedDays), (monthAfter.AttendedDays, monthBefore.AttendedDays));
    }

    [Fact]
    public async Task A_forgotten_day_of_a_closed_month_is_created_when_approved()
    {
        var w = await fixture.NewWorldAsync();
        await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminA)).PostAsync(CloseUrl(w.InstitutionA, LastMonth), null));
        var date = LastMonth.FirstDay.AddDays(5);
        var checkIn = new DateTimeOffset(date.ToDateTime(new TimeOnly(8, 10)), TimeSpan.FromHours(8));
        var pending = await ApiAssert.StatusAsync(await (await w.ClientAsync(w.StaffA)).PostAsJsonAsync("/api/v1/attendance/corrections",
            new { childId = w.ChildA, date, status = "Present", checkInAt = checkIn, temperature = 36.5m, reason = "当天漏记签到" }), HttpStatusCode.Created);
        Assert.Equal("Pending", pending.GetProperty("status").GetString());
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Attendance.CountAsync(a => a.ChildId == w.ChildA)));
        await RefusedUnchangedAsync(w.ChildA, async () => await (await w.ClientAsync(w.AdminB)).PostAsJsonAsync("/api/v1/attendance/corrections",
            new { childId = w.ChildA, date, status = "Present", checkInAt = checkIn, reason = "x" }), HttpStatusCode.NotFound);

        await ApiAssert.OkAsync(await (await w.ClientAsync(w.RegulatorA)).PostAsJsonAsync($"/api/v1/attendance/corrections/{pending.GetProperty("id").GetGuid()}/approve", new { }));
        var day = await fixture.Factory.WithDbAsync(db => db.Attendance.AsNoTracking().SingleAsync(a => a.ChildId == w.ChildA));
        Assert.Equal((date, AttendanceStatus.Present, (int?)365, w.ClassA), (day.Date, day.Status, day.TemperatureTenths, day.ClassId));
        var monthly = await fixture.Factory.WithDbAsync(db => db.MonthlyAttendance.AsNoTracking().SingleAsync(m => m.ChildId == w.ChildA && m.Month == LastMonth));
        Assert.Equal(1, monthly.AttendedDays);
    }

    [Fact]
    public async Task The_directors_alerts_show_fever_the_ratio_and_pending_corrections_of_the_own_institution_only()
    {
        var w = await fixture.NewWorldAsync();
        var ids = await PresentLastMonthAsync(w, 2);
        await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminA)).PostAsync(CloseUrl(w.InstitutionA, LastMonth), null));
        var staff = await w.ClientAsync(w.StaffA);
        await ApiAssert.StatusAsync(await staff.PostAsJsonAsync($"/api/v1/attendance/{ids[2]}/corrections", new { temperature = 36.9m, reason = "录入错误" }),
            HttpStatusCode.Created);
        // 37.3 ℃ is the cut-off (AlertsHandler.FeverFromTenths, a common clinical cut-off, not policy); no carer is on duty.
        await ApiAssert.StatusAsync(await staff.PostAsJsonAsync("/api/v1/attendance/check-ins", new { childId = w.ChildA, temperature = 37.3m }), HttpStatusCode.Created);

        var alerts = await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminA)).GetAsync("/api/v1/attendance/alerts"));
        var cls = Assert.Single(alerts.GetProperty("classes").EnumerateArray());
        Assert.True(cls.GetProperty("outOfRatio").GetBoolean());
        Assert.False(cls.GetProperty("overCapacity").GetBoolean());
        Assert.Equal(37.3m, Assert.Single(alerts.GetProperty("fever").EnumerateArray()).GetProperty("temperature").GetDecimal());
        Assert.Single(alerts.GetProperty("pendingCorrections").EnumerateArray());

        var other = await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminB)).GetAsync("/api/v1/attendance/alerts"));
        Assert.Empty(other.GetProperty("fever").EnumerateArray());
        Assert.Empty(other.GetProperty("pendingCorrections").EnumerateArray());
        await ApiAssert.ProblemAsync(await staff.GetAsync("/api/v1/attendance/alerts"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.RegulatorA)).GetAsync("/api/v1/attendance/alerts"), HttpStatusCode.Forbidden);

        var page = await (await CookieClientAsync(w.AdminA)).GetStringAsync("/attendance/alerts");
        Assert.Contains("37.3℃", page, StringComparison.Ordinal);
        Assert.Contains("师幼比不足", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_county_regulator_approves_on_the_review_page()
    {
        var w = await fixture.NewWorldAsync();
        var ids = await PresentLastMonthAsync(w, 2);
        await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminA)).PostAsync(CloseUrl(w.InstitutionA, LastMonth), null));
        var pending = await ApiAssert.StatusAsync(await (await w.ClientAsync(w.StaffA)).PostAsJsonAsync($"/api/v1/attendance/{ids[2]}/corrections",
            new { status = "Absent", absenceReason = "Leave", reason = "家长事先请假" }), HttpStatusCode.Created);
        var cid = pending.GetProperty("id").GetGuid();

        var other = await CookieClientAsync(w.RegulatorB);
        Assert.DoesNotContain(cid.ToString(), await other.GetStringAsync("/attendance/corrections"), StringComparison.Ordinal);
        var browser = await CookieClientAsync(w.RegulatorA);
        var page = await browser.GetStringAsync("/attendance/corrections");
        Assert.Contains(cid.ToString(), page, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "correction-review", ["__RequestVerificationToken"] = token, ["Act.Op"] = $"approve:{cid}", [$"Act.Note[{cid}]"] = "同意",
        });
        var done = await browser.PostAsync("/attendance/corrections", form);
        var html = System.Net.WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync());
        Assert.Contains("的更正已批准", html, StringComparison.Ordinal);
        Assert.Equal(AttendanceStatus.Absent, (await DayAsync(ids[2])).Status);
    }

    [Fact]
    public async Task The_director_closes_last_month_on_the_alerts_page()
    {
        var w = await fixture.NewWorldAsync();
        await PresentLastMonthAsync(w, 2);
        var browser = await CookieClientAsync(w.AdminA);
        var page = await browser.GetStringAsync("/attendance/alerts");
        Assert.Contains($"关账 {LastMonth}", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "month-close", ["__RequestVerificationToken"] = token, ["Close.Month"] = LastMonth.ToString(),
        });
        var done = System.Net.WebUtility.HtmlDecode(await (await browser.PostAsync("/attendance/alerts", form)).Content.ReadAsStringAsync());
        Assert.Contains("已关账", done, StringComparison.Ordinal);
        Assert.True(await fixture.Factory.WithDbAsync(db => db.MonthCloses.AnyAsync(m => m.InstitutionId == w.InstitutionA && m.Month == LastMonth)));
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.MonthlyAttendance.Where(m => m.ChildId == w.ChildA && m.Month == LastMonth).Select(m => m.AttendedDays).SingleAsync()));
    }
}

public sealed class SqliteMonthCloseTests(SqliteFixture fixture) : MonthCloseTests(fixture);

public sealed class PostgresMonthCloseTests(PostgresFixture fixture) : MonthCloseTests(fixture);
