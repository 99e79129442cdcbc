using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.IntegrationTests.Registry;

/// <summary>
/// Issue #3 item 4: regulators of the right level grant and withdraw 普惠 / 公办 / 等级 / 示范 designations; each grant or
/// withdrawal moves the institution's current state with it; every refusal changes nothing.
/// </summary>
public abstract class DesignationTests(AppFixture fixture)
{
    private const string City = "430100000000";

    /// <summary>A world whose institutions start without designations: 民办, not 普惠, no grade.</summary>
    private async Task<TestWorld> WorldAsync(FilingStatus statusA = FilingStatus.Filed)
    {
        var w = await fixture.NewWorldAsync();
        await fixture.Factory.WithDbAsync(async db =>
        {
            foreach (var i in await db.Institutions.Where(x => x.Id == w.InstitutionA || x.Id == w.InstitutionB).ToListAsync())
            {
                i.IsInclusive = false;
                i.Ownership = Ownership.Private;
                i.Grade = null;
                i.Services = CareServices.FullDay | CareServices.HalfDay;
                if (i.Id == w.InstitutionA) { i.FilingStatus = statusA; }
            }

            return await db.SaveChangesAsync();
        });
        return w;
    }

    private Task MoveRegulatorAsync(string userName, string region) => fixture.Factory.WithDbAsync(async db =>
    {
        var u = await db.Users.SingleAsync(x => x.UserName == userName);
        u.RegionCode = region;
        return await db.SaveChangesAsync();
    });

    private static string Url(Guid institution) => $"/api/v1/institutions/{institution}/designations";

