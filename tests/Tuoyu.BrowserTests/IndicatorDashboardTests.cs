using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

/// <summary>Issue #6: the city regulator's indicator dashboard, drilled from 长沙市 to 芙蓉区 to one institution, and exported.</summary>
public sealed class IndicatorDashboardTests(TuoyuSite site) : BrowserTest(site)
{
    [Fact]
    public Task The_city_regulator_drills_from_the_city_to_a_district_to_an_institution_and_exports_the_table() => InBrowserAsync(async page =>
    {
        await SignInAsync(page, "changsha");
        await page.GotoAsync("/indicators");
        var table = page.GetByTestId("indicator-table");
        await Expect(table).ToBeVisibleAsync();
        // Interactive (Blazor Server): the pickers answer once the circuit is live.
        await Expect(page.GetByTestId("indicator-dashboard")).ToHaveAttributeAsync("data-ready", "true");
        // 长沙市 against its 2025 targets (长政发〔2022〕10号 二（二）): the 备案率 row shows the 60 % target.
        await page.GetByTestId("indicator-year").SelectOptionAsync("2025");
        await Expect(page.GetByTestId("indicator-date")).ToContainTextAsync("2025 年");
        var filing = table.Locator("tr[data-indicator='filing_rate']");
        await Expect(filing).ToContainTextAsync("60（2025）");
        await Expect(filing).ToContainTextAsync("长政发〔2022〕10号");

        await filing.ClickAsync();
        var breakdown = page.GetByTestId("breakdown-table");
        await Expect(page.GetByTestId("breakdown-title")).ToContainTextAsync("长沙市");
        await breakdown.Locator("tr[data-key='430102000000'] a").ClickAsync();
        await Expect(page.GetByTestId("breakdown-title")).ToContainTextAsync("芙蓉区");
        await Expect(page.GetByTestId("breakdown-title")).ToContainTextAsync("各机构");
        await Expect(page.GetByTestId("indicator-trail")).ToContainTextAsync("长沙市");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("breakdown-export").ClickAsync());
        Assert.Null(await download.FailureAsync());
        var path = Path.Combine(TuoyuSite.ArtifactsDirectory, "downloads", "indicator-breakdown-furong.xlsx");
        await download.SaveAsAsync(path);
        var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var api = await Site.GetJsonAsync<System.Text.Json.JsonElement>("changsha", "/api/v1/indicators/filing_rate/breakdown?region=430102000000&year=2025");
        var expected = api.GetProperty("rows").GetArrayLength();
        Assert.True(expected > 0, "芙蓉区 has institutions in the demo city");
        Assert.Equal(expected, rows.Count); // every institution, not only the page on screen
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(Convert.ToString(r["机构"], System.Globalization.CultureInfo.InvariantCulture))));

        var tableDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("indicator-export").ClickAsync());
        Assert.Null(await tableDownload.FailureAsync());
        Assert.EndsWith(".xlsx", tableDownload.SuggestedFilename, StringComparison.Ordinal);

        var first = breakdown.Locator("tbody tr a").First;
        var name = await first.InnerTextAsync();
        await first.ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(name.Trim());
        Assert.Contains("/institutions/", page.Url, StringComparison.Ordinal);
    });
}
