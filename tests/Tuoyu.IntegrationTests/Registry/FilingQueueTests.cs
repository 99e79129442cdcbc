using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.IntegrationTests.Registry;

/// <summary>
/// Issue #3 item 7: the regulator's filing queue (<c>/api/v1/filing/queue</c> and <c>/filing</c>) and the filing page
/// (<c>/institutions/{id}/filing</c>), whose upload and submit forms work with antiforgery (ADR 0019).
/// </summary>
public abstract partial class FilingQueueTests(AppFixture fixture)
{
    private const string Queue = "/api/v1/filing/queue";

    private Task<int> VersionAsync(Guid institution) =>
        fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == institution).Select(i => i.Version).SingleAsync());

    private Task SetStatusAsync(Guid institution, FilingStatus status) => fixture.Factory.WithDbAsync(async db =>
    {
        var i = await db.Institutions.SingleAsync(x => x.Id == institution);
        i.FilingStatus = status;
        i.FiledOn = null;
        return await db.SaveChangesAsync();
    });

    /// <summary>A second institution in A's street, submitted long ago (so it is older than anything submitted now).</summary>
    private Task<Guid> AddOldSubmissionAsync(TestWorld w) => fixture.Factory.WithDbAsync(async db =>
    {
        var a = await db.Institutions.AsNoTracking().SingleAsync(x => x.Id == w.InstitutionA);
        var id = Guid.NewGuid();
        db.Institutions.Add(new Institution
        {
            Id = id, Name = "测试托育C" + w.Suffix, CreditCode = Tuoyu.Web.Common.Rules.UnifiedSocialCreditCode.Create("12" + a.CreditCode[2..17]),
            Kind = InstitutionKind.Standalone, Ownership = Ownership.Public, RegionCode = a.RegionCode, Address = "测试路2号",
            RegisteredSlots = 20, FilingStatus = FilingStatus.Submitted, OpenedOn = new DateOnly(2020, 1, 1),
        });
        db.FilingEvents.Add(new FilingEvent
        {
            Id = Guid.NewGuid(), InstitutionId = id, Action = FilingAction.Submit, FromStatus = FilingStatus.NotFiled, ToStatus = FilingStatus.Submitted,
            ActorUserId = Guid.NewGuid(), ActorUserName = "admC", At = new DateTime(2020, 3, 1, 2, 0, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();
        return id;
    });

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("institutionId").GetGuid())];

    [Fact]
    public async Task The_queue_lists_submitted_filings_in_scope_oldest_first_and_never_another_county()
    {
        var w = await fixture.NewWorldAsync();
        await SetStatusAsync(w.InstitutionA, FilingStatus.NotFiled);
        await SetStatusAsync(w.InstitutionB, FilingStatus.Submitted);
        var admin = await w.ClientAsync(w.AdminA);
        await TestWorld.UploadFilingDocumentsAsync(admin, w.InstitutionA);
        await ApiAssert.OkAsync(await admin.PostAsJsonAsync($"/api/v1/institutions/{w.InstitutionA}/filing/submit", new { version = await VersionAsync(w.InstitutionA) }));
        var old = await AddOldSubmissionAsync(w);

        var regA = await w.ClientAsync(w.RegulatorA);
        var page = await ApiAssert.OkAsync(await regA.GetAsync($"{Queue}?region={TestWorld.FurongStreet}&pageSize=200"));
        var ids = Ids(page);
        Assert.Contains(w.InstitutionA, ids);
        Assert.True(ids.IndexOf(old) < ids.IndexOf(w.InstitutionA), "the older submission comes first");
        Assert.DoesNotContain(w.InstitutionB, Ids(await ApiAssert.OkAsync(await regA.GetAsync($"{Queue}?pageSize=200"))));
        var itemA = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("institutionId").GetGuid() == w.InstitutionA);
        Assert.Equal("芙蓉区", itemA.GetProperty("countyName").GetString());
        Assert.Equal(1, itemA.GetProperty("submissions").GetInt32());
        Assert.Equal("已提交", itemA.GetProperty("statusName").GetString());

        // The regulator of 岳麓区 sees B, never A; a region filter outside their scope finds nothing.
        var regB = await w.ClientAsync(w.RegulatorB);
        var idsB = Ids(await ApiAssert.OkAsync(await regB.GetAsync($"{Queue}?pageSize=200")));
        Assert.Contains(w.InstitutionB, idsB);
        Assert.DoesNotContain(w.InstitutionA, idsB);
        Assert.DoesNotContain(old, idsB);
        Assert.Equal(0, (await ApiAssert.OkAsync(await regB.GetAsync($"{Queue}?region={TestWorld.FurongStreet}"))).GetProperty("total").GetInt32());

        // Other statuses by filter: A is not among the filed.
        Assert.DoesNotContain(w.InstitutionA, Ids(await ApiAssert.OkAsync(await regA.GetAsync($"{Queue}?status=Filed&region={TestWorld.FurongStreet}&pageSize=200"))));
    }

    [Fact]
    public async Task The_queue_refuses_bad_filters_and_non_regulators()
    {
        var w = await fixture.NewWorldAsync();
        var regA = await w.ClientAsync(w.RegulatorA);
        foreach (var (query, field) in new[] { ("status=Bogus", "status"), ("status=2", "status"), ("region=4301", "region"), ("page=0", "page"), ("pageSize=500", "pageSize") })
        {
            var problem = await ApiAssert.ProblemAsync(await regA.GetAsync($"{Queue}?{query}"), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query}: {problem}");
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await (await w.ClientAsync(w.AdminA)).GetAsync(Queue)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await w.ClientAsync(w.MedicalUser)).GetAsync(Queue)).StatusCode);
        // The page is closed to them too.
        var queuePage = await (await w.ClientAsync(w.AdminA)).GetAsync("/filing");
        Assert.DoesNotContain("data-testid=\"queue-filter\"", await queuePage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filing_page_uploads_and_submits_through_its_forms_and_is_closed_to_another_county()
    {
        var w = await fixture.NewWorldAsync();
        await SetStatusAsync(w.InstitutionA, FilingStatus.NotFiled);
        await fixture.Factory.WithDbAsync(async db =>
        {
            var i = await db.Institutions.SingleAsync(x => x.Id == w.InstitutionA);
            i.Services = CareServices.HalfDay;
            return await db.SaveChangesAsync();
        });
        var admin = await w.ClientAsync(w.AdminA);
        var url = $"/institutions/{w.InstitutionA}/filing";
        var html = await PageAsync(admin, url);
        Assert.Contains("尚缺：营业执照或登记证书、场地证明、消防验收/备案、卫生评价、人员资格", html, StringComparison.Ordinal);

        // Without the antiforgery token the form post is refused and nothing is stored.
        using (var forged = PageForm("filing-upload", null, ("Upload.Kind", "FireSafety")))
        {
            forged.Add(new ByteArrayContent(TestWorld.MinimalPdf()), "file", "fire.pdf");
            var refused = await admin.PostAsync(url, forged);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.FilingDocuments.CountAsync(d => d.InstitutionId == w.InstitutionA)));

        foreach (var kind in new[] { "RegistrationCertificate", "PremisesProof", "FireSafety", "HealthEvaluation", "StaffQualifications" })
        {
            using var form = PageForm("filing-upload", Token(html), ("Upload.Kind", kind));
            form.Add(new ByteArrayContent(TestWorld.MinimalPdf(kind)), "file", kind + ".pdf");
            html = await PostPageAsync(admin, url, form);
            Assert.Contains("已上传", html, StringComparison.Ordinal);
        }

        // A renamed file is a field error on the page, and nothing is stored.
        using (var form = PageForm("filing-upload", Token(html), ("Upload.Kind", "Other")))
        {
            form.Add(new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00]), "file", "tool.pdf");
            html = await PostPageAsync(admin, url, form);
            Assert.Contains("data-field-error=\"file\"", html, StringComparison.Ordinal);
            Assert.Contains("文件内容与扩展名不符", html, StringComparison.Ordinal);
        }

        Assert.Equal(5, await fixture.Factory.WithDbAsync(db => db.FilingDocuments.CountAsync(d => d.InstitutionId == w.InstitutionA)));
        Assert.Contains("必需材料已齐全", html, StringComparison.Ordinal);
        using (var submit = PageForm("filing-submit", Token(html), ("SubmitStep.Version", VersionIn(html).ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            html = await PostPageAsync(admin, url, submit);
        }

        Assert.Contains("已提交备案", html, StringComparison.Ordinal);
        Assert.Equal(FilingStatus.Submitted, await fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == w.InstitutionA).Select(i => i.FilingStatus).SingleAsync()));

        // The county regulator gets the review buttons; moved down to a street, they no longer do (Zhuzhou 三(五)2).
        var regA = await w.ClientAsync(w.RegulatorA);
        Assert.Contains("data-testid=\"review-form\"", await PageAsync(regA, url), StringComparison.Ordinal);
        await fixture.Factory.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.UserName == w.RegulatorA);
            u.RegionCode = TestWorld.FurongStreet;
            return await db.SaveChangesAsync();
        });
        var street = await PageAsync(await w.ClientAsync(w.RegulatorA), url);
        Assert.DoesNotContain("data-testid=\"review-form\"", street, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"filing-documents\"", street, StringComparison.Ordinal);
        Assert.Contains($"href=\"/institutions/{w.InstitutionA}/filing\"", await PageAsync(admin, $"/institutions/{w.InstitutionA}"), StringComparison.Ordinal);

        // The regulator of another county cannot open the page.
        var regB = await w.ClientAsync(w.RegulatorB);
        var denied = await regB.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.DoesNotContain("data-testid=\"filing-documents\"", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(500, html.Length)]}");
        return html;
    }

    private static async Task<string> PostPageAsync(HttpClient client, string url, HttpContent form)
    {
        var response = await client.PostAsync(url, form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(2000, html.Length)]}");
        return html;
    }

    private static MultipartFormDataContent PageForm(string handler, string? token, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new StringContent(handler), "_handler" } };
        if (token is not null) { form.Add(new StringContent(token), "__RequestVerificationToken"); }
        foreach (var (name, value) in fields) { form.Add(new StringContent(value), name); }
        return form;
    }

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    private static int VersionIn(string html) => int.Parse(VersionPattern().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"SubmitStep.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}

public sealed class SqliteFilingQueueTests(SqliteFixture fixture) : FilingQueueTests(fixture);

public sealed class PostgresFilingQueueTests(PostgresFixture fixture) : FilingQueueTests(fixture);
