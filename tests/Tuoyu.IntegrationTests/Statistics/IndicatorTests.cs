using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Statistics;

/// <summary>Issue #6: live indicator values over hand-counted data, as of a date, against targets, and their scope (ADR 0029).</summary>
public abstract class IndicatorTests(AppFixture fixture)
{
    private async Task<IndicatorWorld> WorldAsync()
    {
        await fixture.NewWorldAsync(); // skips or fails first when the provider cannot run here
        return await IndicatorWorld.CreateAsync(fixture.Factory);
    }

    private static async Task<HttpClient> ClientAsync(AppFixture f, string user)
    {
        var client = f.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TestWorld.TokenAsync(client, user, TestWorld.Password));
        return client;
    }

    private static Dictionary<string, JsonElement> ByCode(JsonElement table) =>
        table.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!, i => i);

    private static decimal? Dec(JsonElement row, string name) =>
        row.GetProperty(name).ValueKind == JsonValueKind.Null ? null : row.GetProperty(name).GetDecimal();

    private static async Task PutStatisticsAsync(HttpClient client, string region, int year, long? population, long? under3, long? incomeFen = null) =>
        await ApiAssert.OkAsync(await client.PutAsJsonAsync($"/api/v1/statistics/{region}/{year}",
            new { residentPopulation = population, childrenUnder3 = under3, births = (long?)null, disposableIncomeFen = incomeFen, source = "测试统计", sourceDate = "2025-03-01" }));

    [Fact]
    public async Task Values_over_a_county_match_the_hand_counted_numerators_and_denominators()
    {
        var w = await WorldAsync();
        var reg = await ClientAsync(fixture, w.CountyRegulator);
        await PutStatisticsAsync(reg, w.County, w.Today.Year, 200_000, 4_000, 6_000_000);

        var table = await ApiAssert.OkAsync(await reg.GetAsync($"/api/v1/indicators/values?region={w.County}&year={w.Today.Year}"));
        var rows = ByCode(table);
        // Open today: I1 40 + I2 20 + I3 30 slots; I4 opens in 2099.
        Assert.Equal(90m, Dec(rows["slots_per_1000_residents"], "numerator"));
        Assert.Equal(200_000m, Dec(rows["slots_per_1000_residents"], "denominator"));
        Assert.Equal(0.45m, Dec(rows["slots_per_1000_residents"], "value")); // 90 ÷ 200,000 × 1000
        Assert.Equal(22.5m, Dec(rows["slots_per_1000_under3"], "value")); // 90 ÷ 4,000 × 1000
        // 公办 excludes the 幼儿园托班 I2 (Xinchang 一、主要目标): 40 of 90.
        Assert.Equal(40m, Dec(rows["public_slot_share"], "numerator"));
        Assert.Equal(44.4m, Dec(rows["public_slot_share"], "value"));
        // 普惠 today: I2 by its flag; I3's designation ended on 2025-12-31.
        Assert.Equal(20m, Dec(rows["inclusive_slot_share"], "numerator"));
        // 乳儿班 10 + 托小班 15 (I1) + 托小班 15 (I3).
        Assert.Equal(40m, Dec(rows["under2_slot_share"], "numerator"));
        // Three enrollments cover today; one ended 2025-06-30, one starts in 2099.
        Assert.Equal(3m, Dec(rows["enrollment_rate"], "numerator"));
        Assert.Equal(0.08m, Dec(rows["enrollment_rate"], "value")); // 3 ÷ 4,000 × 100 = 0.075, half away from zero
        Assert.Equal(3.3m, Dec(rows["slot_usage_rate"], "value")); // 3 ÷ 90
        // Carers: 保育师 with a valid certificate, 保育师 without, 育婴员 whose certificate expired; the cook is no carer.
        Assert.Equal(1m, Dec(rows["carer_certification_rate"], "numerator"));
        Assert.Equal(3m, Dec(rows["carer_certification_rate"], "denominator"));
        Assert.Equal(2m, Dec(rows["filing_rate"], "numerator"));
        Assert.Equal(3m, Dec(rows["filing_rate"], "denominator"));
        Assert.Equal(66.7m, Dec(rows["filing_rate"], "value"));
        Assert.Equal(1m, Dec(rows["grade_coverage"], "numerator"));
        Assert.Equal(1m, Dec(rows["video_coverage"], "numerator"));
        Assert.Equal(1m, Dec(rows["medical_agreement_rate"], "numerator")); // I3's agreement was revoked
        // 全日托 fees (170,000 + 150,000) ÷ 2 = 160,000 fen a month; × 12 ÷ 6,000,000 fen a year = 32.0 %.
        Assert.Equal(160_000m, Dec(rows["fee_income_ratio"], "numerator"));
        Assert.Equal(32.0m, Dec(rows["fee_income_ratio"], "value"));
        Assert.Equal(0m, Dec(rows["demonstration_institutions"], "value")); // the title starts in 30 days
    }

    [Fact]
    public async Task Values_stand_as_of_the_date_asked_for()
    {
        var w = await WorldAsync();
        var reg = await ClientAsync(fixture, w.CountyRegulator);
        var mid2025 = ByCode(await ApiAssert.OkAsync(await reg.GetAsync($"/api/v1/indicators/values?region={w.County}&year=2025&date=2025-06-01")));
        Assert.Equal(4m, Dec(mid2025["enrollment_rate"], "numerator")); // the enrollment that ended 2025-06-30 still counts
        Assert.Equal(50m, Dec(mid2025["inclusive_slot_share"], "numerator")); // I2 20 + I3 30 while its 普惠 designation ran
        var early2024 = ByCode(await ApiAssert.OkAsync(await reg.GetAsync($"/api/v1/indicators/values?region={w.County}&year=2024&date=2024-03-01")));
        Assert.Equal(1m, Dec(early2024["filing_rate"], "numerator")); // I1 was filed on 2024-06-01; I3 has no date, so counts
        Assert.Equal(0m, Dec(early2024["enrollment_rate"], "numerator"));
        var later = ByCode(await ApiAssert.OkAsync(await reg.GetAsync($"/api/v1/indicators/values?region={w.County}&year={w.Today.Year}&date={w.Today.AddDays(30):yyyy-MM-dd}")));
        Assert.Equal(1m, Dec(later["demonstration_institutions"], "value")); // the title in force from then on
    }

    [Fact]
    public async Task A_missing_denominator_gives_no_value_never_an_invented_one()
    {
        var w = await WorldAsync();
        var reg = await ClientAsync(fixture, w.CountyRegulator);
        var rows = ByCode(await ApiAssert.OkAsync(await reg.GetAsync($"/api/v1/indicators/values?region={w.County}&year={w.Today.Year}")));
        Assert.Equal(JsonValueKind.Null, rows["slots_per_1000_residents"].GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows["slots_per_1000_residents"].GetProperty("denominator").ValueKind);
        Assert.Equal(90m, Dec(rows["slots_per_1000_residents"], "numerator"));
        Assert.Equal(JsonValueKind.Null, rows["enrollment_rate"].GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task A_city_target_applies_to_its_counties_until_a_county_sets_its_own()
    {
        var w = await WorldAsync();
        var city = await ClientAsync(fixture, w.CityRegulator);
        var county = await ClientAsync(fixture, w.CountyRegulator);
        await PutStatisticsAsync(county, w.County, 2020, 200_000, null);
        var targetYear = w.Today.Year + 50;
        await ApiAssert.OkAsync(await city.PutAsJsonAsync($"/api/v1/targets/{w.City}/slots_per_1000_residents/{targetYear}",
            new { value = 4.5m, baselineYear = w.Today.Year - 1, baselineValue = 0m, source = "测试文件 一（二）" }));

        var row = ByCode(await ApiAssert.OkAsync(await county.GetAsync($"/api/v1/indicators/values?region={w.County}&year={w.Today.Year}")))["slots_per_1000_residents"];
        Assert.Equal(4.5m, Dec(row, "target"));
        Assert.Equal(w.City, row.GetProperty("targetRegion").GetString());
        Assert.Equal("测试文件 一（二）", row.GetProperty("targetSource").GetString());
        // 0.45 against the line from 0 (last year) to 4.5 (in 50 years), which stands at 4.5 ÷ 51 ≈ 0.088 this year: on track.
        Assert.Equal(0.45m, Dec(row, "value"));
        Assert.Equal("on_track", row.GetProperty("status").GetString());

        // A county regulator cannot set the city's target, only its own.
        await ApiAssert.ProblemAsync(await county.PutAsJsonAsync($"/api/v1/targets/{w.City}/slots_per_1000_residents/{targetYear}",
            new { value = 1m, source = "x" }), HttpStatusCode.Forbidden);
        await ApiAssert.OkAsync(await county.PutAsJsonAsync($"/api/v1/targets/{w.County}/slots_per_1000_residents/{targetYear}",
            new { value = 0.4m, source = "县文件" }));
        row = ByCode(await ApiAssert.OkAsync(await county.GetAsync($"/api/v1/indicators/values?region={w.County}&year={w.Today.Year}")))["slots_per_1000_residents"];
        Assert.Equal(0.4m, Dec(row, "target"));
        Assert.Equal("met", row.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Changsha_shows_its_2025_targets_with_their_clauses()
    {
        var w = await WorldAsync();
        await fixture.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Tuoyu.Web.Common.Data.AppDbContext>();
            var regulator = await db.Users.SingleAsync(u => u.UserName == w.CityRegulator);
            regulator.RegionCode = "430100000000";
            await db.SaveChangesAsync();
        });
        var reg = await ClientAsync(fixture, w.CityRegulator);
        var rows = ByCode(await ApiAssert.OkAsync(await reg.GetAsync("/api/v1/indicators/values?region=430100000000&year=2025")));
        Assert.Equal(60m, Dec(rows["filing_rate"], "target"));
        Assert.Contains("长政发〔2022〕10号", rows["filing_rate"].GetProperty("targetSource").GetString());
        Assert.Equal(4.5m, Dec(rows["slots_per_1000_residents"], "target"));
        Assert.Equal(30m, Dec(rows["demonstration_institutions"], "target"));
        Assert.Equal(JsonValueKind.Null, rows["slots_per_1000_under3"].GetProperty("target").ValueKind); // no target in Changsha's seeds
    }

    [Fact]
    public async Task Breakdown_lists_counties_of_a_city_and_institutions_of_a_county()
    {
        var w = await WorldAsync();
        var city = await ClientAsync(fixture, w.CityRegulator);
        var byCounty = await ApiAssert.OkAsync(await city.GetAsync($"/api/v1/indicators/filing_rate/breakdown?region={w.City}&year={w.Today.Year}"));
        Assert.Equal("region", byCounty.GetProperty("rowKind").GetString());
        var ours = byCounty.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == w.County);
        Assert.Equal(2m, Dec(ours, "numerator"));
        Assert.Equal(3m, Dec(ours, "denominator"));

        var byInstitution = await ApiAssert.OkAsync(await city.GetAsync($"/api/v1/indicators/filing_rate/breakdown?region={w.County}&year={w.Today.Year}"));
        Assert.Equal("institution", byInstitution.GetProperty("rowKind").GetString());
        var keys = byInstitution.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()).ToList();
        Assert.Equal(3, keys.Count);
        Assert.DoesNotContain(w.I4.ToString(), keys); // opens in 2099
        var i1 = byInstitution.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == w.I1.ToString());
        Assert.Equal(100m, Dec(i1, "value"));

        var export = await city.GetAsync($"/api/v1/indicators/filing_rate/breakdown/export?region={w.County}&year={w.Today.Year}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(Tuoyu.Web.Common.Ui.ExcelExport.ContentType, export.Content.Headers.ContentType?.MediaType);
        var trend = await ApiAssert.OkAsync(await city.GetAsync($"/api/v1/indicators/filing_rate/trend?region={w.County}&from=2023&to=2025"));
        Assert.Equal([0m, 2m, 2m], trend.GetProperty("points").EnumerateArray().Select(p => Dec(p, "numerator") ?? -1).ToArray()); // nothing open at the end of 2023; I1 filed 2024-06-01, I3 without a date
    }

    [Fact]
    public async Task A_district_regulator_cannot_read_another_districts_values_or_breakdown()
    {
        var w = await fixture.NewWorldAsync();
        var regA = await w.ClientAsync(w.RegulatorA);
        await ApiAssert.OkAsync(await regA.GetAsync("/api/v1/indicators/values?region=430102000000&year=2025"));
        await ApiAssert.ProblemAsync(await regA.GetAsync("/api/v1/indicators/values?region=430104000000&year=2025"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await regA.GetAsync("/api/v1/indicators/values?region=430100000000&year=2025"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await regA.GetAsync("/api/v1/indicators/filing_rate/breakdown?region=430104000000&year=2025"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await regA.GetAsync("/api/v1/indicators/values/export?region=430104000000&year=2025"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await regA.GetAsync("/api/v1/statistics/430104000000"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await regA.PutAsJsonAsync("/api/v1/statistics/430104000000/2025", new { residentPopulation = 1, source = "x", sourceDate = "2025-01-01" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_institution_user_cannot_put_statistics_or_read_indicators()
    {
        var w = await fixture.NewWorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        await ApiAssert.ProblemAsync(await admin.PutAsJsonAsync("/api/v1/statistics/430102000000/2025", new { residentPopulation = 1, source = "x", sourceDate = "2025-01-01" }), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await admin.GetAsync("/api/v1/indicators/values?region=430102000000&year=2025"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await admin.PutAsJsonAsync("/api/v1/targets/430102000000/filing_rate/2025", new { value = 1, source = "x" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Statistics_are_saved_listed_and_audited_and_bad_figures_are_400()
    {
        var w = await fixture.NewWorldAsync();
        var regA = await w.ClientAsync(w.RegulatorA);
        var year = 2030 + Random.Shared.Next(60);
        var saved = await ApiAssert.OkAsync(await regA.PutAsJsonAsync($"/api/v1/statistics/430102000000/{year}",
            new { residentPopulation = 670_000, childrenUnder3 = 12_000, births = (long?)null, disposableIncomeFen = 6_800_000, source = "芙蓉区统计公报", sourceDate = "2025-03-01" }));
        Assert.Equal(12_000, saved.GetProperty("childrenUnder3").GetInt64());
        var list = await ApiAssert.OkAsync(await regA.GetAsync("/api/v1/statistics/430102000000"));
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("year").GetInt32() == year && s.GetProperty("births").ValueKind == JsonValueKind.Null);
        var audited = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "RegionStatistic" && a.EntityId!.Contains(year.ToString())));
        Assert.True(audited, "the saved statistic is in the audit log");

        var bad = await ApiAssert.ProblemAsync(await regA.PutAsJsonAsync($"/api/v1/statistics/430102000000/{year}",
            new { residentPopulation = 10, childrenUnder3 = 20, source = "", sourceDate = (string?)null }), HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("childrenUnder3", out _));
        Assert.True(errors.TryGetProperty("source", out _));
        Assert.True(errors.TryGetProperty("sourceDate", out _));
    }

    [Fact]
    public async Task A_statistics_import_with_a_bad_row_reports_every_bad_row_and_writes_nothing()
    {
        var w = await fixture.NewWorldAsync();
        var regA = await w.ClientAsync(w.RegulatorA);
        var year = 2030 + Random.Shared.Next(60);
        Dictionary<string, object?> Row(string region, object under3) => new()
        {
            ["区划代码"] = region, ["年份"] = year, ["常住人口"] = 670000, ["3岁以下婴幼儿数"] = under3, ["出生人口"] = null,
            ["居民人均可支配收入（元）"] = "68000.50", ["数据来源"] = "统计公报", ["数据日期"] = "2025-03-01",
        };
        var bad = await ApiAssert.ProblemAsync(await regA.PostAsync("/api/v1/statistics/import",
            Upload([Row("430102000000", 12000), Row("430102001000", "很多"), Row("430104000000", 9000)])), HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("row3.childrenUnder3", out var e3), errors.ToString());
        Assert.Contains("第3行", e3[0].GetString());
        Assert.True(errors.TryGetProperty("row4.regionCode", out _), errors.ToString()); // 岳麓区 is outside 芙蓉区
        Assert.False(errors.TryGetProperty("row2.childrenUnder3", out _));
        Assert.DoesNotContain((await ApiAssert.OkAsync(await regA.GetAsync("/api/v1/statistics/430102000000"))).EnumerateArray(), s => s.GetProperty("year").GetInt32() == year);

        var ok = await ApiAssert.OkAsync(await regA.PostAsync("/api/v1/statistics/import", Upload([Row("430102000000", 12000), Row("430102001000", 800)])));
        Assert.Equal(2, ok.GetProperty("imported").GetInt32());
        var street = await ApiAssert.OkAsync(await regA.GetAsync("/api/v1/statistics/430102001000"));
        var row = street.EnumerateArray().Single(s => s.GetProperty("year").GetInt32() == year);
        Assert.Equal(6_800_050, row.GetProperty("disposableIncomeFen").GetInt64()); // 68000.50 元 in fen
    }

    [Fact]
    public async Task A_regulator_adds_a_local_indicator_from_existing_measures_and_it_is_computed_at_once()
    {
        var w = await WorldAsync();
        var reg = await ClientAsync(fixture, w.CountyRegulator);
        var code = "local_" + Guid.NewGuid().ToString("N")[..8];
        await ApiAssert.StatusAsync(await reg.PostAsJsonAsync("/api/v1/indicators", new
        {
            code, name = "公办机构托位占普惠托位比", numerator = "public_slots", denominator = "inclusive_slots", factor = 100, unit = "%", decimals = 1,
            definitionNote = "测试", seedClause = "测试文件",
        }), HttpStatusCode.Created);
        var row = ByCode(await ApiAssert.OkAsync(await reg.GetAsync($"/api/v1/indicators/values?region={w.County}&year={w.Today.Year}")))[code];
        Assert.Equal(200m, Dec(row, "value")); // 40 ÷ 20 × 100
        await ApiAssert.ProblemAsync(await reg.PostAsJsonAsync("/api/v1/indicators", new
        {
            code, name = "重复", numerator = "slots", factor = 1, unit = "个", decimals = 0, definitionNote = "x", seedClause = "x",
        }), HttpStatusCode.Conflict, "statistics.indicator_exists");
        var invalid = await ApiAssert.ProblemAsync(await reg.PostAsJsonAsync("/api/v1/indicators", new
        {
            code = code + "x", name = "未知度量", numerator = "screened_children", factor = 100, unit = "%", decimals = 1, definitionNote = "x", seedClause = "x",
        }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("numerator", out _));
        var catalogue = await ApiAssert.OkAsync(await reg.GetAsync("/api/v1/indicators"));
        Assert.Contains(catalogue.EnumerateArray(), d => d.GetProperty("code").GetString() == "filing_rate" && d.GetProperty("builtIn").GetBoolean());
    }

    private static MultipartFormDataContent Upload(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows);
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new(Tuoyu.Web.Common.Ui.ExcelExport.ContentType);
        form.Add(file, "file", "statistics.xlsx");
        return form;
    }
}

public sealed class SqliteIndicatorTests(SqliteFixture fixture) : IndicatorTests(fixture);

public sealed class PostgresIndicatorTests(PostgresFixture fixture) : IndicatorTests(fixture);
