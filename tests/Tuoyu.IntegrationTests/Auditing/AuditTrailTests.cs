using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Common.Auditing;

namespace Tuoyu.IntegrationTests.Auditing;

public abstract class AuditTrailTests(AppFixture fixture)
{
    private async Task<List<AuditEntry>> EntriesAsync(string entityId, string action) =>
        await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == entityId && a.Action == action).OrderBy(a => a.Id).ToListAsync());

    private async Task<AuditEntry> SealedAsync(string entityId, string action)
    {
        for (var i = 0; i < 100; i++)
        {
            var entries = await EntriesAsync(entityId, action);
            if (entries.Count > 0 && entries.All(e => e.Hash is not null)) { return entries[^1]; }
            await Task.Delay(100);
        }

        Assert.Fail($"no sealed {action} entry for {entityId}");
        return null!;
    }

    [Fact]
    public async Task A_write_leaves_a_masked_before_and_after_record_that_is_sealed_into_the_chain()
    {
        var w = await fixture.NewWorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        var own = await ApiAssert.OkAsync(await admin.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        await ApiAssert.OkAsync(await admin.PutAsJsonAsync($"/api/v1/institutions/{w.InstitutionA}/contact", new { contactPhone = "13912345678", version = own.GetProperty("version").GetInt32() }));

        var entry = await SealedAsync(w.InstitutionA.ToString(), "update");
        Assert.Equal(w.AdminA, entry.UserName);
        Assert.Equal("Institution", entry.EntityType);
        Assert.Equal("success", entry.Outcome);
        Assert.Contains("139****5678", entry.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", entry.Summary, StringComparison.Ordinal);

        var auditor = await w.ClientAsync(w.Auditor);
        var verification = await ApiAssert.OkAsync(await auditor.GetAsync("/api/v1/audit/verify"));
        Assert.True(verification.GetProperty("intact").GetBoolean());
        var search = await ApiAssert.OkAsync(await auditor.GetAsync($"/api/v1/audit/entries?entityId={w.InstitutionA}&action=update"));
        Assert.True(search.GetProperty("total").GetInt32() >= 1);
    }

    [Fact]
    public async Task Reading_a_child_and_revealing_its_id_number_are_audited_without_the_data()
    {
        var w = await fixture.NewWorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        await ApiAssert.OkAsync(await admin.GetAsync($"/api/v1/children/{w.ChildA}"));
        var read = await SealedAsync(w.ChildA.ToString(), "read");
        Assert.Equal(w.AdminA, read.UserName);

        await ApiAssert.ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/children/{w.ChildA}/id-number/reveal", new { reason = "" }), HttpStatusCode.BadRequest);
        var revealed = await ApiAssert.OkAsync(await admin.PostAsJsonAsync($"/api/v1/children/{w.ChildA}/id-number/reveal", new { reason = "办理补助核对身份" }));
        Assert.Equal(w.ChildAIdNumber, revealed.GetProperty("idNumber").GetString());
        var reveal = await SealedAsync(w.ChildA.ToString(), "reveal_id_number");
        Assert.Contains("办理补助核对身份", reveal.Summary, StringComparison.Ordinal);
        var all = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Summary != null && a.Summary.Contains(w.ChildAIdNumber)).CountAsync());
        Assert.Equal(0, all);
    }

    [Fact]
    public async Task A_refused_child_read_is_audited_as_denied()
    {
        var w = await fixture.NewWorldAsync();
        var parent = await w.ClientAsync(w.ParentB);
        await ApiAssert.ProblemAsync(await parent.GetAsync($"/api/v1/children/{w.ChildA}"), HttpStatusCode.NotFound);
        var entries = await EntriesAsync(w.ChildA.ToString(), "read");
        Assert.Contains(entries, e => e.Outcome == "denied" && e.UserName == w.ParentB);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_recent_audit_record()
    {
        var w = await fixture.NewWorldAsync();
        await (await w.ClientAsync(w.AdminA)).GetAsync($"/api/v1/children/{w.ChildA}");
        var entry = await SealedAsync(w.ChildA.ToString(), "read");
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Factory.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Summary\" = 'tampered' WHERE \"Id\" = {0}", entry.Id)));
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Factory.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE \"Id\" = {0}", entry.Id)));
        var still = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == entry.Id));
        Assert.Equal(entry.Summary, still.Summary);
    }

    [Fact]
    public async Task Refused_requests_are_audited_both_for_a_missing_permission_and_for_data_out_of_scope()
    {
        var w = await fixture.NewWorldAsync();
        var parent = await w.ClientAsync(w.ParentA);
        await ApiAssert.ProblemAsync(await parent.GetAsync("/api/v1/institutions"), HttpStatusCode.Forbidden);
        var regulator = await w.ClientAsync(w.RegulatorA);
        await ApiAssert.ProblemAsync(await regulator.GetAsync($"/api/v1/institutions/{w.InstitutionB}"), HttpStatusCode.Forbidden);
        var denied = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "denied" && (a.UserName == w.ParentA || a.UserName == w.RegulatorA)).ToListAsync());
        Assert.Contains(denied, a => a.UserName == w.ParentA && a.EntityId == "/api/v1/institutions" && a.Summary!.Contains("registry:institution:read", StringComparison.Ordinal));
        Assert.Contains(denied, a => a.UserName == w.RegulatorA && a.EntityId == $"/api/v1/institutions/{w.InstitutionB}");
    }

    [Fact]
    public async Task Failed_sign_ins_are_audited_with_the_outcome()
    {
        var w = await fixture.NewWorldAsync();
        var client = fixture.Factory.CreateClient();
        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = w.MedicalUser, password = "nope" });
        var failures = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.UserName == w.MedicalUser && a.Action == "login_failed").CountAsync());
        Assert.Equal(1, failures);
    }
}

public sealed class SqliteAuditTrailTests(SqliteFixture fixture) : AuditTrailTests(fixture)
{
    [Fact]
    public async Task The_sealers_queue_is_read_through_the_partial_index_not_a_scan_of_the_whole_log()
    {
        var plan = await fixture.Factory.WithDbAsync(async db =>
        {
            var sql = Tuoyu.Web.Common.Auditing.AuditChain.Unsealed(db).Take(100).ToQueryString();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "EXPLAIN QUERY PLAN " + sql[(sql.IndexOf("SELECT", StringComparison.Ordinal))..];
            foreach (var line in sql.Split('\n').Where(l => l.StartsWith(".param set", StringComparison.Ordinal)))
            {
                var parts = line.Split(' ');
                var p = cmd.CreateParameter();
                p.ParameterName = parts[2];
                p.Value = long.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);
                cmd.Parameters.Add(p);
            }

            var rows = new List<string>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) { rows.Add(reader.GetString(3)); }
            return string.Join("\n", rows);
        });
        Assert.Contains("IX_audit_entries_unsealed", plan, StringComparison.Ordinal);
    }
}

public sealed class PostgresAuditTrailTests(PostgresFixture fixture) : AuditTrailTests(fixture);
