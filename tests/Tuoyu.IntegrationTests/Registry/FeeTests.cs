using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Fees;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.IntegrationTests.Registry;

/// <summary>
/// Issue #3 item 5: fee guidelines set by county-level (or higher) regulators for their own region, and institutions'
/// fees within them. All worlds share 芙蓉区, so every test works in a year of its own (far in the future) and its
/// guidelines never meet another test's.
/// </summary>
public abstract class FeeTests(AppFixture fixture)
{
    private const string Furong = "430102000000";
    private static int _year = 2300;

    private static int NewYear() => Interlocked.Increment(ref _year);

    /// <summary>Institutions offer 全日托 and 半日托 and have a 托小班 (TestWorld); A is 普惠 or not as asked.</summary>
    private async Task<TestWorld> WorldAsync(bool inclusiveA = true, Ownership ownershipA = Ownership.Private)
    {
        var w = await fixture.NewWorldAsync();
        await fixture.Factory.WithDbAsync(async db =>
        {
            foreach (var i in await db.Institutions.Where(x => x.Id == w.InstitutionA || x.Id == w.InstitutionB).ToListAsync())
            {
                i.Services = CareServices.FullDay | CareServices.HalfDay;
                if (i.Id == w.InstitutionA) { (i.IsInclusive, i.Ownership) = (inclusiveA, ownershipA); }
            }

            return await db.SaveChangesAsync();
        });
        return w;
    }

    private static string Fees(Guid institution) => $"/api/v1/institutions/{institution}/fees";

