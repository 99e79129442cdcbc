using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tuoyu.Web.Common.Data;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Registry;

/// <summary>
/// Issue #3, classes and capacity: 托育机构设置标准（试行） class sizes, the institution's registered slots,
/// unique names, scope, and the atomic check-then-act under concurrent requests. The world's institution A
/// has 30 registered slots and one 托小班 of 15 with one child enrolled.
/// </summary>
public abstract class ClassTests(AppFixture fixture)
{
    private static string Classes(Guid institution) => $"/api/v1/institutions/{institution}/classes";

    /// <summary>Everything a class write may change: the institution's version and every class of it.</summary>
    private Task<string> SnapshotAsync(Guid institution) => fixture.Factory.WithDbAsync(async db =>
    {
        var version = await db.Institutions.Where(i => i.Id == institution).Select(i => i.Version).SingleAsync();
        var classes = await db.Classes.Where(c => c.InstitutionId == institution).Select(c => new { c.Id, c.Name, c.Type, c.Capacity, c.Version }).ToListAsync();
        return version + "|" + string.Join(";", classes.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.Name}:{c.Type}:{c.Capacity}:{c.Version}"));
    });

    private Task<int> TotalCapacityAsync(Guid institution) =>
        fixture.Factory.WithDbAsync(db => db.Classes.Where(c => c.InstitutionId == institution).SumAsync(c => c.Capacity));

    private async Task AssertRefusedAndUnchangedAsync(TestWorld w, Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string? code = null, string? field = null)
    {
        var before = await SnapshotAsync(w.InstitutionA);
        var beforeB = await SnapshotAsync(w.InstitutionB);
        var problem = await ApiAssert.ProblemAsync(await send(), status, code);
        if (field is not null) { Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for field {field}: {problem}"); }
        Assert.Equal(before, await SnapshotAsync(w.InstitutionA));
        Assert.Equal(beforeB, await SnapshotAsync(w.InstitutionB));
    }

    [Fact]
    public async Task An_institution_admin_adds_a_class_and_gets_201_with_its_age_range()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.AdminA);
        var versionBefore = (await ApiAssert.OkAsync(await a.GetAsync($"/api/v1/institutions/{w.InstitutionA}"))).GetProperty("version").GetInt32();

