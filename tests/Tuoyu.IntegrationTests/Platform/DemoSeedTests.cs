using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Modules.Demo;

namespace Tuoyu.IntegrationTests.Platform;

/// <summary>
/// The demo city: 长沙市 from the real region data, sized like the city's published figures
/// (about 500 institutions, 20,000 slots and 9,400 enrolled children; 长政发〔2022〕10号), with its demo accounts.
/// </summary>
public abstract class DemoFixture : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tuoyu-demo-").FullName;
    private TuoyuFactory? _factory;
    private string? _server;
    private string? _database;

    protected abstract bool Postgres { get; }

    public async ValueTask InitializeAsync()
    {
        Dictionary<string, string?> settings;
        if (Postgres)
        {
            var pg = await PostgresFixture.CreateDatabaseAsync("tuoyu_demo", (s, d) => { _server = s; _database = d; });
            if (pg is null) { return; }
            settings = pg;
        }
        else
        {
            settings = new() { ["Database:Provider"] = "Sqlite", ["Database:SqlitePath"] = Path.Combine(_dir, "tuoyu.db") };
        }

        settings["Seed"] = "demo";
        settings["DataDirectory"] = Path.Combine(_dir, "data");
        _factory = new TuoyuFactory(settings);
        _ = _factory.Server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) { await _factory.DisposeAsync(); }
        await PostgresFixture.DropAsync(_server, _database);
        GC.SuppressFinalize(this);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    public TuoyuFactory Factory
    {
        get
        {
            if (Postgres) { new PostgresFixture().RequireAvailable(); }
            return _factory!;
        }
    }
}

public sealed class SqliteDemoFixture : DemoFixture
{
    protected override bool Postgres => false;
}

public sealed class PostgresDemoFixture : DemoFixture
{
    protected override bool Postgres => true;
}

public abstract class DemoSeedTests(DemoFixture fixture)
{
    private TuoyuFactory Factory => fixture.Factory;

    [Fact]
    public async Task The_demo_city_is_changsha_at_the_size_of_its_published_figures()
    {
        var f = Factory;
        var institutions = await f.WithDbAsync(db => db.Institutions.CountAsync());
        var slots = await f.WithDbAsync(db => db.Institutions.SumAsync(i => i.RegisteredSlots));
        var enrolled = await f.WithDbAsync(db => db.Enrollments.CountAsync(e => e.EndDate == null));
        Assert.InRange(institutions, 450, 560);
        Assert.InRange(slots, 18_000, 22_000);
        Assert.InRange(enrolled, 8_500, 10_300);
        var counties = await f.WithDbAsync(db => db.Institutions.Select(i => i.RegionCode.Substring(0, 6)).Distinct().CountAsync());
        Assert.Equal(9, counties);
        var streets = await f.WithDbAsync(db => db.Institutions.Select(i => i.RegionCode).Distinct().CountAsync());
        Assert.Equal(172, streets);
        Assert.All(await f.WithDbAsync(db => db.Institutions.Select(i => i.RegionCode).ToListAsync()), c => Assert.StartsWith("4301", c, StringComparison.Ordinal));
        var statistic = await f.WithDbAsync(db => db.RegionStatistics.SingleAsync(s => s.RegionCode == "430100000000" && s.Year == 2021));
        Assert.Equal(10_239_300, statistic.ResidentPopulation);
        Assert.Equal(192_000, statistic.ChildrenUnder3);
        var districts = await f.WithDbAsync(db => db.RegionStatistics.Where(s => s.Year == 2021 && s.RegionCode != "430100000000").SumAsync(s => s.ChildrenUnder3));
        Assert.Equal(192_000, districts);
    }

    [Fact]
    public async Task Every_demo_account_signs_in_with_the_demo_password()
    {
        var client = Factory.CreateClient();
        foreach (var (userName, _) in DemoSeeder.AccountList)
        {
            var token = await TestWorld.TokenAsync(client, userName, "Tuoyu@2025");
            Assert.False(string.IsNullOrEmpty(token));
        }
    }

