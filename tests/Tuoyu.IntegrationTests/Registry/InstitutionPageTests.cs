using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Registry;

/// <summary>
/// The regulator's institution pages (static SSR forms, ADR 0017) through plain HTTP: the 登记 form shows errors next to
/// the field and then creates, the admin's edit form cannot change registered fields, the import page reports rows,
/// and the detail page shows the full record and its change history.
/// </summary>
public abstract partial class InstitutionPageTests(AppFixture fixture)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<(string Html, string Token)> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(500, html.Length)]}");
        return (html, TokenPattern().Match(html).Groups[1].Value);
    }

    private static Dictionary<string, string> CreateForm(TestWorld w, string token, string name, string creditCode) => new()
    {
        ["_handler"] = "institution-form", ["__RequestVerificationToken"] = token,
        ["Input.Name"] = name, ["Input.CreditCode"] = creditCode, ["Input.Kind"] = "Standalone", ["Input.Ownership"] = "Private",
        ["Input.LegalRegistration"] = "ForProfit", ["Input.RegionCode"] = TestWorld.FurongStreet, ["Input.Address"] = "芙蓉区页面路1号",
        ["Input.Latitude"] = "28.2", ["Input.Longitude"] = "112.98", ["Input.RegisteredSlots"] = "50", ["Input.OpenedOn"] = "2025-01-01",
        ["Input.FullDay"] = "true", ["Input.Hourly"] = "true", ["Input.ContactPhone"] = "0731-83330000", ["Input.OpeningHours"] = "07:30–17:30",
    };

    [Fact]
    public async Task The_create_page_shows_errors_next_to_the_field_then_registers_and_opens_the_detail()
    {
        var w = await fixture.NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var (html, token) = await PageAsync(reg, "/institutions/new");
        Assert.True(html.Contains("data-testid=\"institution-form\"", StringComparison.Ordinal), html[^Math.Min(html.Length, 2500)..]);
        Assert.Contains("文艺路街道", html, StringComparison.Ordinal); // the street picker of 芙蓉区

        var name = "页面登记托育" + w.Suffix;
        var bad = await reg.PostAsync("/institutions/new", new FormUrlEncodedContent(CreateForm(w, token, name, "91430102ABCDEFGH12")));
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("data-field-error=\"creditCode\"", badHtml, StringComparison.Ordinal);
        // The form keeps what was typed, selects included (static rendering marks the chosen option).
        var at = badHtml.IndexOf("<option value=\"Private\"", StringComparison.Ordinal);
        Assert.True(badHtml[at..(at + 40)].Contains("selected", StringComparison.Ordinal), badHtml[at..(at + 60)]);
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Institutions.CountAsync(i => i.Name == name)));

        var code = InstitutionMasterDataTests.NewCreditCode();
        var ok = await reg.PostAsync("/institutions/new", new FormUrlEncodedContent(CreateForm(w, token, name, code)));
        var okHtml = WebUtility.HtmlDecode(await ok.Content.ReadAsStringAsync());
        Assert.True(ok.StatusCode == HttpStatusCode.OK, okHtml[..Math.Min(500, okHtml.Length)]);
        var id = await fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => i.CreditCode == code).Select(i => i.Id).SingleAsync());
        // The page redirected to the new institution (HttpClient drops the bearer token on a redirect, hence the sign-in page).
        Assert.Contains($"institutions%2F{id}", ok.RequestMessage!.RequestUri!.Query, StringComparison.OrdinalIgnoreCase);
        (okHtml, _) = await PageAsync(reg, $"/institutions/{id}");
        Assert.Contains("全日托、计时托", okHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"change-history\"", okHtml, StringComparison.Ordinal);
        Assert.Contains("登记机构", okHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_detail_page_shows_the_full_record_agreements_and_who_changed_which_field()
    {
        var w = await fixture.NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var d = await ApiAssert.OkAsync(await reg.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        await ApiAssert.OkAsync(await reg.PutAsJsonAsync($"/api/v1/institutions/{w.InstitutionA}", new
        {
            name = d.GetProperty("name").GetString(), creditCode = d.GetProperty("creditCode").GetString(), kind = "Standalone", ownership = "Private",
            legalRegistration = "ForProfit", regionCode = TestWorld.FurongStreet, address = "芙蓉区新址8号", services = new[] { "FullDay" },
            registeredSlots = 30, openedOn = "2024-01-01", openingHours = "周一至周五 08:00–17:00", version = d.GetProperty("version").GetInt32(),
        }));
        var (html, _) = await PageAsync(reg, $"/institutions/{w.InstitutionA}");
        Assert.Contains("营利性（市场监管部门登记）", html, StringComparison.Ordinal);
        Assert.Contains("周一至周五 08:00–17:00", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"medical-agreements\"", html, StringComparison.Ordinal);
        Assert.Contains("测试妇幼保健院", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"change-history\"", html, StringComparison.Ordinal);
        Assert.Contains("开放时间", html, StringComparison.Ordinal);
        Assert.Contains(w.RegulatorA, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"institution-edit\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_edit_page_keeps_registered_fields_and_saves_operating_details()
    {
        var w = await fixture.NewWorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        var (html, token) = await PageAsync(admin, $"/institutions/{w.InstitutionA}/edit");
        Assert.Contains("须由监管部门修改", html, StringComparison.Ordinal);
        var version = await fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == w.InstitutionA).Select(i => i.Version).SingleAsync());
        // A crafted post with a new name: the page leaves registered fields out, so the name stays.
        var response = await admin.PostAsync($"/institutions/{w.InstitutionA}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "institution-form", ["__RequestVerificationToken"] = token, ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = "偷改名称", ["Input.ContactPhone"] = "0731-82220000", ["Input.HalfDay"] = "true", ["Input.OpeningHours"] = "周末开放",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var i = await fixture.Factory.WithDbAsync(db => db.Institutions.AsNoTracking().SingleAsync(x => x.Id == w.InstitutionA));
        Assert.StartsWith("测试托育A", i.Name, StringComparison.Ordinal);
        Assert.Equal("周末开放", i.OpeningHours);
        Assert.Equal(Tuoyu.Web.Modules.Registry.Contracts.CareServices.HalfDay, i.Services);
        await ApiAssert.StatusAsync(await admin.GetAsync("/institutions/new"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_import_page_shows_the_row_report_with_a_download()
    {
        var w = await fixture.NewWorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var (_, token) = await PageAsync(reg, "/institutions/import");
        var good = new Dictionary<string, object?>
        {
            ["机构名称"] = "页面导入" + w.Suffix, ["统一社会信用代码"] = InstitutionMasterDataTests.NewCreditCode("52"), ["机构类型"] = "家庭托育点",
            ["举办性质"] = "民办", ["法人登记"] = "非营利性（民政）", ["所在街道区划代码"] = TestWorld.FurongStreet, ["地址"] = "芙蓉区某小区1栋",
            ["服务类型"] = "全日托", ["登记托位"] = 10, ["开办日期"] = "2025-05-01",
        };
        var bad = new Dictionary<string, object?>(good) { ["机构名称"] = "页面导入坏" + w.Suffix, ["统一社会信用代码"] = "X" };
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { good, bad });
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("institution-import"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "File", "机构.xlsx" },
        };
        var response = await reg.PostAsync("/institutions/import", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, html[..Math.Min(800, html.Length)]);
        Assert.Contains("data-row=\"2\" data-status=\"imported\"", html, StringComparison.Ordinal);
        Assert.Contains("data-row=\"3\" data-status=\"failed\"", html, StringComparison.Ordinal);
        Assert.Contains("data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,", html, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.Institutions.CountAsync(i => i.Name.Contains(w.Suffix) && i.Name.StartsWith("页面导入"))));
    }
}

public sealed class SqliteInstitutionPageTests(SqliteFixture fixture) : InstitutionPageTests(fixture);

public sealed class PostgresInstitutionPageTests(PostgresFixture fixture) : InstitutionPageTests(fixture);
