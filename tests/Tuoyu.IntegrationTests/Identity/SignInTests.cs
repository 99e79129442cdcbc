using System.Net;
using System.Net.Http.Json;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Identity;

public abstract class SignInTests(AppFixture fixture)
{
    [Fact]
    public async Task A_token_is_issued_for_the_right_password_and_opens_the_api()
    {
        var w = await fixture.NewWorldAsync();
        var client = fixture.Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = w.RegulatorA, password = TestWorld.Password });
        var json = await ApiAssert.OkAsync(response);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("accessToken").GetString()));
        Assert.Equal(1800, json.GetProperty("expiresIn").GetInt64());
        var me = await ApiAssert.OkAsync(await (await w.ClientAsync(w.RegulatorA)).GetAsync("/api/v1/me"));
        Assert.Equal("Regulator", me.GetProperty("kind").GetString());
        Assert.Equal("430102000000", me.GetProperty("regionCode").GetString());
    }

    [Fact]
    public async Task A_wrong_password_gets_401_with_a_code_and_is_audited()
    {
        var w = await fixture.NewWorldAsync();
        var client = fixture.Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = w.AdminA, password = "wrong-password" });
        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.Equal("用户名、密码或验证码错误", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_so_even_the_right_password_is_refused()
    {
        var w = await fixture.NewWorldAsync();
        var client = fixture.Factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = w.ParentA, password = "wrong-" + i });
        }

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = w.ParentA, password = TestWorld.Password });
        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "auth.locked_out");
    }

    [Fact]
    public async Task Logout_ends_every_session_of_the_account_at_once()
    {
        var w = await fixture.NewWorldAsync();
        var first = await w.ClientAsync(w.AdminB);
        var second = await w.ClientAsync(w.AdminB);
        await ApiAssert.OkAsync(await second.GetAsync("/api/v1/me"));
        await ApiAssert.StatusAsync(await first.PostAsync("/api/v1/auth/logout", null), HttpStatusCode.NoContent);
        var afterFirst = await first.GetAsync("/api/v1/me");
        var afterSecond = await second.GetAsync("/api/v1/me");
        Assert.True(afterFirst.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"got {(int)afterFirst.StatusCode}");
        Assert.True(afterSecond.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"got {(int)afterSecond.StatusCode}");
    }

    [Fact]
    public async Task Missing_fields_get_400_naming_each_field()
    {
        fixture.RequireAvailable();
        var client = fixture.Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "", password = (string?)null });
        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("用户名不能为空", errors.GetProperty("userName")[0].GetString());
        Assert.Equal("密码不能为空", errors.GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task An_anonymous_call_to_a_protected_endpoint_gets_401()
    {
        fixture.RequireAvailable();
        var client = fixture.Factory.CreateClient();
        var response = await client.GetAsync("/api/v1/institutions");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_enrolled_user_needs_the_current_totp_code_to_get_a_token()
    {
        var w = await fixture.NewWorldAsync();
        var client = await w.ClientAsync(w.RegulatorB);
        var setup = await ApiAssert.OkAsync(await client.PostAsync("/api/v1/auth/two-factor/setup", null));
        var key = setup.GetProperty("sharedKey").GetString()!;
        Assert.StartsWith("otpauth://totp/", setup.GetProperty("authenticatorUri").GetString(), StringComparison.Ordinal);
        await ApiAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new { code = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" }), HttpStatusCode.BadRequest);
        await ApiAssert.StatusAsync(await client.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new { code = Totp.Code(key, DateTimeOffset.UtcNow) }), HttpStatusCode.NoContent);

        var anonymous = fixture.Factory.CreateClient();
        var withoutCode = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = w.RegulatorB, password = TestWorld.Password });
        await ApiAssert.ProblemAsync(withoutCode, HttpStatusCode.Unauthorized, "auth.two_factor_required");
        var token = await TestWorld.TokenAsync(anonymous, w.RegulatorB, TestWorld.Password, Totp.Code(key, DateTimeOffset.UtcNow));
        Assert.False(string.IsNullOrEmpty(token));
    }
}

public sealed class SqliteSignInTests(SqliteFixture fixture) : SignInTests(fixture);

public sealed class PostgresSignInTests(PostgresFixture fixture) : SignInTests(fixture);
