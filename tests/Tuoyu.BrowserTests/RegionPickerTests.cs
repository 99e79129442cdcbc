using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

/// <summary>/regions: an interactive (Blazor Server) page with BootstrapBlazor's cascading selects.</summary>
public sealed class RegionPickerTests(TuoyuSite site) : BrowserTest(site)
{
    private const string Furong = "430102000000";

    [Fact]
    public Task The_region_picker_walks_down_from_province_to_street() => InBrowserAsync(async page =>
    {
        // The region API is anonymous; the expected streets come from it, not from this test.
        var streets = await Site.GetJsonAsync<List<RegionItem>>("furong", $"/api/v1/regions/{Furong}/children");
        Assert.Equal(14, streets.Count);
        var wenyilu = streets.Single(s => s.Name == "文艺路街道");

        await SignInAsync(page, "furong");
        await page.GotoAsync("/regions");
        await Expect(page.Locator("h1")).ToHaveTextAsync("行政区划");
        var detail = page.GetByTestId("region-detail");
        await Expect(detail).ToHaveCountAsync(0);

        await ChooseAsync(page, "省", "湖南省");
        await Expect(detail.Locator("h2")).ToContainTextAsync("湖南省");
        await Expect(detail.Locator("h2")).ToContainTextAsync("430000000000");
        await ChooseAsync(page, "市", "长沙市");
        await Expect(detail.Locator("h2")).ToContainTextAsync("430100000000");
        await ChooseAsync(page, "区县", "芙蓉区");

        await Expect(detail.Locator("h2")).ToContainTextAsync("芙蓉区");
        await Expect(detail.Locator("h2")).ToContainTextAsync(Furong);
        await Expect(detail.Locator("h2")).ToContainTextAsync("区县级");
        await Expect(detail).ToContainTextAsync("下级区划 14 个");
        await Expect(detail.Locator("li")).ToHaveTextAsync([.. streets.Select(s => s.Name)]);

        // The street level offers 芙蓉区's streets; choosing one updates the detail.
        await ChooseAsync(page, "乡镇街道", "文艺路街道");
        await Expect(detail.Locator("h2")).ToContainTextAsync("文艺路街道");
        await Expect(detail.Locator("h2")).ToContainTextAsync(wenyilu.Code);
        await Expect(detail.Locator("h2")).ToContainTextAsync("乡镇街道");
        await Expect(detail.Locator("h2")).Not.ToContainTextAsync("芙蓉区");
        await Expect(detail).ToContainTextAsync("下级区划 0 个");
        Assert.StartsWith("430102", wenyilu.Code, StringComparison.Ordinal);

        await page.ScreenshotAsync(new() { Path = ScreenshotPath("regions-furong-street"), FullPage = true });
    });

    /// <summary>
    /// Picks <paramref name="name"/> in the BootstrapBlazor Select labelled <paramref name="level"/> (a custom
    /// dropdown: a read-only input as toggle and <c>.dropdown-item</c> entries, not a native select).
    /// The page is prerendered and only later attached to its circuit; until then a click may open the menu
    /// but choosing does nothing, so the whole pick is retried until the input shows the choice.
    /// </summary>
    private static async Task ChooseAsync(IPage page, string level, string name)
    {
        var select = page.GetByTestId("region-picker").Locator($"label.form-label:text-is('{level}') + .select");
        var input = select.Locator("input.form-select");
        var menu = select.Locator(".dropdown-menu");
        var item = menu.Locator(".dropdown-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(name)}\\s*$") });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                if (!await menu.IsVisibleAsync()) { await input.ClickAsync(new() { Timeout = 5_000 }); }
                await item.ClickAsync(new() { Timeout = 2_000 });
                await Expect(input).ToHaveValueAsync(name, new() { Timeout = 2_000 });
                return;
            }
            catch (Exception e) when ((e is PlaywrightException or TimeoutException) && DateTime.UtcNow < deadline)
            {
                // Not interactive yet (or the menu closed under us): try again.
            }
        }
    }
}
