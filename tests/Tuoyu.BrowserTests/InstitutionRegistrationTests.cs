using Microsoft.Playwright;
using Tuoyu.Web.Common.Rules;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

/// <summary>ADR 0017: a district regulator registers an institution through the 登记机构 page.</summary>
public sealed class InstitutionRegistrationTests(TuoyuSite site) : BrowserTest(site)
{
    [Fact]
    public Task A_regulator_registers_an_institution_and_sees_field_errors_first() => InBrowserAsync(async page =>
    {
        var org = new string([.. Enumerable.Range(0, 9).Select(_ => UnifiedSocialCreditCode.Alphabet[Random.Shared.Next(UnifiedSocialCreditCode.Alphabet.Length)])]);
        var code = UnifiedSocialCreditCode.Create("52430102" + org);
        var name = "浏览器登记托育中心" + org;

        await SignInAsync(page, "furong");
        await page.GotoAsync("/institutions");
        await page.GetByRole(AriaRole.Link, new() { Name = "登记机构", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("登记机构");

        await page.Locator("#name").FillAsync(name);
        await page.Locator("#creditCode").FillAsync(code);
        await page.Locator("#kind").SelectOptionAsync("Standalone");
        await page.Locator("#ownership").SelectOptionAsync("Private");
        // A 52… code is registered with 民政: 营利性 contradicts it and is refused next to the field.
        await page.Locator("#legalRegistration").SelectOptionAsync("ForProfit");
        await page.Locator("#regionCode").SelectOptionAsync("430102001000");
        await page.Locator("#address").FillAsync("芙蓉区浏览器路1号");
        await page.Locator("#registeredSlots").FillAsync("40");
        await page.Locator("#openedOn").FillAsync("2025-03-01");
        await page.Locator("#svcHourly").CheckAsync();
        await page.GetByTestId("institution-save").ClickAsync();
        await Expect(page.Locator("[data-field-error=legalRegistration]")).ToContainTextAsync("民政");

        await page.Locator("#legalRegistration").SelectOptionAsync("NonProfitCivilAffairs");
        await page.GetByTestId("institution-save").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("institution-detail")).ToContainTextAsync(code);
        await Expect(page.GetByTestId("services")).ToHaveTextAsync("全日托、计时托");
        await Expect(page.GetByTestId("change-history")).ToContainTextAsync("furong");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("institution-registered"), FullPage = true });
    });
}
