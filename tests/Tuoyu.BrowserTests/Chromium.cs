namespace Tuoyu.BrowserTests;

/// <summary>
/// The one place that decides whether a browser test can run: Debian's Chromium at /usr/bin/chromium.
/// Without it the tests are skipped, unless TUOYU_REQUIRE_BROWSER=1 (as CI sets), when they fail.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";
    public const string RequireVariable = "TUOYU_REQUIRE_BROWSER";

    public static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Call first in every browser test: skips or fails when Chromium is missing.</summary>
    public static void RequireInstalled()
    {
        if (IsInstalled) { return; }
        if (IsRequired)
        {
            Assert.Fail($"{RequireVariable}=1 but Chromium is not installed at {ExecutablePath}: apt-get install chromium");
        }

        Assert.Skip("Chromium not installed: apt-get install chromium");
    }
}
