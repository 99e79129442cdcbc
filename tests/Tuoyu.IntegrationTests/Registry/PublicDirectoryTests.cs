using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.IntegrationTests.Registry;

/// <summary>
/// The anonymous public directory: filed institutions only, no sign-in, a family point's exact address
/// never leaves the server, the age and vacancy filters, 400 with the field, 404 for unknown or unfiled.
/// Each test works in a street of its own (TestWorld uses 文艺路街道), so parallel tests never see each other's rows.
/// </summary>
public abstract class PublicDirectoryTests(AppFixture fixture)
{
    private const string List = "/api/v1/public/institutions";
    private static int _sequence;

    private HttpClient Anonymous()
    {
        fixture.RequireAvailable();
        return fixture.Factory.CreateClient();
    }

    [Fact]
    public async Task Only_filed_institutions_appear_in_the_list_and_the_detail()
    {
        const string street = "430102002000"; // 朝阳街街道
        var client = Anonymous();
        var filed = await AddInstitutionAsync(street, "公开已备案", FilingStatus.Filed);
        var others = new List<Guid>();
        foreach (var status in new[] { FilingStatus.NotFiled, FilingStatus.Submitted, FilingStatus.Returned, FilingStatus.Revoked })
        {
            others.Add(await AddInstitutionAsync(street, "公开未备案" + status, status));
        }

        var ids = Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&pageSize=50")));
        Assert.Contains(filed, ids);
        Assert.All(others, id => Assert.DoesNotContain(id, ids));
        // Also not under the county or with no region at all (every page of the whole list).
        var all = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var json = await ApiAssert.OkAsync(await client.GetAsync($"{List}?page={page}&pageSize=50"));
            all.AddRange(Ids(json));
            if (page * 50 >= json.GetProperty("total").GetInt32()) { break; }
        }

        Assert.Contains(filed, all);
        Assert.All(others, id => Assert.DoesNotContain(id, all));