    [Fact]
    public async Task The_demo_accounts_see_their_own_scope()
    {
        var client = Factory.CreateClient();
        async Task<System.Text.Json.JsonElement> Summary(string user)
        {
            using var c = Factory.CreateClient();
            c.DefaultRequestHeaders.Authorization = new("Bearer", await TestWorld.TokenAsync(client, user, "Tuoyu@2025"));
            return await ApiAssert.OkAsync(await c.GetAsync("/api/v1/summary"));
        }

        var city = await Summary("changsha");
        var furong = await Summary("furong");
        var yuelu = await Summary("yuelu");
        Assert.Equal("长沙市芙蓉区", furong.GetProperty("scopeName").GetString());
        Assert.True(furong.GetProperty("institutions").GetInt32() > 0);
        Assert.True(city.GetProperty("institutions").GetInt32() > furong.GetProperty("institutions").GetInt32() + yuelu.GetProperty("institutions").GetInt32());
        var inst = await Summary("inst0001");
        Assert.Equal(1, inst.GetProperty("institutions").GetInt32());
        var parent = await Summary("parent0001");
        // A parent's figure counts the family's children in care today — not the two younger ones still applying (DemoApplications).
        Assert.Equal(1, parent.GetProperty("enrolledChildren").GetInt32());
        var med = await Summary("med0001");
        Assert.True(med.GetProperty("institutions").GetInt32() >= 1);
        var me = await ApiAssert.OkAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "furong", password = "Tuoyu@2025" }));
        Assert.Equal(1800, me.GetProperty("expiresIn").GetInt64());
    }

    [Fact]
    public async Task The_demo_city_has_fee_guidelines_fees_and_designations_its_accounts_can_read()
    {
        var f = Factory;
        Assert.True(await f.WithDbAsync(db => db.FeeGuidelines.AnyAsync(g => g.RegionCode == "430100000000")));
        var institutions = await f.WithDbAsync(db => db.Institutions.CountAsync());
        Assert.Equal(institutions, await f.WithDbAsync(db => db.Fees.Select(x => x.InstitutionId).Distinct().CountAsync()));
        // Changsha: 11 demonstration institutions in 2020, 30 targeted (长政发〔2022〕10号 indicator 2.4).
        var cityTitles = await f.WithDbAsync(db => db.Designations.CountAsync(d => d.Kind == Tuoyu.Web.Modules.Registry.Domain.DesignationKind.Demonstration
            && d.Level == "市级" && d.WithdrawnOn == null));
        Assert.InRange(cityTitles, 11, 30);
        var inclusive = await f.WithDbAsync(db => db.Institutions.CountAsync(i => i.IsInclusive));
        Assert.Equal(inclusive, await f.WithDbAsync(db => db.Designations.CountAsync(d => d.Kind == Tuoyu.Web.Modules.Registry.Domain.DesignationKind.Inclusive
            && d.WithdrawnOn == null)));

        using var c = f.CreateClient();
        c.DefaultRequestHeaders.Authorization = new("Bearer", await TestWorld.TokenAsync(c, "inst0001", "Tuoyu@2025"));
        var id = await f.WithDbAsync(db => db.Users.Where(u => u.UserName == "inst0001").Select(u => u.InstitutionId!.Value).SingleAsync());
        var fees = await ApiAssert.OkAsync(await c.GetAsync($"/api/v1/institutions/{id}/fees"));
        Assert.True(fees.GetProperty("rows").GetArrayLength() > 0);
        Assert.DoesNotContain(fees.GetProperty("rows").EnumerateArray(), r => r.GetProperty("withinGuideline").ValueKind == System.Text.Json.JsonValueKind.False);
        await ApiAssert.OkAsync(await c.GetAsync($"/api/v1/institutions/{id}/designations"));
    }

    [Fact]
    public async Task The_demo_has_closed_months_of_attendance_and_corrections_for_furong_to_approve()
    {
        var f = Factory;
        var lastMonth = Tuoyu.Web.Common.Time.YearMonth.Of(Tuoyu.Web.Common.Time.ChinaTime.Today(TimeProvider.System)).AddMonths(-1);
        var id = await f.WithDbAsync(db => db.Users.Where(u => u.UserName == "inst0001").Select(u => u.InstitutionId!.Value).SingleAsync());
        using var inst = f.CreateClient();
        inst.DefaultRequestHeaders.Authorization = new("Bearer", await TestWorld.TokenAsync(inst, "inst0001", "Tuoyu@2025"));
        var month = await ApiAssert.OkAsync(await inst.GetAsync($"/api/v1/institutions/{id}/attendance/months/{lastMonth}"));
        Assert.True(month.GetProperty("closed").GetBoolean());
        Assert.Contains(month.GetProperty("rows").EnumerateArray(), r => r.GetProperty("attendedDays").GetInt32() > 0);

        using var furong = f.CreateClient();
        furong.DefaultRequestHeaders.Authorization = new("Bearer", await TestWorld.TokenAsync(furong, "furong", "Tuoyu@2025"));
        var pending = await ApiAssert.OkAsync(await furong.GetAsync("/api/v1/attendance/corrections?status=Pending"));
        Assert.InRange(pending.GetArrayLength(), 1, 10);
        Assert.All(pending.EnumerateArray(), c => Assert.Equal(id, c.GetProperty("institutionId").GetGuid()));
    }

    [Fact]
    public async Task The_demo_parents_have_waiting_and_offered_applications_in_the_demo_institutions_queues()
    {
        var f = Factory;
        async Task<System.Text.Json.JsonElement> GetAs(string user, string url)
        {
            using var c = f.CreateClient();
            c.DefaultRequestHeaders.Authorization = new("Bearer", await TestWorld.TokenAsync(c, user, "Tuoyu@2025"));
            return await ApiAssert.OkAsync(await c.GetAsync(url));
        }

        foreach (var (parent, inst) in new[] { ("parent0001", "inst0001"), ("parent0002", "inst0002") })
        {
            var mine = await GetAs(parent, "/api/v1/me/applications");
            Assert.Contains(mine.EnumerateArray(), a => a.GetProperty("status").GetString() == "Offered");
            Assert.Contains(mine.EnumerateArray(), a => a.GetProperty("status").GetString() == "Waiting");
            var id = await f.WithDbAsync(db => db.Users.Where(u => u.UserName == inst).Select(u => u.InstitutionId!.Value).SingleAsync());
            var queue = await GetAs(inst, $"/api/v1/institutions/{id}/applications");
            Assert.InRange(queue.GetProperty("total").GetInt32(), 3, 20);
        }
    }

    [Fact]
    public async Task The_demo_has_a_person_for_every_post_certificates_a_ban_and_a_public_draw_that_verifies()
    {
        var f = Factory;
        var orphans = await f.WithDbAsync(db => db.Staff.CountAsync(m => !db.StaffPersons.Any(p => p.Id == m.PersonId)));
        Assert.Equal(0, orphans);
        Assert.True(await f.WithDbAsync(db => db.StaffCertificates.CountAsync()) > 100);
        Assert.Equal(1, await f.WithDbAsync(db => db.StaffBans.CountAsync()));
        var drawId = await f.WithDbAsync(db => db.InspectionDraws.Select(d => d.Id).SingleAsync());
        var client = Factory.CreateClient();
        var verification = await ApiAssert.OkAsync(await client.GetAsync($"/api/v1/public/inspection-draws/{drawId}/verification"));
        Assert.True(verification.GetProperty("matches").GetBoolean());
        Assert.True(verification.GetProperty("assignments").GetInt32() > 0);
    }

    [Fact]
    public async Task The_demo_has_an_approved_and_a_draft_subsidy_batch_for_furong()
    {
        var f = Factory;
        using var furong = f.CreateClient();
        furong.DefaultRequestHeaders.Authorization = new("Bearer", await TestWorld.TokenAsync(furong, "furong", "Tuoyu@2025"));
        var batches = (await ApiAssert.OkAsync(await furong.GetAsync("/api/v1/subsidies/monthly-batches"))).EnumerateArray().ToList();
        Assert.Equal(["Approved", "Draft"], batches.Select(b => b.GetProperty("status").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(batches, b => Assert.True(b.GetProperty("lineCount").GetInt32() > 0 && b.GetProperty("regionCode").GetString() == "430102000000"));
        var approved = batches.Single(b => b.GetProperty("status").GetString() == "Approved");
        var payments = await f.WithDbAsync(db => db.SubsidyPayments.CountAsync(p => p.BatchId == approved.GetProperty("id").GetGuid()));
        Assert.Equal(approved.GetProperty("lineCount").GetInt32(), payments);
    }
}

public sealed class SqliteDemoSeedTests(SqliteDemoFixture fixture) : DemoSeedTests(fixture), IClassFixture<SqliteDemoFixture>;

public sealed class PostgresDemoSeedTests(PostgresDemoFixture fixture) : DemoSeedTests(fixture), IClassFixture<PostgresDemoFixture>;
