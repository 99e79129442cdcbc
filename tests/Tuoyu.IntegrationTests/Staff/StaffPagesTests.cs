using System.Net;
using System.Net.Http.Json;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Staff;

/// <summary>The /staff and /staff-bans pages render for their users only, with personal data masked (ADR 0030).</summary>
public abstract class StaffPagesTests(AppFixture fixture)
{
    [Fact]
    public async Task The_staff_page_lists_the_institutions_own_staff_masked()
    {
        var w = await fixture.NewWorldAsync();
        var id = TestIds.ResidentId("430102", new DateOnly(1992, 2, 2)).IdNumber;
        var adminA = await w.ClientAsync(w.AdminA);
        await ApiAssert.StatusAsync(await adminA.PostAsJsonAsync("/api/v1/staff",
            new { name = "周保育员", idNumber = id, phone = "13512340000", role = "Carer", hiredOn = "2026-02-01" }), HttpStatusCode.Created);

        var html = WebUtility.HtmlDecode(await adminA.GetStringAsync("/staff?q=周保育员"));
        Assert.Contains("周保育员", html, StringComparison.Ordinal);
        Assert.Contains(id[..6] + "********" + id[^4..], html, StringComparison.Ordinal);
        Assert.DoesNotContain(id, html, StringComparison.Ordinal);
        Assert.DoesNotContain("13512340000", html, StringComparison.Ordinal);
        var other = WebUtility.HtmlDecode(await (await w.ClientAsync(w.AdminB)).GetStringAsync("/staff?q=周保育员"));
        Assert.Contains("staff-table", other, StringComparison.Ordinal);
        Assert.Contains("共 0 条在职记录", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ban_page_is_for_regulators_only()
    {
        var w = await fixture.NewWorldAsync();
        var regulator = await w.ClientAsync(w.RegulatorA);
        Assert.Contains("ban-table", await regulator.GetStringAsync("/staff-bans"), StringComparison.Ordinal);

        var admin = await w.ClientAsync(w.AdminA);
        var response = await admin.GetAsync("/staff-bans");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("ban-table", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ban-create", body, StringComparison.Ordinal);
    }
}

public sealed class SqliteStaffPagesTests(SqliteFixture fixture) : StaffPagesTests(fixture);

public sealed class PostgresStaffPagesTests(PostgresFixture fixture) : StaffPagesTests(fixture);
