using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.IntegrationTests.Enrollment;

/// <summary>
/// Issue #4 items 4 and 5: check-in with the 晨检, check-out to an authorised person, absences, the class's day and
/// its live ratio. Idempotent and scoped: another institution's staff cannot touch the child, refused requests change nothing.
/// </summary>
public abstract class AttendanceTests(AppFixture fixture)
{
    private const string CheckIns = "/api/v1/attendance/check-ins";
    private const string CheckOuts = "/api/v1/attendance/check-outs";
    private const string Absences = "/api/v1/attendance/absences";

    private Task<int> RowsAsync(Guid child) => fixture.Factory.WithDbAsync(db => db.Attendance.CountAsync(a => a.ChildId == child));

    private Task<string> SnapshotAsync(Guid child) => fixture.Factory.WithDbAsync(async db =>
    {
        var rows = await db.Attendance.AsNoTracking().Where(a => a.ChildId == child).OrderBy(a => a.Date).ToListAsync();
        return string.Join(";", rows.Select(a => $"{a.Date}|{a.Status}|{a.CheckOutAt}|{a.PickedUpById}|{a.Version}"));
    });

    private async Task RefusedUnchangedAsync(Guid child, Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string? code = null)
    {
        var before = await SnapshotAsync(child);
        await ApiAssert.ProblemAsync(await send(), status, code);
        Assert.Equal(before, await SnapshotAsync(child));
    }

