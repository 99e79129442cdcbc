using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

public sealed class TwoFactorTests(TuoyuSite site) : BrowserTest(site)
{
    // inst0002 belongs to this test alone: enrolling changes the account for the rest of the run
    // (two factors from then on), and the app and its database live once per test assembly.
    // Other tests must not sign in as inst0002.
    private const string EnrollingUser = "inst0002";

    [Fact]
    public void Totp_helper_matches_the_RFC_6238_test_vector()
    {
        // RFC 6238 appendix B, SHA-1, key "12345678901234567890": T = 59 s → 94287082, the last 6 digits for 6-digit codes.
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Assert.Equal("12345678901234567890"u8.ToArray(), Totp.Base32Decode(key));
        Assert.Equal("287082", Totp.Code(key, Totp.Step(DateTimeOffset.FromUnixTimeSeconds(59))));
        Assert.Equal("081804", Totp.Code(key, Totp.Step(DateTimeOffset.FromUnixTimeSeconds(1111111109))));
    }

    [Fact]
    public Task A_user_enrols_an_authenticator_and_then_needs_its_code_to_sign_in() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, EnrollingUser);
        await page.GotoAsync("/account/two-factor");
        await Expect(page.Locator("h1")).ToHaveTextAsync("双因素认证（TOTP）");
        var key = (await page.GetByTestId("totp-key").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z2-7]{16,}$", key);
        var enable = page.GetByRole(AriaRole.Button, new() { Name = "启用", Exact = true });

        // A wrong code is refused in Chinese and nothing is enabled.
        await page.Locator("#code").FillAsync(Totp.WrongCode(key));
        await enable.ClickAsync();
        await Expect(page.Locator(".alert-danger")).ToHaveTextAsync("验证码错误或已过期");
        await Expect(page.GetByTestId("totp-key")).ToHaveTextAsync(key); // same key offered again

        // The code the authenticator shows now enables two factors.
        await page.Locator("#code").FillAsync(await Totp.CurrentCodeAsync(key));
        await enable.ClickAsync();
        await Expect(page.Locator(".alert-success")).ToHaveTextAsync("双因素认证已启用");
        await Expect(page.GetByTestId("totp-key")).ToHaveCountAsync(0);

        // Enabling renewed the security stamp: this browser's session is over.
        await page.GotoAsync("/");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("#userName")).ToBeVisibleAsync();

        // The password alone no longer signs in.
        await SubmitLoginAsync(page, EnrollingUser);
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("请输入身份验证器中的6位动态验证码");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "tuoyu.auth");

        // Password and the current code do.
        await page.Locator("#userName").FillAsync(EnrollingUser);
        await page.Locator("#password").FillAsync(TuoyuSite.DemoPassword);
        await page.Locator("#code").FillAsync(await Totp.CurrentCodeAsync(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Site.BaseUrl + "/");
        await Expect(page.Locator("h1")).ToContainTextAsync("欢迎");
    });
}
