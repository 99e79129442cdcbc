using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
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

/// <summary>
/// Issue #4 item 2 (ADR 0026): a family applies, the institution offers a place from its queue, the family accepts (placed through
/// the capacity guard) or declines, offers lapse after their deadline, and the public vacancies count outstanding offers.
/// </summary>
public abstract class ApplicationTests(AppFixture fixture)
{
    private static DateOnly Today => ChinaTime.Today(TimeProvider.System);
    private static string NextMonth => YearMonth.Of(Today).AddMonths(1).ToString();

    [Fact]
    public async Task A_family_applies_to_two_institutions_accepts_an_offer_is_enrolled_and_the_other_application_is_withdrawn()
    {
        var w = await fixture.NewWorldAsync();
        var child = await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 18);
        var parent = await w.ClientAsync(w.ParentA);

        var applied = await ApiAssert.StatusAsync(await parent.PostAsJsonAsync("/api/v1/applications",
            new { childId = child, institutionIds = new[] { w.InstitutionA, w.InstitutionB }, service = "FullDay", startMonth = NextMonth, note = "希望尽快入托" }),
            HttpStatusCode.Created);
        Assert.Equal(2, applied.GetArrayLength());
        Assert.All(applied.EnumerateArray(), a => Assert.Equal("Waiting", a.GetProperty("status").GetString()));
        var atA = applied.EnumerateArray().Single(a => a.GetProperty("institutionId").GetGuid() == w.InstitutionA).GetProperty("id").GetGuid();
        var atB = applied.EnumerateArray().Single(a => a.GetProperty("institutionId").GetGuid() == w.InstitutionB).GetProperty("id").GetGuid();

