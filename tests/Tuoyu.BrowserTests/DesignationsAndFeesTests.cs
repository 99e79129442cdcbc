using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

/// <summary>Issue #3 items 4 and 5 in the browser: the institution page's designation and fee forms, and /fee-guidelines.</summary>
public sealed class DesignationsAndFeesTests(TuoyuSite site) : BrowserTest(site)
{
    /// <summary>Opens a folded form (a details element) unless the page left it open, as it does after an error.</summary>
    private static async Task OpenAsync(IPage page, string summary)
    {
        var details = page.Locator("details", new() { Has = page.Locator("summary", new() { HasText = summary }) });
        if (await details.GetAttributeAsync("open") is null) { await details.Locator("summary").ClickAsync(); }
    }

    private sealed record Item(Guid Id, string Name, bool IsInclusive, string Ownership, string FilingStatus);

    [Fact]
    public Task A_district_regulator_recognises_an_institution_as_inclusive_and_sets_its_fee_in_yuan() => InBrowserAsync(async page =>
    {
        var list = await Site.GetJsonAsync<PageAnswer<Item>>("furong", "/api/v1/institutions?pageSize=200");
        var target = list.Items.First(i => !i.IsInclusive && i.Ownership == "民办" && i.FilingStatus == "已备案");

        await SignInAsync(page, "furong");
        await page.GotoAsync($"/institutions/{target.Id}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(target.Name);
        var grant = page.GetByTestId("designation-grant");
        await OpenAsync(page, "新增认定");
        await grant.Locator("#dg-kind").SelectOptionAsync("Inclusive");
        await grant.Locator("#dg-basis").FillAsync("芙卫发〔2026〕8号");
        await grant.GetByRole(AriaRole.Button, new() { Name = "认定" }).ClickAsync();
        await Expect(page.GetByTestId("designation-message")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("designation-history")).ToContainTextAsync("芙卫发〔2026〕8号");
        await Expect(page.GetByTestId("institution-detail")).ToContainTextAsync("（普惠）");
        await Expect(page.Locator("h2#fees")).ToContainTextAsync("政府指导价");

        // Fees in 元: more than two decimals is refused on the page; then one fee, every other row left empty.
        await OpenAsync(page, "修改收费标准");
        var edit = page.GetByTestId("fees-edit");
        var amounts = edit.Locator("input[name$='.Yuan']");
        var count = await amounts.CountAsync();
        Assert.True(count > 0);
        for (var n = 0; n < count; n++) { await amounts.Nth(n).FillAsync(""); }
        await amounts.First.FillAsync("1888.505");
        await edit.GetByRole(AriaRole.Button, new() { Name = "保存收费标准" }).ClickAsync();
        await Expect(page.GetByTestId("fees-error")).ToContainTextAsync("最多两位小数");

        await OpenAsync(page, "修改收费标准");
        edit = page.GetByTestId("fees-edit");
        amounts = edit.Locator("input[name$='.Yuan']");
        for (var n = 0; n < count; n++) { await amounts.Nth(n).FillAsync(""); }
        await amounts.First.FillAsync("1,888.50");
        await edit.GetByRole(AriaRole.Button, new() { Name = "保存收费标准" }).ClickAsync();
        await Expect(page.GetByTestId("fees-message")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("fees")).ToContainTextAsync("1,888.50");
        await Expect(page.GetByTestId("fees").Locator("tr")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("institution-designations-fees"), FullPage = true });

        // Outside the demo guideline (1,200–3,000 元 for full-day care): refused with the range, nothing saved.
        await OpenAsync(page, "修改收费标准");
        edit = page.GetByTestId("fees-edit");
        await edit.Locator("input[name$='.Yuan']").First.FillAsync("9000");
        await edit.GetByRole(AriaRole.Button, new() { Name = "保存收费标准" }).ClickAsync();
        await Expect(page.GetByTestId("fees-error")).ToContainTextAsync("不在普惠收费指导价");
        await page.GotoAsync($"/institutions/{target.Id}");
        await Expect(page.GetByTestId("fees")).ToContainTextAsync("1,888.50");
    });

    [Fact]
    public Task The_city_regulator_adds_a_fee_guideline_in_yuan() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, "changsha");
        await page.GetByRole(AriaRole.Link, new() { Name = "收费指导价" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("普惠收费指导价");
        await Expect(page.GetByTestId("guidelines")).ToContainTextAsync("1,200.00");

        var form = page.GetByTestId("guideline-create");
        await form.Locator("#gc-service").SelectOptionAsync("Hourly");
        await form.Locator("#Create-min").FillAsync("20");
        await form.Locator("#Create-max").FillAsync("45.5");
        await form.Locator("#Create-from").FillAsync("2026-01-01");
        await form.Locator("#Create-basis").FillAsync("长发改价〔2026〕演示");
        await form.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Expect(page.GetByTestId("guideline-message")).ToBeVisibleAsync();
        var row = page.GetByTestId("guidelines").Locator("tr", new() { HasText = "长发改价〔2026〕演示" });
        await Expect(row).ToContainTextAsync("计时托");
        await Expect(row).ToContainTextAsync("45.50");

        // The same again overlaps: refused with the reason.
        form = page.GetByTestId("guideline-create");
        await form.Locator("#gc-service").SelectOptionAsync("Hourly");
        await form.Locator("#Create-min").FillAsync("20");
        await form.Locator("#Create-max").FillAsync("40");
        await form.Locator("#Create-from").FillAsync("2026-06-01");
        await form.Locator("#Create-basis").FillAsync("重叠");
        await form.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Expect(page.GetByTestId("guideline-error")).ToContainTextAsync("重叠");

        // End it through its edit link.
        await row.GetByRole(AriaRole.Link, new() { Name = "修改或终止" }).ClickAsync();
        var edit = page.GetByTestId("guideline-edit");
        await edit.Locator("#Change-to").FillAsync("2026-12-31");
        await edit.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByTestId("guideline-message")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("guidelines").Locator("tr", new() { HasText = "长发改价〔2026〕演示" })).ToContainTextAsync("2026-12-31");
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("fee-guidelines"), FullPage = true });
    });
}
