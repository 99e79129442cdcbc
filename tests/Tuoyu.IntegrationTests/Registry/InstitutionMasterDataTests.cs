using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Common.Rules;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.IntegrationTests.Registry;

/// <summary>
/// Issue #3 items 1 and 7, institution master data (ADR 0017): a regulator registers an institution inside its own region,
/// edits it, the institution's admin edits only its operating details, and every refusal changes nothing.
/// </summary>
public abstract class InstitutionMasterDataTests(AppFixture fixture)
{
    private const string Api = "/api/v1/institutions";

    /// <summary>A credit code never used before in this run, registered by the department its first two characters name.</summary>
    public static string NewCreditCode(string prefix2 = "91", string county6 = "430102")
    {
        var rng = Random.Shared;
        var org = new string([.. Enumerable.Range(0, 9).Select(_ => UnifiedSocialCreditCode.Alphabet[rng.Next(UnifiedSocialCreditCode.Alphabet.Length)])]);
        return UnifiedSocialCreditCode.Create(prefix2 + county6 + org);
    }

    /// <summary>A valid create request in 芙蓉区 (regulator A's region); tests change what they test.</summary>
    public static Dictionary<string, object?> ValidBody(TestWorld w, string name = "新登记托育中心") => new()
    {
        ["name"] = name + w.Suffix, ["creditCode"] = NewCreditCode(), ["kind"] = "Standalone", ["ownership"] = "Private",
        ["legalRegistration"] = "ForProfit", ["regionCode"] = TestWorld.FurongStreet, ["address"] = "芙蓉区文艺路88号",
        ["latitude"] = 28.19, ["longitude"] = 112.99, ["contactPhone"] = "0731-85551234", ["services"] = new[] { "FullDay", "Hourly" },
        ["openingHours"] = "周一至周五 07:30–17:30", ["registeredSlots"] = 60, ["floorAreaSquareMetres"] = 600, ["outdoorAreaSquareMetres"] = 200,
        ["insuredUntil"] = "2026-12-31", ["insurer"] = "某财产保险公司", ["hasVideoSupervision"] = true, ["chainName"] = "连锁" + w.Suffix,
        ["openedOn"] = "2024-09-01",
    };

    private string _suffix = "";

    private async Task<TestWorld> NewWorldAsync()
    {
        var w = await fixture.NewWorldAsync();
        _suffix = w.Suffix;
        return w;
    }

    /// <summary>Institutions of this test's world (other tests write to the same database at the same time).</summary>
    private Task<int> CountAsync() => fixture.Factory.WithDbAsync(db => db.Institutions.CountAsync(i => i.Name.Contains(_suffix)));

    private Task<string> SnapshotAsync(Guid id) => fixture.Factory.WithDbAsync(async db =>
    {
        var i = await db.Institutions.AsNoTracking().SingleAsync(x => x.Id == id);
        return JsonSerializer.Serialize(i);
    });

