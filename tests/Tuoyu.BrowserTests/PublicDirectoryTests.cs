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

    [Fact]
    public Task A_visitor_in_Furong_uses_my_location_sees_the_nearest_institutions_on_the_list_and_the_map_and_opens_one() => InBrowserAsync(async page =>
    {
        // 芙蓉区 (about 28.19 N, 113.03 E): the browser reports this position; expected results come from the API.
        const double lat = 28.19, lng = 113.03;
        var api = await Site.GetAnonymousJsonAsync<PageAnswer<PublicInstitutionItem>>($"/api/v1/public/institutions?lat={lat}&lng={lng}&radiusKm=5&pageSize=20");
        Assert.True(api.Total > 0, "the demo city has no filed institution within 5 km of 芙蓉区's centre");
        var nearest = api.Items[0];

        await page.SetViewportSizeAsync(390, 844);
        await page.Context.GrantPermissionsAsync(["geolocation"]);
        await page.Context.SetGeolocationAsync(new Geolocation { Latitude = (float)lat, Longitude = (float)lng });
        await page.GotoAsync("/directory");
        var locate = page.GetByTestId("directory-locate");
        await Expect(locate).ToBeVisibleAsync(); // shown only when the browser offers geolocation (hidden without JS)
        await locate.ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("lat=28.19", StringComparison.Ordinal) && url.Contains("radius=5", StringComparison.Ordinal));
        await Expect(page.GetByTestId("directory-total")).ToHaveTextAsync($"共 {api.Total} 家");
        await Expect(page.GetByTestId("directory-center")).ToContainTextAsync("以您的位置为中心");
        var cards = page.GetByTestId("directory-card");
        await Expect(cards).ToHaveCountAsync(api.Items.Count);
        await Expect(cards.First.Locator("h2")).ToHaveTextAsync(nearest.Name);
        await Expect(cards.First).ToContainTextAsync($"约 {nearest.DistanceKm:0.0} 公里");
        // The ECharts map: its container is drawn (a canvas) once echarts.min.js has loaded.
        var map = page.GetByTestId("directory-map");
        await Expect(map).ToBeVisibleAsync();
        await Expect(map).ToHaveAttributeAsync("data-rendered", "1");
        await Expect(map.Locator("canvas")).Not.ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("directory-near-furong-mobile"), FullPage = true });

        await cards.First.Locator("h2 a").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{Site.BaseUrl}/directory/{nearest.Id}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(nearest.Name);
        await Expect(page.GetByTestId("directory-detail")).ToContainTextAsync("已备案");
        await Expect(page.Locator("main")).ToContainTextAsync("收费标准（元/月）");
        await Expect(page.Locator("main")).ToContainTextAsync("认定与评定");
    });
}