    private Task<int> VersionAsync(Guid institution) =>
        fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == institution).Select(i => i.Version).SingleAsync());

    private Task<string> SnapshotAsync(Guid institution) => fixture.Factory.WithDbAsync(async db =>
    {
        var version = await db.Institutions.Where(i => i.Id == institution).Select(i => i.Version).SingleAsync();
        var fees = await db.Fees.AsNoTracking().Where(f => f.InstitutionId == institution).OrderBy(f => f.ClassType).ThenBy(f => f.Service).ToListAsync();
        return $"{version}|" + string.Join(";", fees.Select(f => $"{f.ClassType}/{f.Service}/{f.MonthlyFeeFen}/{f.EffectiveFrom}/{f.Pricing}/{f.Version}"));
    });

    private Task<int> GuidelineCountAsync() => fixture.Factory.WithDbAsync(db => db.FeeGuidelines.CountAsync());

    private async Task<JsonElement> RefusedUnchangedAsync(Guid institution, Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string? code = null)
    {
        var before = await SnapshotAsync(institution);
        var guidelines = await GuidelineCountAsync();
        var problem = await ApiAssert.ProblemAsync(await send(), status, code);
        Assert.Equal(before, await SnapshotAsync(institution));
        Assert.Equal(guidelines, await GuidelineCountAsync());
        return problem;
    }

    private static object Guideline(int year, long min, long max, string? classType = null, string service = "FullDay", string? regionCode = null,
        DateOnly? to = null) =>
        new { regionCode, service, classType, minMonthlyFen = min, maxMonthlyFen = max, effectiveFrom = new DateOnly(year, 1, 1), effectiveTo = to ?? new DateOnly(year, 12, 31), basis = "芙发改价〔2026〕1号" };

    private static async Task<JsonElement> CreateGuidelineAsync(HttpClient reg, object body) =>
        await ApiAssert.StatusAsync(await reg.PostAsJsonAsync("/api/v1/fee-guidelines", body), HttpStatusCode.Created);

    private async Task<HttpResponseMessage> PutFeesAsync(HttpClient client, Guid institution, int year, params (string Type, string Service, long Fen)[] rows) =>
        await client.PutAsJsonAsync(Fees(institution), new
        {
            rows = rows.Select(r => new { classType = r.Type, service = r.Service, monthlyFeeFen = r.Fen, effectiveFrom = new DateOnly(year, 3, 1) }),
            version = await VersionAsync(institution),
        });

    [Fact]
    public async Task A_fee_inside_the_guideline_is_saved_as_government_guided_and_is_public()
    {
        var w = await WorldAsync();
        var year = NewYear();
        var reg = await w.ClientAsync(w.RegulatorA);
        var g = await CreateGuidelineAsync(reg, Guideline(year, 100_000, 200_000));
        Assert.Equal(Furong, g.GetProperty("regionCode").GetString());
        Assert.Equal("所有班级", g.GetProperty("classTypeName").GetString());

        var admin = await w.ClientAsync(w.AdminA);
        var s = await ApiAssert.OkAsync(await PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "FullDay", 150_000), ("Toddler", "HalfDay", 80_000)));
        Assert.Equal("GovernmentGuided", s.GetProperty("pricing").GetString());
        Assert.Equal("政府指导价", s.GetProperty("pricingName").GetString());
        var rows = s.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(150_000, rows[0].GetProperty("monthlyFeeFen").GetInt64());
        Assert.Equal(200_000, rows[0].GetProperty("guideline").GetProperty("maxMonthlyFen").GetInt64());
        Assert.True(rows[0].GetProperty("withinGuideline").GetBoolean());
        // No half-day guideline exists: allowed, flagged (ADR 0018).
        Assert.True(rows[1].GetProperty("guidelineMissing").GetBoolean());
        Assert.Contains(s.GetProperty("warnings").EnumerateArray(), x => x.GetString()!.Contains("半日托", StringComparison.Ordinal));
        Assert.Equal(await VersionAsync(w.InstitutionA), s.GetProperty("version").GetInt32());

        // A regulator over A reads the same; replacing the set drops the half-day row and changes the other.
        s = await ApiAssert.OkAsync(await PutFeesAsync(reg, w.InstitutionA, year, ("Toddler", "FullDay", 199_999)));
        Assert.Equal(199_999, s.GetProperty("rows").EnumerateArray().Single().GetProperty("monthlyFeeFen").GetInt64());
        var read = await ApiAssert.OkAsync(await admin.GetAsync(Fees(w.InstitutionA)));
        Assert.Equal(1, read.GetProperty("rows").GetArrayLength());

        IReadOnlyList<PublicFeeDto> pub = [];
        await fixture.Factory.WithScopeAsync(async sp => pub = await sp.GetRequiredService<PublicFeeQuery>().ForInstitutionAsync(w.InstitutionA, CancellationToken.None));
        Assert.Equal(("托小班", "全日托", 199_999L, "政府指导价"), (pub.Single().ClassTypeName, pub.Single().ServiceName, pub.Single().MonthlyFeeFen, pub.Single().PricingName));

        var page = await admin.GetAsync($"/institutions/{w.InstitutionA}");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{(int)page.StatusCode}: {html[..Math.Min(500, html.Length)]}");
        Assert.Contains("data-testid=\"fees\"", html, StringComparison.Ordinal);
        Assert.Contains("1,999.99", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fee_outside_the_guideline_is_409_naming_the_row_and_range_and_nothing_is_saved()
    {
        var w = await WorldAsync();
        var year = NewYear();
        var reg = await w.ClientAsync(w.RegulatorA);
        await CreateGuidelineAsync(reg, Guideline(year, 100_000, 200_000));
        var admin = await w.ClientAsync(w.AdminA);
        await ApiAssert.OkAsync(await PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "FullDay", 150_000)));

        var problem = await RefusedUnchangedAsync(w.InstitutionA, () => PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "HalfDay", 50_000), ("Toddler", "FullDay", 200_001)),
            HttpStatusCode.Conflict, "registry.fee_outside_guideline");
        var detail = problem.GetProperty("detail").GetString() ?? problem.GetProperty("title").GetString()!;
        Assert.Contains("第2项", detail, StringComparison.Ordinal);
        Assert.Contains("托小班·全日托", detail, StringComparison.Ordinal);
        Assert.Contains("1,000.00–2,000.00", detail, StringComparison.Ordinal);
        await RefusedUnchangedAsync(w.InstitutionA, () => PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "FullDay", 99_999)),
            HttpStatusCode.Conflict, "registry.fee_outside_guideline");
        // Both ends are inside.
        await ApiAssert.OkAsync(await PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "FullDay", 100_000)));
        await ApiAssert.OkAsync(await PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "FullDay", 200_000)));
    }

    [Fact]
    public async Task A_class_type_guideline_beats_the_all_types_one_and_a_market_institution_is_not_checked()
    {
        var w = await WorldAsync();
        var year = NewYear();
        var reg = await w.ClientAsync(w.RegulatorA);
        await CreateGuidelineAsync(reg, Guideline(year, 100_000, 200_000));
        await CreateGuidelineAsync(reg, Guideline(year, 250_000, 300_000, classType: "Toddler"));
        var admin = await w.ClientAsync(w.AdminA);
        await RefusedUnchangedAsync(w.InstitutionA, () => PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "FullDay", 150_000)),
            HttpStatusCode.Conflict, "registry.fee_outside_guideline");
        await ApiAssert.OkAsync(await PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "FullDay", 280_000)));

        var market = await WorldAsync(inclusiveA: false);
        var s = await ApiAssert.OkAsync(await PutFeesAsync(await market.ClientAsync(market.AdminA), market.InstitutionA, year, ("Toddler", "FullDay", 900_000)));
        Assert.Equal("Market", s.GetProperty("pricing").GetString());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("rows")[0].GetProperty("withinGuideline").ValueKind);
        var pub = await WorldAsync(inclusiveA: false, ownershipA: Ownership.Public);
        s = await ApiAssert.OkAsync(await PutFeesAsync(await pub.ClientAsync(pub.AdminA), pub.InstitutionA, year, ("Toddler", "FullDay", 120_000)));
        Assert.Equal("GovernmentPriced", s.GetProperty("pricing").GetString());
    }

    [Fact]
    public async Task Bad_fee_rows_are_400_on_the_row_field_and_change_nothing()
    {
        var w = await WorldAsync();
        var year = NewYear();
        var admin = await w.ClientAsync(w.AdminA);
        await ApiAssert.OkAsync(await PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "FullDay", 150_000)));
        var cases = new (Func<Task<HttpResponseMessage>> Send, string Field)[]
        {
            (() => PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "Hourly", 1000)), "rows[0].service"),
            (() => PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "FullDay, HalfDay", 1000)), "rows[0].service"),
            (() => PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "3", 1000)), "rows[0].service"),
            (() => PutFeesAsync(admin, w.InstitutionA, year, ("Infant", "FullDay", 1000)), "rows[0].classType"),
            (() => PutFeesAsync(admin, w.InstitutionA, year, ("Baby", "FullDay", 1000)), "rows[0].classType"),
            (() => PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "FullDay", -1)), "rows[0].monthlyFeeFen"),
            (() => PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "FullDay", 10_000_001)), "rows[0].monthlyFeeFen"),
            (() => PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "FullDay", 1000), ("Toddler", "FullDay", 2000)), "rows[1]"),
            (() => admin.PutAsJsonAsync(Fees(w.InstitutionA), new { rows = new[] { new { classType = "Toddler", service = "FullDay", monthlyFeeFen = 1000 } }, version = 1 }), "rows[0].effectiveFrom"),
            (() => admin.PutAsJsonAsync(Fees(w.InstitutionA), new { rows = Array.Empty<object>() }), "version"),
            (() => admin.PutAsJsonAsync(Fees(w.InstitutionA), new { version = 1 }), "rows"),
        };
        foreach (var (send, field) in cases)
        {
            var problem = await RefusedUnchangedAsync(w.InstitutionA, send, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }
    }

    [Fact]
    public async Task A_stale_version_is_409_and_an_empty_set_clears_the_fees()
    {
        var w = await WorldAsync();
        var year = NewYear();
        var admin = await w.ClientAsync(w.AdminA);
        await ApiAssert.OkAsync(await PutFeesAsync(admin, w.InstitutionA, year, ("Toddler", "FullDay", 150_000)));
        var version = await VersionAsync(w.InstitutionA);
        await RefusedUnchangedAsync(w.InstitutionA, () => admin.PutAsJsonAsync(Fees(w.InstitutionA),
            new { rows = new[] { new { classType = "Toddler", service = "FullDay", monthlyFeeFen = 160_000, effectiveFrom = new DateOnly(year, 3, 1) } }, version = version - 1 }),
            HttpStatusCode.Conflict, "concurrency.conflict");
        var s = await ApiAssert.OkAsync(await admin.PutAsJsonAsync(Fees(w.InstitutionA), new { rows = Array.Empty<object>(), version }));
        Assert.Equal(0, s.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task Another_institution_or_region_cannot_read_or_set_the_fees()
    {
        var w = await WorldAsync();
        var year = NewYear();
        await ApiAssert.OkAsync(await PutFeesAsync(await w.ClientAsync(w.AdminA), w.InstitutionA, year, ("Toddler", "FullDay", 150_000)));
        var adminB = await w.ClientAsync(w.AdminB);
        var regB = await w.ClientAsync(w.RegulatorB);
        var parent = await w.ClientAsync(w.ParentA);
        var medical = await w.ClientAsync(w.MedicalUser);
        foreach (var client in new[] { adminB, regB, parent })
        {
            await RefusedUnchangedAsync(w.InstitutionA, () => client.GetAsync(Fees(w.InstitutionA)), HttpStatusCode.Forbidden);
        }

        foreach (var client in new[] { adminB, regB, parent, medical })
        {
            await RefusedUnchangedAsync(w.InstitutionA, () => PutFeesAsync(client, w.InstitutionA, year, ("Toddler", "FullDay", 1)), HttpStatusCode.Forbidden);
        }

        // The medical institution signed with A reads its fees but does not set them.
        await ApiAssert.OkAsync(await medical.GetAsync(Fees(w.InstitutionA)));
    }

    [Fact]
    public async Task Overlapping_guidelines_are_409_and_ending_one_makes_room_for_the_next()
    {
        var w = await WorldAsync();
        var year = NewYear();
        var reg = await w.ClientAsync(w.RegulatorA);
        var first = await CreateGuidelineAsync(reg, new { service = "FullDay", minMonthlyFen = 100_000, maxMonthlyFen = 200_000, effectiveFrom = new DateOnly(year, 1, 1), basis = "一号文" });
        var problem = await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync("/api/v1/fee-guidelines", Guideline(year, 120_000, 220_000)),
            HttpStatusCode.Conflict, "registry.fee_guideline_overlap");
        // Another class type, another service or another region does not compete.
        await CreateGuidelineAsync(reg, Guideline(year, 120_000, 220_000, classType: "Infant"));
        await CreateGuidelineAsync(reg, Guideline(year, 60_000, 90_000, service: "HalfDay"));

        // End the first on 30 June; a new range from 1 July fits, one from 30 June does not.
        var id = first.GetProperty("id").GetGuid();
        var ended = await ApiAssert.OkAsync(await reg.PutAsJsonAsync($"/api/v1/fee-guidelines/{id}", new
        {
            minMonthlyFen = 100_000, maxMonthlyFen = 200_000, effectiveFrom = new DateOnly(year, 1, 1), effectiveTo = new DateOnly(year, 6, 30),
            basis = "一号文", version = first.GetProperty("version").GetInt32(),
        }));
        Assert.Equal($"{year}-06-30", ended.GetProperty("effectiveTo").GetString());
        await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync("/api/v1/fee-guidelines", new
        {
            service = "FullDay", minMonthlyFen = 1, maxMonthlyFen = 2, effectiveFrom = new DateOnly(year, 6, 30), basis = "二号文",
        }), HttpStatusCode.Conflict, "registry.fee_guideline_overlap");
        await CreateGuidelineAsync(reg, new { service = "FullDay", minMonthlyFen = 110_000, maxMonthlyFen = 210_000, effectiveFrom = new DateOnly(year, 7, 1), effectiveTo = new DateOnly(year, 12, 31), basis = "二号文" });
        // A stale version is 409.
        await RefusedUnchangedAsync(w.InstitutionA, () => reg.PutAsJsonAsync($"/api/v1/fee-guidelines/{id}", new
        {
            minMonthlyFen = 1, maxMonthlyFen = 2, effectiveFrom = new DateOnly(year, 1, 1), effectiveTo = new DateOnly(year, 6, 30), basis = "x",
            version = first.GetProperty("version").GetInt32(),
        }), HttpStatusCode.Conflict, "concurrency.conflict");

        var list = await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminA)).GetAsync($"/api/v1/fee-guidelines?region={TestWorld.FurongStreet}"));
        Assert.Contains(list.EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);
        // Yuelu's list does not show Furong's ranges; a bad region is 400; a parent (no institution read) is 403.
        var yuelu = await ApiAssert.OkAsync(await reg.GetAsync($"/api/v1/fee-guidelines?region={TestWorld.YueluStreet}"));
        Assert.DoesNotContain(yuelu.EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);
        await ApiAssert.ProblemAsync(await reg.GetAsync("/api/v1/fee-guidelines?region=4301"), HttpStatusCode.BadRequest);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.ParentA)).GetAsync("/api/v1/fee-guidelines"), HttpStatusCode.Forbidden);
        Assert.NotNull(problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Only_a_county_or_higher_regulator_sets_guidelines_and_only_for_its_own_region()
    {
        var w = await WorldAsync();
        var year = NewYear();
        var reg = await w.ClientAsync(w.RegulatorA);
        var admin = await w.ClientAsync(w.AdminA);
        await RefusedUnchangedAsync(w.InstitutionA, () => admin.PostAsJsonAsync("/api/v1/fee-guidelines", Guideline(year, 1, 2)), HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync("/api/v1/fee-guidelines", Guideline(year, 1, 2, regionCode: "430100000000")), HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync("/api/v1/fee-guidelines", Guideline(year, 1, 2, regionCode: "430104000000")), HttpStatusCode.Forbidden);
        var g = await CreateGuidelineAsync(reg, Guideline(year, 1, 2, regionCode: Furong));
        var regB = await w.ClientAsync(w.RegulatorB);
        var update = new { minMonthlyFen = 1, maxMonthlyFen = 3, effectiveFrom = new DateOnly(year, 1, 1), basis = "x", version = g.GetProperty("version").GetInt32() };
        await RefusedUnchangedAsync(w.InstitutionA, () => regB.PutAsJsonAsync($"/api/v1/fee-guidelines/{g.GetProperty("id").GetGuid()}", update), HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.InstitutionA, () => reg.PutAsJsonAsync($"/api/v1/fee-guidelines/{Guid.NewGuid()}", update), HttpStatusCode.NotFound);

        await fixture.Factory.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.UserName == w.RegulatorA);
            u.RegionCode = TestWorld.FurongStreet;
            return await db.SaveChangesAsync();
        });
        var street = await w.ClientAsync(w.RegulatorA);
        await RefusedUnchangedAsync(w.InstitutionA, () => street.PostAsJsonAsync("/api/v1/fee-guidelines", Guideline(year + 5000, 1, 2)), HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.InstitutionA, () => street.PutAsJsonAsync($"/api/v1/fee-guidelines/{g.GetProperty("id").GetGuid()}", update), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_guidelines_are_400_on_the_field()
    {
        var w = await WorldAsync();
        var year = NewYear();
        var reg = await w.ClientAsync(w.RegulatorA);
        var from = new DateOnly(year, 1, 1);
        var cases = new (object Body, string Field)[]
        {
            (new { service = "FullDay", minMonthlyFen = 3, maxMonthlyFen = 2, effectiveFrom = from, basis = "b" }, "maxMonthlyFen"),
            (new { service = "FullDay", minMonthlyFen = -1, maxMonthlyFen = 2, effectiveFrom = from, basis = "b" }, "minMonthlyFen"),
            (new { service = "FullDay", minMonthlyFen = 1, maxMonthlyFen = 10_000_001, effectiveFrom = from, basis = "b" }, "maxMonthlyFen"),
            (new { service = "Nursery", minMonthlyFen = 1, maxMonthlyFen = 2, effectiveFrom = from, basis = "b" }, "service"),
            (new { service = "FullDay", classType = "Baby", minMonthlyFen = 1, maxMonthlyFen = 2, effectiveFrom = from, basis = "b" }, "classType"),
            (new { service = "FullDay", minMonthlyFen = 1, maxMonthlyFen = 2, basis = "b" }, "effectiveFrom"),
            (new { service = "FullDay", minMonthlyFen = 1, maxMonthlyFen = 2, effectiveFrom = from, effectiveTo = from.AddDays(-1), basis = "b" }, "effectiveTo"),
            (new { service = "FullDay", minMonthlyFen = 1, maxMonthlyFen = 2, effectiveFrom = from }, "basis"),
            (new { regionCode = "4301", service = "FullDay", minMonthlyFen = 1, maxMonthlyFen = 2, effectiveFrom = from, basis = "b" }, "regionCode"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync("/api/v1/fee-guidelines", body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }
    }

    [Fact]
    public async Task The_fee_guideline_page_lists_ranges_in_yuan_for_a_regulator()
    {
        var w = await WorldAsync();
        var year = NewYear();
        var reg = await w.ClientAsync(w.RegulatorA);
        await CreateGuidelineAsync(reg, Guideline(year, 123_456, 234_500));
        var page = await reg.GetAsync("/fee-guidelines");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{(int)page.StatusCode}: {html[..Math.Min(500, html.Length)]}");
        Assert.Contains("1,234.56", html, StringComparison.Ordinal);
        Assert.Contains("2,345.00", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"guideline-create\"", html, StringComparison.Ordinal);
        var adminPage = await (await w.ClientAsync(w.AdminA)).GetAsync("/fee-guidelines");
        Assert.NotEqual(HttpStatusCode.OK, adminPage.StatusCode);
    }
}

public sealed class SqliteFeeTests(SqliteFixture fixture) : FeeTests(fixture);

public sealed class PostgresFeeTests(PostgresFixture fixture) : FeeTests(fixture);