    [Fact]
    public async Task A_carer_checks_a_child_in_with_the_morning_check_and_a_repeat_changes_nothing()
    {
        var w = await fixture.NewWorldAsync();
        var staff = await w.ClientAsync(w.StaffA);
        var first = await ApiAssert.StatusAsync(
            await staff.PostAsJsonAsync(CheckIns, new { childId = w.ChildA, temperature = 36.6m, healthCheck = new[] { "RunnyNose" } }),
            HttpStatusCode.Created);
        Assert.Equal("Present", first.GetProperty("status").GetString());
        Assert.Equal(36.6m, first.GetProperty("temperature").GetDecimal());
        Assert.Equal("RunnyNose", first.GetProperty("healthCheck")[0].GetString());
        Assert.Equal(w.ClassA, first.GetProperty("classId").GetGuid());

        var again = await ApiAssert.OkAsync(await staff.PostAsJsonAsync(CheckIns, new { childId = w.ChildA, temperature = 37.9m }));
        Assert.Equal(first.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal(36.6m, again.GetProperty("temperature").GetDecimal());
        Assert.Equal(1, await RowsAsync(w.ChildA));
    }

    [Fact]
    public async Task Twenty_concurrent_check_ins_of_one_child_make_one_record()
    {
        var w = await fixture.NewWorldAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => w.ClientAsync(w.StaffA)));
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            clients[i % clients.Length].PostAsJsonAsync(CheckIns, new { childId = w.ChildA })));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await RowsAsync(w.ChildA));
    }

    [Fact]
    public async Task Staff_of_another_institution_cannot_check_in_the_child_and_nothing_is_written()
    {
        var w = await fixture.NewWorldAsync();
        var adminB = await w.ClientAsync(w.AdminB);
        await RefusedUnchangedAsync(w.ChildA, () => adminB.PostAsJsonAsync(CheckIns, new { childId = w.ChildA }), HttpStatusCode.NotFound);
        await RefusedUnchangedAsync(w.ChildA, () => adminB.PostAsJsonAsync(Absences, new { childId = w.ChildA, reason = "Leave" }), HttpStatusCode.NotFound);
        Assert.Equal(0, await RowsAsync(w.ChildA));
    }

    [Theory]
    [InlineData("Parent")]
    [InlineData("Regulator")]
    [InlineData("Medical")]
    public async Task Only_institution_users_record_attendance(string who)
    {
        var w = await fixture.NewWorldAsync();
        var user = who switch { "Parent" => w.ParentA, "Regulator" => w.RegulatorA, _ => w.MedicalUser };
        var client = await w.ClientAsync(user);
        await RefusedUnchangedAsync(w.ChildA, () => client.PostAsJsonAsync(CheckIns, new { childId = w.ChildA }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_writes_nothing()
    {
        var w = await fixture.NewWorldAsync();
        var staff = await w.ClientAsync(w.StaffA);
        async Task Expect(object body, string field)
        {
            var before = await SnapshotAsync(w.ChildA);
            var p = await ApiAssert.ProblemAsync(await staff.PostAsJsonAsync(CheckIns, body), HttpStatusCode.BadRequest);
            Assert.True(p.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {p}");
            Assert.Equal(before, await SnapshotAsync(w.ChildA));
        }

        await Expect(new { childId = w.ChildA, temperature = 46.0m }, "temperature");
        await Expect(new { childId = w.ChildA, temperature = 36.65m }, "temperature");
        await Expect(new { childId = w.ChildA, healthCheck = new[] { "Sneezing" } }, "healthCheck");
        await Expect(new { childId = w.ChildA, at = DateTimeOffset.UtcNow.AddDays(-1) }, "at");
        await Expect(new { childId = w.ChildA, at = DateTimeOffset.UtcNow.AddHours(1) }, "at");
        await Expect(new { temperature = 36.5m }, "childId");
        var absence = await ApiAssert.ProblemAsync(await staff.PostAsJsonAsync(Absences, new { childId = w.ChildA, reason = "Leave", symptoms = new[] { "Fever" } }),
            HttpStatusCode.BadRequest);
        Assert.True(absence.GetProperty("errors").TryGetProperty("symptoms", out _));
        Assert.Equal(0, await RowsAsync(w.ChildA));
    }

    [Fact]
    public async Task Check_out_goes_only_to_the_childs_guardian_or_authorised_pick_up_person()
    {
        var w = await fixture.NewWorldAsync();
        var staff = await w.ClientAsync(w.StaffA);
        await RefusedUnchangedAsync(w.ChildA, () => staff.PostAsJsonAsync(CheckOuts, new { childId = w.ChildA, pickedUpByKind = "Guardian", pickedUpById = w.GuardianA }),
            HttpStatusCode.Conflict, "attendance.not_checked_in");
        await ApiAssert.StatusAsync(await staff.PostAsJsonAsync(CheckIns, new { childId = w.ChildA }), HttpStatusCode.Created);

        // Child B's mother is nobody to child A.
        await RefusedUnchangedAsync(w.ChildA, () => staff.PostAsJsonAsync(CheckOuts, new { childId = w.ChildA, pickedUpByKind = "Guardian", pickedUpById = w.GuardianB }),
            HttpStatusCode.Conflict, "attendance.pickup_not_authorised");
        // A revoked pick-up person no longer counts.
        var grandpa = Guid.NewGuid();
        await fixture.Factory.WithDbAsync(async db =>
        {
            db.PickupPersons.Add(new PickupPerson { Id = grandpa, ChildId = w.ChildA, Name = "张大爷", Relation = "外祖父", Phone = "13700000000", RevokedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        await RefusedUnchangedAsync(w.ChildA, () => staff.PostAsJsonAsync(CheckOuts, new { childId = w.ChildA, pickedUpByKind = "PickupPerson", pickedUpById = grandpa }),
            HttpStatusCode.Conflict, "attendance.pickup_not_authorised");

        var done = await ApiAssert.OkAsync(await staff.PostAsJsonAsync(CheckOuts, new { childId = w.ChildA, pickedUpByKind = "Guardian", pickedUpById = w.GuardianA }));
        Assert.Equal("已离园", done.GetProperty("statusName").GetString());
        Assert.Equal("张丽（母亲）", done.GetProperty("pickedUpByName").GetString());
        // Repeating the check-out changes nothing.
        var again = await ApiAssert.OkAsync(await staff.PostAsJsonAsync(CheckOuts, new { childId = w.ChildA, pickedUpByKind = "Guardian", pickedUpById = w.GuardianA }));
        Assert.Equal(done.GetProperty("version").GetInt32(), again.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_absent_child_cannot_be_checked_in_and_a_present_one_cannot_be_marked_absent()
    {
        var w = await fixture.NewWorldAsync();
        var staff = await w.ClientAsync(w.StaffA);
        var sick = await ApiAssert.StatusAsync(await staff.PostAsJsonAsync(Absences, new { childId = w.ChildA, reason = "Sick", symptoms = new[] { "Fever", "Cough" }, note = "38.5℃" }),
            HttpStatusCode.Created);
        Assert.Equal("病假", sick.GetProperty("statusName").GetString());
        Assert.Equal("Fever,Cough", string.Join(",", sick.GetProperty("absenceSymptoms").EnumerateArray().Select(e => e.GetString())));
        await ApiAssert.OkAsync(await staff.PostAsJsonAsync(Absences, new { childId = w.ChildA, reason = "Sick" }));
        await RefusedUnchangedAsync(w.ChildA, () => staff.PostAsJsonAsync(CheckIns, new { childId = w.ChildA }), HttpStatusCode.Conflict, "attendance.marked_absent");

        // A leave recorded ahead for tomorrow; today's check-in of child B's classmate is unaffected.
        var tomorrow = ChinaTime.Today(TimeProvider.System).AddDays(1);
        await ApiAssert.StatusAsync(await staff.PostAsJsonAsync(Absences, new { childId = w.ChildA, reason = "Leave", date = tomorrow }), HttpStatusCode.Created);
        Assert.Equal(2, await RowsAsync(w.ChildA));
    }

    [Fact]
    public async Task A_closed_month_refuses_new_attendance()
    {
        var w = await fixture.NewWorldAsync();
        var today = ChinaTime.Today(TimeProvider.System);
        await fixture.Factory.WithDbAsync(async db =>
        {
            db.MonthCloses.Add(new MonthClose { Id = Guid.NewGuid(), InstitutionId = w.InstitutionA, Month = YearMonth.Of(today), ClosedAt = DateTime.UtcNow, ClosedByUserId = Guid.NewGuid() });
            return await db.SaveChangesAsync();
        });
        var staff = await w.ClientAsync(w.StaffA);
        await RefusedUnchangedAsync(w.ChildA, () => staff.PostAsJsonAsync(CheckIns, new { childId = w.ChildA }), HttpStatusCode.Conflict, "attendance.month_closed");
    }

    [Fact]
    public async Task A_child_whose_enrollment_ended_is_not_in_care()
    {
        var w = await fixture.NewWorldAsync();
        await fixture.Factory.WithDbAsync(async db =>
        {
            var e = await db.Enrollments.SingleAsync(x => x.ChildId == w.ChildA);
            e.EndDate = ChinaTime.Today(TimeProvider.System).AddDays(-1);
            e.EndReason = EnrollmentEndReason.Withdrawn;
            return await db.SaveChangesAsync();
        });
        var staff = await w.ClientAsync(w.StaffA);
        await RefusedUnchangedAsync(w.ChildA, () => staff.PostAsJsonAsync(CheckIns, new { childId = w.ChildA }), HttpStatusCode.Conflict, "attendance.not_enrolled");
    }

    [Fact]
    public async Task The_class_day_shows_each_child_and_flags_a_class_without_enough_carers()
    {
        var w = await fixture.NewWorldAsync();
        var staff = await w.ClientAsync(w.StaffA);
        var url = $"/api/v1/classes/{w.ClassA}/today";
        var before = await ApiAssert.OkAsync(await staff.GetAsync(url));
        Assert.Equal(1, before.GetProperty("enrolled").GetInt32());
        Assert.Equal(1, before.GetProperty("notRecorded").GetInt32());
        Assert.Equal(0, before.GetProperty("carersRequired").GetInt32());
        Assert.True(before.GetProperty("withinRatio").GetBoolean());

        // Whole-class check-in: the one child not yet recorded.
        var batch = await ApiAssert.OkAsync(await staff.PostAsJsonAsync($"/api/v1/classes/{w.ClassA}/check-ins", new { }));
        Assert.Equal(1, batch.GetProperty("checkedIn").GetInt32());
        var again = await ApiAssert.OkAsync(await staff.PostAsJsonAsync($"/api/v1/classes/{w.ClassA}/check-ins", new { }));
        Assert.Equal(0, again.GetProperty("checkedIn").GetInt32());
        Assert.Equal(1, again.GetProperty("alreadyPresent").GetInt32());

        // 托育机构设置标准（试行）第十二条: a 托小班 needs a carer for up to five children; none has checked in.
        var day = await ApiAssert.OkAsync(await staff.GetAsync(url));
        Assert.Equal(1, day.GetProperty("present").GetInt32());
        Assert.Equal(1, day.GetProperty("carersRequired").GetInt32());
        Assert.Equal(0, day.GetProperty("carersPresent").GetInt32());
        Assert.False(day.GetProperty("withinRatio").GetBoolean());

        await ApiAssert.StatusAsync(await staff.PostAsJsonAsync("/api/v1/attendance/staff/check-ins", new { staffMemberId = w.CarerA }), HttpStatusCode.Created);
        day = await ApiAssert.OkAsync(await staff.GetAsync(url));
        Assert.Equal(1, day.GetProperty("carersPresent").GetInt32());
        Assert.True(day.GetProperty("withinRatio").GetBoolean());
        Assert.Equal("在园", day.GetProperty("children")[0].GetProperty("statusName").GetString());
    }

    [Fact]
    public async Task The_class_day_is_private_to_the_institution_and_its_regulators()
    {
        var w = await fixture.NewWorldAsync();
        var url = $"/api/v1/classes/{w.ClassA}/today";
        await ApiAssert.OkAsync(await (await w.ClientAsync(w.RegulatorA)).GetAsync(url));
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.RegulatorB)).GetAsync(url), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminB)).GetAsync(url), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.ParentA)).GetAsync(url), HttpStatusCode.Forbidden);
        // Institution B's admin cannot check in institution A's staff either.
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminB)).PostAsJsonAsync("/api/v1/attendance/staff/check-ins", new { staffMemberId = w.CarerA }),
            HttpStatusCode.NotFound);
        // Nor check in A's class.
        await RefusedUnchangedAsync(w.ChildA, async () => await (await w.ClientAsync(w.AdminB)).PostAsJsonAsync($"/api/v1/classes/{w.ClassA}/check-ins", new { }),
            HttpStatusCode.NotFound);
    }
}

public sealed class SqliteAttendanceTests(SqliteFixture fixture) : AttendanceTests(fixture);

public sealed class PostgresAttendanceTests(PostgresFixture fixture) : AttendanceTests(fixture);
