using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.IntegrationTests.Registry;

/// <summary>
/// The public search beyond region, age and vacancy (ADR 0020): distance from a point (bounding box + haversine in
/// SQL), a street's reference point, the 全日托 fee range in 元, 400s for bad inputs, a family point's phone and exact
/// position withheld, fees and designations on the public detail. Every test works around a centre of its own far
/// from every other test's rows (and in 株洲 streets nobody else uses), so parallel tests never see each other's rows.
/// </summary>
public abstract class PublicSearchTests(AppFixture fixture)
{
    private const string List = "/api/v1/public/institutions";
    private static int _sequence;

    private HttpClient Anonymous()
    {
        fixture.RequireAvailable();
        return fixture.Factory.CreateClient();
    }

    /// <summary>A point <paramref name="northKm"/> north and <paramref name="eastKm"/> east of the centre (small distances).</summary>
    private static (double Lat, double Lng) Offset((double Lat, double Lng) c, double northKm, double eastKm) =>
        (c.Lat + northKm / GeoDistance.KmPerDegree, c.Lng + eastKm / (GeoDistance.KmPerDegree * Math.Cos(c.Lat * GeoDistance.DegreesToRadians)));

    private static string Point((double Lat, double Lng) p) =>
        $"lat={p.Lat.ToString(CultureInfo.InvariantCulture)}&lng={p.Lng.ToString(CultureInfo.InvariantCulture)}";