    private async Task<JsonElement> RefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string? code = null, string? field = null, Guid? unchanged = null)
    {
        var count = await CountAsync();
        var before = unchanged is { } id ? await SnapshotAsync(id) : null;
        var problem = await ApiAssert.ProblemAsync(await send(), status, code);
        if (field is not null) { Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for field {field}: {problem}"); }
        Assert.Equal(count, await CountAsync());
        if (unchanged is { } u) { Assert.Equal(before, await SnapshotAsync(u)); }
        return problem;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, Guid id) => await ApiAssert.OkAsync(await client.GetAsync($"{Api}/{id}"));

    /// <summary>The detail as a PUT body: the English values the detail returns go back unchanged.</summary>
    private static Dictionary<string, object?> AsPutBody(JsonElement d) => new()
    {
        ["name"] = d.GetProperty("name").GetString(), ["creditCode"] = d.GetProperty("creditCode").GetString(),
        ["kind"] = d.GetProperty("kindCode").GetString(), ["ownership"] = d.GetProperty("ownershipCode").GetString(),
        ["publiclyBuiltPrivatelyRun"] = d.GetProperty("publiclyBuiltPrivatelyRun").GetBoolean(),
        ["legalRegistration"] = d.GetProperty("legalRegistrationCode").GetString() is "Unknown" ? "ForProfit" : d.GetProperty("legalRegistrationCode").GetString(),
        ["regionCode"] = d.GetProperty("regionCode").GetString(), ["address"] = d.GetProperty("address").GetString(),
        ["contactPhone"] = d.GetProperty("contactPhone").GetString(),
        ["services"] = d.GetProperty("serviceCodes").GetArrayLength() == 0 ? new[] { "FullDay" } : d.GetProperty("serviceCodes").EnumerateArray().Select(s => s.GetString()).ToArray(),
        ["registeredSlots"] = d.GetProperty("registeredSlots").GetInt32(), ["openedOn"] = d.GetProperty("openedOn").GetString(),
        ["hasVideoSupervision"] = d.GetProperty("hasVideoSupervision").GetBoolean(), ["version"] = d.GetProperty("version").GetInt32(),
    };

    [Fact]
    public async Task A_regulator_registers_an_institution_in_its_street_and_it_appears_in_the_list_not_filed()
    {
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var body = ValidBody(w);
        var response = await reg.PostAsJsonAsync(Api, body);
        var created = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.EndsWith($"{Api}/{id}", response.Headers.Location?.ToString(), StringComparison.Ordinal);

        var d = await GetAsync(reg, id);
        Assert.Equal(body["name"], d.GetProperty("name").GetString());
        Assert.Equal(body["creditCode"], d.GetProperty("creditCode").GetString());
        Assert.Equal("托育机构", d.GetProperty("kind").GetString());
        Assert.Equal("Standalone", d.GetProperty("kindCode").GetString());
        Assert.Equal("民办", d.GetProperty("ownership").GetString());
        Assert.Equal("ForProfit", d.GetProperty("legalRegistrationCode").GetString());
        Assert.Equal(["全日托", "计时托"], d.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["FullDay", "Hourly"], d.GetProperty("serviceCodes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(60, d.GetProperty("registeredSlots").GetInt32());
        Assert.Equal(600, d.GetProperty("floorAreaSquareMetres").GetInt32());
        Assert.Equal("2026-12-31", d.GetProperty("insuredUntil").GetString());
        Assert.Equal("连锁" + w.Suffix, d.GetProperty("chainName").GetString());
        Assert.Equal("未备案", d.GetProperty("filingStatus").GetString());
        Assert.Equal("NotFiled", d.GetProperty("filingStatusCode").GetString());
        Assert.False(d.GetProperty("isInclusive").GetBoolean());
        Assert.Equal(JsonValueKind.Null, d.GetProperty("grade").ValueKind);
        Assert.Contains("芙蓉区", d.GetProperty("regionName").GetString(), StringComparison.Ordinal);

        var list = await ApiAssert.OkAsync(await reg.GetAsync($"{Api}?q={Uri.EscapeDataString((string)body["name"]!)}"));
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(id, row.GetProperty("id").GetGuid());
        Assert.Equal("NotFiled", row.GetProperty("filingStatusCode").GetString());

        // The new chain is in the picker, with the one institution; a second institution joins it by id.
        var chains = await ApiAssert.OkAsync(await reg.GetAsync($"{Api}/chains"));
        var chain = Assert.Single(chains.EnumerateArray(), c => c.GetProperty("name").GetString() == "连锁" + w.Suffix);
        Assert.Equal(1, chain.GetProperty("institutions").GetInt32());
        var second = ValidBody(w, "连锁二店");
        second["chainName"] = null;
        second["chainId"] = chain.GetProperty("id").GetGuid();
        var created2 = await ApiAssert.StatusAsync(await reg.PostAsJsonAsync(Api, second), HttpStatusCode.Created);
        Assert.Equal("连锁" + w.Suffix, created2.GetProperty("chainName").GetString());
    }

    [Fact]
    public async Task A_bad_credit_code_is_400_on_creditCode_and_writes_nothing()
    {
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var body = ValidBody(w);
        var code = (string)body["creditCode"]!;
        body["creditCode"] = code[..17] + (code[17] == '0' ? '1' : '0');
        await RefusedAsync(() => reg.PostAsJsonAsync(Api, body), HttpStatusCode.BadRequest, field: "creditCode");
        body["creditCode"] = "123";
        await RefusedAsync(() => reg.PostAsJsonAsync(Api, body), HttpStatusCode.BadRequest, field: "creditCode");
    }

    [Fact]
    public async Task A_legal_registration_that_contradicts_the_credit_code_is_400_on_legalRegistration()
    {
        // GB 32100-2015 登记管理部门代码: 5 = 民政, so a 52… code cannot be a for-profit company.
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var body = ValidBody(w);
        body["creditCode"] = NewCreditCode("52");
        await RefusedAsync(() => reg.PostAsJsonAsync(Api, body), HttpStatusCode.BadRequest, field: "legalRegistration");
        body["legalRegistration"] = null;
        await RefusedAsync(() => reg.PostAsJsonAsync(Api, body), HttpStatusCode.BadRequest, field: "legalRegistration");
        body["legalRegistration"] = "NonProfitCivilAffairs";
        await ApiAssert.StatusAsync(await reg.PostAsJsonAsync(Api, body), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Kind_specific_fields_coordinates_services_and_slots_are_checked_field_by_field()
    {
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var body = ValidBody(w);
        body["kind"] = "EmployerRun";
        await RefusedAsync(() => reg.PostAsJsonAsync(Api, body), HttpStatusCode.BadRequest, field: "employerName");
        body["kind"] = "幼儿园托班";
        body["employerName"] = "某公司";
        var problem = await RefusedAsync(() => reg.PostAsJsonAsync(Api, body), HttpStatusCode.BadRequest, field: "kindergartenName");
        Assert.True(problem.GetProperty("errors").TryGetProperty("employerName", out _));

        body = ValidBody(w);
        body["longitude"] = null;
        await RefusedAsync(() => reg.PostAsJsonAsync(Api, body), HttpStatusCode.BadRequest, field: "longitude");
        body["latitude"] = 112.99;
        body["longitude"] = 28.19;
        await RefusedAsync(() => reg.PostAsJsonAsync(Api, body), HttpStatusCode.BadRequest, field: "latitude");

        body = ValidBody(w);
        body["services"] = Array.Empty<string>();
        body["registeredSlots"] = -1;
        body["ownership"] = "Private";
        body["publiclyBuiltPrivatelyRun"] = true;
        problem = await RefusedAsync(() => reg.PostAsJsonAsync(Api, body), HttpStatusCode.BadRequest, field: "services");
        Assert.True(problem.GetProperty("errors").TryGetProperty("registeredSlots", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("publiclyBuiltPrivatelyRun", out _));

        // A county code, and a street code that does not exist, are not streets.
        body = ValidBody(w);
        body["regionCode"] = "430102000000";
        await RefusedAsync(() => reg.PostAsJsonAsync(Api, body), HttpStatusCode.BadRequest, field: "regionCode");
        body["regionCode"] = "430102999000";
        await RefusedAsync(() => reg.PostAsJsonAsync(Api, body), HttpStatusCode.BadRequest, field: "regionCode");
    }

    [Fact]
    public async Task A_credit_code_already_registered_is_409_and_writes_nothing()
    {
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var existing = (await GetAsync(reg, w.InstitutionA)).GetProperty("creditCode").GetString();
        var body = ValidBody(w);
        body["creditCode"] = existing!.ToLowerInvariant();
        await RefusedAsync(() => reg.PostAsJsonAsync(Api, body), HttpStatusCode.Conflict, "registry.credit_code_taken");
    }

    [Fact]
    public async Task A_regulator_cannot_register_an_institution_outside_its_region_nor_an_institution_admin_at_all()
    {
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var body = ValidBody(w);
        body["regionCode"] = TestWorld.YueluStreet;
        await RefusedAsync(() => reg.PostAsJsonAsync(Api, body), HttpStatusCode.Forbidden);
        var admin = await w.ClientAsync(w.AdminA);
        await RefusedAsync(() => admin.PostAsJsonAsync(Api, ValidBody(w)), HttpStatusCode.Forbidden);
        await RefusedAsync(() => admin.GetAsync($"{Api}/import/template"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_regulator_edits_the_record_and_the_change_history_shows_who_changed_which_field()
    {
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var body = AsPutBody(await GetAsync(reg, w.InstitutionA));
        body["registeredSlots"] = 45;
        body["openingHours"] = "周一至周六 07:00–18:00";
        body["kind"] = "CommunityEmbedded";
        var updated = await ApiAssert.OkAsync(await reg.PutAsJsonAsync($"{Api}/{w.InstitutionA}", body));
        Assert.Equal(45, updated.GetProperty("registeredSlots").GetInt32());
        Assert.Equal("社区嵌入式托育", updated.GetProperty("kind").GetString());
        Assert.Equal((int)body["version"]! + 1, updated.GetProperty("version").GetInt32());

        // A class change writes audit rows of another entity: the institution's history never shows them.
        var admin = await w.ClientAsync(w.AdminA);
        await ApiAssert.StatusAsync(await admin.PostAsJsonAsync($"{Api}/{w.InstitutionA}/classes", new { name = "乳儿班甲", type = "Infant", capacity = 5 }), HttpStatusCode.Created);
        var history = await ApiAssert.OkAsync(await reg.GetAsync($"{Api}/{w.InstitutionA}/history"));
        var last = history.EnumerateArray().First(h => h.GetProperty("changes").EnumerateArray().Any(c => c.GetProperty("field").GetString() == "RegisteredSlots"));
        Assert.Equal(w.RegulatorA, last.GetProperty("userName").GetString());
        var slots = last.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "RegisteredSlots");
        Assert.Equal("登记托位", slots.GetProperty("label").GetString());
        Assert.Equal("30", slots.GetProperty("before").GetString());
        Assert.Equal("45", slots.GetProperty("after").GetString());
        Assert.Contains(last.GetProperty("changes").EnumerateArray(), c => c.GetProperty("after").GetString() == "社区嵌入式托育");
        Assert.All(history.EnumerateArray(), h => Assert.DoesNotContain(h.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() is "Capacity" or "Type"));

        var regB = await w.ClientAsync(w.RegulatorB);
        await RefusedAsync(() => regB.GetAsync($"{Api}/{w.InstitutionA}/history"), HttpStatusCode.Forbidden);
        // The admin reads its own institution's history; the signed medical institution reads the record, not who changed it.
        await ApiAssert.OkAsync(await admin.GetAsync($"{Api}/{w.InstitutionA}/history"));
        var medical = await w.ClientAsync(w.MedicalUser);
        await ApiAssert.OkAsync(await medical.GetAsync($"{Api}/{w.InstitutionA}"));
        await RefusedAsync(() => medical.GetAsync($"{Api}/{w.InstitutionA}/history"), HttpStatusCode.Forbidden);
        await RefusedAsync(() => regB.PutAsJsonAsync($"{Api}/{w.InstitutionA}", body), HttpStatusCode.Forbidden, unchanged: w.InstitutionA);
    }

    [Fact]
    public async Task A_stale_version_is_409_and_changes_nothing()
    {
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var body = AsPutBody(await GetAsync(reg, w.InstitutionA));
        await ApiAssert.OkAsync(await reg.PutAsJsonAsync($"{Api}/{w.InstitutionA}", body));
        body["address"] = "另一个地址1号";
        await RefusedAsync(() => reg.PutAsJsonAsync($"{Api}/{w.InstitutionA}", body), HttpStatusCode.Conflict, "concurrency.conflict", unchanged: w.InstitutionA);
        body["version"] = null;
        await RefusedAsync(() => reg.PutAsJsonAsync($"{Api}/{w.InstitutionA}", body), HttpStatusCode.BadRequest, field: "version", unchanged: w.InstitutionA);
    }

    [Fact]
    public async Task Registered_slots_below_the_classes_is_409_and_changes_nothing()
    {
        // The world's A has one 托小班 of 15: 14 slots cannot hold it (ClassRules, ADR 0014).
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var body = AsPutBody(await GetAsync(reg, w.InstitutionA));
        body["registeredSlots"] = 14;
        await RefusedAsync(() => reg.PutAsJsonAsync($"{Api}/{w.InstitutionA}", body), HttpStatusCode.Conflict, "registry.slots_below_classes", unchanged: w.InstitutionA);
        body["registeredSlots"] = 15;
        await ApiAssert.OkAsync(await reg.PutAsJsonAsync($"{Api}/{w.InstitutionA}", body));
    }

    [Fact]
    public async Task A_filed_institution_keeps_its_credit_code()
    {
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var body = AsPutBody(await GetAsync(reg, w.InstitutionA));
        body["creditCode"] = NewCreditCode();
        await RefusedAsync(() => reg.PutAsJsonAsync($"{Api}/{w.InstitutionA}", body), HttpStatusCode.Conflict, "registry.credit_code_locked", unchanged: w.InstitutionA);
    }

    [Fact]
    public async Task An_institution_admin_edits_operating_details_but_not_name_credit_code_or_slots()
    {
        var w = await NewWorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        var d = await GetAsync(admin, w.InstitutionA);
        foreach (var (field, value) in new (string, object)[] { ("name", "改名托育" + w.Suffix), ("creditCode", NewCreditCode()), ("registeredSlots", 99), ("regionCode", TestWorld.FurongStreet[..9] + "002") })
        {
            var body = AsPutBody(d);
            body[field] = value;
            await RefusedAsync(() => admin.PutAsJsonAsync($"{Api}/{w.InstitutionA}", body), HttpStatusCode.Forbidden, unchanged: w.InstitutionA);
        }

        // Only its own fields, with the registered ones left out (null = keep) or sent back unchanged.
        var own = new Dictionary<string, object?>
        {
            ["contactPhone"] = "0731-86660000", ["services"] = new[] { "全日托", "临时托" }, ["openingHours"] = "全年无休", ["insuredUntil"] = "2027-06-30",
            ["insurer"] = "某保险", ["floorAreaSquareMetres"] = 400, ["version"] = d.GetProperty("version").GetInt32(),
        };
        var updated = await ApiAssert.OkAsync(await admin.PutAsJsonAsync($"{Api}/{w.InstitutionA}", own));
        Assert.Equal(["FullDay", "Temporary"], updated.GetProperty("serviceCodes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("全年无休", updated.GetProperty("openingHours").GetString());
        Assert.Equal(d.GetProperty("name").GetString(), updated.GetProperty("name").GetString());
        Assert.Equal(30, updated.GetProperty("registeredSlots").GetInt32());

        var adminB = await w.ClientAsync(w.AdminB);
        own["version"] = updated.GetProperty("version").GetInt32();
        await RefusedAsync(() => adminB.PutAsJsonAsync($"{Api}/{w.InstitutionA}", own), HttpStatusCode.Forbidden, unchanged: w.InstitutionA);
    }

    [Fact]
    public async Task The_list_filters_by_kind_inclusive_filing_status_and_name()
    {
        var w = await NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var body = ValidBody(w, "家庭点");
        body["kind"] = "FamilyPoint";
        var created = await ApiAssert.StatusAsync(await reg.PostAsJsonAsync(Api, body), HttpStatusCode.Created);
        var family = created.GetProperty("id").GetGuid();

        async Task<List<Guid>> IdsAsync(string query)
        {
            var page = await ApiAssert.OkAsync(await reg.GetAsync($"{Api}?{query}&pageSize=200"));
            return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())
                .Where(id => id == family || id == w.InstitutionA || id == w.InstitutionB)];
        }

        var suffix = Uri.EscapeDataString(w.Suffix);
        Assert.Equal(new[] { w.InstitutionA, family }.Order(), (await IdsAsync($"q={suffix}")).Order());
        Assert.Equal([family], await IdsAsync($"q={suffix}&kind=FamilyPoint"));
        Assert.Equal([family], await IdsAsync($"keyword={suffix}&kind={Uri.EscapeDataString("家庭托育点")}"));
        Assert.Equal([w.InstitutionA], await IdsAsync($"q={suffix}&inclusive=true"));
        Assert.Equal([family], await IdsAsync($"q={suffix}&inclusive=false"));
        Assert.Equal([w.InstitutionA], await IdsAsync($"q={suffix}&filingStatus=Filed"));
        Assert.Equal([family], await IdsAsync($"q={suffix}&filingStatus=NotFiled&region={TestWorld.FurongStreet}"));
        await ApiAssert.ProblemAsync(await reg.GetAsync($"{Api}?kind=Castle"), HttpStatusCode.BadRequest);
        await ApiAssert.ProblemAsync(await reg.GetAsync($"{Api}?inclusive=maybe"), HttpStatusCode.BadRequest);
        await ApiAssert.ProblemAsync(await reg.GetAsync($"{Api}?filingStatus=Lost"), HttpStatusCode.BadRequest);

        // The list page's export link sends every filter, empty ones included.
        Assert.Equal(HttpStatusCode.OK, (await reg.GetAsync($"{Api}/export?region=&kind=&inclusive=&filingStatus=&q={suffix}")).StatusCode);
        var export = await reg.GetAsync($"{Api}/export?q={suffix}&kind=FamilyPoint");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(body["creditCode"], row["统一社会信用代码"]);
        Assert.Equal("全日托、计时托", row["服务类型"]);
        Assert.Equal("连锁" + w.Suffix, row["连锁品牌"]);
    }
}

public sealed class SqliteInstitutionMasterDataTests(SqliteFixture fixture) : InstitutionMasterDataTests(fixture);

public sealed class PostgresInstitutionMasterDataTests(PostgresFixture fixture) : InstitutionMasterDataTests(fixture);