        // The queue shows the child's age on the first day of the start month and the class types it fits (第十二条: 托小班 12–24, 混合班 18+).
        var admin = await w.ClientAsync(w.AdminA);
        var queue = await ApiAssert.OkAsync(await admin.GetAsync($"/api/v1/institutions/{w.InstitutionA}/applications"));
        var row = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == atA);
        Assert.Equal(18, row.GetProperty("ageMonthsOnStart").GetInt32());
        Assert.Equal(["Toddler", "Mixed"], row.GetProperty("fitsClassTypes").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal("排队中", row.GetProperty("statusName").GetString());

        var offered = await ApiAssert.OkAsync(await admin.PostAsJsonAsync($"/api/v1/applications/{atA}/offer", new { classId = w.ClassA }));
        Assert.Equal("Offered", offered.GetProperty("status").GetString());
        // The default deadline: ApplicationRules.DefaultOfferDays (7) after today (ADR 0026).
        Assert.Equal(Today.AddDays(ApplicationRules.DefaultOfferDays).ToString("yyyy-MM-dd"), offered.GetProperty("offerExpiresOn").GetString());

        var mine = await ApiAssert.OkAsync(await parent.GetAsync("/api/v1/me/applications"));
        Assert.Equal("已发出学位", mine.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == atA).GetProperty("statusName").GetString());

        var accepted = await ApiAssert.OkAsync(await parent.PostAsync($"/api/v1/applications/{atA}/accept", null));
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        var enrollmentId = accepted.GetProperty("enrollmentId").GetGuid();
        var enrollment = await fixture.Factory.WithDbAsync(db => db.Enrollments.SingleAsync(e => e.Id == enrollmentId));
        Assert.Equal((child, w.ClassA, CareServices.FullDay), (enrollment.ChildId, enrollment.ClassId, enrollment.Service));
        Assert.Equal(YearMonth.Of(Today).AddMonths(1).FirstDay, enrollment.StartDate);
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.EnrollmentEvents.CountAsync(e => e.EnrollmentId == enrollmentId)));
        Assert.Equal(ApplicationStatus.Withdrawn, await StatusAsync(atB));
    }

    [Fact]
    public async Task Another_family_cannot_apply_for_see_or_answer_a_familys_application()
    {
        var w = await fixture.NewWorldAsync();
        var child = await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 18);
        var parentA = await w.ClientAsync(w.ParentA);
        var parentB = await w.ClientAsync(w.ParentB);
        await ApiAssert.ProblemAsync(await parentB.PostAsJsonAsync("/api/v1/applications",
            new { childId = child, institutionIds = new[] { w.InstitutionB }, service = "FullDay", startMonth = NextMonth }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await parentB.PostAsJsonAsync("/api/v1/applications",
            new { childId = w.ChildA, institutionIds = new[] { w.InstitutionB }, service = "FullDay", startMonth = NextMonth }), HttpStatusCode.NotFound);
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Applications.CountAsync(a => a.ChildId == child || a.ChildId == w.ChildA)));

        var id = await ApplyAsync(parentA, child, w.InstitutionA);
        var admin = await w.ClientAsync(w.AdminA);
        await ApiAssert.OkAsync(await admin.PostAsJsonAsync($"/api/v1/applications/{id}/offer", new { classId = w.ClassA }));

        var theirs = await ApiAssert.OkAsync(await parentB.GetAsync("/api/v1/me/applications"));
        Assert.DoesNotContain(theirs.EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        foreach (var step in new[] { "accept", "decline", "withdraw" })
        {
            await ApiAssert.ProblemAsync(await parentB.PostAsync($"/api/v1/applications/{id}/{step}", null), HttpStatusCode.NotFound);
        }

        // A family cannot offer itself a place nor read a queue.
        await ApiAssert.ProblemAsync(await parentA.PostAsJsonAsync($"/api/v1/applications/{id}/offer", new { classId = w.ClassA }), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await parentA.GetAsync($"/api/v1/institutions/{w.InstitutionA}/applications"), HttpStatusCode.Forbidden);
        Assert.Equal(ApplicationStatus.Offered, await StatusAsync(id));
    }

    [Fact]
    public async Task Another_institution_and_another_regions_regulator_cannot_read_or_decide_the_queue()
    {
        var w = await fixture.NewWorldAsync();
        var child = await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 18);
        var id = await ApplyAsync(await w.ClientAsync(w.ParentA), child, w.InstitutionA);
        var queue = $"/api/v1/institutions/{w.InstitutionA}/applications";

        var adminB = await w.ClientAsync(w.AdminB);
        await ApiAssert.ProblemAsync(await adminB.GetAsync(queue), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await adminB.GetAsync(queue + "/export"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await adminB.PostAsJsonAsync($"/api/v1/applications/{id}/offer", new { classId = w.ClassB }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await adminB.PostAsJsonAsync($"/api/v1/applications/{id}/offer", new { classId = w.ClassA }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await adminB.PostAsJsonAsync($"/api/v1/applications/{id}/refuse", new { reason = "满员" }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.RegulatorB)).GetAsync(queue), HttpStatusCode.Forbidden);

        // The region's regulator and the institution's staff read it; neither decides.
        var regulatorA = await w.ClientAsync(w.RegulatorA);
        var read = await ApiAssert.OkAsync(await regulatorA.GetAsync(queue));
        Assert.Contains(read.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        await ApiAssert.ProblemAsync(await regulatorA.PostAsJsonAsync($"/api/v1/applications/{id}/offer", new { classId = w.ClassA }), HttpStatusCode.Forbidden);
        var staff = await w.ClientAsync(w.StaffA);
        await ApiAssert.OkAsync(await staff.GetAsync(queue));
        await ApiAssert.ProblemAsync(await staff.PostAsJsonAsync($"/api/v1/applications/{id}/refuse", new { reason = "满员" }), HttpStatusCode.Forbidden);
        Assert.Equal(ApplicationStatus.Waiting, await StatusAsync(id));

        // An offer may only name a class of the application's institution.
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminA)).PostAsJsonAsync($"/api/v1/applications/{id}/offer", new { classId = w.ClassB }),
            HttpStatusCode.NotFound);
        Assert.Equal(ApplicationStatus.Waiting, await StatusAsync(id));
    }

    [Fact]
    public async Task A_second_open_application_to_the_same_institution_is_409_and_a_failing_request_writes_none_of_its_applications()
    {
        var w = await fixture.NewWorldAsync();
        var child = await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 18);
        var parent = await w.ClientAsync(w.ParentA);
        var first = await ApplyAsync(parent, child, w.InstitutionA);

        await ApiAssert.ProblemAsync(await parent.PostAsJsonAsync("/api/v1/applications",
            new { childId = child, institutionIds = new[] { w.InstitutionB, w.InstitutionA }, service = "FullDay", startMonth = NextMonth }),
            HttpStatusCode.Conflict, "application.duplicate");
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.Applications.CountAsync(a => a.ChildId == child)));

        // Once withdrawn the family may apply there again.
        await ApiAssert.OkAsync(await parent.PostAsync($"/api/v1/applications/{first}/withdraw", null));
        await ApiAssert.ProblemAsync(await parent.PostAsync($"/api/v1/applications/{first}/withdraw", null), HttpStatusCode.Conflict, "application.not_waiting");
        await ApplyAsync(parent, child, w.InstitutionA);
    }

    [Fact]
    public async Task Start_month_service_age_and_enrollment_rules_refuse_an_application()
    {
        var w = await fixture.NewWorldAsync();
        var parent = await w.ClientAsync(w.ParentA);
        var child = await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 18);
        var past = YearMonth.Of(Today).AddMonths(-1).ToString();
        var bad = await ApiAssert.ProblemAsync(await parent.PostAsJsonAsync("/api/v1/applications",
            new { childId = child, institutionIds = new[] { w.InstitutionA }, service = "全日托", startMonth = past }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("startMonth", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("service", out _));
        await ApiAssert.ProblemAsync(await parent.PostAsJsonAsync("/api/v1/applications",
            new { childId = child, institutionIds = new[] { w.InstitutionA }, service = "Hourly", startMonth = NextMonth }),
            HttpStatusCode.Conflict, "enrollment.service_not_offered");

        // Seven months old: only a 乳儿班 (6–12 months, 第十二条) fits, and institution A has only a 托小班.
        var baby = await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 7);
        await ApiAssert.ProblemAsync(await parent.PostAsJsonAsync("/api/v1/applications",
            new { childId = baby, institutionIds = new[] { w.InstitutionA }, service = "FullDay", startMonth = NextMonth }),
            HttpStatusCode.Conflict, "application.no_fitting_class");
        // Three years old on the start date: 托育 serves children under 3 (国办发〔2019〕15号).
        var older = await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 36);
        await ApiAssert.ProblemAsync(await parent.PostAsJsonAsync("/api/v1/applications",
            new { childId = older, institutionIds = new[] { w.InstitutionA }, service = "FullDay", startMonth = NextMonth }),
            HttpStatusCode.Conflict, "application.age_out_of_range");
        // Child A is already enrolled at institution A.
        await ApiAssert.ProblemAsync(await parent.PostAsJsonAsync("/api/v1/applications",
            new { childId = w.ChildA, institutionIds = new[] { w.InstitutionA }, service = "FullDay", startMonth = NextMonth }),
            HttpStatusCode.Conflict, "application.already_enrolled");
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Applications.CountAsync(a => a.InstitutionId == w.InstitutionA)));
    }

    [Fact]
    public async Task An_offer_past_its_deadline_lapses_on_accept_and_on_the_queue_read_and_no_longer_holds_a_place()
    {
        var w = await fixture.NewWorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        var parent = await w.ClientAsync(w.ParentA);
        var cls = await AddClassAsync(w.InstitutionA, "混合班", ClassType.Mixed, capacity: 1);
        var first = await ApplyAsync(parent, await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 18), w.InstitutionA);
        var second = await ApplyAsync(parent, await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 20), w.InstitutionA);
        await ApiAssert.OkAsync(await admin.PostAsJsonAsync($"/api/v1/applications/{first}/offer", new { classId = cls, expiresOn = Today }));
        // The only place is offered: a second offer on the class is refused.
        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/applications/{second}/offer", new { classId = cls }),
            HttpStatusCode.Conflict, "enrollment.class_full");

        await ExpireAsync(first);
        // The place is free again as soon as the deadline has passed, before anyone reads the queue.
        await ApiAssert.OkAsync(await admin.PostAsJsonAsync($"/api/v1/applications/{second}/offer", new { classId = cls }));
        await ApiAssert.ProblemAsync(await parent.PostAsync($"/api/v1/applications/{first}/accept", null), HttpStatusCode.Conflict, "application.offer_lapsed");
        Assert.Equal(ApplicationStatus.Lapsed, await StatusAsync(first));

        await ExpireAsync(second);
        var lapsed = await ApiAssert.OkAsync(await admin.GetAsync($"/api/v1/institutions/{w.InstitutionA}/applications?status=Lapsed"));
        Assert.Equal([first, second], lapsed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToArray());
        Assert.Equal(ApplicationStatus.Lapsed, await StatusAsync(second));
    }

    [Fact]
    public async Task Accepting_when_the_class_filled_meanwhile_is_409_class_full_and_the_offer_stays_open()
    {
        var w = await fixture.NewWorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        var parent = await w.ClientAsync(w.ParentA);
        var cls = await AddClassAsync(w.InstitutionA, "小班", ClassType.Toddler, capacity: 1);
        var child = await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 18);
        var id = await ApplyAsync(parent, child, w.InstitutionA);
        await ApiAssert.OkAsync(await admin.PostAsJsonAsync($"/api/v1/applications/{id}/offer", new { classId = cls }));
        // Meanwhile the class fills (a placement outside the queue, e.g. an older arrangement entered directly).
        await fixture.Factory.WithDbAsync(async db =>
        {
            db.Enrollments.Add(new ChildEnrollment { Id = Guid.NewGuid(), ChildId = w.ChildB, InstitutionId = w.InstitutionA, ClassId = cls, Service = CareServices.FullDay, StartDate = Today });
            return await db.SaveChangesAsync();
        });

        await ApiAssert.ProblemAsync(await parent.PostAsync($"/api/v1/applications/{id}/accept", null), HttpStatusCode.Conflict, "enrollment.class_full");
        Assert.Equal(ApplicationStatus.Offered, await StatusAsync(id));
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Enrollments.CountAsync(e => e.ChildId == child)));

        // The family may still decline; a declined offer cannot be accepted.
        var declined = await ApiAssert.OkAsync(await parent.PostAsync($"/api/v1/applications/{id}/decline", null));
        Assert.Equal("Declined", declined.GetProperty("status").GetString());
        await ApiAssert.ProblemAsync(await parent.PostAsync($"/api/v1/applications/{id}/accept", null), HttpStatusCode.Conflict, "application.not_offered");
    }

    [Fact]
    public async Task Public_vacancies_subtract_outstanding_offers_and_return_when_an_offer_is_declined_or_lapses()
    {
        var w = await fixture.NewWorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        var parent = await w.ClientAsync(w.ParentA);
        var cls = await AddClassAsync(w.InstitutionA, "混合班", ClassType.Mixed, capacity: 2);
        var first = await ApplyAsync(parent, await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 18), w.InstitutionA);
        var second = await ApplyAsync(parent, await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 19), w.InstitutionA);
        Assert.Equal(2, await MixedVacanciesAsync(w));

        await ApiAssert.OkAsync(await admin.PostAsJsonAsync($"/api/v1/applications/{first}/offer", new { classId = cls }));
        await ApiAssert.OkAsync(await admin.PostAsJsonAsync($"/api/v1/applications/{second}/offer", new { classId = cls }));
        Assert.Equal(0, await MixedVacanciesAsync(w));

        await ApiAssert.OkAsync(await parent.PostAsync($"/api/v1/applications/{first}/decline", null));
        Assert.Equal(1, await MixedVacanciesAsync(w));
        await ExpireAsync(second);
        Assert.Equal(2, await MixedVacanciesAsync(w));
    }

    [Fact]
    public async Task The_institution_refuses_with_a_reason_the_family_reads()
    {
        var w = await fixture.NewWorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        var parent = await w.ClientAsync(w.ParentA);
        var id = await ApplyAsync(parent, await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 18), w.InstitutionA);
        var bad = await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/applications/{id}/refuse", new { reason = " " }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("reason", out _));
        await ApiAssert.OkAsync(await admin.PostAsJsonAsync($"/api/v1/applications/{id}/refuse", new { reason = "本学期学位已满" }));
        var mine = (await ApiAssert.OkAsync(await parent.GetAsync("/api/v1/me/applications"))).EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(("不予录取", "本学期学位已满"), (mine.GetProperty("statusName").GetString(), mine.GetProperty("note").GetString()));
        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/applications/{id}/offer", new { classId = w.ClassA }),
            HttpStatusCode.Conflict, "application.not_waiting");
        // Each state change is audited (the AuditingInterceptor on SaveChanges).
        Assert.True(await fixture.Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(ChildcareApplication) && e.EntityId == id.ToString())) >= 2);
    }

    [Fact]
    public async Task Offers_racing_for_the_last_place_in_a_class_give_it_to_exactly_one_family()
    {
        var w = await fixture.NewWorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        var parent = await w.ClientAsync(w.ParentA);
        var cls = await AddClassAsync(w.InstitutionA, "抢位班", ClassType.Toddler, capacity: 1);
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++) { ids.Add(await ApplyAsync(parent, await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 14 + i), w.InstitutionA)); }

        var responses = await Task.WhenAll(ids.Select(id => admin.PostAsJsonAsync($"/api/v1/applications/{id}/offer", new { classId = cls })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.OK)) { await ApiAssert.ProblemAsync(r, HttpStatusCode.Conflict, "enrollment.class_full"); }
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.Applications.CountAsync(a => a.OfferedClassId == cls && a.Status == ApplicationStatus.Offered)));
    }

    [Fact]
    public async Task The_default_offer_deadline_follows_the_Applications_OfferDays_setting()
    {
        var w = await fixture.NewWorldAsync();
        await using var configured = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Applications:OfferDays", "3"));
        var admin = configured.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await TestWorld.TokenAsync(admin, w.AdminA, TestWorld.Password));
        var id = await ApplyAsync(await w.ClientAsync(w.ParentA), await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 18), w.InstitutionA);
        var offered = await ApiAssert.OkAsync(await admin.PostAsJsonAsync($"/api/v1/applications/{id}/offer", new { classId = w.ClassA }));
        Assert.Equal(Today.AddDays(3).ToString("yyyy-MM-dd"), offered.GetProperty("offerExpiresOn").GetString());
        // A deadline in the past or beyond the 31-day maximum is refused.
        var other = await ApplyAsync(await w.ClientAsync(w.ParentA), await NewChildAsync(w, w.ParentA, ageMonthsNextMonth: 19), w.InstitutionA);
        foreach (var bad in new[] { Today.AddDays(-1), Today.AddDays(ApplicationRules.MaxOfferDays + 1) })
        {
            var problem = await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/applications/{other}/offer", new { classId = w.ClassA, expiresOn = bad }),
                HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("expiresOn", out _));
        }
    }

    private async Task<Guid> ApplyAsync(HttpClient parent, Guid child, Guid institution)
    {
        var json = await ApiAssert.StatusAsync(await parent.PostAsJsonAsync("/api/v1/applications",
            new { childId = child, institutionIds = new[] { institution }, service = "FullDay", startMonth = NextMonth }), HttpStatusCode.Created);
        return json[0].GetProperty("id").GetGuid();
    }

    private Task<ApplicationStatus> StatusAsync(Guid id) => fixture.Factory.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private Task ExpireAsync(Guid id) => fixture.Factory.WithDbAsync(db => db.Applications.Where(a => a.Id == id)
        .ExecuteUpdateAsync(s => s.SetProperty(a => a.OfferExpiresOn, Today.AddDays(-1))));

    private async Task<int> MixedVacanciesAsync(TestWorld w)
    {
        var json = await ApiAssert.OkAsync(await fixture.Factory.CreateClient().GetAsync($"/api/v1/public/institutions/{w.InstitutionA}"));
        return json.GetProperty("classes").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "混合班").GetProperty("vacancies").GetInt32();
    }

    private Task<Guid> AddClassAsync(Guid institution, string name, ClassType type, int capacity) => fixture.Factory.WithDbAsync(async db =>
    {
        var c = new ChildcareClass { Id = Guid.NewGuid(), InstitutionId = institution, Name = name, Type = type, Capacity = capacity };
        db.Classes.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    });

    /// <summary>
    /// A child of <paramref name="parent"/>'s family, <paramref name="ageMonthsNextMonth"/> full months old on the first day of next
    /// month; both world institutions offer 全日托 and 半日托.
    /// </summary>
    private async Task<Guid> NewChildAsync(TestWorld w, string parent, int ageMonthsNextMonth)
    {
        var userId = await w.UserIdAsync(parent);
        var id = Guid.NewGuid();
        await fixture.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var protector = sp.GetRequiredService<SensitiveDataProtector>();
            await db.Institutions.Where(i => i.Id == w.InstitutionA || i.Id == w.InstitutionB)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Services, CareServices.FullDay | CareServices.HalfDay));
            var (number, birth) = TestIds.ResidentId("430102", YearMonth.Of(Today).AddMonths(1).FirstDay.AddMonths(-ageMonthsNextMonth));
            db.Children.Add(new Child
            {
                Id = id, Name = "申请儿童" + ageMonthsNextMonth, BirthDate = birth, Sex = Sex.Female, HukouLocal = true, BirthOrder = 1,
                IdNumberCipher = protector.Encrypt(number), IdNumberHash = protector.Hash(number), IdNumberMasked = AuditMasking.IdNumber(number),
            });
            db.Guardians.Add(new Guardian { Id = Guid.NewGuid(), ChildId = id, UserId = userId, Name = "张丽", Relation = "母亲", Phone = "13812345678" });
            await db.SaveChangesAsync();
        });
        return id;
    }
}

public sealed class SqliteApplicationTests(SqliteFixture fixture) : ApplicationTests(fixture);

public sealed class PostgresApplicationTests(PostgresFixture fixture) : ApplicationTests(fixture);
