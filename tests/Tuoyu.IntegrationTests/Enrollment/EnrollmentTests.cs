using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.IntegrationTests.Enrollment;

/// <summary>Issue #4 item 3 (ADR 0023): placing a child — age, service, overlap and the atomic last place — and its history.</summary>
public abstract class EnrollmentTests(AppFixture fixture)
{
    private static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    [Fact]
    public async Task Fifty_requests_race_for_the_last_place_exactly_one_wins_and_one_row_is_written()
    {
        var w = await fixture.NewWorldAsync();
        await OfferAsync(w);
        var start = Today.AddDays(7);
        var cls = await AddClassAsync(w.InstitutionA, "抢位班", ClassType.Toddler, capacity: 3);
        // Two of three places taken; fifty children whose families applied to institution A want the last one.
        var seated = await AddChildrenAsync(w, 2, start, cls, apply: false);
        var racers = await AddChildrenAsync(w, 50, start, classId: null, apply: true);
        Assert.Equal(2, seated.Count);

        // A barrier holds each request after it first reads the class until all fifty have read it, so they all
        // counted the same two children: only the capacity guard can stop the extra ones.
        const int parties = 50;
        var barrier = new ReadBarrier(parties);
        await using var racing = fixture.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            if (fixture.ProviderName == "Sqlite") { services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(barrier)); }
            else { services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(barrier)); }
        }));
        var a = racing.CreateClient();
        a.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestWorld.TokenAsync(a, w.AdminA, TestWorld.Password));

        barrier.Armed = true;
        var responses = await Task.WhenAll(racers.Select(child =>
            a.PostAsJsonAsync("/api/v1/enrollments", new { childId = child, classId = cls, serviceType = "FullDay", startDate = start })));
        barrier.Armed = false;

        var statuses = string.Join(",", responses.Select(r => (int)r.StatusCode));
        Assert.True(barrier.AllArrived, $"only {barrier.Arrived} of {parties} requests read the class ({statuses}); the race was not staged");
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await ApiAssert.ProblemAsync(r, HttpStatusCode.Conflict, "enrollment.class_full");
        }

        Assert.Equal(3, await fixture.Factory.WithDbAsync(db => db.Enrollments.CountAsync(e => e.ClassId == cls)));
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.Enrollments.CountAsync(e => racers.Contains(e.ChildId))));
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.EnrollmentEvents.CountAsync(e => racers.Contains(e.ChildId))));
    }

    [Fact]
    public async Task Age_service_and_overlap_rules_are_409s_with_their_codes_and_write_nothing()
    {
        var w = await fixture.NewWorldAsync();
        await OfferAsync(w);
        var infant = await AddClassAsync(w.InstitutionA, "乳儿班", ClassType.Infant, capacity: 10);
        var toddler2 = await AddClassAsync(w.InstitutionA, "托小二班", ClassType.Toddler, capacity: 15);
        var admin = await w.ClientAsync(w.AdminA);
        var before = await RowsAsync(w);

        // Child A is 13–23 months old: not a 乳儿班 child (6–12 months, 托育机构设置标准（试行）第十二条).
        var fresh = (await AddChildrenAsync(w, 1, Today.AddDays(3), classId: null, apply: true))[0];
        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/enrollments",
            new { childId = fresh, classId = infant, serviceType = "FullDay", startDate = Today.AddDays(3) }), HttpStatusCode.Conflict, "enrollment.age_out_of_range");
        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/enrollments",
            new { childId = fresh, classId = toddler2, serviceType = "Hourly", startDate = Today.AddDays(3) }), HttpStatusCode.Conflict, "enrollment.service_not_offered");
        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/enrollments",
            new { childId = w.ChildA, classId = toddler2, serviceType = "FullDay", startDate = Today.AddDays(3) }), HttpStatusCode.Conflict, "enrollment.already_enrolled");
        var bad = await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/enrollments",
            new { childId = fresh, classId = toddler2, serviceType = "全日托" }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("serviceType", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("startDate", out _));
        Assert.Equal(before, await RowsAsync(w));
    }

    [Fact]
    public async Task A_placement_or_withdrawal_effective_in_a_closed_month_is_409_and_writes_nothing()
    {
        var w = await fixture.NewWorldAsync();
        await OfferAsync(w);
        var admin = await w.ClientAsync(w.AdminA);
        var child = (await AddChildrenAsync(w, 1, Today, classId: null, apply: true))[0];
        var enrollmentA = await fixture.Factory.WithDbAsync(db => db.Enrollments.Where(e => e.ChildId == w.ChildA).Select(e => e.Id).FirstAsync());
        await fixture.Factory.WithDbAsync(async db =>
        {
            db.MonthCloses.Add(new MonthClose { Id = Guid.NewGuid(), InstitutionId = w.InstitutionA, Month = YearMonth.Of(Today), ClosedAt = DateTime.UtcNow, ClosedByUserId = Guid.NewGuid() });
            return await db.SaveChangesAsync();
        });
        var before = await RowsAsync(w);
        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/enrollments",
            new { childId = child, classId = w.ClassA, serviceType = "FullDay", startDate = Today }), HttpStatusCode.Conflict, "enrollment.month_closed");
        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/enrollments/{enrollmentA}/withdraw", new { endDate = Today, reason = "搬家" }),
            HttpStatusCode.Conflict, "enrollment.month_closed");
        Assert.Equal(before, await RowsAsync(w));
    }

    [Fact]
    public async Task Move_pause_resume_and_withdraw_each_leave_history()
    {
        var w = await fixture.NewWorldAsync();
        await OfferAsync(w);
        var toddler2 = await AddClassAsync(w.InstitutionA, "托小二班", ClassType.Toddler, capacity: 15);
        var admin = await w.ClientAsync(w.AdminA);
        var child = (await AddChildrenAsync(w, 1, Today, classId: null, apply: true))[0];
        var enrolled = await ApiAssert.StatusAsync(await admin.PostAsJsonAsync("/api/v1/enrollments",
            new { childId = child, classId = w.ClassA, serviceType = "FullDay", startDate = Today }), HttpStatusCode.Created);
        var first = enrolled.GetProperty("id").GetGuid();
        Assert.Equal("全日托", enrolled.GetProperty("serviceName").GetString());

        var moved = await ApiAssert.StatusAsync(await admin.PostAsJsonAsync($"/api/v1/enrollments/{first}/move",
            new { classId = toddler2, effectiveOn = Today.AddDays(5), reason = "调整班级" }), HttpStatusCode.Created);
        var second = moved.GetProperty("id").GetGuid();
        Assert.Equal(first, moved.GetProperty("previousEnrollmentId").GetGuid());
        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/enrollments/{first}/move",
            new { classId = w.ClassA, effectiveOn = Today.AddDays(6) }), HttpStatusCode.Conflict, "enrollment.not_active");

        await ApiAssert.OkAsync(await admin.PostAsJsonAsync($"/api/v1/enrollments/{second}/pause", new { from = Today.AddDays(10), reason = "回老家" }));
        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/enrollments/{second}/pause", new { from = Today.AddDays(12), reason = "再次" }),
            HttpStatusCode.Conflict, "enrollment.already_paused");
        var resumed = await ApiAssert.OkAsync(await admin.PostAsJsonAsync($"/api/v1/enrollments/{second}/resume", new { resumeOn = Today.AddDays(20) }));
        Assert.Equal(Today.AddDays(19).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), resumed.GetProperty("pauses")[0].GetProperty("to").GetString());
        var withdrawn = await ApiAssert.OkAsync(await admin.PostAsJsonAsync($"/api/v1/enrollments/{second}/withdraw", new { endDate = Today.AddDays(30), reason = "搬家" }));
        Assert.Equal("Withdrawn", withdrawn.GetProperty("endReason").GetString());

        var history = await ApiAssert.OkAsync(await admin.GetAsync($"/api/v1/children/{child}/enrollments"));
        Assert.Equal(2, history.GetProperty("enrollments").GetArrayLength());
        var kinds = history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "Enrolled", "Moved", "Paused", "Resumed", "Withdrawn" }, kinds);
        var rows = await fixture.Factory.WithDbAsync(db => db.Enrollments.AsNoTracking().Where(e => e.ChildId == child).OrderBy(e => e.StartDate).ToListAsync());
        Assert.Equal(Today.AddDays(4), rows[0].EndDate);
        Assert.Equal(EnrollmentEndReason.Moved, rows[0].EndReason);
        Assert.Equal(Today.AddDays(5), rows[1].StartDate);
        Assert.Equal(toddler2, rows[1].ClassId);
    }

    [Fact]
    public async Task Another_institution_and_parents_cannot_enroll_move_or_read_and_nothing_changes()
    {
        var w = await fixture.NewWorldAsync();
        await OfferAsync(w);
        var adminB = await w.ClientAsync(w.AdminB);
        var enrollmentA = await fixture.Factory.WithDbAsync(db => db.Enrollments.Where(e => e.ChildId == w.ChildA).Select(e => e.Id).FirstAsync());
        var before = await RowsAsync(w);

        await ApiAssert.ProblemAsync(await adminB.PostAsJsonAsync("/api/v1/enrollments",
            new { childId = w.ChildA, classId = w.ClassB, serviceType = "FullDay", startDate = Today.AddDays(1) }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await adminB.PostAsJsonAsync("/api/v1/enrollments",
            new { childId = w.ChildB, classId = w.ClassA, serviceType = "FullDay", startDate = Today.AddDays(1) }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await adminB.PostAsJsonAsync($"/api/v1/enrollments/{enrollmentA}/withdraw", new { endDate = Today, reason = "x" }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await adminB.PostAsJsonAsync($"/api/v1/enrollments/{enrollmentA}/move", new { classId = w.ClassB, effectiveOn = Today.AddDays(1) }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await adminB.GetAsync($"/api/v1/children/{w.ChildA}/enrollments"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.ParentB)).GetAsync($"/api/v1/children/{w.ChildA}/enrollments"), HttpStatusCode.NotFound);
        var parentA = await w.ClientAsync(w.ParentA);
        await ApiAssert.ProblemAsync(await parentA.PostAsJsonAsync("/api/v1/enrollments",
            new { childId = w.ChildA, classId = w.ClassA, serviceType = "FullDay", startDate = Today.AddDays(1) }), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.StaffA)).PostAsJsonAsync($"/api/v1/enrollments/{enrollmentA}/pause",
            new { from = Today, reason = "x" }), HttpStatusCode.Forbidden);
        Assert.Equal(before, await RowsAsync(w));
        // The family's own read works.
        var mine = await ApiAssert.OkAsync(await parentA.GetAsync($"/api/v1/children/{w.ChildA}/enrollments"));
        Assert.Equal(1, mine.GetProperty("enrollments").GetArrayLength());
    }

    /// <summary>The world's enrollment rows (other tests write to the same database at the same time).</summary>
    private Task<string> RowsAsync(TestWorld w) => fixture.Factory.WithDbAsync(async db =>
    {
        var mine = db.Enrollments.Where(e => e.InstitutionId == w.InstitutionA || e.InstitutionId == w.InstitutionB);
        return $"{await mine.CountAsync()}|{await db.EnrollmentEvents.CountAsync(e => e.InstitutionId == w.InstitutionA || e.InstitutionId == w.InstitutionB)}|" +
            $"{await db.EnrollmentPauses.CountAsync(p => mine.Any(e => e.Id == p.EnrollmentId))}|" +
            string.Join(",", (await mine.Select(e => new { e.Id, e.EndDate, e.Version }).ToListAsync()).OrderBy(e => e.Id).Select(e => $"{e.EndDate}{e.Version}"));
    });

    private Task OfferAsync(TestWorld w) => fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == w.InstitutionA || i.Id == w.InstitutionB)
        .ExecuteUpdateAsync(s => s.SetProperty(i => i.Services, CareServices.FullDay | CareServices.HalfDay)));

    private Task<Guid> AddClassAsync(Guid institution, string name, ClassType type, int capacity) => fixture.Factory.WithDbAsync(async db =>
    {
        var c = new ChildcareClass { Id = Guid.NewGuid(), InstitutionId = institution, Name = name, Type = type, Capacity = capacity };
        db.Classes.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    });

    /// <summary>Children 18 months old on <paramref name="start"/>, enrolled in <paramref name="classId"/> or applying to institution A.</summary>
    private async Task<List<Guid>> AddChildrenAsync(TestWorld w, int count, DateOnly start, Guid? classId, bool apply)
    {
        var ids = new List<Guid>();
        await fixture.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var protector = sp.GetRequiredService<SensitiveDataProtector>();
            for (var i = 0; i < count; i++)
            {
                var (number, birth) = TestIds.ResidentId("430102", start.AddMonths(-18));
                var id = Guid.NewGuid();
                ids.Add(id);
                db.Children.Add(new Child
                {
                    Id = id, Name = "排队儿童", BirthDate = birth, Sex = Sex.Female, HukouLocal = true, BirthOrder = 1,
                    IdNumberCipher = protector.Encrypt(number), IdNumberHash = protector.Hash(number), IdNumberMasked = AuditMasking.IdNumber(number),
                });
                if (classId is { } c)
                {
                    db.Enrollments.Add(new ChildEnrollment { Id = Guid.NewGuid(), ChildId = id, InstitutionId = w.InstitutionA, ClassId = c, Service = CareServices.FullDay, StartDate = start });
                }

                if (apply)
                {
                    db.Applications.Add(new ChildcareApplication
                    {
                        Id = Guid.NewGuid(), ChildId = id, InstitutionId = w.InstitutionA, ApplicantUserId = Guid.NewGuid(), Service = CareServices.FullDay,
                        StartMonth = YearMonth.Of(start), Status = ApplicationStatus.Waiting, SubmittedAt = DateTime.UtcNow,
                    });
                }
            }

            await db.SaveChangesAsync();
        });
        return ids;
    }

    /// <summary>Holds every read of registry_classes, while armed, until <c>parties</c> reads have arrived (or 15 s pass).</summary>
    private sealed class ReadBarrier(int parties) : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public volatile bool Armed;

        public bool AllArrived => _all.Task.IsCompletedSuccessfully;

        public int Arrived => Volatile.Read(ref _arrived);

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (Armed && !_all.Task.IsCompleted && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                && command.CommandText.Contains("registry_classes", StringComparison.Ordinal))
            {
                if (Interlocked.Increment(ref _arrived) == parties) { _all.TrySetResult(); }
                try { await _all.Task.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken); } catch (TimeoutException) { }
            }

            return result;
        }
    }
}

public sealed class SqliteEnrollmentTests(SqliteFixture fixture) : EnrollmentTests(fixture);

public sealed class PostgresEnrollmentTests(PostgresFixture fixture) : EnrollmentTests(fixture);
