using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

/// <summary>Base for the browser tests: a fresh browser context per test, screenshots and logs on failure.</summary>
public abstract class BrowserTest(TuoyuSite site)
{
    protected TuoyuSite Site { get; } = site;

    static BrowserTest() => Assertions.SetDefaultExpectTimeout(20_000);

    /// <summary>
    /// Runs <paramref name="body"/> in a new browser context (own cookies). On failure: a screenshot in
    /// browser-artifacts/screenshots, the page's console errors and the app's log go to the test output.
    /// </summary>
    protected async Task InBrowserAsync(Func<IPage, Task> body, [CallerMemberName] string testName = "")
    {
        Chromium.RequireInstalled();
        var context = await Site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Site.BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") { lock (console) { console.Add($"[console.{m.Type}] {m.Text} @ {m.Location}"); } } };
        page.Response += (_, r) => { if (r.Status >= 400) { lock (console) { console.Add($"[http {r.Status}] {r.Url}"); } } };
        page.PageError += (_, e) => { lock (console) { console.Add($"[pageerror] {e}"); } };
        // Requests still open at a failure (a page whose load never ends shows up here).
        var inFlight = new Dictionary<IRequest, string>();
        page.Request += (_, r) => { lock (inFlight) { inFlight[r] = $"[in flight since {DateTime.UtcNow:HH:mm:ss.fff}] {r.Method} {r.ResourceType} {r.Url}"; } };
        page.RequestFinished += (_, r) => { lock (inFlight) { inFlight.Remove(r); } };
        page.RequestFailed += (_, r) => { lock (inFlight) { inFlight.Remove(r); } };
        try
        {
            await body(page);
            // Script errors fail the test (a broken Blazor circuit shows up here); HTTP statuses are each test's business.
            string[] scriptErrors;
            lock (console) { scriptErrors = [.. console.Where(l => l.StartsWith("[pageerror]", StringComparison.Ordinal) || (l.StartsWith("[console.error]", StringComparison.Ordinal) && !l.Contains("Failed to load resource", StringComparison.Ordinal)))]; }
            Assert.True(scriptErrors.Length == 0, "Script errors in the page:\n" + string.Join('\n', scriptErrors));
        }
        catch (Exception)
        {
            var output = TestContext.Current.TestOutputHelper;
            var shot = await TryScreenshotAsync(page, testName);
            output?.WriteLine($"Page URL at failure: {page.Url}");
            if (shot is not null) { output?.WriteLine($"Screenshot: {shot}"); }
            lock (console) { foreach (var line in console) { output?.WriteLine(line); } }
            lock (inFlight) { foreach (var line in inFlight.Values) { output?.WriteLine(line); } }
            output?.WriteLine($"Tuoyu.Web process: {Site.AppState()}");
            output?.WriteLine($"--- app log ({Site.LogPath}), last lines ---");
            output?.WriteLine(Tail(Site.AppLog(), 150));
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Fills and submits the login form; the caller waits for where it should land.</summary>
    protected static async Task SubmitLoginAsync(IPage page, string userName, string password = TuoyuSite.DemoPassword)
    {
        if (!page.Url.Contains("/login", StringComparison.Ordinal)) { await page.GotoAsync("/login"); }
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in from /login and waits for the home page.</summary>
    protected async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/login");
        await SubmitLoginAsync(page, userName);
        // The URL and the page's heading, not WaitForURLAsync: that also waits for the "load" event, and once in
        // about forty runs it timed out here after 20 s with the home page already on screen.
        await Expect(page).ToHaveURLAsync(Site.BaseUrl + "/");
        await Expect(page.Locator("h1")).ToContainTextAsync("欢迎");
    }

    protected static string ScreenshotPath(string name) =>
        Path.Combine(TuoyuSite.ArtifactsDirectory, "screenshots", name + ".png");

    private static async Task<string?> TryScreenshotAsync(IPage page, string testName)
    {
        try
        {
            var path = ScreenshotPath("FAILED-" + testName);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 10_000 });
            return path;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException) // Playwright's timeouts are System.TimeoutException
        {
            return null;
        }
    }

    private static string Tail(string text, int lines)
    {
        var all = text.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