    [Fact]
    public async Task Within_5_km_finds_the_one_1_km_away_not_the_one_10_km_away_nearest_first_with_distances()
    {
        var client = Anonymous();
        var centre = (Lat: 41.3, Lng: 86.1);
        const string street = "430203001000"; // 芦淞区贺家土街道
        var oneKm = await AddAsync(street, "距离一公里", Offset(centre, 1, 0));
        var threeKm = await AddAsync(street, "距离三公里", Offset(centre, 0, -3));
        var tenKm = await AddAsync(street, "距离十公里", Offset(centre, -6, 8));
        var unfiled = await AddAsync(street, "距离半公里未备案", Offset(centre, 0.5, 0), FilingStatus.Submitted);

        // Default radius 5 km, sorted by distance.
        var json = await ApiAssert.OkAsync(await client.GetAsync($"{List}?{Point(centre)}"));
        Assert.Equal([oneKm, threeKm], Ids(json));
        Assert.Equal(2, json.GetProperty("total").GetInt32());
        Assert.Equal(5, json.GetProperty("radiusKm").GetDouble());
        Assert.Equal("distance", json.GetProperty("sort").GetString());
        var items = json.GetProperty("items");
        Assert.Equal(1.0, items[0].GetProperty("distanceKm").GetDouble(), 0.02);
        Assert.Equal(3.0, items[1].GetProperty("distanceKm").GetDouble(), 0.02);

        // Wider: all three filed ones, nearest first; the unfiled one never.
        var wide = await ApiAssert.OkAsync(await client.GetAsync($"{List}?{Point(centre)}&radiusKm=12"));
        Assert.Equal([oneKm, threeKm, tenKm], Ids(wide));
        Assert.Equal(10.0, wide.GetProperty("items")[2].GetProperty("distanceKm").GetDouble(), 0.05);
        Assert.DoesNotContain(unfiled, Ids(wide));
        // Narrow: 0.5 km has nothing filed (the unfiled one sits there).
        Assert.Empty(Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?{Point(centre)}&radiusKm=0.6"))));
        // Sorted by name instead, same set.
        var byName = await ApiAssert.OkAsync(await client.GetAsync($"{List}?{Point(centre)}&radiusKm=12&sort=name"));
        Assert.Equal(3, byName.GetProperty("total").GetInt32());
        // Region and distance combine: the region filter still applies.
        Assert.Empty(Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?{Point(centre)}&radiusKm=12&region=430102000000"))));
        Assert.Equal(3, Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?{Point(centre)}&radiusKm=12&region=430203000000"))).Count);
        // Paging keeps the order.
        var second = await ApiAssert.OkAsync(await client.GetAsync($"{List}?{Point(centre)}&radiusKm=12&pageSize=2&page=2"));
        Assert.Equal([tenKm], Ids(second));
    }

    [Fact]
    public async Task A_streets_reference_point_is_the_mean_of_its_filed_institutions_else_its_countys()
    {
        var client = Anonymous();
        const string street = "430202001000"; // 荷塘区月塘街道
        const string neighbour = "430202002000"; // 荷塘区茨菇塘街道
        const string empty = "430202003000"; // 荷塘区宋家桥街道: no institution
        var a = await AddAsync(street, "街道参考点甲", (43.00, 88.00));
        var b = await AddAsync(street, "街道参考点乙", (43.02, 88.04));
        // Unfiled rows do not move the reference point.
        await AddAsync(street, "街道参考点未备案", (45.0, 95.0), FilingStatus.NotFiled);
        var near = await AddAsync(neighbour, "街道参考点邻近", (43.01, 88.03));

        var json = await ApiAssert.OkAsync(await client.GetAsync($"{List}?street={street}&radiusKm=3"));
        var center = json.GetProperty("center");
        Assert.Equal(43.01, center.GetProperty("latitude").GetDouble(), 6);
        Assert.Equal(88.02, center.GetProperty("longitude").GetDouble(), 6);
        Assert.True(center.GetProperty("approximate").GetBoolean());
        // Not limited to the street: the neighbour's institution 0.8 km from the reference point comes first.
        var ids = Ids(json);
        Assert.Equal(near, ids[0]);
        Assert.Equal(Sorted(a, b, near), Sorted(ids));

        // A street without any: its county's mean (all four filed rows of 荷塘区).
        var fallback = await ApiAssert.OkAsync(await client.GetAsync($"{List}?street={empty}"));
        Assert.Equal((43.00 + 43.02 + 43.01) / 3, fallback.GetProperty("center").GetProperty("latitude").GetDouble(), 5);
        Assert.Equal(5, fallback.GetProperty("radiusKm").GetDouble());

        // Neither the street nor its county has a located filed institution: a clear 400 on street.
        var problem = await ApiAssert.ProblemAsync(await client.GetAsync($"{List}?street=430204001000"), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("street", out _));
    }

    [Fact]
    public async Task The_fee_range_in_yuan_matches_full_day_monthly_fees_only()
    {
        var client = Anonymous();
        const string street = "430203002000"; // 芦淞区建设街道
        var cheap = await AddAsync(street, "收费一千五", (44.5, 84.0), fees: [(ClassType.Toddler, CareServices.FullDay, 150_000)]);
        var dear = await AddAsync(street, "收费二千五", (44.5, 84.0), fees: [(ClassType.Toddler, CareServices.FullDay, 250_000), (ClassType.Preschool, CareServices.FullDay, 230_000)]);
        var halfDayOnly = await AddAsync(street, "只有半日托", (44.5, 84.0), fees: [(ClassType.Toddler, CareServices.HalfDay, 100_000)]);
        var none = await AddAsync(street, "没有收费信息", (44.5, 84.0));

        Assert.Equal(4, Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}"))).Count);
        Assert.Equal([cheap], Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&minFee=1000&maxFee=2000"))));
        Assert.Equal([dear], Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&minFee=2000"))));
        Assert.Equal([cheap], Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&maxFee=1500"))));
        // Bounds are inclusive; any full-day fee of the institution in range counts (托大班 2,300 元).
        Assert.Equal(Sorted(cheap, dear), Sorted(Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&minFee=1500&maxFee=2300")))));
        Assert.Empty(Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&maxFee=1000"))));
        var dearItem = (await ApiAssert.OkAsync(await client.GetAsync($"{List}/{dear}")));
        Assert.Equal(230_000, dearItem.GetProperty("fullDayFeeFromFen").GetInt64());
        Assert.DoesNotContain(halfDayOnly, Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&minFee=0"))));
        Assert.DoesNotContain(none, Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&minFee=0"))));
    }

    [Fact]
    public async Task A_family_points_phone_is_withheld_and_its_position_only_approximate_in_distance_search_too()
    {
        var client = Anonymous();
        const string street = "430203003000"; // 芦淞区建宁街道
        var home = (Lat: 39.123456, Lng: 87.654321);
        var family = await AddAsync(street, "家庭点隐私", home, kind: InstitutionKind.FamilyPoint, phone: "13912345678", address: "建宁路7号2栋301室");
        var centre = await AddAsync(street, "机构公开电话", Offset(home, 2, 0.7), phone: "0731-22334455");

        var json = await ApiAssert.OkAsync(await client.GetAsync($"{List}?{Point(Offset(home, 0.2, 0.1))}&radiusKm=5"));
        var body = json.ToString();
        Assert.Equal(Sorted(family, centre), Sorted(Ids(json)));
        var detailBody = await (await client.GetAsync($"{List}/{family}")).Content.ReadAsStringAsync();
        var page = WebUtility.HtmlDecode(await (await client.GetAsync($"/directory/{family}")).Content.ReadAsStringAsync());
        var listPage = WebUtility.HtmlDecode(await (await client.GetAsync(
            $"/directory?{Point(Offset(home, 0.2, 0.1))}&radius=5")).Content.ReadAsStringAsync());
        Assert.Contains(family.ToString(), listPage, StringComparison.Ordinal);
        foreach (var text in new[] { body, detailBody, page, listPage })
        {
            Assert.DoesNotContain("13912345678", text, StringComparison.Ordinal);
            Assert.DoesNotContain("301室", text, StringComparison.Ordinal);
            Assert.DoesNotContain("39.123456", text, StringComparison.Ordinal);
            Assert.DoesNotContain("87.654321", text, StringComparison.Ordinal);
        }

        var item = json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == family);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("contactPhone").ValueKind);
        var location = item.GetProperty("location");
        Assert.True(location.GetProperty("approximate").GetBoolean());
        Assert.Equal(39.12, location.GetProperty("latitude").GetDouble(), 9);
        Assert.Equal(87.65, location.GetProperty("longitude").GetDouble(), 9);
        // Its distance is measured to the snapped point, so distances from several points cannot locate the home.
        var probe = Offset(home, 0.2, 0.1);
        Assert.Equal(GeoDistance.HaversineKm(probe.Lat, probe.Lng, 39.12, 87.65), item.GetProperty("distanceKm").GetDouble(), 0.01);
        Assert.Contains("家庭托育点不公开电话", page, StringComparison.Ordinal);

        // An ordinary institution keeps its phone and exact position (business information).
        var other = await ApiAssert.OkAsync(await client.GetAsync($"{List}/{centre}"));
        Assert.Equal("0731-22334455", other.GetProperty("contactPhone").GetString());
        Assert.False(other.GetProperty("location").GetProperty("approximate").GetBoolean());
    }

    [Fact]
    public async Task The_public_detail_shows_fees_active_designations_services_and_hours()
    {
        var client = Anonymous();
        const string street = "430203004000"; // 芦淞区董家塅街道
        var id = await AddAsync(street, "收费与认定", (38.5, 83.5),
            fees: [(ClassType.Toddler, CareServices.FullDay, 185_050), (ClassType.Toddler, CareServices.HalfDay, 98_000)]);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await fixture.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var inst = await db.Institutions.FindAsync(id);
            inst!.Services = CareServices.FullDay | CareServices.HalfDay;
            inst.OpeningHours = "周一至周五 07:30–17:30";
            db.Designations.Add(Designation(id, DesignationKind.Inclusive, null, today.AddYears(-1), null, null));
            db.Designations.Add(Designation(id, DesignationKind.Demonstration, "市级", today.AddMonths(-2), today.AddYears(2), null));
            // Withdrawn and expired ones are history, not shown.
            db.Designations.Add(Designation(id, DesignationKind.Grade, "一级", today.AddYears(-3), null, today.AddYears(-1)));
            db.Designations.Add(Designation(id, DesignationKind.Public, null, today.AddYears(-4), today.AddDays(-10), null));
            await db.SaveChangesAsync();
        });

        var detail = await ApiAssert.OkAsync(await client.GetAsync($"{List}/{id}"));
        var fees = detail.GetProperty("fees").EnumerateArray().ToList();
        Assert.Equal(2, fees.Count);
        Assert.Equal("托小班", fees[0].GetProperty("classType").GetString());
        Assert.Equal("全日托", fees[0].GetProperty("service").GetString());
        Assert.Equal(185_050, fees[0].GetProperty("monthlyFeeFen").GetInt64());
        Assert.Equal("政府指导价", fees[0].GetProperty("pricing").GetString());
        Assert.Equal("半日托", fees[1].GetProperty("service").GetString());
        var designations = detail.GetProperty("designations").EnumerateArray().Select(d => d.GetProperty("kind").GetString() + d.GetProperty("level").GetString()).ToList();
        Assert.Equal(["普惠性托育机构", "示范性托育机构市级"], designations);
        Assert.Equal(["全日托", "半日托"], detail.GetProperty("services").EnumerateArray().Select(s => s.GetString()).ToList());
        Assert.Equal("周一至周五 07:30–17:30", detail.GetProperty("openingHours").GetString());

        var page = WebUtility.HtmlDecode(await (await client.GetAsync($"/directory/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("1,850.50", page, StringComparison.Ordinal);
        Assert.Contains("980", page, StringComparison.Ordinal);
        Assert.Contains("政府指导价", page, StringComparison.Ordinal);
        Assert.Contains("示范性托育机构（市级）", page, StringComparison.Ordinal);
        Assert.DoesNotContain("等级评定（一级）", page, StringComparison.Ordinal);
        Assert.DoesNotContain("公办托育机构", page, StringComparison.Ordinal);
        Assert.Contains("周一至周五 07:30–17:30", page, StringComparison.Ordinal);
        // The list card shows the lowest full-day fee.
        var list = WebUtility.HtmlDecode(await (await client.GetAsync("/directory?lat=38.5&lng=83.5&radius=1")).Content.ReadAsStringAsync());
        Assert.Contains("全日托 1,850.50 元/月起", list, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"directory-map\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_javascript_the_page_searches_around_a_chosen_streets_reference_point()
    {
        var client = Anonymous();
        const string county = "430103000000"; // 天心区
        const string street = "430103005000"; // 裕南街街道
        var inStreet = await AddAsync(street, "裕南街机构", (36.0, 82.0));
        var nextDoor = await AddAsync("430103006000", "金盆岭机构", (36.01, 82.0));

        // A street and a distance: around the street's reference point, nearest first, neighbours included.
        var near = WebUtility.HtmlDecode(await (await client.GetAsync($"/directory?county={county}&street={street}&radius=3")).Content.ReadAsStringAsync());
        Assert.Contains("以所选街道的参考位置为中心", near, StringComparison.Ordinal);
        Assert.True(near.IndexOf(inStreet.ToString(), StringComparison.Ordinal) is var a && a > 0 && a < near.IndexOf(nextDoor.ToString(), StringComparison.Ordinal));
        Assert.Contains("约 1.1 公里", near, StringComparison.Ordinal);
        // A street without a distance: that street only, as before.
        var only = WebUtility.HtmlDecode(await (await client.GetAsync($"/directory?county={county}&street={street}")).Content.ReadAsStringAsync());
        Assert.Contains(inStreet.ToString(), only, StringComparison.Ordinal);
        Assert.DoesNotContain(nextDoor.ToString(), only, StringComparison.Ordinal);
        Assert.DoesNotContain("参考位置", only, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lat=28.19", "lng")]
    [InlineData("lng=112.98", "lat")]
    [InlineData("lat=91&lng=112.98", "lat")]
    [InlineData("lat=28.19&lng=181", "lng")]
    [InlineData("lat=NaN&lng=112.98", "lat")]
    [InlineData("lat=28.19&lng=112.98&radiusKm=0.05", "radiusKm")]
    [InlineData("lat=28.19&lng=112.98&radiusKm=50.1", "radiusKm")]
    [InlineData("radiusKm=5", "radiusKm")]
    [InlineData("minFee=3000&maxFee=2000", "minFee")]
    [InlineData("minFee=-1", "minFee")]
    [InlineData("maxFee=100001", "maxFee")]
    [InlineData("street=4301", "street")]
    [InlineData("street=430102000000", "street")]
    [InlineData("street=43010200100X", "street")]
    [InlineData("street=430102999000", "street")]
    [InlineData("street=430102001000&lat=28.19&lng=112.98", "street")]
    [InlineData("sort=distance", "sort")]
    [InlineData("sort=price", "sort")]
    public async Task Bad_search_inputs_are_400_with_the_field(string query, string field)
    {
        var client = Anonymous();
        var problem = await ApiAssert.ProblemAsync(await client.GetAsync($"{List}?{query}"), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Not_a_number_is_400_not_500()
    {
        var client = Anonymous();
        foreach (var q in new[] { "lat=abc&lng=1", "radiusKm=x", "minFee=1.5" })
        {
            var response = await client.GetAsync($"{List}?{q}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static List<Guid> Sorted(params IEnumerable<Guid> ids) => [.. ids.Order()];

    private static Designation Designation(Guid institution, DesignationKind kind, string? level, DateOnly granted, DateOnly? validUntil, DateOnly? withdrawn) => new()
    {
        Id = Guid.NewGuid(), InstitutionId = institution, Kind = kind, Level = level, Basis = "测试认定〔2026〕1号", GrantedOn = granted, ValidUntil = validUntil,
        GrantedByUserId = Guid.NewGuid(), GrantedByUserName = "测试", GrantedByRegionCode = "430200000000", RecordedAt = DateTime.UtcNow,
        WithdrawnOn = withdrawn, WithdrawnByUserName = withdrawn is null ? null : "测试", WithdrawReason = withdrawn is null ? null : "测试撤销",
    };

    /// <summary>An institution at a position, with full-day or other fees, written through the DbContext like TestWorld.</summary>
    private async Task<Guid> AddAsync(string street, string name, (double Lat, double Lng) at, FilingStatus status = FilingStatus.Filed,
        InstitutionKind kind = InstitutionKind.Standalone, string phone = "0731-88886666", string address = "测试路8号",
        (ClassType Type, CareServices Service, long Fen)[]? fees = null)
    {
        var id = Guid.NewGuid();
        var n = Interlocked.Increment(ref _sequence);
        var rng = new Random(n * 7919 + Environment.TickCount);
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var body = new string([.. Enumerable.Range(0, 9).Select(_ => alphabet[rng.Next(alphabet.Length)])]);
        await fixture.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.Institutions.Add(new Institution
            {
                Id = id, Name = name + Guid.NewGuid().ToString("N")[..6], CreditCode = UnifiedSocialCreditCode.Create("91" + street[..6] + body),
                Kind = kind, Ownership = Ownership.Private, IsInclusive = true, RegionCode = street, Address = address, ContactPhone = phone,
                RegisteredSlots = 30, FilingStatus = status, OpenedOn = new DateOnly(2024, 1, 1), Latitude = at.Lat, Longitude = at.Lng,
            });
            foreach (var (type, service, fen) in fees ?? [])
            {
                db.Fees.Add(new InstitutionFee
                {
                    Id = Guid.NewGuid(), InstitutionId = id, ClassType = type, Service = service, MonthlyFeeFen = fen, Pricing = FeePricing.GovernmentGuided,
                    EffectiveFrom = new DateOnly(2026, 1, 1), UpdatedAt = DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        });
        return id;
    }
}

public sealed class SqlitePublicSearchTests(SqliteFixture fixture) : PublicSearchTests(fixture);

public sealed class PostgresPublicSearchTests(PostgresFixture fixture) : PublicSearchTests(fixture);
