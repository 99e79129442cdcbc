using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

public sealed class SignInTests(TuoyuSite site) : BrowserTest(site)
{
    [Fact]
    public Task Wrong_password_shows_a_Chinese_error_and_stays_on_login() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/login");
        await Expect(page).ToHaveTitleAsync("登录 - 托育服务综合管理平台");

        await SubmitLoginAsync(page, "med0001", "not-the-password-1");

        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("用户名、密码或验证码错误");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("#userName")).ToHaveValueAsync("med0001");
        await Expect(page.Locator("#password")).ToHaveValueAsync(""); // the password is not sent back into the page
        Assert.DoesNotContain("not-the-password-1", await page.ContentAsync(), StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true })).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "tuoyu.auth");
    });

    [Fact]
    public Task Unauthenticated_visit_redirects_to_login() => InBrowserAsync(async page =>
    {
        var home = await page.GotoAsync("/");
        Assert.NotNull(home);
        Assert.NotNull(home.Request.RedirectedFrom); // a real HTTP redirect, not a page that renders and then moves
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("#userName")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=scope-name]")).ToHaveCountAsync(0);

        await page.GotoAsync("/institutions");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        Assert.Contains("returnurl=%2finstitutions", new Uri(page.Url).Query, StringComparison.OrdinalIgnoreCase);
        await Expect(page.GetByTestId("institution-table")).ToHaveCountAsync(0);

        // Signing in from there goes back to the page that was asked for.
        await SubmitLoginAsync(page, "furong");
        await page.WaitForURLAsync(Site.BaseUrl + "/institutions");
        await Expect(page.GetByTestId("institution-table")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Logout_ends_the_session() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, "parent0001");
        await Expect(page.Locator("h1")).ToContainTextAsync("欢迎");
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == "tuoyu.auth");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/login"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "tuoyu.auth");

        await page.GotoAsync("/");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("#userName")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToHaveCountAsync(0);
    });
}
