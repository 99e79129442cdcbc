using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Tuoyu.BrowserTests.TuoyuSite))]

namespace Tuoyu.BrowserTests;

/// <summary>
/// One real Tuoyu.Web process for the whole test assembly: Kestrel on a free loopback port, a fresh
/// SQLite file and data folder in a temp directory, the demo city seeded; plus one headless Chromium.
/// Nothing is started when Chromium is missing (every test then skips or fails in <see cref="Chromium"/>).
/// </summary>
public sealed class TuoyuSite : IAsyncLifetime
{
    public const string DemoPassword = "Tuoyu@2025";
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly StringBuilder _log = new();
    private readonly Lock _logLock = new();
    private StreamWriter? _logFile;
    private Process? _process;
    private string? _workDir;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private volatile bool _stopping;

    /// <summary>Where screenshots and the app's log are kept (inside the test output directory).</summary>
    public static string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "browser-artifacts");

    public string BaseUrl { get; private set; } = "";

    public string LogPath { get; } = Path.Combine(ArtifactsDirectory, "tuoyu-web.log");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser was not started (Chromium missing?).");

    public async ValueTask InitializeAsync()
    {
        if (!Chromium.IsInstalled) { return; }
        if (Directory.Exists(ArtifactsDirectory)) { Directory.Delete(ArtifactsDirectory, recursive: true); } // no stale screenshots
        Directory.CreateDirectory(ArtifactsDirectory);
        await StartAppAsync();
        try
        {
            await StartBrowserAsync();
        }
        catch
        {
            await StopAppAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) { await _browser.CloseAsync(); }
        _playwright?.Dispose();
        await StopAppAsync();
    }

    /// <summary>What the app printed so far (stdout and stderr, interleaved).</summary>
    public string AppLog()
    {
        lock (_logLock) { return _log.ToString(); }
    }

    /// <summary>An HttpClient for the API, signed in with a bearer token as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoPassword });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token for {userName}: {(int)response.StatusCode} {body}");
        var token = JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>GET <paramref name="path"/> as <paramref name="userName"/> and read the JSON answer.</summary>
    public async Task<T> GetJsonAsync<T>(string userName, string path)
    {
        using var client = await ApiClientAsync(userName);
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} as {userName}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidOperationException($"GET {path}: empty body");
    }

    /// <summary>GET an anonymous API (no token), e.g. the public directory.</summary>
    public async Task<T> GetAnonymousJsonAsync<T>(string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} anonymously: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidOperationException($"GET {path}: empty body");
    }

    private async Task StartAppAsync()
    {
        var appDir = LocateApp();
        _workDir = Path.Combine(Path.GetTempPath(), "tuoyu-browser-" + Guid.NewGuid().ToString("N")[..12]);
        var dataDir = Path.Combine(_workDir, "data");
        Directory.CreateDirectory(dataDir);
        BaseUrl = $"http://127.0.0.1:{FreeLoopbackPort()}";

        var psi = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = appDir,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[]
                 {
                     Path.Combine(appDir, "Tuoyu.Web.dll"),
                     $"--contentRoot={appDir}",
                     $"--Database:SqlitePath={Path.Combine(_workDir, "tuoyu.db")}",
                     $"--DataDirectory={dataDir}",
                     "--Seed=demo",
                     // Every test signs in from 127.0.0.1 (pages and API tokens); the default of 60 sign-ins a minute
                     // per address is for people, and a fast suite crossed it (429 on /login). The integration tests
                     // do the same; the limit itself is tested there.
                     "--Security:SignInRatePerMinute=100000",
                     $"--urls={BaseUrl}",
                 })
        {
            psi.ArgumentList.Add(arg);
        }

        // The app's own settings only: nothing inherited from the test host picks its URL or environment.
        foreach (var name in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            psi.Environment.Remove(name);
        }

        _logFile = new StreamWriter(LogPath, append: false, new UTF8Encoding(false)) { AutoFlush = true };
        Append($"$ {psi.FileName} {string.Join(' ', psi.ArgumentList)}");
        _process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Append(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Append("[stderr] " + e.Data); } };
        _process.Exited += (_, _) => Append($"# Tuoyu.Web exited (code {SafeExitCode()}){(_stopping ? "" : " while the tests still needed it: crashed, or stopped from outside")}");
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;

        try
        {
            await WaitUntilReadyAsync();
        }
        catch (Exception ex)
        {
            await StopAppAsync();
            throw new InvalidOperationException($"Tuoyu.Web did not become ready: {ex.Message}\n--- app log ({LogPath}) ---\n{AppLog()}", ex);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < StartupTimeout)
        {
            if (_process!.HasExited) { throw new InvalidOperationException($"the process exited with code {_process.ExitCode}"); }
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Append($"# ready after {clock.Elapsed.TotalSeconds:F1} s");
                    return;
                }

                last = $"/health/ready answered {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"/health/ready was not 200 within {StartupTimeout.TotalSeconds} s ({last})");
    }

    private async Task StartBrowserAsync()
    {
        // Use Debian's Chromium only; Playwright must never download a browser.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.LaunchArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>"running", or how the app process ended (for failure reports).</summary>
    public string AppState() => _process is { HasExited: false } ? "running" : $"not running (exit code {SafeExitCode()})";

    private string SafeExitCode()
    {
        try { return _process?.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"; }
        catch (InvalidOperationException) { return "?"; }
    }

    private async Task StopAppAsync()
    {
        _stopping = true;
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (_process is not null)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                    await _process.WaitForExitAsync(cts.Token);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
            {
                Append($"# stopping the app: {e.Message}");
            }

            _process.Dispose();
            _process = null;
        }

        lock (_logLock)
        {
            _logFile?.Dispose();
            _logFile = null;
        }

        if (_workDir is not null && Directory.Exists(_workDir))
        {
            try { Directory.Delete(_workDir, recursive: true); }
            catch (IOException) { /* best effort: a temp folder */ }
            _workDir = null;
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try { _process?.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already gone */ }
    }

    private void Append(string line)
    {
        lock (_logLock)
        {
            _log.AppendLine(line);
            _logFile?.WriteLine(line);
        }
    }

    /// <summary>The app's own build output (what `dotnet run` uses); TUOYU_WEB_DIR overrides it, the test output is the fallback.</summary>
    private static string LocateApp()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("TUOYU_WEB_DIR"),
            typeof(TuoyuSite).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "TuoyuWebOutputDir")?.Value,
            AppContext.BaseDirectory, // the copy the project reference leaves here, with its static web assets manifest
        };
        foreach (var dir in candidates)
        {
            if (!string.IsNullOrEmpty(dir) && File.Exists(Path.Combine(dir, "Tuoyu.Web.dll"))) { return Path.GetFullPath(dir); }
        }

        throw new FileNotFoundException($"Tuoyu.Web.dll not found in any of: {string.Join(", ", candidates.Where(c => c is not null))}");
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
