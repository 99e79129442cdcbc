using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.IntegrationTests.Enrollment;

/// <summary>Issue #4 item 4, ADR 0027: a guardian checks their own child in and out at the institution's daily QR code.</summary>
public abstract class QrCheckInTests(AppFixture fixture)
{
    private const string QrCheckIns = "/api/v1/attendance/qr-check-ins";

    private static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    private string TokenFor(Guid institution, DateOnly day) =>
        QrCheckInToken.For(fixture.Factory.Services.GetRequiredService<SensitiveDataProtector>(), institution, day);

    private Task<string> SnapshotAsync(Guid child) => fixture.Factory.WithDbAsync(async db =>
        string.Join(";", await db.Attendance.AsNoTracking().Where(a => a.ChildId == child).Select(a => $"{a.Date}|{a.CheckInAt}|{a.CheckOutAt}|{a.Version}").ToListAsync()));

    [Fact]
    public async Task A_guardian_checks_in_at_todays_code_idempotently_and_checking_out_records_the_guardian_as_picking_up()
    {
        var w = await fixture.NewWorldAsync();
        var code = await ApiAssert.OkAsync(await (await w.ClientAsync(w.StaffA)).GetAsync("/api/v1/attendance/qr-code"));
        var token = code.GetProperty("token").GetString()!;
        Assert.Equal(TokenFor(w.InstitutionA, Today), token);
        Assert.Equal($"/checkin/{token}", code.GetProperty("path").GetString());

        var parent = await w.ClientAsync(w.ParentA);
        var visit = await ApiAssert.OkAsync(await parent.GetAsync($"{QrCheckIns}/{token}"));
        var child = Assert.Single(visit.GetProperty("children").EnumerateArray());
        Assert.Equal(w.ChildA, child.GetProperty("childId").GetGuid());
        Assert.True(child.GetProperty("canCheckIn").GetBoolean());

        var first = await ApiAssert.OkAsync(await parent.PostAsJsonAsync(QrCheckIns, new { token, childId = w.ChildA, action = "in" }));
        Assert.Equal("GuardianScan", first.GetProperty("checkInMethod").GetString());
        var again = await ApiAssert.OkAsync(await parent.PostAsJsonAsync(QrCheckIns, new { token, childId = w.ChildA, action = "in" }));
        Assert.Equal(first.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        // Staff checking the child in afterwards changes nothing either (one path, ADR 0022).
        await ApiAssert.OkAsync(await (await w.ClientAsync(w.StaffA)).PostAsJsonAsync("/api/v1/attendance/check-ins", new { childId = w.ChildA, temperature = 36.5m }));
        var parentId = await w.UserIdAsync(w.ParentA);
        var row = await fixture.Factory.WithDbAsync(db => db.Attendance.AsNoTracking().SingleAsync(a => a.ChildId == w.ChildA));
        Assert.Equal(parentId, row.CheckInByUserId);
        Assert.Equal(CheckInMethod.GuardianScan, row.CheckInMethod);
        Assert.Null(row.TemperatureTenths);

        var outDay = await ApiAssert.OkAsync(await parent.PostAsJsonAsync(QrCheckIns, new { token, childId = w.ChildA, action = "out" }));
        Assert.Equal("Guardian", outDay.GetProperty("pickedUpByKind").GetString());
        Assert.Equal(w.GuardianA, outDay.GetProperty("pickedUpById").GetGuid());
        Assert.Equal("张丽（母亲）", outDay.GetProperty("pickedUpByName").GetString());
        var snapshot = await SnapshotAsync(w.ChildA);
        await ApiAssert.OkAsync(await parent.PostAsJsonAsync(QrCheckIns, new { token, childId = w.ChildA, action = "out" }));
        Assert.Equal(snapshot, await SnapshotAsync(w.ChildA));
        var done = await fixture.Factory.WithDbAsync(db => db.Attendance.AsNoTracking().SingleAsync(a => a.ChildId == w.ChildA));
        Assert.Equal(parentId, done.CheckOutByUserId);
        Assert.Equal(PickupKind.Guardian, done.PickedUpByKind);
    }

    [Fact]
    public async Task Yesterdays_code_is_expired_and_another_institutions_or_a_forged_code_is_refused_writing_nothing()
    {
        var w = await fixture.NewWorldAsync();
        var parent = await w.ClientAsync(w.ParentA);
        var yesterday = TokenFor(w.InstitutionA, Today.AddDays(-1));
        Assert.NotEqual(TokenFor(w.InstitutionA, Today), yesterday);
        await ApiAssert.ProblemAsync(await parent.PostAsJsonAsync(QrCheckIns, new { token = yesterday, childId = w.ChildA, action = "in" }),
            HttpStatusCode.Conflict, "attendance.qr_expired");
        await ApiAssert.ProblemAsync(await parent.GetAsync($"{QrCheckIns}/{yesterday}"), HttpStatusCode.Conflict, "attendance.qr_expired");
        await ApiAssert.ProblemAsync(await parent.PostAsJsonAsync(QrCheckIns, new { token = TokenFor(w.InstitutionB, Today), childId = w.ChildA, action = "in" }),
            HttpStatusCode.Forbidden);
        var forged = w.InstitutionA.ToString("N") + new string('a', 32);
        await ApiAssert.ProblemAsync(await parent.PostAsJsonAsync(QrCheckIns, new { token = forged, childId = w.ChildA, action = "in" }), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await parent.PostAsJsonAsync(QrCheckIns, new { token = TokenFor(w.InstitutionA, Today), childId = w.ChildA, action = "sideways" }),
            HttpStatusCode.BadRequest);
        Assert.Equal(string.Empty, await SnapshotAsync(w.ChildA));
    }

    [Fact]
    public async Task Another_family_cannot_check_in_a_child_that_is_not_theirs_and_staff_cannot_use_the_guardian_path()
    {
        var w = await fixture.NewWorldAsync();
        var token = TokenFor(w.InstitutionA, Today);
        var parentB = await w.ClientAsync(w.ParentB);
        Assert.Equal(0, (await ApiAssert.OkAsync(await parentB.GetAsync($"{QrCheckIns}/{token}"))).GetProperty("children").GetArrayLength());
        await ApiAssert.ProblemAsync(await parentB.PostAsJsonAsync(QrCheckIns, new { token, childId = w.ChildA, action = "in" }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.StaffA)).PostAsJsonAsync(QrCheckIns, new { token, childId = w.ChildA, action = "in" }),
            HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await parentB.GetAsync("/api/v1/attendance/qr-code"), HttpStatusCode.Forbidden);
        Assert.Equal(string.Empty, await SnapshotAsync(w.ChildA));
    }
}

public sealed class SqliteQrCheckInTests(SqliteFixture fixture) : QrCheckInTests(fixture);

public sealed class PostgresQrCheckInTests(PostgresFixture fixture) : QrCheckInTests(fixture);
