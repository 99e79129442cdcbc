using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Identity;

/// <summary>Changes to an existing account take effect at once (ASVS 7.4.2, 8.3.2 ★) and leave no secret in the audit log.</summary>
public abstract class UserAccountStateTests(AppFixture fixture)
{
    private static void AssertRefused(HttpResponseMessage response) =>
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"expected 401 or 403 but got {(int)response.StatusCode}");

    private async Task<string> EnrolTwoFactorAsync(TestWorld w, string userName)
    {
        var client = await w.ClientAsync(userName);
        var key = (await ApiAssert.OkAsync(await client.PostAsync("/api/v1/auth/two-factor/setup", null))).GetProperty("sharedKey").GetString()!;
        await ApiAssert.StatusAsync(await client.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new { code = Totp.Code(key, DateTimeOffset.UtcNow) }), HttpStatusCode.NoContent);
        return key;
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_bearer_token_at_once_and_enabling_lets_them_sign_in_again()
    {
        var w = await fixture.NewWorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        await ApiAssert.OkAsync(await admin.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        var sys = await w.ClientAsync(w.SystemAdmin);
        var id = await w.UserIdAsync(w.AdminA);

        var disabled = await ApiAssert.OkAsync(await sys.PostAsync($"/api/v1/users/{id}/disable", null));
        Assert.True(disabled.GetProperty("isDisabled").GetBoolean());
        AssertRefused(await admin.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        var anonymous = fixture.Factory.CreateClient();
        await ApiAssert.ProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = w.AdminA, password = TestWorld.Password }),
            HttpStatusCode.Unauthorized, "auth.invalid_credentials");

        var enabled = await ApiAssert.OkAsync(await sys.PostAsync($"/api/v1/users/{id}/enable", null));
        Assert.False(enabled.GetProperty("isDisabled").GetBoolean());
        // The old token stays dead: disabling renewed the security stamp.
        AssertRefused(await admin.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminA)).GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
    }

    [Fact]
    public async Task A_scope_change_needs_the_current_version_and_applies_at_once()
    {
        var w = await fixture.NewWorldAsync();
        var regulator = await w.ClientAsync(w.RegulatorB);
        await ApiAssert.OkAsync(await regulator.GetAsync($"/api/v1/institutions/{w.InstitutionB}"));
        var sys = await w.ClientAsync(w.SystemAdmin);
        var id = await w.UserIdAsync(w.RegulatorB);
        var version = (await ApiAssert.OkAsync(await sys.GetAsync($"/api/v1/users/{id}"))).GetProperty("version").GetString();

        await ApiAssert.ProblemAsync(await sys.PutAsJsonAsync($"/api/v1/users/{id}/scope", new { regionCode = "430102000000", version = "stale" }), HttpStatusCode.Conflict, "concurrency.conflict");
        var bad = await ApiAssert.ProblemAsync(await sys.PutAsJsonAsync($"/api/v1/users/{id}/scope", new { regionCode = "430199999999", version }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("regionCode", out _));
        await ApiAssert.ProblemAsync(await sys.PutAsJsonAsync($"/api/v1/users/{id}/scope", new { regionCode = "430102000000" }), HttpStatusCode.BadRequest);

        var changed = await ApiAssert.OkAsync(await sys.PutAsJsonAsync($"/api/v1/users/{id}/scope", new { regionCode = "430102000000", version }));
        Assert.Equal("430102000000", changed.GetProperty("regionCode").GetString());
        Assert.NotEqual(version, changed.GetProperty("version").GetString());
        // The token issued under the old scope sees neither the old nor the new scope.
        AssertRefused(await regulator.GetAsync($"/api/v1/institutions/{w.InstitutionB}"));
        AssertRefused(await regulator.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        var fresh = await w.ClientAsync(w.RegulatorB);
        await ApiAssert.OkAsync(await fresh.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        await ApiAssert.ProblemAsync(await fresh.GetAsync($"/api/v1/institutions/{w.InstitutionB}"), HttpStatusCode.Forbidden);
        // The same version cannot be used twice.
        await ApiAssert.ProblemAsync(await sys.PutAsJsonAsync($"/api/v1/users/{id}/scope", new { regionCode = "430104000000", version }), HttpStatusCode.Conflict, "concurrency.conflict");
    }

    [Fact]
    public async Task An_institution_admin_moves_to_another_institution_and_an_auditor_has_no_scope_to_change()
    {
        var w = await fixture.NewWorldAsync();
        var sys = await w.ClientAsync(w.SystemAdmin);
        var admin = await ApiAssert.OkAsync(await sys.GetAsync($"/api/v1/users/{await w.UserIdAsync(w.AdminA)}"));
        var moved = await ApiAssert.OkAsync(await sys.PutAsJsonAsync($"/api/v1/users/{admin.GetProperty("id").GetGuid()}/scope",
            new { institutionId = w.InstitutionB, version = admin.GetProperty("version").GetString() }));
        Assert.Equal(w.InstitutionB, moved.GetProperty("institutionId").GetGuid());
        await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminA)).GetAsync($"/api/v1/institutions/{w.InstitutionB}"));

        var auditor = await ApiAssert.OkAsync(await sys.GetAsync($"/api/v1/users/{await w.UserIdAsync(w.Auditor)}"));
        await ApiAssert.ProblemAsync(await sys.PutAsJsonAsync($"/api/v1/users/{auditor.GetProperty("id").GetGuid()}/scope",
            new { regionCode = "430102000000", version = auditor.GetProperty("version").GetString() }), HttpStatusCode.Conflict, "identity.kind_has_no_scope");
        await ApiAssert.ProblemAsync(await sys.PostAsync($"/api/v1/users/{Guid.NewGuid()}/disable", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Administrators_cannot_change_or_disable_their_own_account()
    {
        var w = await fixture.NewWorldAsync();
        var sys = await w.ClientAsync(w.SystemAdmin);
        var self = await ApiAssert.OkAsync(await sys.GetAsync($"/api/v1/users/{await w.UserIdAsync(w.SystemAdmin)}"));
        var id = self.GetProperty("id").GetGuid();
        await ApiAssert.ProblemAsync(await sys.PostAsync($"/api/v1/users/{id}/disable", null), HttpStatusCode.Conflict, "identity.self_change");
        await ApiAssert.ProblemAsync(await sys.PutAsJsonAsync($"/api/v1/users/{id}/scope", new { version = self.GetProperty("version").GetString() }), HttpStatusCode.Conflict, "identity.self_change");
        await ApiAssert.ProblemAsync(await sys.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "Other@Pass99" }), HttpStatusCode.Conflict, "identity.self_change");
        await ApiAssert.OkAsync(await sys.GetAsync("/api/v1/me"));

        var sec = await w.ClientAsync(w.SecurityAdmin);
        await ApiAssert.ProblemAsync(await sec.PostAsync($"/api/v1/users/{await w.UserIdAsync(w.SecurityAdmin)}/two-factor/reset", null), HttpStatusCode.Conflict, "identity.self_change");
    }

    [Fact]
    public async Task The_security_admin_unlocks_a_locked_out_account_and_the_user_signs_in()
    {
        var w = await fixture.NewWorldAsync();
        var anonymous = fixture.Factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = w.AdminB, password = "wrong-" + i });
        }

        await ApiAssert.ProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = w.AdminB, password = TestWorld.Password }),
            HttpStatusCode.Unauthorized, "auth.locked_out");
        var sec = await w.ClientAsync(w.SecurityAdmin);
        var id = await w.UserIdAsync(w.AdminB);
        Assert.True((await ApiAssert.OkAsync(await sec.GetAsync($"/api/v1/users/{id}"))).GetProperty("lockedOut").GetBoolean());

        var unlocked = await ApiAssert.OkAsync(await sec.PostAsync($"/api/v1/users/{id}/unlock", null));
        Assert.False(unlocked.GetProperty("lockedOut").GetBoolean());
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.AccessFailedCount).SingleAsync()));
        await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminB)).GetAsync($"/api/v1/institutions/{w.InstitutionB}"));
    }

    [Fact]
    public async Task The_security_admin_resets_two_factors_and_the_user_enrols_a_new_authenticator()
    {
        var w = await fixture.NewWorldAsync();
        var oldKey = await EnrolTwoFactorAsync(w, w.RegulatorB);
        var anonymous = fixture.Factory.CreateClient();
        await ApiAssert.ProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = w.RegulatorB, password = TestWorld.Password }),
            HttpStatusCode.Unauthorized, "auth.two_factor_required");

        var sec = await w.ClientAsync(w.SecurityAdmin);
        var id = await w.UserIdAsync(w.RegulatorB);
        Assert.True((await ApiAssert.OkAsync(await sec.GetAsync($"/api/v1/users/{id}"))).GetProperty("twoFactorEnabled").GetBoolean());
        var reset = await ApiAssert.OkAsync(await sec.PostAsync($"/api/v1/users/{id}/two-factor/reset", null));
        Assert.False(reset.GetProperty("twoFactorEnabled").GetBoolean());
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.UserTokens.CountAsync(t => t.UserId == id)));

        // Two factors are not mandatory in this fixture, so the password alone signs in; a new key is issued.
        var client = await w.ClientAsync(w.RegulatorB);
        var setup = await ApiAssert.OkAsync(await client.PostAsync("/api/v1/auth/two-factor/setup", null));
        Assert.False(setup.GetProperty("enabled").GetBoolean());
        Assert.NotEqual(oldKey, setup.GetProperty("sharedKey").GetString());
    }

    [Fact]
    public async Task A_new_password_set_by_the_system_admin_replaces_the_old_one_and_ends_sessions()
    {
        var w = await fixture.NewWorldAsync();
        var parent = await w.ClientAsync(w.ParentA);
        var sys = await w.ClientAsync(w.SystemAdmin);
        var id = await w.UserIdAsync(w.ParentA);
        var weak = await ApiAssert.ProblemAsync(await sys.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "short" }), HttpStatusCode.BadRequest);
        Assert.True(weak.GetProperty("errors").TryGetProperty("password", out _));

        await ApiAssert.OkAsync(await sys.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "New@Pass5678" }));
        AssertRefused(await parent.GetAsync("/api/v1/me"));
        var anonymous = fixture.Factory.CreateClient();
        await ApiAssert.ProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = w.ParentA, password = TestWorld.Password }),
            HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.False(string.IsNullOrEmpty(await TestWorld.TokenAsync(anonymous, w.ParentA, "New@Pass5678")));
    }
}

public sealed class SqliteUserAccountStateTests(SqliteFixture fixture) : UserAccountStateTests(fixture);

public sealed class PostgresUserAccountStateTests(PostgresFixture fixture) : UserAccountStateTests(fixture);
