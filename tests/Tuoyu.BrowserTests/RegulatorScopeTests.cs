using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

/// <summary>A district regulator (芙蓉区卫健局) sees their own district and nothing else.</summary>
public sealed class RegulatorScopeTests(TuoyuSite site) : BrowserTest(site)
{
    private const string Furong = "430102000000";
    private const string Yuelu = "430104000000";

    [Fact]
    public Task Regulator_signs_in_and_sees_their_districts_figures() => InBrowserAsync(async page =>
    {
        var stylesheets = new List<(string Url, int Status)>();
        page.Response += (_, r) => { if (r.Request.ResourceType == "stylesheet") { lock (stylesheets) { stylesheets.Add((r.Url, r.Status)); } } };

        await SignInAsync(page, "furong");

        await Expect(page).ToHaveTitleAsync("首页 - 托育服务综合管理平台");
        await Expect(page.Locator(".app-brand")).ToHaveTextAsync("托育服务综合管理平台");
        await Expect(page.Locator("h1")).ToContainTextAsync("欢迎");
        await Expect(page.GetByTestId("scope-name")).ToContainTextAsync("管辖范围：长沙市芙蓉区");
        var shown = (
            Institutions: await FigureAsync(page, "figure-institutions"),
            Slots: await FigureAsync(page, "figure-slots"),
            Enrolled: await FigureAsync(page, "figure-enrolled"));
        Assert.True(shown.Institutions > 0, $"institutions shown: {shown.Institutions}");
        Assert.True(shown.Slots > 0, $"slots shown: {shown.Slots}");
        Assert.True(shown.Enrolled > 0, $"enrolled shown: {shown.Enrolled}");

        var api = await Site.GetJsonAsync<SummaryAnswer>("furong", "/api/v1/summary");
        Assert.Equal((api.Institutions, api.RegisteredSlots, api.EnrolledChildren), shown);
        await Expect(page.GetByTestId("scope-name")).ToContainTextAsync(api.ScopeName);

        // The styles really load: BootstrapBlazor's bundle from the package and the app's own sheet.
        lock (stylesheets)
        {
            Assert.Contains(stylesheets, s => s.Url.Contains("/_content/BootstrapBlazor/css/", StringComparison.Ordinal));
            Assert.All(stylesheets, s => Assert.True(s.Status == 200, $"{s.Url} answered {s.Status}"));
        }

        Assert.Equal("rgb(11, 93, 143)", await page.Locator(".app-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.True(await page.EvaluateAsync<bool>(
            "() => [...document.styleSheets].some(s => s.href && s.href.includes('bootstrap.blazor') && s.cssRules.length > 100)"));
        using (var http = new HttpClient { BaseAddress = new Uri(Site.BaseUrl) })
        using (var css = await http.GetAsync("/_content/BootstrapBlazor/css/bootstrap.blazor.bundle.min.css"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        }

        await page.ScreenshotAsync(new() { Path = ScreenshotPath("home-furong"), FullPage = true });
    });

    [Fact]
    public Task Regulator_cannot_open_another_districts_institution() => InBrowserAsync(async page =>
    {
        var yuelu = (await Site.GetJsonAsync<PageAnswer<InstitutionItem>>("yuelu", $"/api/v1/institutions?region={Yuelu}&pageSize=1")).Items.Single();
        Assert.StartsWith("430104", yuelu.RegionCode, StringComparison.Ordinal);
        var own = (await Site.GetJsonAsync<PageAnswer<InstitutionItem>>("furong", "/api/v1/institutions?pageSize=1")).Items.Single();

        await SignInAsync(page, "furong");

        // Control: an institution of 芙蓉区 opens.
        var ownResponse = await page.GotoAsync($"/institutions/{own.Id}");
        Assert.Equal(200, ownResponse!.Status);
        await Expect(page.GetByTestId("institution-detail")).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(own.Name);
        // Each class shows its age range (托育机构设置标准（试行）); 乳儿班 and 托小班 carry the 2岁以下 marker.
        var classRows = page.GetByTestId("classes").Locator("tr");
        await Expect(classRows.First).ToContainTextAsync("个月");
        Assert.Equal(
            await classRows.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("乳儿班|托小班") }).CountAsync(),
            await classRows.Filter(new() { HasText = "2岁以下" }).CountAsync());

        var response = await page.GotoAsync($"/institutions/{yuelu.Id}");
        Assert.Equal(403, response!.Status);
        await Expect(page.GetByTestId("forbidden")).ToHaveTextAsync("该机构不在您的管辖范围内");
        await Expect(page.GetByTestId("institution-detail")).ToHaveCountAsync(0);
        await Expect(page.GetByText(yuelu.Name)).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Regulator_institution_list_shows_only_own_district() => InBrowserAsync(async page =>
    {
        var api = await Site.GetJsonAsync<PageAnswer<InstitutionItem>>("furong", "/api/v1/institutions?pageSize=200");
        Assert.True(api.Total is > 0 and <= 200, $"furong has {api.Total} institutions");
        Assert.All(api.Items, i => Assert.StartsWith("430102", i.RegionCode, StringComparison.Ordinal));
        var streets = api.Items.Select(i => i.RegionName).ToHashSet();
        var names = api.Items.Select(i => i.Name).ToHashSet();

        await SignInAsync(page, "furong");
        await page.GotoAsync("/institutions");
        await Expect(page.Locator("main")).ToContainTextAsync($"共 {api.Total} 家");
        var rows = await TableRowsAsync(page);
        Assert.Equal(Math.Min(20, api.Total), rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Contains(r[0], names);
            Assert.Contains(r[4], streets);
        });

        // The region filter offers 芙蓉区's streets only.
        var options = await page.Locator("#region option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        Assert.Equal("", options[0]);
        Assert.All(options.Skip(1), code => Assert.StartsWith("430102", code, StringComparison.Ordinal));

        // Choosing a street lists that street's institutions only (the busiest street, so the check means something).
        var street = api.Items.GroupBy(i => (i.RegionCode, i.RegionName)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.RegionCode).First();
        Assert.Contains(street.Key.RegionCode, options);
        await page.Locator("#region").SelectOptionAsync(street.Key.RegionCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains($"region={street.Key.RegionCode}", StringComparison.Ordinal));
        await Expect(page.Locator("main")).ToContainTextAsync($"共 {street.Count()} 家");
        await Expect(page.Locator("#region")).ToHaveValueAsync(street.Key.RegionCode);
        var filtered = await TableRowsAsync(page);
        Assert.Equal(street.Select(i => i.Name).Order().ToList(), filtered.Select(r => r[0]).Order().ToList());
        Assert.All(filtered, r => Assert.Equal(street.Key.RegionName, r[4]));
    });

    private static async Task<int> FigureAsync(IPage page, string testId)
    {
        var text = await page.GetByTestId(testId).Locator(".value").InnerTextAsync();
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        Assert.False(digits.Length == 0, $"{testId} shows no number: '{text}'");
        return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<string[]>> TableRowsAsync(IPage page) =>
        await page.GetByTestId("institution-table").Locator("tbody tr")
            .EvaluateAllAsync<string[][]>("rs => rs.map(r => [...r.cells].map(c => c.innerText.trim()))");
}
