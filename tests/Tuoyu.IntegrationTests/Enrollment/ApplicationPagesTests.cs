using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.IntegrationTests.Enrollment;

/// <summary>ADR 0026: the whole application flow on the pages — the parent applies and accepts on /my/applications, the admin offers on /applications.</summary>
public abstract partial class ApplicationPagesTests(AppFixture fixture)
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

    [Fact]
    public async Task A_parent_applies_on_the_page_the_admin_offers_on_the_queue_page_and_the_parent_accepts()
    {
        var w = await fixture.NewWorldAsync();
        await fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == w.InstitutionB)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Services, CareServices.FullDay)));
        // Child A is enrolled at A until the end of this month; the family applies to B from next month.
        var next = YearMonth.Of(ChinaTime.Today(TimeProvider.System)).AddMonths(1);
        await fixture.Factory.WithDbAsync(db => db.Enrollments.Where(e => e.ChildId == w.ChildA)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.EndDate, next.FirstDay.AddDays(-1))));
        var parent = await w.ClientAsync(w.ParentA);
        var nameB = "测试托育B" + w.Suffix;

        var (found, token) = await PageAsync(parent, "/my/applications?q=" + Uri.EscapeDataString(nameB));
        Assert.Contains(nameB, found, StringComparison.Ordinal);
        await parent.PostAsync("/my/applications?q=" + Uri.EscapeDataString(nameB), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "application-apply", ["__RequestVerificationToken"] = token, [$"Apply.Pick[{w.InstitutionB}]"] = "on",
            ["Apply.ChildId"] = w.ChildA.ToString(), ["Apply.Service"] = "FullDay", ["Apply.StartMonth"] = next.ToString(),
        }));
        var id = await fixture.Factory.WithDbAsync(db => db.Applications.Where(a => a.ChildId == w.ChildA && a.InstitutionId == w.InstitutionB)
            .Select(a => a.Id).SingleAsync());

        var admin = await w.ClientAsync(w.AdminB);
        var (queue, adminToken) = await PageAsync(admin, "/applications");
        Assert.Contains($"data-application=\"{id}\"", queue, StringComparison.Ordinal);
        await admin.PostAsync("/applications", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "application-decide", ["__RequestVerificationToken"] = adminToken, ["Act.Op"] = $"offer:{id}",
            [$"Act.ClassId[{id}]"] = w.ClassB.ToString(), [$"Act.ExpiresOn[{id}]"] = ChinaTime.Today(TimeProvider.System).AddDays(3).ToString("yyyy-MM-dd"),
        }));
        var (mine, parentToken) = await PageAsync(parent, "/my/applications");
        Assert.Contains("已发出学位", mine, StringComparison.Ordinal);

        await parent.PostAsync("/my/applications", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "application-answer", ["__RequestVerificationToken"] = parentToken, ["Act.Op"] = $"accept:{id}",
        }));
        Assert.Equal(ApplicationStatus.Accepted, await fixture.Factory.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.Enrollments.CountAsync(e => e.ChildId == w.ChildA && e.ClassId == w.ClassB)));

        // The region's regulator reads the queue from the institution page, without the offer and refuse forms.
        var (read, _) = await PageAsync(await w.ClientAsync(w.RegulatorB), $"/applications?institutionId={w.InstitutionB}&status=Accepted");
        Assert.Contains($"data-application=\"{id}\"", read, StringComparison.Ordinal);
        Assert.DoesNotContain("Act.Op", read, StringComparison.Ordinal);

        // Another institution's admin cannot open this queue on the page either.
        var (other, _) = await PageAsync(await w.ClientAsync(w.AdminA), $"/applications?institutionId={w.InstitutionB}");
        Assert.Contains("data-testid=\"queue-error\"", other, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-application=\"{id}\"", other, StringComparison.Ordinal);
    }
}

public sealed class SqliteApplicationPagesTests(SqliteFixture fixture) : ApplicationPagesTests(fixture);

public sealed class PostgresApplicationPagesTests(PostgresFixture fixture) : ApplicationPagesTests(fixture);