    private Task<int> VersionAsync(Guid institution) =>
        fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == institution).Select(i => i.Version).SingleAsync());

    private Task<string> SnapshotAsync(Guid institution) => fixture.Factory.WithDbAsync(async db =>
    {
        var i = await db.Institutions.AsNoTracking().SingleAsync(x => x.Id == institution);
        var rows = await db.Designations.AsNoTracking().Where(d => d.InstitutionId == institution).ToListAsync();
        return $"{i.IsInclusive}|{i.Ownership}|{i.Grade}|{i.Version}|{rows.Count}|{rows.Count(d => d.WithdrawnOn != null)}";
    });

    private async Task<JsonElement> RefusedUnchangedAsync(Guid institution, Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string? code = null)
    {
        var before = await SnapshotAsync(institution);
        var problem = await ApiAssert.ProblemAsync(await send(), status, code);
        Assert.Equal(before, await SnapshotAsync(institution));
        return problem;
    }

    private async Task<JsonElement> GrantAsync(HttpClient client, Guid institution, string kind, string? level = null, DateOnly? grantedOn = null)
    {
        var version = await VersionAsync(institution);
        return await ApiAssert.OkAsync(await client.PostAsJsonAsync(Url(institution),
            new { kind, level, basis = "长卫发〔2026〕1号", grantedOn = grantedOn ?? new DateOnly(2026, 3, 1), version }));
    }

    private static object Body(string kind, int version, string? level = null) =>
        new { kind, level, basis = "长卫发〔2026〕1号", grantedOn = new DateOnly(2026, 3, 1), version };

    private static JsonElement Row(JsonElement state, string kind, string? level = null) =>
        state.GetProperty("history").EnumerateArray().First(r => r.GetProperty("kind").GetString() == kind
            && (level is null || r.GetProperty("level").GetString() == level) && r.GetProperty("active").GetBoolean());

    [Fact]
    public async Task The_county_regulator_grants_and_withdraws_and_the_institution_follows()
    {
        var w = await WorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);

        var s = await GrantAsync(reg, w.InstitutionA, "Inclusive", grantedOn: new DateOnly(2026, 1, 10));
        Assert.True(s.GetProperty("isInclusive").GetBoolean());
        s = await GrantAsync(reg, w.InstitutionA, "Public", grantedOn: new DateOnly(2026, 2, 10));
        Assert.Equal("公办", s.GetProperty("ownership").GetString());
        s = await GrantAsync(reg, w.InstitutionA, "Grade", "二级", new DateOnly(2026, 3, 10));
        Assert.Equal("二级", s.GetProperty("grade").GetString());
        // A new grade replaces the one in force (ADR 0018): the old row is withdrawn by the same grant.
        s = await GrantAsync(reg, w.InstitutionA, "Grade", "一级", new DateOnly(2026, 4, 10));
        Assert.Equal("一级", s.GetProperty("grade").GetString());
        var history = s.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["Grade", "Grade", "Public", "Inclusive"], history.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal("二级", history[1].GetProperty("level").GetString());
        Assert.False(history[1].GetProperty("active").GetBoolean());
        Assert.Equal("2026-04-10", history[1].GetProperty("withdrawnOn").GetString());
        Assert.Contains("替代", history[1].GetProperty("withdrawReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(w.RegulatorA, history[0].GetProperty("grantedByUserName").GetString());
        Assert.Equal("430102000000", history[0].GetProperty("grantedByRegionCode").GetString());
        Assert.Equal("长卫发〔2026〕1号", history[0].GetProperty("basis").GetString());

        var version = await VersionAsync(w.InstitutionA);
        var inclusive = Row(s, "Inclusive").GetProperty("id").GetGuid();
        s = await ApiAssert.OkAsync(await reg.PostAsJsonAsync($"{Url(w.InstitutionA)}/{inclusive}/withdraw",
            new { reason = " 年度复核不合格 ", withdrawnOn = new DateOnly(2026, 5, 1), version }));
        Assert.False(s.GetProperty("isInclusive").GetBoolean());
        var withdrawn = s.GetProperty("history").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == inclusive);
        Assert.Equal("年度复核不合格", withdrawn.GetProperty("withdrawReason").GetString());
        Assert.Equal(w.RegulatorA, withdrawn.GetProperty("withdrawnByUserName").GetString());

        version = await VersionAsync(w.InstitutionA);
        var publicId = Row(s, "Public").GetProperty("id").GetGuid();
        s = await ApiAssert.OkAsync(await reg.PostAsJsonAsync($"{Url(w.InstitutionA)}/{publicId}/withdraw",
            new { reason = "转为民办", withdrawnOn = new DateOnly(2026, 5, 2), version }));
        Assert.Equal("民办", s.GetProperty("ownership").GetString());
        var gradeId = Row(s, "Grade").GetProperty("id").GetGuid();
        s = await ApiAssert.OkAsync(await reg.PostAsJsonAsync($"{Url(w.InstitutionA)}/{gradeId}/withdraw",
            new { reason = "停业整顿", withdrawnOn = new DateOnly(2026, 5, 3), version = await VersionAsync(w.InstitutionA) }));
        Assert.Equal(JsonValueKind.Null, s.GetProperty("grade").ValueKind);
        Assert.Equal(await VersionAsync(w.InstitutionA), s.GetProperty("version").GetInt32());

        // The institution's admin reads its own history; the page shows it.
        var admin = await w.ClientAsync(w.AdminA);
        Assert.Equal(4, (await ApiAssert.OkAsync(await admin.GetAsync(Url(w.InstitutionA)))).GetProperty("history").GetArrayLength());
        var page = await admin.GetAsync($"/institutions/{w.InstitutionA}");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{(int)page.StatusCode}: {html[..Math.Min(500, html.Length)]}");
        Assert.Contains("data-testid=\"designation-history\"", html, StringComparison.Ordinal);
        Assert.Contains("年度复核不合格", html, StringComparison.Ordinal);
        // The admin sees no grant form.
        Assert.DoesNotContain("data-testid=\"designation-grant\"", html, StringComparison.Ordinal);
        var regPage = WebUtility.HtmlDecode(await (await reg.GetAsync($"/institutions/{w.InstitutionA}")).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"designation-grant\"", regPage, StringComparison.Ordinal);

        var db = await fixture.Factory.WithDbAsync(d => d.Institutions.AsNoTracking().SingleAsync(i => i.Id == w.InstitutionA));
        Assert.Equal((false, Ownership.Private, (string?)null), (db.IsInclusive, db.Ownership, db.Grade));
    }

    [Fact]
    public async Task City_demonstration_needs_a_city_regulator_and_county_demonstration_the_county()
    {
        var w = await WorldAsync();
        var county = await w.ClientAsync(w.RegulatorA);
        var version = await VersionAsync(w.InstitutionA);
        await RefusedUnchangedAsync(w.InstitutionA, () => county.PostAsJsonAsync(Url(w.InstitutionA), Body("Demonstration", version, "市级")), HttpStatusCode.Forbidden);

        await MoveRegulatorAsync(w.RegulatorB, City);
        var city = await w.ClientAsync(w.RegulatorB);
        var s = await GrantAsync(city, w.InstitutionA, "Demonstration", "市级");
        await RefusedUnchangedAsync(w.InstitutionA, () => city.PostAsJsonAsync(Url(w.InstitutionA), Body("Demonstration", version + 1, "区县级")), HttpStatusCode.Forbidden);
        s = await GrantAsync(county, w.InstitutionA, "Demonstration", "区县级");
        Assert.Equal(2, s.GetProperty("history").EnumerateArray().Count(r => r.GetProperty("active").GetBoolean()));

        // The county cannot withdraw the city's title; the city can, and the city may grant 普惠 too (county level or above).
        var cityTitle = Row(s, "Demonstration", "市级").GetProperty("id").GetGuid();
        version = await VersionAsync(w.InstitutionA);
        await RefusedUnchangedAsync(w.InstitutionA, () => county.PostAsJsonAsync($"{Url(w.InstitutionA)}/{cityTitle}/withdraw",
            new { reason = "复评", withdrawnOn = new DateOnly(2026, 4, 1), version }), HttpStatusCode.Forbidden);
        await ApiAssert.OkAsync(await city.PostAsJsonAsync($"{Url(w.InstitutionA)}/{cityTitle}/withdraw",
            new { reason = "复评不合格", withdrawnOn = new DateOnly(2026, 4, 1), version }));
        Assert.True((await GrantAsync(city, w.InstitutionA, "Inclusive")).GetProperty("isInclusive").GetBoolean());
    }

    [Fact]
    public async Task Street_regulator_other_county_and_institution_users_cannot_grant_and_nothing_changes()
    {
        var w = await WorldAsync();
        var version = await VersionAsync(w.InstitutionA);
        var otherCounty = await w.ClientAsync(w.RegulatorB);
        var admin = await w.ClientAsync(w.AdminA);
        var adminB = await w.ClientAsync(w.AdminB);
        var parent = await w.ClientAsync(w.ParentA);
        foreach (var kind in new[] { "Inclusive", "Public", "Grade" })
        {
            var body = Body(kind, version, kind == "Grade" ? "一级" : null);
            await RefusedUnchangedAsync(w.InstitutionA, () => otherCounty.PostAsJsonAsync(Url(w.InstitutionA), body), HttpStatusCode.Forbidden);
            await RefusedUnchangedAsync(w.InstitutionA, () => admin.PostAsJsonAsync(Url(w.InstitutionA), body), HttpStatusCode.Forbidden);
            await RefusedUnchangedAsync(w.InstitutionA, () => parent.PostAsJsonAsync(Url(w.InstitutionA), body), HttpStatusCode.Forbidden);
        }

        // Other scopes cannot even read the history.
        await RefusedUnchangedAsync(w.InstitutionA, () => otherCounty.GetAsync(Url(w.InstitutionA)), HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.InstitutionA, () => adminB.GetAsync(Url(w.InstitutionA)), HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.InstitutionA, () => parent.GetAsync(Url(w.InstitutionA)), HttpStatusCode.Forbidden);

        // A street-level regulator covering A reads but grants and withdraws nothing (Zhuzhou 三(五)2).
        var granted = await GrantAsync(await w.ClientAsync(w.RegulatorA), w.InstitutionA, "Inclusive");
        await MoveRegulatorAsync(w.RegulatorA, TestWorld.FurongStreet);
        var street = await w.ClientAsync(w.RegulatorA);
        await ApiAssert.OkAsync(await street.GetAsync(Url(w.InstitutionA)));
        version = await VersionAsync(w.InstitutionA);
        await RefusedUnchangedAsync(w.InstitutionA, () => street.PostAsJsonAsync(Url(w.InstitutionA), Body("Public", version)), HttpStatusCode.Forbidden);
        var id = Row(granted, "Inclusive").GetProperty("id").GetGuid();
        await RefusedUnchangedAsync(w.InstitutionA, () => street.PostAsJsonAsync($"{Url(w.InstitutionA)}/{id}/withdraw",
            new { reason = "x", withdrawnOn = new DateOnly(2026, 4, 1), version }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Granting_inclusive_grade_or_demonstration_to_an_unfiled_institution_is_409_but_public_is_allowed()
    {
        var w = await WorldAsync(FilingStatus.Submitted);
        var reg = await w.ClientAsync(w.RegulatorA);
        var version = await VersionAsync(w.InstitutionA);
        await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync(Url(w.InstitutionA), Body("Inclusive", version)),
            HttpStatusCode.Conflict, "registry.designation_requires_filing");
        await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync(Url(w.InstitutionA), Body("Grade", version, "三级")),
            HttpStatusCode.Conflict, "registry.designation_requires_filing");
        await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync(Url(w.InstitutionA), Body("Demonstration", version, "区县级")),
            HttpStatusCode.Conflict, "registry.designation_requires_filing");
        Assert.Equal("公办", (await GrantAsync(reg, w.InstitutionA, "Public")).GetProperty("ownership").GetString());
    }

    [Fact]
    public async Task Granting_an_active_designation_again_is_409_and_withdrawing_twice_is_409()
    {
        var w = await WorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var s = await GrantAsync(reg, w.InstitutionA, "Inclusive");
        var version = await VersionAsync(w.InstitutionA);
        await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync(Url(w.InstitutionA), Body("Inclusive", version)),
            HttpStatusCode.Conflict, "registry.designation_active");
        var id = Row(s, "Inclusive").GetProperty("id").GetGuid();
        await ApiAssert.OkAsync(await reg.PostAsJsonAsync($"{Url(w.InstitutionA)}/{id}/withdraw", new { reason = "复核", withdrawnOn = new DateOnly(2026, 4, 1), version }));
        version = await VersionAsync(w.InstitutionA);
        await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync($"{Url(w.InstitutionA)}/{id}/withdraw",
            new { reason = "复核", withdrawnOn = new DateOnly(2026, 4, 2), version }), HttpStatusCode.Conflict, "registry.designation_not_active");
        // After the withdrawal it can be granted again.
        Assert.True((await GrantAsync(reg, w.InstitutionA, "Inclusive")).GetProperty("isInclusive").GetBoolean());
    }

    [Fact]
    public async Task Bad_input_is_400_on_the_field_and_changes_nothing()
    {
        var w = await WorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var version = await VersionAsync(w.InstitutionA);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var cases = new (object Body, string Field)[]
        {
            (new { kind = "Wizard", basis = "b", grantedOn = new DateOnly(2026, 3, 1), version }, "kind"),
            (new { kind = "2", basis = "b", grantedOn = new DateOnly(2026, 3, 1), version }, "kind"),
            (new { kind = "Inclusive", basis = " ", grantedOn = new DateOnly(2026, 3, 1), version }, "basis"),
            (new { kind = "Inclusive", basis = new string('依', 201), grantedOn = new DateOnly(2026, 3, 1), version }, "basis"),
            (new { kind = "Inclusive", basis = "b", version }, "grantedOn"),
            (new { kind = "Inclusive", basis = "b", grantedOn = new DateOnly(2026, 3, 1) }, "version"),
            (new { kind = "Grade", level = "五星", basis = "b", grantedOn = new DateOnly(2026, 3, 1), version }, "level"),
            (new { kind = "Demonstration", basis = "b", grantedOn = new DateOnly(2026, 3, 1), version }, "level"),
            (new { kind = "Inclusive", basis = "b", grantedOn = today.AddDays(2), version }, "grantedOn"),
            (new { kind = "Inclusive", basis = "b", grantedOn = new DateOnly(2026, 3, 1), validUntil = new DateOnly(2026, 2, 1), version }, "validUntil"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync(Url(w.InstitutionA), body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        var id = Row(await GrantAsync(reg, w.InstitutionA, "Inclusive"), "Inclusive").GetProperty("id").GetGuid();
        version = await VersionAsync(w.InstitutionA);
        var withdrawals = new (object Body, string Field)[]
        {
            (new { withdrawnOn = new DateOnly(2026, 4, 1), version }, "reason"),
            (new { reason = "  ", withdrawnOn = new DateOnly(2026, 4, 1), version }, "reason"),
            (new { reason = new string('理', 501), withdrawnOn = new DateOnly(2026, 4, 1), version }, "reason"),
            (new { reason = "x", version }, "withdrawnOn"),
            (new { reason = "x", withdrawnOn = new DateOnly(2026, 2, 1), version }, "withdrawnOn"),
            (new { reason = "x", withdrawnOn = new DateOnly(2026, 4, 1) }, "version"),
        };
        foreach (var (body, field) in withdrawals)
        {
            var problem = await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync($"{Url(w.InstitutionA)}/{id}/withdraw", body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync($"{Url(w.InstitutionA)}/{Guid.NewGuid()}/withdraw",
            new { reason = "x", withdrawnOn = new DateOnly(2026, 4, 1), version }), HttpStatusCode.NotFound);
        // A designation of B through A's URL is not found either.
        var regB = await w.ClientAsync(w.RegulatorB);
        var idB = Row(await GrantAsync(regB, w.InstitutionB, "Inclusive"), "Inclusive").GetProperty("id").GetGuid();
        await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync($"{Url(w.InstitutionA)}/{idB}/withdraw",
            new { reason = "x", withdrawnOn = new DateOnly(2026, 4, 1), version }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Granting_and_withdrawing_public_or_inclusive_status_reprices_the_stored_fees()
    {
        var w = await WorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        var reg = await w.ClientAsync(w.RegulatorA);
        Task<FeePricing> PricingAsync() => fixture.Factory.WithDbAsync(db => db.Fees.Where(f => f.InstitutionId == w.InstitutionA).Select(f => f.Pricing).SingleAsync());
        var fees = await ApiAssert.OkAsync(await admin.PutAsJsonAsync($"/api/v1/institutions/{w.InstitutionA}/fees", new
        {
            rows = new[] { new { classType = "Toddler", service = "FullDay", monthlyFeeFen = 300_000, effectiveFrom = new DateOnly(2026, 1, 1) } },
            version = await VersionAsync(w.InstitutionA),
        }));
        Assert.Equal("Market", fees.GetProperty("pricing").GetString());
        Assert.Equal(FeePricing.Market, await PricingAsync());

        await GrantAsync(reg, w.InstitutionA, "Inclusive");
        Assert.Equal(FeePricing.GovernmentGuided, await PricingAsync());
        var s = await GrantAsync(reg, w.InstitutionA, "Public");
        Assert.Equal(FeePricing.GovernmentPriced, await PricingAsync());
        var publicId = Row(s, "Public").GetProperty("id").GetGuid();
        await ApiAssert.OkAsync(await reg.PostAsJsonAsync($"{Url(w.InstitutionA)}/{publicId}/withdraw",
            new { reason = "转为民办", withdrawnOn = new DateOnly(2026, 4, 1), version = await VersionAsync(w.InstitutionA) }));
        Assert.Equal(FeePricing.GovernmentGuided, await PricingAsync());
        // The amount stays; as 普惠 without an applicable guideline it is flagged, not refused.
        fees = await ApiAssert.OkAsync(await admin.GetAsync($"/api/v1/institutions/{w.InstitutionA}/fees"));
        Assert.Equal(300_000, fees.GetProperty("rows")[0].GetProperty("monthlyFeeFen").GetInt64());
        Assert.NotEqual(0, fees.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task A_stale_version_is_409_concurrency_conflict()
    {
        var w = await WorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var version = await VersionAsync(w.InstitutionA);
        await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync(Url(w.InstitutionA), Body("Inclusive", version - 1)),
            HttpStatusCode.Conflict, "concurrency.conflict");
        var id = Row(await GrantAsync(reg, w.InstitutionA, "Inclusive"), "Inclusive").GetProperty("id").GetGuid();
        await RefusedUnchangedAsync(w.InstitutionA, () => reg.PostAsJsonAsync($"{Url(w.InstitutionA)}/{id}/withdraw",
            new { reason = "x", withdrawnOn = new DateOnly(2026, 4, 1), version }), HttpStatusCode.Conflict, "concurrency.conflict");
    }
}

public sealed class SqliteDesignationTests(SqliteFixture fixture) : DesignationTests(fixture);

public sealed class PostgresDesignationTests(PostgresFixture fixture) : DesignationTests(fixture);
