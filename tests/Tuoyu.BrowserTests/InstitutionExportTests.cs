using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

public sealed class InstitutionExportTests(TuoyuSite site) : BrowserTest(site)
{
    [Fact]
    public Task The_institution_export_downloads_an_excel_file_of_the_callers_scope() => InBrowserAsync(async page =>
    {
        var api = await Site.GetJsonAsync<PageAnswer<InstitutionItem>>("furong", "/api/v1/institutions?pageSize=1");
        Assert.True(api.Total > 20, $"furong has {api.Total} institutions: too few to show the export is not the one page on screen");

        await SignInAsync(page, "furong");
        await page.GotoAsync("/institutions");
        await Expect(page.Locator("main")).ToContainTextAsync($"共 {api.Total} 家");

        // Blazor's enhanced navigation would fetch() the file as if it were a page before loading it again.
        var scriptFetches = 0;
        page.Request += (_, r) =>
        {
            if ((r.ResourceType is "fetch" or "xhr") && r.Url.Contains("/api/v1/institutions/export", StringComparison.Ordinal)) { Interlocked.Increment(ref scriptFetches); }
        };
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        Assert.Null(await download.FailureAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(TuoyuSite.ArtifactsDirectory, "downloads", "institutions-furong.xlsx");
        await download.SaveAsAsync(path);

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "not a zip (xlsx) file");

        var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(api.Total, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("430102", Convert.ToString(r["区划代码"], System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(Convert.ToString(r["机构名称"], System.Globalization.CultureInfo.InvariantCulture))));

        // A plain download: the list page stays, address included, and no script fetched the file.
        Assert.Equal("/institutions", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByTestId("institution-table")).ToBeVisibleAsync();
        Assert.Equal(0, scriptFetches);
    });
}