        var detail = await ApiAssert.OkAsync(await client.GetAsync($"{List}/{filed}"));
        Assert.Equal("已备案", detail.GetProperty("filingStatus").GetString());
        foreach (var id in others)
        {
            await ApiAssert.ProblemAsync(await client.GetAsync($"{List}/{id}"), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_read_the_list_detail_and_pages_without_a_token()
    {
        const string street = "430102010000"; // 马王堆街道
        var client = Anonymous();
        var id = await AddInstitutionAsync(street, "公开匿名", FilingStatus.Filed, classes: [(ClassType.Toddler, 15, 4)]);
        Assert.Null(client.DefaultRequestHeaders.Authorization);

        var list = await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}"));
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.Equal("托育机构", item.GetProperty("kind").GetString());
        Assert.Equal("民办", item.GetProperty("ownership").GetString());
        Assert.True(item.GetProperty("isInclusive").GetBoolean());
        Assert.Equal("芙蓉区", item.GetProperty("countyName").GetString());
        Assert.Equal("马王堆街道", item.GetProperty("streetName").GetString());
        Assert.Equal("测试路8号", item.GetProperty("address").GetString());
        Assert.Equal("0731-88886666", item.GetProperty("contactPhone").GetString());
        // Business information only: no credit code or version; the map position of an ordinary institution is exact (ADR 0020).
        Assert.False(item.TryGetProperty("creditCode", out _));
        Assert.False(item.TryGetProperty("version", out _));
        Assert.Equal(28.19, item.GetProperty("location").GetProperty("latitude").GetDouble());
        Assert.False(item.GetProperty("location").GetProperty("approximate").GetBoolean());
        var cls = Assert.Single(item.GetProperty("classes").EnumerateArray());
        Assert.Equal("托小班", cls.GetProperty("type").GetString());
        Assert.Equal(15, cls.GetProperty("capacity").GetInt32());
        Assert.Equal(4, cls.GetProperty("enrolled").GetInt32());
        Assert.Equal(11, cls.GetProperty("vacancies").GetInt32());

        await ApiAssert.OkAsync(await client.GetAsync($"{List}/{id}"));

        var page = await client.GetAsync($"/directory?county=430102000000&street={street}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await HtmlAsync(page);
        Assert.Contains("公开匿名", html, StringComparison.Ordinal);
        Assert.Contains("数据来源：已备案托育机构", html, StringComparison.Ordinal);
        var detailPage = await client.GetAsync($"/directory/{id}");
        Assert.Equal(HttpStatusCode.OK, detailPage.StatusCode);
        Assert.Contains("空位 11", await HtmlAsync(detailPage), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/directory/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_family_points_exact_address_never_appears_in_list_detail_or_page()
    {
        const string street = "430102003000"; // 韭菜园街道
        const string secret = "韭菜园路99号3栋2单元501室";
        var client = Anonymous();
        var id = await AddInstitutionAsync(street, "公开家庭托育点", FilingStatus.Filed, kind: InstitutionKind.FamilyPoint, address: secret,
            classes: [(ClassType.Mixed, 8, 2)]);

        var listBody = await (await client.GetAsync($"{List}?region={street}")).Content.ReadAsStringAsync();
        var detailBody = await (await client.GetAsync($"{List}/{id}")).Content.ReadAsStringAsync();
        var kindBody = await (await client.GetAsync($"{List}?kind=FamilyPoint&region=430102000000&pageSize=50")).Content.ReadAsStringAsync();
        var pageBody = await HtmlAsync(await client.GetAsync($"/directory/{id}"));
        var listPage = await HtmlAsync(await client.GetAsync($"/directory?county=430102000000&street={street}"));
        Assert.Contains(id.ToString(), listPage, StringComparison.Ordinal);
        foreach (var body in new[] { listBody, detailBody, kindBody, pageBody, listPage })
        {
            Assert.DoesNotContain("韭菜园路99号", body, StringComparison.Ordinal);
            Assert.DoesNotContain("501室", body, StringComparison.Ordinal);
        }

        var detail = JsonDocument.Parse(detailBody).RootElement;
        Assert.Equal("家庭托育点", detail.GetProperty("kind").GetString());
        Assert.Equal("芙蓉区韭菜园街道", detail.GetProperty("address").GetString());
        Assert.Contains(id, Ids(JsonDocument.Parse(kindBody).RootElement));
        Assert.Contains("芙蓉区韭菜园街道", pageBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_age_filter_keeps_institutions_with_a_class_for_that_age()
    {
        const string street = "430102008000"; // 五里牌街道
        var client = Anonymous();
        var infants = await AddInstitutionAsync(street, "公开乳儿", FilingStatus.Filed, classes: [(ClassType.Infant, 10, 0)]);
        var toddlers = await AddInstitutionAsync(street, "公开托小", FilingStatus.Filed, classes: [(ClassType.Toddler, 15, 0)]);
        var mixed = await AddInstitutionAsync(street, "公开混合", FilingStatus.Filed, kind: InstitutionKind.CareStation, classes: [(ClassType.Mixed, 18, 0)]);
        var older = await AddInstitutionAsync(street, "公开托大", FilingStatus.Filed, classes: [(ClassType.Preschool, 20, 0)]);

        Assert.Equal([infants], Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&ageMonths=8"))));
        Assert.Equal(Sorted(toddlers, mixed), Sorted(Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&ageMonths=18")))));
        Assert.Equal(Sorted(older, mixed), Sorted(Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&ageMonths=30")))));
        Assert.Empty(Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&ageMonths=3"))));
        Assert.Equal(4, Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}"))).Count);
        // Filters combine: kind and age.
        Assert.Equal([mixed], Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&ageMonths=18&kind=CareStation"))));
    }

    [Fact]
    public async Task The_vacancy_filter_counts_active_enrollments_only_and_respects_the_age()
    {
        const string street = "430102009000"; // 火星街道
        var client = Anonymous();
        // Full: 2 places, 2 active children (a third left yesterday and frees nothing more than it should).
        var full = await AddInstitutionAsync(street, "公开满员", FilingStatus.Filed, classes: [(ClassType.Toddler, 2, 2)], endedEnrollments: 1);
        // One place left, freed by a child who left yesterday.
        var freed = await AddInstitutionAsync(street, "公开有空位", FilingStatus.Filed, classes: [(ClassType.Toddler, 2, 1)], endedEnrollments: 1);
        // A vacancy only in the 托大班, none in the full 托小班.
        var olderOnly = await AddInstitutionAsync(street, "公开托大有空位", FilingStatus.Filed, classes: [(ClassType.Toddler, 1, 1), (ClassType.Preschool, 5, 1)]);

        var vacant = Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&hasVacancy=true")));
        Assert.Equal(Sorted(freed, olderOnly), Sorted(vacant));
        Assert.Equal([freed], Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&hasVacancy=true&ageMonths=18"))));
        Assert.Equal([olderOnly], Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&hasVacancy=true&ageMonths=30"))));
        Assert.Equal(3, Ids(await ApiAssert.OkAsync(await client.GetAsync($"{List}?region={street}&hasVacancy=false"))).Count);

        var detail = await ApiAssert.OkAsync(await client.GetAsync($"{List}/{full}"));
        var cls = Assert.Single(detail.GetProperty("classes").EnumerateArray());
        Assert.Equal(2, cls.GetProperty("enrolled").GetInt32());
        Assert.Equal(0, cls.GetProperty("vacancies").GetInt32());
        var freedDetail = await ApiAssert.OkAsync(await client.GetAsync($"{List}/{freed}"));
        Assert.Equal(1, freedDetail.GetProperty("classes")[0].GetProperty("vacancies").GetInt32());
    }

    [Theory]
    [InlineData("region=4301", "region")]
    [InlineData("region=43010200000X", "region")]
    [InlineData("ageMonths=37", "ageMonths")]
    [InlineData("ageMonths=-1", "ageMonths")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=51", "pageSize")]
    [InlineData("kind=School", "kind")]
    [InlineData("kind=99", "kind")]
    public async Task Bad_inputs_are_400_with_the_field(string query, string field)
    {
        var client = Anonymous();
        var problem = await ApiAssert.ProblemAsync(await client.GetAsync($"{List}?{query}"), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_id_is_404()
    {
        var client = Anonymous();
        await ApiAssert.ProblemAsync(await client.GetAsync($"{List}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    /// <summary>The page's text with character references decoded (Blazor writes most non-ASCII text as &amp;#x...;).</summary>
    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static List<Guid> Sorted(params IEnumerable<Guid> ids) => [.. ids.Order()];

    /// <summary>An institution with classes (type, capacity, active children), written through the DbContext like TestWorld.</summary>
    private async Task<Guid> AddInstitutionAsync(string street, string name, FilingStatus status, InstitutionKind kind = InstitutionKind.Standalone,
        string address = "测试路8号", (ClassType Type, int Capacity, int Active)[]? classes = null, int endedEnrollments = 0)
    {
        var id = Guid.NewGuid();
        var n = Interlocked.Increment(ref _sequence);
        var rng = new Random(n * 7919 + Environment.TickCount);
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var body = new string([.. Enumerable.Range(0, 9).Select(_ => alphabet[rng.Next(alphabet.Length)])]);
        await fixture.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var protector = sp.GetRequiredService<SensitiveDataProtector>();
            db.Institutions.Add(new Institution
            {
                Id = id, Name = name + Guid.NewGuid().ToString("N")[..6], CreditCode = UnifiedSocialCreditCode.Create("91" + street[..6] + body),
                Kind = kind, Ownership = Ownership.Private, IsInclusive = true, RegionCode = street, Address = address, ContactPhone = "0731-88886666",
                RegisteredSlots = 30, FilingStatus = status, OpenedOn = new DateOnly(2024, 1, 1), Latitude = 28.19, Longitude = 112.98,
            });
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var first = true;
            foreach (var (type, capacity, active) in classes ?? [])
            {
                var cls = new ChildcareClass { Id = Guid.NewGuid(), InstitutionId = id, Name = ClassTypes.ChineseName(type), Type = type, Capacity = capacity };
                db.Classes.Add(cls);
                var ended = first ? endedEnrollments : 0;
                first = false;
                for (var k = 0; k < active + ended; k++)
                {
                    var (idNumber, birth) = TestIds.ResidentId("430102", new DateOnly(2024, 1, 1).AddDays(rng.Next(900)));
                    var child = new Child
                    {
                        Id = Guid.NewGuid(), Name = "测试儿童", BirthDate = birth, Sex = Sex.Female, HukouLocal = true, BirthOrder = 1,
                        IdNumberCipher = protector.Encrypt(idNumber), IdNumberHash = protector.Hash(idNumber), IdNumberMasked = AuditMasking.IdNumber(idNumber),
                    };
                    db.Children.Add(child);
                    db.Enrollments.Add(new ChildEnrollment
                    {
                        Id = Guid.NewGuid(), ChildId = child.Id, InstitutionId = id, ClassId = cls.Id, Service = CareServices.FullDay,
                        StartDate = new DateOnly(2026, 1, 5), EndDate = k < ended ? today.AddDays(-1) : null,
                    });
                }
            }

            await db.SaveChangesAsync();
        });
        return id;
    }
}

public sealed class SqlitePublicDirectoryTests(SqliteFixture fixture) : PublicDirectoryTests(fixture);

public sealed class PostgresPublicDirectoryTests(PostgresFixture fixture) : PublicDirectoryTests(fixture);
