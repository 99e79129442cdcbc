using Microsoft.Playwright;
using MiniExcelLibs;
using Tuoyu.Web.Common.Rules;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

/// <summary>ADR 0017: a regulator uploads a workbook on the import page, reads the row report and downloads it as Excel.</summary>
public sealed class InstitutionImportPageTests(TuoyuSite site) : BrowserTest(site)
{
    [Fact]
    public Task A_regulator_imports_a_workbook_and_downloads_the_row_report() => InBrowserAsync(async page =>
    {
        var org = new string([.. Enumerable.Range(0, 9).Select(_ => UnifiedSocialCreditCode.Alphabet[Random.Shared.Next(UnifiedSocialCreditCode.Alphabet.Length)])]);
        Dictionary<string, object?> Row(string name, string code) => new()
        {
            ["机构名称"] = name, ["统一社会信用代码"] = code, ["机构类型"] = "托育机构", ["举办性质"] = "民办", ["法人登记"] = "营利性",
            ["所在街道区划代码"] = "430102001000", ["地址"] = "芙蓉区导入路8号", ["服务类型"] = "全日托、半日托", ["登记托位"] = 30, ["开办日期"] = "2025-02-01",
        };
        var workbook = Path.Combine(TuoyuSite.ArtifactsDirectory, "downloads", "import-" + org + ".xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(workbook)!);
        await MiniExcel.SaveAsAsync(workbook, new[]
        {
            Row("浏览器导入托育中心" + org, UnifiedSocialCreditCode.Create("91430102" + org)),
            Row("浏览器导入坏行" + org, "91430102" + org + "0"),
        });

        await SignInAsync(page, "furong");
        await page.GotoAsync("/institutions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Excel导入", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Excel导入机构");
        await page.Locator("#file").SetInputFilesAsync(workbook);
        await page.GetByTestId("import-submit").ClickAsync();

        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("已导入 1 行");
        await Expect(page.Locator("tr[data-row='2']")).ToHaveAttributeAsync("data-status", "imported");
        await Expect(page.Locator("tr[data-row='3']")).ToContainTextAsync("统一社会信用代码");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("import-report-download").ClickAsync());
        var path = Path.Combine(TuoyuSite.ArtifactsDirectory, "downloads", "import-report-" + org + ".xlsx");
        await download.SaveAsAsync(path);
        var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["已导入", "未导入"], rows.Select(r => Convert.ToString(r["结果"], System.Globalization.CultureInfo.InvariantCulture)));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("institution-import"), FullPage = true });

        // The imported institution is in the list, not filed.
        await page.GotoAsync("/institutions?q=" + Uri.EscapeDataString("浏览器导入托育中心" + org));
        await Expect(page.GetByTestId("institution-table")).ToContainTextAsync("未备案");
    });
}
