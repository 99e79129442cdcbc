using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

/// <summary>三权分立 in the browser: the system admin creates and disables accounts, the security admin unlocks them.</summary>
public sealed class UserAdministrationTests(TuoyuSite site) : BrowserTest(site)
{
    [Fact]
    public Task System_admin_creates_an_account_on_the_form_and_disables_it_from_the_list() => InBrowserAsync(async page =>
    {
        var name = "brw" + Guid.NewGuid().ToString("N")[..8];
        await SignInAsync(page, "sysadmin");
        await page.GetByRole(AriaRole.Link, new() { Name = "用户管理" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("用户管理");
        await page.GetByTestId("new-user").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("新建账号");

        // An incomplete form comes back with the fields marked.
        await page.Locator("#userName").FillAsync("x!");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Expect(page.Locator("[data-field-error=userName]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-field-error=kind]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-field-error=password]")).ToBeVisibleAsync();

        await page.Locator("#userName").FillAsync(name);
        await page.Locator("#displayName").FillAsync("浏览器测试监管员");
        await page.Locator("#kind").SelectOptionAsync("Regulator");
        await page.Locator("#regionCode").FillAsync("430102000000");
        await page.Locator("#password").FillAsync("Browser@Pass1");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Expect(page.GetByTestId("user-created")).ToContainTextAsync(name);
        await Expect(page.GetByTestId("user-created")).ToContainTextAsync("芙蓉区");
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("user-created"), FullPage = true });

        await page.GotoAsync($"/users?keyword={name}");
        var row = page.Locator($"tr[data-user='{name}']");
        await Expect(row).ToContainTextAsync("正常");
        await row.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await Expect(page.GetByTestId("user-message")).ToContainTextAsync($"账号 {name} 已停用");
        await Expect(page.Locator($"tr[data-user='{name}']")).ToContainTextAsync("已停用");
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("users-sysadmin"), FullPage = true });

        using var http = new HttpClient { BaseAddress = new Uri(Site.BaseUrl) };
        using var signIn = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "Browser@Pass1" });
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, signIn.StatusCode);
    });

    [Fact]
    public Task Security_admin_unlocks_a_locked_out_account_from_the_list() => InBrowserAsync(async page =>
    {
        var name = "lck" + Guid.NewGuid().ToString("N")[..8];
        using (var sys = await Site.ApiClientAsync("sysadmin"))
        using (var created = await sys.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "锁定测试家长", kind = "Parent", password = "Parent@Pass1" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }

        using var http = new HttpClient { BaseAddress = new Uri(Site.BaseUrl) };
        for (var i = 0; i < 5; i++)
        {
            using var _ = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "wrong-" + i });
        }

        await SignInAsync(page, "secadmin");
        await page.GotoAsync($"/users?keyword={name}");
        var row = page.Locator($"tr[data-user='{name}']");
        await Expect(row).ToContainTextAsync("已锁定");
        // The security admin has no account-changing buttons.
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "停用" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("new-user")).ToHaveCountAsync(0);
        await row.GetByRole(AriaRole.Button, new() { Name = "解除锁定" }).ClickAsync();
        await Expect(page.GetByTestId("user-message")).ToContainTextAsync($"账号 {name} 已解除锁定");
        await Expect(page.Locator($"tr[data-user='{name}']")).Not.ToContainTextAsync("已锁定");

        using var signIn = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "Parent@Pass1" });
        Assert.True(signIn.IsSuccessStatusCode, $"sign-in after unlock: {(int)signIn.StatusCode}");
    });
}
