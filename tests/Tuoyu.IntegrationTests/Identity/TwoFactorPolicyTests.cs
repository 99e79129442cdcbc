using System.Net;
using System.Net.Http.Json;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Identity;

/// <summary>Security:RequireTwoFactorForRegulators (default true outside the demo): MLPS level 3 asks two factors of administrators.</summary>
public sealed class TwoFactorPolicyTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tuoyu-2fa-").FullName;
    private TuoyuFactory? _factory;

    public ValueTask InitializeAsync()
    {
        _factory = new TuoyuFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:SqlitePath"] = Path.Combine(_dir, "tuoyu.db"),
            ["DataDirectory"] = Path.Combine(_dir, "data"),
            ["Seed"] = "none",
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) { await _factory.DisposeAsync(); }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Outside_the_demo_a_regulator_without_two_factors_cannot_get_a_token_but_a_parent_can()
    {
        var w = await TestWorld.CreateAsync(_factory!);
        var client = _factory!.CreateClient();
        var regulator = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = w.RegulatorA, password = TestWorld.Password });
        await ApiAssert.ProblemAsync(regulator, HttpStatusCode.Unauthorized, "auth.two_factor_enrollment_required");
        Assert.False(string.IsNullOrEmpty(await TestWorld.TokenAsync(client, w.ParentA, TestWorld.Password)));
        // The 三权分立 administrators are administrators too (GB/T 22239-2019 8.1.4.1).
        var auditor = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = w.Auditor, password = TestWorld.Password });
        await ApiAssert.ProblemAsync(auditor, HttpStatusCode.Unauthorized, "auth.two_factor_enrollment_required");
    }
}
