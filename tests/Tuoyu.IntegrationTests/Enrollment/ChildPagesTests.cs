using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.IntegrationTests.Enrollment;

/// <summary>ADR 0023: the admin's roster (list, export with masked numbers), register-and-place page, child page; the parent's pick-up section.</summary>
public abstract partial class ChildPagesTests(AppFixture fixture)
{
    private static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<(string Html, string Token)> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(500, html.Length)]}");
        return (html, TokenPattern().Match(html).Groups[1].Value);
    }

    private Task OfferAsync(TestWorld w) => fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == w.InstitutionA)
        .ExecuteUpdateAsync(s => s.SetProperty(i => i.Services, CareServices.FullDay)));

    [Fact]
    public async Task The_roster_lists_searches_and_exports_the_institutions_children_with_masked_numbers_only()
    {
        var w = await fixture.NewWorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        var list = await ApiAssert.OkAsync(await admin.GetAsync($"/api/v1/children?classId={w.ClassA}"));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(w.ChildA, list.GetProperty("items")[0].GetProperty("childId").GetGuid());
        Assert.Equal(0, (await ApiAssert.OkAsync(await admin.GetAsync("/api/v1/children?q=没有这个名字"))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminB)).GetAsync($"/api/v1/children?classId={w.ClassA}"))).GetProperty("total").GetInt32());
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.ParentA)).GetAsync("/api/v1/children"), HttpStatusCode.Forbidden);

        var export = await admin.GetAsync("/api/v1/children/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var text = string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains(w.ChildAIdNumber[..6] + "********", text, StringComparison.Ordinal);
        Assert.DoesNotContain(w.ChildAIdNumber, text, StringComparison.Ordinal);

        var (html, _) = await PageAsync(admin, "/children");
        Assert.Contains("data-testid=\"child-table\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(w.ChildAIdNumber, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_registers_and_places_a_child_on_the_page_then_withdraws_it_on_the_child_page()
    {
        var w = await fixture.NewWorldAsync();
        await OfferAsync(w);
        var admin = await w.ClientAsync(w.AdminA);
        var (_, token) = await PageAsync(admin, "/children/new");
        var (number, birth) = TestIds.ResidentId("430102", Today.AddMonths(-15));
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "child-new", ["__RequestVerificationToken"] = token, ["Input.Name"] = "页面登记", ["Input.IdNumber"] = number,
            ["Input.BirthDate"] = birth.ToString("yyyy-MM-dd"), ["Input.Sex"] = "Female", ["Input.HukouLocal"] = "true", ["Input.HukouRegionCode"] = "430102000000",
            ["Input.BirthOrder"] = "1", ["Input.GuardianName"] = "页面妈妈", ["Input.GuardianRelation"] = "母亲", ["Input.GuardianPhone"] = "13811112222",
            ["Input.ClassId"] = w.ClassA.ToString(), ["Input.ServiceType"] = "FullDay", ["Input.StartDate"] = Today.ToString("yyyy-MM-dd"),
        };
        var bad = new Dictionary<string, string>(form) { ["Input.GuardianPhone"] = "123" };
        var badHtml = WebUtility.HtmlDecode(await (await admin.PostAsync("/children/new", new FormUrlEncodedContent(bad))).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"child-error\"", badHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(number, badHtml, StringComparison.Ordinal);

        await admin.PostAsync("/children/new", new FormUrlEncodedContent(form));
        var id = await fixture.Factory.WithDbAsync(db => db.Children.Where(c => c.Name == "页面登记" && c.BirthDate == birth).Select(c => c.Id).SingleAsync());
        var enrollment = await fixture.Factory.WithDbAsync(db => db.Enrollments.SingleAsync(e => e.ChildId == id));
        Assert.Equal(w.ClassA, enrollment.ClassId);

        var (html, token2) = await PageAsync(admin, $"/children/{id}/manage");
        Assert.Contains("data-testid=\"enrollment-history\"", html, StringComparison.Ordinal);
        Assert.Contains("138****2222", html, StringComparison.Ordinal);
        await admin.PostAsync($"/children/{id}/manage", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "enrollment-action", ["__RequestVerificationToken"] = token2, ["Act.Op"] = "withdraw",
            ["Act.Date"] = Today.AddDays(10).ToString("yyyy-MM-dd"), ["Act.Reason"] = "搬家",
        }));
        Assert.Equal(Today.AddDays(10), await fixture.Factory.WithDbAsync(db => db.Enrollments.Where(e => e.ChildId == id).Select(e => e.EndDate).SingleAsync()));
        // Another institution's admin gets the page with a not-found message, never the child.
        var otherHtml = await (await (await w.ClientAsync(w.AdminB)).GetAsync($"/children/{id}/manage")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("页面妈妈", WebUtility.HtmlDecode(otherHtml), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_parent_authorises_a_pick_up_person_on_the_childs_page()
    {
        var w = await fixture.NewWorldAsync();
        var parent = await w.ClientAsync(w.ParentA);
        var (html, token) = await PageAsync(parent, $"/my/children/{w.ChildA}");
        Assert.True(html.Contains("data-testid=\"pickup-section\"", StringComparison.Ordinal), html[^Math.Min(html.Length, 3000)..]);
        await parent.PostAsync($"/my/children/{w.ChildA}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "pickup-add", ["__RequestVerificationToken"] = token, ["Person.Name"] = "李爷爷", ["Person.Relation"] = "祖父", ["Person.Phone"] = "13600001234",
        }));
        var (after, token2) = await PageAsync(parent, $"/my/children/{w.ChildA}");
        Assert.Contains("李爷爷", after, StringComparison.Ordinal);
        var pickup = await fixture.Factory.WithDbAsync(db => db.PickupPersons.SingleAsync(p => p.ChildId == w.ChildA));
        await parent.PostAsync($"/my/children/{w.ChildA}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "pickup-revoke", ["__RequestVerificationToken"] = token2, ["Revoke"] = pickup.Id.ToString(),
        }));
        Assert.NotNull(await fixture.Factory.WithDbAsync(db => db.PickupPersons.Where(p => p.Id == pickup.Id).Select(p => p.RevokedAt).SingleAsync()));
    }
}

public sealed class SqliteChildPagesTests(SqliteFixture fixture) : ChildPagesTests(fixture);

public sealed class PostgresChildPagesTests(PostgresFixture fixture) : ChildPagesTests(fixture);
