using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

/// <summary>/directory: the anonymous, statically rendered public directory, on a phone-sized screen.</summary>
public sealed class PublicDirectoryTests(TuoyuSite site) : BrowserTest(site)
{
    private const string Furong = "430102000000";

    [Fact]
    public Task An_anonymous_visitor_finds_institutions_for_an_18_month_old_in_Furong_and_opens_one() => InBrowserAsync(async page =>
    {
        // Expected results come from the anonymous API, not from this test.
        var api = await Site.GetAnonymousJsonAsync<PageAnswer<PublicInstitutionItem>>($"/api/v1/public/institutions?region={Furong}&ageMonths=18&pageSize=20");
        Assert.True(api.Total > 0, "the demo city has no filed institution in 芙蓉区 for an 18-month-old");
        var first = api.Items[0];

        await page.SetViewportSizeAsync(390, 844); // mobile first
        await page.GotoAsync("/login");
        await page.GetByTestId("directory-link").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("托育机构查询");
        // Never signed in: no logout button, no staff menu.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToHaveCountAsync(0);

        await page.Locator("#county").SelectOptionAsync(new SelectOptionValue { Label = "芙蓉区" });
        await page.Locator("#age").FillAsync("18");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("directory-total")).ToHaveTextAsync($"共 {api.Total} 家");
        Assert.Contains($"county={Furong}", page.Url, StringComparison.Ordinal);
        Assert.Contains("age=18", page.Url, StringComparison.Ordinal);
        var cards = page.GetByTestId("directory-card");
        await Expect(cards).ToHaveCountAsync(api.Items.Count);
        await Expect(cards.First.Locator("h2")).ToHaveTextAsync(first.Name);
        // The county was chosen, so its streets are offered now.
        await Expect(page.Locator("#street option")).Not.ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("directory-furong-18-months-mobile"), FullPage = true });

        await cards.First.Locator("h2 a").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{Site.BaseUrl}/directory/{first.Id}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(first.Name);
        var detail = page.GetByTestId("directory-detail");
        await Expect(detail).ToContainTextAsync("已备案");
        await Expect(page.GetByTestId("directory-address")).ToHaveTextAsync(first.Address);
        var classes = page.GetByTestId("directory-class");
        await Expect(classes).ToHaveCountAsync(first.Classes.Count);
        for (var k = 0; k < first.Classes.Count; k++)
        {
            var c = first.Classes[k];
            await Expect(classes.Nth(k)).ToContainTextAsync(c.Type);
            await Expect(classes.Nth(k)).ToContainTextAsync($"额定 {c.Capacity} 人");
            await Expect(classes.Nth(k)).ToContainTextAsync($"空位 {c.Vacancies}");
        }

        Assert.Contains(first.Classes, c => c.Type is "托小班" or "混合班");
        await Expect(page.Locator("main")).ToContainTextAsync("数据来源：已备案托育机构");
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("directory-detail-mobile"), FullPage = true });
    });
}
