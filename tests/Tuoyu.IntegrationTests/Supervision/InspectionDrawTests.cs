using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Supervision;

/// <summary>
/// Issue #7 item 2 (ADR 0030): a regulator's 双随机 plan is drawn once, within its region, never with a recused inspector,
/// always with full teams, and the public record re-runs to the same result without personal data.
/// </summary>
public abstract partial class InspectionDrawTests(AppFixture fixture)
{
    /// <summary>Three inspectors: one living in 芙蓉区's test street (recused from institution A), two in 岳麓区's.</summary>
    private static async Task<List<Guid>> PoolAsync(HttpClient regulator, TestWorld w)
    {
        var ids = new List<Guid>();
        foreach (var (code, agency, street) in new[] { ("N", "Health", TestWorld.FurongStreet), ("F", "FireRescue", TestWorld.YueluStreet), ("M", "MarketRegulation", TestWorld.YueluStreet) })
        {
            var created = await ApiAssert.StatusAsync(await regulator.PostAsJsonAsync("/api/v1/inspectors",
                new { code = code + w.Suffix, name = "检查员" + code, agency, homeStreetCode = street }), HttpStatusCode.Created);
            ids.Add(created.GetProperty("id").GetGuid());
        }

        return ids;
    }

    private static object Plan(IReadOnlyList<Guid> pool, int teamSize = 2, string region = TestWorld.FurongStreet) => new
    {
        regionCode = region, name = "芙蓉区托育机构双随机抽查", defaultPercent = 100, teamSize, publicSeed = "芙卫公告〔2026〕1号 种子 7741",
        inspectorIds = pool, filingStatuses = new[] { "Filed" },
    };

