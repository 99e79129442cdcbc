using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Identity.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.IntegrationTests.Subsidies;

/// <summary>
/// Issue #5 items 1–3 (ADR 0028): monthly 入托补助 batches over a closed month, their workflow and its guards. Each test
/// moves its institution A to a street of its own (under 芙蓉区), so a batch there sees only this test's data.
/// Amounts: 长政办发〔2025〕6号 二(二)6 (托小班 200 元 = 20,000 fen per child per month).
/// </summary>
public abstract class SubsidyTests(AppFixture fixture)
{
    private const string Batches = "/api/v1/subsidies/monthly-batches";
    private static readonly YearMonth Month = new(2026, 10);
    private static int _street = Random.Shared.Next(100, 600);

    /// <summary>Institution A alone in a new street, 普惠 and filed, month closed with child A 31 days in 托小班 (20 attended); a city regulator as second person.</summary>
    private async Task<(TestWorld W, string Street, string City)> PrepareAsync(bool close = true)
    {
        var w = await fixture.NewWorldAsync();
        var street = $"430102{Interlocked.Increment(ref _street) % 1000:D3}000";
        var city = "cty" + w.Suffix;
        await fixture.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Tuoyu.Web.Common.Data.AppDbContext>();
            var inst = await db.Institutions.SingleAsync(i => i.Id == w.InstitutionA);
            inst.RegionCode = street;
            inst.FiledOn = new DateOnly(2024, 1, 1);
            db.Designations.Add(new Designation
            {
                Id = Guid.NewGuid(), InstitutionId = w.InstitutionA, Kind = DesignationKind.Inclusive, Basis = "测试认定", GrantedOn = new DateOnly(2025, 1, 1),
                GrantedByUserId = Guid.NewGuid(), GrantedByUserName = "test", GrantedByRegionCode = "430102000000", RecordedAt = DateTime.UtcNow,
            });
            if (close) { AddClosedMonth(db, w); }
            var hasher = sp.GetRequiredService<IPasswordHasher<AppUser>>();
            var user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = city, NormalizedUserName = city.ToUpperInvariant(), DisplayName = city, Kind = UserKind.Regulator,
                RegionCode = "430100000000", SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
            };
            user.PasswordHash = hasher.HashPassword(user, TestWorld.Password);
            db.Users.Add(user);
            await db.SaveChangesAsync();
        });
        return (w, street, city);
    }

    private static void AddClosedMonth(Tuoyu.Web.Common.Data.AppDbContext db, TestWorld w)
    {
        db.MonthCloses.Add(new MonthClose { Id = Guid.NewGuid(), InstitutionId = w.InstitutionA, Month = Month, ClosedAt = DateTime.UtcNow, ClosedByUserId = Guid.NewGuid() });
        db.MonthlyAttendance.Add(new MonthlyAttendance
        {
            Id = Guid.NewGuid(), InstitutionId = w.InstitutionA, ChildId = w.ChildA, Month = Month, ClassType = ClassType.Toddler,
            Service = CareServices.FullDay, EnrolledDays = 31, AttendedDays = 20,
        });
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient c, string region, string? key = null, string? month = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Batches) { Content = JsonContent.Create(new { regionCode = region, month = month ?? Month.ToString() }) };
        if (key is not null) { request.Headers.Add("Idempotency-Key", key); }
        return c.SendAsync(request);
    }

    private static async Task<Guid> CreatedAsync(HttpClient c, string region) =>
        (await ApiAssert.StatusAsync(await CreateAsync(c, region), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static Task<HttpResponseMessage> StepAsync(HttpClient c, Guid id, string step, string? reason = null) =>
        c.PostAsJsonAsync($"{Batches}/{id}/{step}", new { reason });

    private Task<int> BatchCountAsync(string region) =>
        fixture.Factory.WithDbAsync(db => db.SubsidyBatches.CountAsync(b => b.RegionCode == region));

    [Fact]
    public async Task The_whole_workflow_computes_submits_approves_exports_and_marks_paid()
    {
        var (w, street, city) = await PrepareAsync();
        var county = await w.ClientAsync(w.RegulatorA);
        var approver = await w.ClientAsync(city);

        var created = await ApiAssert.StatusAsync(await CreateAsync(county, street), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(("Draft", 1, 20_000L), (created.GetProperty("status").GetString(), created.GetProperty("lineCount").GetInt32(), created.GetProperty("totalFen").GetInt64()));

        var lines = await ApiAssert.OkAsync(await county.GetAsync($"{Batches}/{id}/lines?page=1"));
        var line = Assert.Single(lines.GetProperty("items").EnumerateArray());
        Assert.Equal(w.ChildA, line.GetProperty("childId").GetGuid());
        Assert.Equal(("Toddler", 31, 20, 31, 31), (line.GetProperty("classType").GetString(), line.GetProperty("enrolledDays").GetInt32(),
            line.GetProperty("attendedDays").GetInt32(), line.GetProperty("inclusiveDays").GetInt32(), line.GetProperty("filedDays").GetInt32()));
        Assert.Equal(("长政办发〔2025〕6号", "二(二)6"), (line.GetProperty("sourceDocument").GetString(), line.GetProperty("sourceClause").GetString()));
        var search = await ApiAssert.OkAsync(await county.GetAsync($"{Batches}/{id}/lines?q=不存在的机构"));
        Assert.Equal(0, search.GetProperty("total").GetInt32());

        await ApiAssert.OkAsync(await StepAsync(county, id, "submit"));
        var approved = await ApiAssert.OkAsync(await StepAsync(approver, id, "approve"));
        Assert.Equal(("Approved", 1, 20_000L), (approved.GetProperty("status").GetString(), approved.GetProperty("approvedLineCount").GetInt32(), approved.GetProperty("approvedTotalFen").GetInt64()));
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.SubsidyPayments.CountAsync(p => p.BatchId == id)));

        var export = await StepAsync(county, id, "export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.True((await export.Content.ReadAsByteArrayAsync()).Length > 100);
        var paid = await ApiAssert.OkAsync(await StepAsync(county, id, "mark-paid"));
        Assert.Equal("Paid", paid.GetProperty("status").GetString());
        var got = await ApiAssert.OkAsync(await county.GetAsync($"{Batches}/{id}"));
        Assert.Equal(("Paid", 1, 20_000L), (got.GetProperty("status").GetString(), got.GetProperty("lineCount").GetInt32(), got.GetProperty("totalFen").GetInt64()));
    }

    [Fact]
    public async Task A_month_not_closed_by_an_institution_with_enrollments_is_refused_and_names_it()
    {
        var (w, street, _) = await PrepareAsync(close: false);
        var county = await w.ClientAsync(w.RegulatorA);
        var problem = await ApiAssert.ProblemAsync(await CreateAsync(county, street), HttpStatusCode.Conflict, "subsidy.month_not_closed");
        Assert.Equal(w.InstitutionA, Assert.Single(problem.GetProperty("openInstitutions").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(0, await BatchCountAsync(street));
    }

    [Fact]
    public async Task The_submitter_cannot_approve_their_own_batch()
    {
        var (w, street, _) = await PrepareAsync();
        var county = await w.ClientAsync(w.RegulatorA);
        var id = await CreatedAsync(county, street);
        await ApiAssert.OkAsync(await StepAsync(county, id, "submit"));
        await ApiAssert.ProblemAsync(await StepAsync(county, id, "approve"), HttpStatusCode.Conflict, "subsidy.same_person");
        Assert.Equal("Submitted", (await ApiAssert.OkAsync(await county.GetAsync($"{Batches}/{id}"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_regulator_cannot_compute_or_see_another_countys_batch()
    {
        var (w, street, _) = await PrepareAsync();
        var other = await w.ClientAsync(w.RegulatorB);
        await ApiAssert.ProblemAsync(await CreateAsync(other, street), HttpStatusCode.Forbidden);
        Assert.Equal(0, await BatchCountAsync(street));
        var id = await CreatedAsync(await w.ClientAsync(w.RegulatorA), street);
        await ApiAssert.ProblemAsync(await other.GetAsync($"{Batches}/{id}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await other.GetAsync($"{Batches}/{id}/lines"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await StepAsync(other, id, "submit"), HttpStatusCode.NotFound);
        var admin = await w.ClientAsync(w.AdminA);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"{Batches}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CreateAsync(admin, street)).StatusCode);
    }

    [Fact]
    public async Task Twenty_concurrent_identical_requests_create_one_batch()
    {
        var (w, street, _) = await PrepareAsync();
        var county = await w.ClientAsync(w.RegulatorA);
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => CreateAsync(county, street, key)));
        var codes = responses.Select(r => r.StatusCode).ToList();
        Assert.All(codes, c => Assert.Contains(c, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Equal(1, codes.Count(c => c == HttpStatusCode.Created));
        Assert.Equal(1, await BatchCountAsync(street));

        // A retry after the first finished returns the same batch; the key with another payload is 422.
        var first = (await ApiAssert.StatusAsync(responses.First(r => r.StatusCode == HttpStatusCode.Created), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var retry = await ApiAssert.OkAsync(await CreateAsync(county, street, key));
        Assert.Equal(first, retry.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await CreateAsync(county, street, key, "2026-09")).StatusCode);
        // Without a key, a second open batch for the region and month is refused by the unique key.
        await ApiAssert.ProblemAsync(await CreateAsync(county, street), HttpStatusCode.Conflict, "subsidy.batch_exists");
        Assert.Equal(1, await BatchCountAsync(street));
    }

    [Fact]
    public async Task Only_a_draft_is_recomputed_and_an_approved_batch_is_not()
    {
        var (w, street, city) = await PrepareAsync();
        var county = await w.ClientAsync(w.RegulatorA);
        var id = await CreatedAsync(county, street);
        // A correction approved after the batch was computed changes nothing until the draft is recomputed.
        await fixture.Factory.WithDbAsync(db => db.MonthlyAttendance.Where(m => m.ChildId == w.ChildA && m.Month == Month)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AttendedDays, 0)));
        Assert.Equal(1, (await ApiAssert.OkAsync(await county.GetAsync($"{Batches}/{id}"))).GetProperty("lineCount").GetInt32());
        var recomputed = await ApiAssert.OkAsync(await StepAsync(county, id, "recompute"));
        Assert.Equal((0, 0L), (recomputed.GetProperty("lineCount").GetInt32(), recomputed.GetProperty("totalFen").GetInt64()));

        await fixture.Factory.WithDbAsync(db => db.MonthlyAttendance.Where(m => m.ChildId == w.ChildA && m.Month == Month)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AttendedDays, 20)));
        await ApiAssert.OkAsync(await StepAsync(county, id, "recompute"));
        await ApiAssert.OkAsync(await StepAsync(county, id, "submit"));
        await ApiAssert.ProblemAsync(await StepAsync(county, id, "recompute"), HttpStatusCode.Conflict, "subsidy.invalid_status");
        await ApiAssert.OkAsync(await StepAsync(await w.ClientAsync(city), id, "approve"));
        await ApiAssert.ProblemAsync(await StepAsync(county, id, "recompute"), HttpStatusCode.Conflict, "subsidy.invalid_status");
        Assert.Equal(1, (await ApiAssert.OkAsync(await county.GetAsync($"{Batches}/{id}"))).GetProperty("lineCount").GetInt32());
    }

    [Fact]
    public async Task Export_refuses_lines_that_no_longer_match_the_signed_off_totals()
    {
        var (w, street, city) = await PrepareAsync();
        var county = await w.ClientAsync(w.RegulatorA);
        var id = await CreatedAsync(county, street);
        await ApiAssert.OkAsync(await StepAsync(county, id, "submit"));
        await ApiAssert.OkAsync(await StepAsync(await w.ClientAsync(city), id, "approve"));
        await fixture.Factory.WithDbAsync(db => db.SubsidyBatchLines.Where(l => l.BatchId == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.AmountFen, 99_999L)));
        await ApiAssert.ProblemAsync(await StepAsync(county, id, "export"), HttpStatusCode.Conflict, "subsidy.totals_mismatch");
        Assert.Equal("Approved", (await ApiAssert.OkAsync(await county.GetAsync($"{Batches}/{id}"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Two_batches_covering_the_same_child_month_are_never_both_approved()
    {
        var (w, street, city) = await PrepareAsync();
        var county = await w.ClientAsync(w.RegulatorA);
        var approver = await w.ClientAsync(city);
        // A second code under the same street (a community) covers the same institution with another open key.
        var first = await CreatedAsync(county, street);
        var second = await CreatedAsync(county, street[..9] + "001");
        foreach (var id in new[] { first, second }) { await ApiAssert.OkAsync(await StepAsync(county, id, "submit")); }
        await ApiAssert.OkAsync(await StepAsync(approver, first, "approve"));
        await ApiAssert.ProblemAsync(await StepAsync(approver, second, "approve"), HttpStatusCode.Conflict, "subsidy.already_paid");
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.SubsidyPayments.CountAsync(p => p.ChildId == w.ChildA && p.Month == Month)));
        Assert.Equal("Submitted", (await ApiAssert.OkAsync(await county.GetAsync($"{Batches}/{second}"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Returned_batches_go_back_to_draft_and_cancelled_ones_free_the_region_month()
    {
        var (w, street, city) = await PrepareAsync();
        var county = await w.ClientAsync(w.RegulatorA);
        var id = await CreatedAsync(county, street);
        await ApiAssert.OkAsync(await StepAsync(county, id, "submit"));
        await ApiAssert.StatusAsync(await StepAsync(await w.ClientAsync(city), id, "return"), HttpStatusCode.BadRequest);
        var returned = await ApiAssert.OkAsync(await StepAsync(await w.ClientAsync(city), id, "return", "请核对"));
        Assert.Equal(("Draft", "请核对"), (returned.GetProperty("status").GetString(), returned.GetProperty("reason").GetString()));
        await ApiAssert.OkAsync(await StepAsync(county, id, "cancel", "重新生成"));
        await ApiAssert.ProblemAsync(await StepAsync(county, id, "submit"), HttpStatusCode.Conflict, "subsidy.invalid_status");
        var again = await CreatedAsync(county, street);
        Assert.NotEqual(id, again);
    }

    [Fact]
    public async Task An_institution_sees_only_its_own_lines()
    {
        var (w, street, _) = await PrepareAsync();
        await CreatedAsync(await w.ClientAsync(w.RegulatorA), street);
        var mine = await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminA)).GetAsync("/api/v1/subsidies/owed"));
        var line = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal((w.ChildA, w.InstitutionA, "草稿"), (line.GetProperty("childId").GetGuid(), line.GetProperty("institutionId").GetGuid(), line.GetProperty("batchStatus").GetString()));
        var theirs = await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminB)).GetAsync("/api/v1/subsidies/owed"));
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), l => l.GetProperty("childId").GetGuid() == w.ChildA);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await w.ClientAsync(w.RegulatorA)).GetAsync("/api/v1/subsidies/owed")).StatusCode);
    }

    [Fact]
    public async Task Rules_apply_from_the_city_down_and_a_county_adds_a_top_up_without_touching_the_city_rule()
    {
        var (w, street, _) = await PrepareAsync();
        var county = await w.ClientAsync(w.RegulatorA);
        var rules = await ApiAssert.OkAsync(await county.GetAsync($"/api/v1/subsidies/rules?region={street}&on=2026-10-01"));
        var monthly = rules.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "changsha-2025-monthly");
        Assert.Equal(30_000, monthly.GetProperty("inForce").GetProperty("infantFen").GetInt64());
        var cityRuleId = monthly.GetProperty("id").GetGuid();
        var version = new
        {
            effectiveFrom = "2026-01-01", sourceDocument = "测试文件〔2026〕1号", sourceClause = "一", toddlerFen = 5_000L,
        };
        await ApiAssert.ProblemAsync(await county.PostAsJsonAsync($"/api/v1/subsidies/rules/{cityRuleId}/versions", version), HttpStatusCode.Forbidden);
        var code = "furong-top-up-" + w.Suffix.ToLowerInvariant();
        await ApiAssert.StatusAsync(await county.PostAsJsonAsync("/api/v1/subsidies/rules",
            new { code, name = "加发补助", jurisdictionRegionCode = street, kind = "MonthlyPerChild", version }), HttpStatusCode.Created);
        await ApiAssert.ProblemAsync(await county.PostAsJsonAsync("/api/v1/subsidies/rules",
            new { code = code + "-b", name = "加发补助", jurisdictionRegionCode = "430104000000", kind = "MonthlyPerChild", version }), HttpStatusCode.Forbidden);

        var id = await CreatedAsync(county, street);
        var batch = await ApiAssert.OkAsync(await county.GetAsync($"{Batches}/{id}"));
        Assert.Equal((2, 25_000L), (batch.GetProperty("lineCount").GetInt32(), batch.GetProperty("totalFen").GetInt64()));
    }

    [Fact]
    public async Task The_pages_show_batches_totals_rules_and_the_institutions_own_lines()
    {
        var (w, street, _) = await PrepareAsync();
        var county = await w.ClientAsync(w.RegulatorA);
        var id = await CreatedAsync(county, street);
        async Task<string> HtmlAsync(HttpClient c, string url)
        {
            var response = await c.GetAsync(url);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            return html;
        }

        var detail = await HtmlAsync(county, $"/subsidies/batches/{id}");
        Assert.Contains("data-testid=\"batch-totals\"", detail, StringComparison.Ordinal);
        Assert.Contains("200.00 元", detail, StringComparison.Ordinal);
        Assert.Contains("草稿", detail, StringComparison.Ordinal);
        Assert.Contains("入托补助批次", await HtmlAsync(county, "/subsidies/batches"), StringComparison.Ordinal);
        Assert.Contains("changsha-2025-monthly", await HtmlAsync(county, "/subsidies/rules"), StringComparison.Ordinal);
        Assert.Contains("本机构应得补助", await HtmlAsync(await w.ClientAsync(w.AdminA), "/subsidies/owed"), StringComparison.Ordinal);
        var other = await HtmlAsync(await w.ClientAsync(w.RegulatorB), $"/subsidies/batches/{id}");
        Assert.DoesNotContain("data-testid=\"batch-totals\"", other, StringComparison.Ordinal);
    }
}

public sealed class SqliteSubsidyTests(SqliteFixture fixture) : SubsidyTests(fixture);

public sealed class PostgresSubsidyTests(PostgresFixture fixture) : SubsidyTests(fixture);
