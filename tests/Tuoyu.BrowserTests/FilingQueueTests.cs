using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

/// <summary>Issue #3 item 7: a district regulator (furong) works the filing queue (备案审核) through the pages.</summary>
public sealed class FilingQueueTests(TuoyuSite site) : BrowserTest(site)
{
    [Fact]
    public Task Regulator_approves_the_oldest_submitted_filing_and_it_leaves_the_queue() => InBrowserAsync(async page =>
    {
        var queue = await Site.GetJsonAsync<PageAnswer<FilingQueueEntry>>("furong", "/api/v1/filing/queue?pageSize=200");
        Assert.True(queue.Total > 0, "the demo city has no submitted filing waiting in 芙蓉区");
        var target = queue.Items[0];
        Assert.Equal("Submitted", target.Status);

        await SignInAsync(page, "furong");
        await page.GetByRole(AriaRole.Link, new() { Name = "备案审核", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("备案审核");
        await Expect(page.GetByTestId("queue-total")).ToHaveTextAsync($"共 {queue.Total} 家");
        // Oldest submission first: the API's first entry is the table's first row.
        await Expect(page.GetByTestId("queue-table").Locator("tbody tr").First).ToHaveAttributeAsync("data-institution", target.InstitutionId.ToString());

        await page.Locator($"tr[data-institution='{target.InstitutionId}'] a").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(target.Name);
        await Expect(page.GetByTestId("filing-status")).ToHaveTextAsync("已提交");
        await Expect(page.GetByTestId("missing-documents-none")).ToBeVisibleAsync();
        // The documents download as PDF attachments.
        var links = page.GetByTestId("filing-documents").Locator("a");
        Assert.True(await links.CountAsync() >= 5, "the demo filing has its documents");
        var download = await page.RunAndWaitForDownloadAsync(() => links.First.ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path!)[..5]), StringComparison.Ordinal);

        // 退回补正 without a reason: a field error, and nothing changes.
        await page.GetByRole(AriaRole.Button, new() { Name = "退回补正", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-field-error='reason']")).ToContainTextAsync("退回补正须填写理由");
        await Expect(page.GetByTestId("filing-status")).ToHaveTextAsync("已提交");

        await page.Locator("#review-reason").FillAsync("材料齐全，予以备案");
        await page.GetByRole(AriaRole.Button, new() { Name = "予以备案", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("filing-message")).ToContainTextAsync("已予以备案");
        await Expect(page.GetByTestId("filing-status")).ToHaveTextAsync("已备案");
        await Expect(page.GetByTestId("filing-history").Locator("tr").First).ToContainTextAsync("材料齐全，予以备案");
        await Expect(page.GetByTestId("review-form").GetByRole(AriaRole.Button, new() { Name = "撤销备案" })).ToBeVisibleAsync();

        await page.GetByTestId("back-to-queue").ClickAsync();
        await Expect(page.GetByTestId("queue-total")).ToHaveTextAsync($"共 {queue.Total - 1} 家");
        await Expect(page.Locator($"tr[data-institution='{target.InstitutionId}']")).ToHaveCountAsync(0);
        var state = await Site.GetJsonAsync<FilingStateAnswer>("furong", $"/api/v1/institutions/{target.InstitutionId}/filing");
        Assert.Equal("Filed", state.Status);
        Assert.NotNull(state.FiledOn);
        await page.ScreenshotAsync(new() { Path = ScreenshotPath("filing-queue-furong"), FullPage = true });
    });
}