        var response = await a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = " 乳儿一班 ", type = "Infant", capacity = 10 });
        var created = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        Assert.Equal("乳儿一班", created.GetProperty("name").GetString());
        Assert.Equal("Infant", created.GetProperty("type").GetString());
        Assert.Equal("乳儿班", created.GetProperty("typeName").GetString());
        Assert.Equal(10, created.GetProperty("capacity").GetInt32());
        Assert.Equal("6–12个月", created.GetProperty("ageRange").GetString());
        Assert.True(created.GetProperty("underTwo").GetBoolean());
        var id = created.GetProperty("id").GetGuid();
        Assert.EndsWith($"/api/v1/institutions/{w.InstitutionA}/classes/{id}", response.Headers.Location?.ToString(), StringComparison.Ordinal);

        var list = await ApiAssert.OkAsync(await a.GetAsync(Classes(w.InstitutionA)));
        Assert.Equal(2, list.GetArrayLength());
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        var detail = await ApiAssert.OkAsync(await a.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        Assert.Equal(versionBefore + 1, detail.GetProperty("version").GetInt32());
        Assert.Contains(detail.GetProperty("classes").EnumerateArray(), c => c.GetProperty("ageRange").GetString() == "6–12个月" && c.GetProperty("underTwo").GetBoolean());
    }

    [Fact]
    public async Task A_class_over_its_national_size_is_refused_with_409_and_changes_nothing()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.AdminA);
        await AssertRefusedAndUnchangedAsync(w, () => a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = "乳儿班", type = "Infant", capacity = 11 }),
            HttpStatusCode.Conflict, "registry.class_over_size");
        await AssertRefusedAndUnchangedAsync(w, () => a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = "乳儿班", type = "Infant", capacity = 0 }),
            HttpStatusCode.Conflict, "registry.class_over_size");
    }

    [Fact]
    public async Task Classes_beyond_the_registered_slots_are_refused_with_409_and_change_nothing()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.AdminA);
        // 15 + 20 > 30, although 20 fits a 托大班.
        await AssertRefusedAndUnchangedAsync(w, () => a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = "托大班", type = "Preschool", capacity = 20 }),
            HttpStatusCode.Conflict, "registry.slots_exceeded");
        await ApiAssert.StatusAsync(await a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = "托大班", type = "Preschool", capacity = 15 }), HttpStatusCode.Created);
        Assert.Equal(30, await TotalCapacityAsync(w.InstitutionA));
    }

    [Fact]
    public async Task A_name_already_used_in_the_institution_is_refused_but_another_institution_may_use_it()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.AdminA);
        await AssertRefusedAndUnchangedAsync(w, () => a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = "托小班", type = "Infant", capacity = 5 }),
            HttpStatusCode.Conflict, "registry.class_name_taken");
        var b = await w.ClientAsync(w.AdminB);
        await ApiAssert.StatusAsync(await b.PostAsJsonAsync(Classes(w.InstitutionB), new { name = "乳儿班", type = "Infant", capacity = 5 }), HttpStatusCode.Created);
        await ApiAssert.StatusAsync(await a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = "乳儿班", type = "Infant", capacity = 5 }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Invalid_fields_are_400_with_the_field_and_change_nothing()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.AdminA);
        await AssertRefusedAndUnchangedAsync(w, () => a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = " ", type = "Infant", capacity = 5 }),
            HttpStatusCode.BadRequest, field: "name");
        await AssertRefusedAndUnchangedAsync(w, () => a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = new string('班', 51), type = "Infant", capacity = 5 }),
            HttpStatusCode.BadRequest, field: "name");
        await AssertRefusedAndUnchangedAsync(w, () => a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = "新班", type = "Nursery", capacity = 5 }),
            HttpStatusCode.BadRequest, field: "type");
        await AssertRefusedAndUnchangedAsync(w, () => a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = "新班", type = "1", capacity = 5 }),
            HttpStatusCode.BadRequest, field: "type");
        await AssertRefusedAndUnchangedAsync(w, () => a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = "新班", type = "Infant" }),
            HttpStatusCode.BadRequest, field: "capacity");
        var classId = (await ApiAssert.OkAsync(await a.GetAsync(Classes(w.InstitutionA))))[0].GetProperty("id").GetGuid();
        await AssertRefusedAndUnchangedAsync(w, () => a.PutAsJsonAsync($"{Classes(w.InstitutionA)}/{classId}", new { name = "托小班", capacity = 10 }),
            HttpStatusCode.BadRequest, field: "version");
    }

    [Fact]
    public async Task Outside_scope_reads_and_writes_are_403_and_change_nothing()
    {
        var w = await fixture.NewWorldAsync();
        var adminA = await w.ClientAsync(w.AdminA);
        var regB = await w.ClientAsync(w.RegulatorB);
        var classIdB = (await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminB)).GetAsync(Classes(w.InstitutionB))))[0].GetProperty("id").GetGuid();
        var classIdA = (await ApiAssert.OkAsync(await adminA.GetAsync(Classes(w.InstitutionA))))[0].GetProperty("id").GetGuid();

        await ApiAssert.ProblemAsync(await adminA.GetAsync(Classes(w.InstitutionB)), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await regB.GetAsync(Classes(w.InstitutionA)), HttpStatusCode.Forbidden);
        await AssertRefusedAndUnchangedAsync(w, () => adminA.PostAsJsonAsync(Classes(w.InstitutionB), new { name = "乳儿班", type = "Infant", capacity = 5 }), HttpStatusCode.Forbidden);
        await AssertRefusedAndUnchangedAsync(w, () => regB.PostAsJsonAsync(Classes(w.InstitutionA), new { name = "乳儿班", type = "Infant", capacity = 5 }), HttpStatusCode.Forbidden);
        await AssertRefusedAndUnchangedAsync(w, () => adminA.PutAsJsonAsync($"{Classes(w.InstitutionB)}/{classIdB}", new { name = "改名", capacity = 5, version = 0 }), HttpStatusCode.Forbidden);
        await AssertRefusedAndUnchangedAsync(w, () => adminA.DeleteAsync($"{Classes(w.InstitutionB)}/{classIdB}"), HttpStatusCode.Forbidden);
        // A class of B addressed through A's path is not found in A.
        await AssertRefusedAndUnchangedAsync(w, () => adminA.DeleteAsync($"{Classes(w.InstitutionA)}/{classIdB}"), HttpStatusCode.NotFound);
        // Parents and medical institutions hold no registry:institution:update.
        var parent = await w.ClientAsync(w.ParentA);
        await AssertRefusedAndUnchangedAsync(w, () => parent.PostAsJsonAsync(Classes(w.InstitutionA), new { name = "乳儿班", type = "Infant", capacity = 5 }), HttpStatusCode.Forbidden);
        var medical = await w.ClientAsync(w.MedicalUser);
        await AssertRefusedAndUnchangedAsync(w, () => medical.PutAsJsonAsync($"{Classes(w.InstitutionA)}/{classIdA}", new { name = "改名", capacity = 5, version = 0 }), HttpStatusCode.Forbidden);

        // The district's regulator may change the class of an institution in its region.
        var regA = await w.ClientAsync(w.RegulatorA);
        await ApiAssert.StatusAsync(await regA.PostAsJsonAsync(Classes(w.InstitutionA), new { name = "乳儿班", type = "Infant", capacity = 5 }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_class_is_renamed_and_resized_within_the_rules_with_its_version()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.AdminA);
        var cls = (await ApiAssert.OkAsync(await a.GetAsync(Classes(w.InstitutionA))))[0];
        var id = cls.GetProperty("id").GetGuid();
        var version = cls.GetProperty("version").GetInt32();
        var url = $"{Classes(w.InstitutionA)}/{id}";

        var updated = await ApiAssert.OkAsync(await a.PutAsJsonAsync(url, new { name = "托小一班", capacity = 12, version }));
        Assert.Equal("托小一班", updated.GetProperty("name").GetString());
        Assert.Equal(12, updated.GetProperty("capacity").GetInt32());
        Assert.Equal(version + 1, updated.GetProperty("version").GetInt32());

        await AssertRefusedAndUnchangedAsync(w, () => a.PutAsJsonAsync(url, new { name = "托小一班", capacity = 14, version }), HttpStatusCode.Conflict, "concurrency.conflict");
        await AssertRefusedAndUnchangedAsync(w, () => a.PutAsJsonAsync(url, new { name = "托小一班", capacity = 16, version = version + 1 }), HttpStatusCode.Conflict, "registry.class_over_size");
        await ApiAssert.StatusAsync(await a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = "托大班", type = "Preschool", capacity = 18 }), HttpStatusCode.Created);
        // 18 + 13 > 30.
        await AssertRefusedAndUnchangedAsync(w, () => a.PutAsJsonAsync(url, new { name = "托小一班", capacity = 13, version = version + 1 }), HttpStatusCode.Conflict, "registry.slots_exceeded");
        await AssertRefusedAndUnchangedAsync(w, () => a.PutAsJsonAsync(url, new { name = "托大班", capacity = 12, version = version + 1 }), HttpStatusCode.Conflict, "registry.class_name_taken");
        await ApiAssert.OkAsync(await a.PutAsJsonAsync(url, new { name = "托小一班", capacity = 12, version = version + 1 }));
        Assert.Equal(30, await TotalCapacityAsync(w.InstitutionA));
    }

    [Fact]
    public async Task A_class_with_enrolled_children_cannot_be_deleted_but_an_empty_one_can()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.AdminA);
        var occupied = (await ApiAssert.OkAsync(await a.GetAsync(Classes(w.InstitutionA))))[0].GetProperty("id").GetGuid();
        await AssertRefusedAndUnchangedAsync(w, () => a.DeleteAsync($"{Classes(w.InstitutionA)}/{occupied}"), HttpStatusCode.Conflict, "registry.class_has_children");

        var empty = (await ApiAssert.StatusAsync(await a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = "乳儿班", type = "Infant", capacity = 10 }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await ApiAssert.StatusAsync(await a.DeleteAsync($"{Classes(w.InstitutionA)}/{empty}"), HttpStatusCode.NoContent);
        await ApiAssert.ProblemAsync(await a.GetAsync($"{Classes(w.InstitutionA)}/{empty}"), HttpStatusCode.NotFound);
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.Classes.CountAsync(c => c.InstitutionId == w.InstitutionA)));
    }

    [Fact]
    public async Task Concurrent_adds_that_fit_alone_never_exceed_the_registered_slots_together()
    {
        var w = await fixture.NewWorldAsync();
        // Without help the requests rarely overlap, so a barrier holds each request right after it has read
        // the institution's classes until all ten have read them: every one then saw 15 of 30 slots used,
        // and each 乳儿班 of 10 fits alone while two do not. Only the institution's version may stop them.
        const int parties = 10;
        var barrier = new ReadBarrier(parties);
        await using var racing = fixture.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            if (fixture.ProviderName == "Sqlite") { services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(barrier)); }
            else { services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(barrier)); }
        }));
        var a = racing.CreateClient();
        a.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestWorld.TokenAsync(a, w.AdminA, TestWorld.Password));

        barrier.Armed = true;
        var responses = await Task.WhenAll(Enumerable.Range(1, parties).Select(n =>
            a.PostAsJsonAsync(Classes(w.InstitutionA), new { name = $"乳儿{n}班", type = "Infant", capacity = 10 })));
        barrier.Armed = false;

        var statuses = string.Join(",", responses.Select(r => (int)r.StatusCode));
        Assert.True(barrier.AllArrived, $"only {barrier.Arrived} of {parties} requests read before writing ({statuses}); the race was not staged");
        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await ApiAssert.ProblemAsync(r, HttpStatusCode.Conflict, "concurrency.conflict");
        }

        Assert.True(await TotalCapacityAsync(w.InstitutionA) <= 30);
        Assert.Equal(1, created);
        Assert.Equal(25, await TotalCapacityAsync(w.InstitutionA));
        Assert.Equal(2, await fixture.Factory.WithDbAsync(db => db.Classes.CountAsync(c => c.InstitutionId == w.InstitutionA)));
    }

    /// <summary>Holds every read of registry_classes, while armed, until <c>parties</c> reads have arrived (or 10 s pass).</summary>
    private sealed class ReadBarrier(int parties) : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public volatile bool Armed;

        public bool AllArrived => _all.Task.IsCompletedSuccessfully;

        public int Arrived => Volatile.Read(ref _arrived);

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                && command.CommandText.Contains("registry_classes", StringComparison.Ordinal))
            {
                if (Interlocked.Increment(ref _arrived) == parties) { _all.TrySetResult(); }
                try { await _all.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken); } catch (TimeoutException) { }
            }

            return result;
        }
    }
}

public sealed class SqliteClassTests(SqliteFixture fixture) : ClassTests(fixture);

public sealed class PostgresClassTests(PostgresFixture fixture) : ClassTests(fixture);
