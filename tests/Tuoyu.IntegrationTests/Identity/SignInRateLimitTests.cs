using System.Net;
using System.Net.Http.Json;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Identity;

/// <summary>
/// Brute-force control (security.md 6.3.1): sign-ins from one address are limited per minute and the excess is 429.
/// The shared fixtures lift the limit for speed, so this test runs its own app with a limit of three.
/// </summary>
public sealed class SignInRateLimitTests : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tuoyu-it-rate-").FullName;
    private readonly TuoyuFactory _factory;

    public SignInRateLimitTests()
    {
        _factory = new TuoyuFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:SqlitePath"] = Path.Combine(_dir, "tuoyu.db"),
            ["DataDirectory"] = Path.Combine(_dir, "data"),
            ["Seed"] = "none",
            ["Security:SignInRatePerMinute"] = "3",
        });
    }

    [Fact]
    public async Task The_fourth_sign_in_within_a_minute_from_one_address_is_refused_with_429()
    {
        var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "Wrong@Pass1234" });
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}
