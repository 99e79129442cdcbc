using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Identity;

/// <summary>Account changes are audited by the interceptor with who did what, and never with a secret.</summary>
public abstract class UserAuditTests(AppFixture fixture)
{
    [Fact]
    public async Task Audit_records_of_account_changes_name_the_administrator_and_hold_no_password_hash_stamp_or_key()
    {
        fixture.RequireAvailable();
        var w = await TestWorld.CreateAsync(fixture.Factory);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        async Task SnapshotAsync(Guid userId)
        {
            var u = await fixture.Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(x => x.Id == userId));
            secrets.Add(u.PasswordHash!);
            secrets.Add(u.SecurityStamp!);
            secrets.Add(u.ConcurrencyStamp!);
        }

        var sys = await w.ClientAsync(w.SystemAdmin);
        var name = "audreg" + w.Suffix;
        var created = await ApiAssert.StatusAsync(await sys.PostAsJsonAsync("/api/v1/users",
            new { userName = name, displayName = "赵监管", kind = "Regulator", regionCode = "430102000000", password = "First@Pass123" }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await SnapshotAsync(id);

        var user = fixture.Factory.CreateClient();
        user.DefaultRequestHeaders.Authorization = new("Bearer", await TestWorld.TokenAsync(user, name, "First@Pass123"));
        var key = (await ApiAssert.OkAsync(await user.PostAsync("/api/v1/auth/two-factor/setup", null))).GetProperty("sharedKey").GetString()!;
        secrets.Add(key);
        await ApiAssert.StatusAsync(await user.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new { code = Totp.Code(key, DateTimeOffset.UtcNow) }), HttpStatusCode.NoContent);
        await SnapshotAsync(id);

        await ApiAssert.OkAsync(await sys.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "Second@Pass456" }));
        await SnapshotAsync(id);
        await ApiAssert.OkAsync(await sys.PostAsync($"/api/v1/users/{id}/disable", null));
        await SnapshotAsync(id);
        var enabled = await ApiAssert.OkAsync(await sys.PostAsync($"/api/v1/users/{id}/enable", null));
        await ApiAssert.OkAsync(await sys.PutAsJsonAsync($"/api/v1/users/{id}/scope", new { regionCode = "430104000000", version = enabled.GetProperty("version").GetString() }));
        await SnapshotAsync(id);
        await ApiAssert.OkAsync(await (await w.ClientAsync(w.SecurityAdmin)).PostAsync($"/api/v1/users/{id}/two-factor/reset", null));
        await SnapshotAsync(id);

        var prefix = id + "/";
        var entries = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == id.ToString() || a.EntityId!.StartsWith(prefix)).OrderBy(a => a.Id).ToListAsync());
        Assert.All(entries, e =>
        {
            foreach (var secret in secrets) { Assert.DoesNotContain(secret, e.Summary ?? string.Empty, StringComparison.Ordinal); }
            foreach (var field in new[] { "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "\"Value\"" }) { Assert.DoesNotContain(field, e.Summary ?? string.Empty, StringComparison.Ordinal); }
        });

        var create = Assert.Single(entries, e => e.Action == "create" && e.EntityType == "AppUser");
        Assert.Equal(w.SystemAdmin, create.UserName);
        Assert.Contains("\"Kind\":\"Regulator\"", create.Summary, StringComparison.Ordinal);
        Assert.Contains("赵*管", create.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("赵监管", create.Summary, StringComparison.Ordinal);
        Assert.Contains(entries, e => e.UserName == w.SystemAdmin && e.Summary!.Contains("\"PasswordChangedAt\"", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.UserName == w.SystemAdmin && e.Summary!.Contains("\"IsDisabled\":[\"False\",\"True\"]", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.UserName == w.SystemAdmin && e.Summary!.Contains("\"RegionCode\":[\"430102000000\",\"430104000000\"]", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.UserName == w.SecurityAdmin && e.Summary!.Contains("\"TwoFactorEnabled\":[\"True\",\"False\"]", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.UserName == w.SecurityAdmin && e.Action == "delete" && e.EntityId == prefix + "[AspNetUserStore]/AuthenticatorKey");
    }
}

public sealed class SqliteUserAuditTests(SqliteFixture fixture) : UserAuditTests(fixture);

public sealed class PostgresUserAuditTests(PostgresFixture fixture) : UserAuditTests(fixture);