    private static async Task<Guid> CreatePlanAsync(HttpClient regulator, object plan) =>
        (await ApiAssert.StatusAsync(await regulator.PostAsJsonAsync("/api/v1/inspection-plans", plan), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Fact]
    public async Task A_draw_never_assigns_a_recused_inspector_and_re_runs_from_its_public_record()
    {
        var w = await fixture.NewWorldAsync();
        var regulator = await w.ClientAsync(w.RegulatorA);
        var planId = await CreatePlanAsync(regulator, Plan(await PoolAsync(regulator, w)));

        var draw = await ApiAssert.StatusAsync(await regulator.PostAsync($"/api/v1/inspection-plans/{planId}/draw", null), HttpStatusCode.Created);
        var drawId = draw.GetProperty("drawId").GetGuid();
        var mine = draw.GetProperty("result").EnumerateArray().Single(a => a.GetProperty("institutionId").GetGuid() == w.InstitutionA);
        var codes = mine.GetProperty("inspectors").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(["F" + w.Suffix, "M" + w.Suffix], codes.Order(StringComparer.Ordinal));
        Assert.Contains(draw.GetProperty("inputs").GetProperty("recusals").EnumerateArray(),
            r => r.GetProperty("institutionId").GetGuid() == w.InstitutionA && r.GetProperty("inspectorCode").GetString() == "N" + w.Suffix
                && r.GetProperty("reason").GetString() == "same_street");

        var anonymous = fixture.Factory.CreateClient();
        var verification = await ApiAssert.OkAsync(await anonymous.GetAsync($"/api/v1/public/inspection-draws/{drawId}/verification"));
        Assert.True(verification.GetProperty("matches").GetBoolean());
        Assert.Equal(draw.GetProperty("seedHex").GetString(), verification.GetProperty("seedHex").GetString());
    }

    [Fact]
    public async Task A_draw_cannot_be_redone()
    {
        var w = await fixture.NewWorldAsync();
        var regulator = await w.ClientAsync(w.RegulatorA);
        var planId = await CreatePlanAsync(regulator, Plan(await PoolAsync(regulator, w)));
        await ApiAssert.StatusAsync(await regulator.PostAsync($"/api/v1/inspection-plans/{planId}/draw", null), HttpStatusCode.Created);

        await ApiAssert.ProblemAsync(await regulator.PostAsync($"/api/v1/inspection-plans/{planId}/draw", null), HttpStatusCode.Conflict, "supervision.already_drawn");
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.InspectionDraws.CountAsync(d => d.PlanId == planId)));
    }

    [Fact]
    public async Task A_district_regulator_cannot_plan_for_or_draw_another_districts_plan()
    {
        var w = await fixture.NewWorldAsync();
        var regulatorA = await w.ClientAsync(w.RegulatorA);
        var pool = await PoolAsync(regulatorA, w);
        var planId = await CreatePlanAsync(regulatorA, Plan(pool));
        var regulatorB = await w.ClientAsync(w.RegulatorB);

        await ApiAssert.ProblemAsync(await regulatorB.PostAsync($"/api/v1/inspection-plans/{planId}/draw", null), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await regulatorB.PostAsJsonAsync("/api/v1/inspection-plans", Plan([])), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminA)).PostAsync($"/api/v1/inspection-plans/{planId}/draw", null), HttpStatusCode.Forbidden);
        Assert.False(await fixture.Factory.WithDbAsync(db => db.InspectionDraws.AnyAsync(d => d.PlanId == planId)));
    }

    [Fact]
    public async Task A_pool_that_cannot_field_a_full_team_after_recusal_is_refused_naming_the_institution()
    {
        var w = await fixture.NewWorldAsync();
        var regulator = await w.ClientAsync(w.RegulatorA);
        var planId = await CreatePlanAsync(regulator, Plan(await PoolAsync(regulator, w), teamSize: 3));

        var problem = await ApiAssert.ProblemAsync(await regulator.PostAsync($"/api/v1/inspection-plans/{planId}/draw", null), HttpStatusCode.Conflict,
            "supervision.pool_too_small");
        Assert.Contains("测试托育", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await fixture.Factory.WithDbAsync(db => db.InspectionDraws.AnyAsync(d => d.PlanId == planId)));
    }

    /// <summary>《行政处罚法》（2021年修订）第四十二条: 执法人员不得少于两人 (PlanHandler.MinTeamSize).</summary>
    [Fact]
    public async Task A_team_of_one_is_refused()
    {
        var w = await fixture.NewWorldAsync();
        var regulator = await w.ClientAsync(w.RegulatorA);
        var problem = await ApiAssert.ProblemAsync(await regulator.PostAsJsonAsync("/api/v1/inspection-plans", Plan(await PoolAsync(regulator, w), teamSize: 1)),
            HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("teamSize", out _));
    }

    [Fact]
    public async Task The_public_record_holds_no_names_id_numbers_or_phones()
    {
        var w = await fixture.NewWorldAsync();
        var regulator = await w.ClientAsync(w.RegulatorA);
        var planId = await CreatePlanAsync(regulator, Plan(await PoolAsync(regulator, w)));
        var drawId = (await ApiAssert.StatusAsync(await regulator.PostAsync($"/api/v1/inspection-plans/{planId}/draw", null), HttpStatusCode.Created))
            .GetProperty("drawId").GetGuid();

        var anonymous = fixture.Factory.CreateClient();
        var response = await anonymous.GetAsync($"/api/v1/public/inspection-draws/{drawId}");
        var body = (await ApiAssert.OkAsync(response)).ToString();
        Assert.DoesNotContain("检查员", body, StringComparison.Ordinal);
        Assert.DoesNotContain(TestWorld.YueluStreet, body, StringComparison.Ordinal);
        Assert.False(IdNumber().IsMatch(body), "an 18-digit number in the public record");
        Assert.False(Phone().IsMatch(body), "a phone number in the public record");
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/draws/{drawId}?verify=true"));
        Assert.Contains("核对结果：一致", page, StringComparison.Ordinal);
        Assert.Contains("测试托育A" + w.Suffix, page, StringComparison.Ordinal);
        Assert.DoesNotContain("检查员", page, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<![0-9a-f])\d{17}[\dX](?![0-9a-f])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<![0-9a-f-])1[3-9]\d{9}(?![0-9a-f])")]
    private static partial Regex Phone();
}

public sealed class SqliteInspectionDrawTests(SqliteFixture fixture) : InspectionDrawTests(fixture);

public sealed class PostgresInspectionDrawTests(PostgresFixture fixture) : InspectionDrawTests(fixture);
