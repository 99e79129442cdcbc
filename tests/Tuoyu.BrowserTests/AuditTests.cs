using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

public sealed class AuditTests(TuoyuSite site) : BrowserTest(site)
{
    [Fact]
    public Task Auditor_sees_sign_ins_in_the_audit_log() => InBrowserAsync(async page =>
    {
        // A failed attempt too, so that filtering by action has something to leave out.
        using (var http = new HttpClient { BaseAddress = new Uri(Site.BaseUrl) })
        using (var failed = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "no-such-user", password = "whatever-123" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        await SignInAsync(page, "auditor");
        await page.GotoAsync("/audit");
        await Expect(page.Locator("h1")).ToHaveTextAsync("审计日志");

        // The table is interactive (Blazor Server): rows arrive once the circuit has queried them.
        // Rows of the log table itself (the date pickers render calendar tables of their own).
        var rows = page.Locator(".table-container table.table tbody tr");
        var action = ActionCell(page);
        var ownSignIn = rows.Filter(new() { Has = page.Locator("td").Filter(new() { HasTextRegex = new Regex(@"^\s*auditor\s*$") }) })
            .Filter(new() { Has = action("login") });
        await Expect(ownSignIn.First).ToBeVisibleAsync();
        await Expect(rows.Filter(new() { Has = action("login_failed") }).First).ToBeVisibleAsync();

        // Filtering by action works in the live page.
        await page.GetByLabel("操作", new() { Exact = true }).FillAsync("login");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(rows.Filter(new() { HasNot = action("login") })).ToHaveCountAsync(0);
        await Expect(ownSignIn.First).ToBeVisibleAsync();
    });

    /// <summary>The 操作 (action) cell, the fourth column of a row, with exactly <c>name</c> in it.</summary>
    private static Func<string, ILocator> ActionCell(IPage page) =>
        name => page.Locator("td:nth-child(4)").Filter(new() { HasTextRegex = new Regex($@"^\s*{Regex.Escape(name)}\s*$") });
}
