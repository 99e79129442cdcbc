using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuoyu.Web.Common.Security;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Staff;

/// <summary>
/// Issue #7 item 1 (ADR 0030): one person per resident ID across the city, the lifelong ban refused everywhere, 挂靠
/// refused unless a regulator allowed it, and each institution seeing only its own staff.
/// </summary>
public abstract class StaffRegistryTests(AppFixture fixture)
{
    private static string NewId() => TestIds.ResidentId("430104", new DateOnly(1988, 4, 1)).IdNumber;

    private static object Hire(string id, string role = "Carer", string name = "赵保育") =>
        new { name, idNumber = id, phone = "13912345678", role, hiredOn = "2026-03-01", healthCertificateOn = "2026-01-10", backgroundCheckOn = "2025-12-01" };

    [Fact]
    public async Task A_banned_person_cannot_be_hired_at_any_institution_and_the_refusal_is_audited()
    {
        var w = await fixture.NewWorldAsync();
        var id = NewId();
        var regulator = await w.ClientAsync(w.RegulatorA);
        await ApiAssert.StatusAsync(await regulator.PostAsJsonAsync("/api/v1/staff-bans",
            new { name = "钱某", idNumber = id, decisionReference = "长卫监禁〔2026〕9号", reason = "虐待婴幼儿", bannedOn = "2026-02-01" }), HttpStatusCode.Created);

        foreach (var admin in new[] { w.AdminA, w.AdminB })
        {
            var client = await w.ClientAsync(admin);
            var problem = await ApiAssert.ProblemAsync(await client.PostAsJsonAsync("/api/v1/staff", Hire(id.ToLowerInvariant())), HttpStatusCode.Conflict, "staff.cannot_hire");
            Assert.DoesNotContain("禁入", problem.ToString(), StringComparison.Ordinal);
        }

        var hash = string.Empty;
        await fixture.Factory.WithScopeAsync(sp =>
        {
            hash = sp.GetRequiredService<SensitiveDataProtector>().Hash(id);
            return Task.CompletedTask;
        });
        var a = w.InstitutionA.ToString();
        var b = w.InstitutionB.ToString();
        var (persons, refusals) = await fixture.Factory.WithDbAsync(async db => (
            await db.StaffPersons.CountAsync(p => p.IdNumberHash == hash),
            await db.AuditEntries.CountAsync(e => e.Action == "hire_refused" && (e.Summary!.Contains(a) || e.Summary!.Contains(b)))));
        Assert.Equal(0, persons);
        Assert.Equal(2, refusals);
    }

    [Fact]
    public async Task A_second_ban_of_the_same_number_is_refused_and_only_regulators_see_the_list()
    {
        var w = await fixture.NewWorldAsync();
        var id = NewId();
        var regulator = await w.ClientAsync(w.RegulatorB);
        var ban = new { name = "孙某", idNumber = id, decisionReference = "岳卫监禁〔2026〕2号", reason = "虐待婴幼儿", bannedOn = "2026-02-01" };
        await ApiAssert.StatusAsync(await regulator.PostAsJsonAsync("/api/v1/staff-bans", ban), HttpStatusCode.Created);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.RegulatorA)).PostAsJsonAsync("/api/v1/staff-bans", ban), HttpStatusCode.Conflict, "staff.ban_exists");

        var list = await ApiAssert.OkAsync(await (await w.ClientAsync(w.RegulatorA)).GetAsync("/api/v1/staff-bans?q=岳卫监禁"));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), b => b.GetProperty("idNumberMasked").GetString() == id[..6] + "********" + id[^4..]);
        Assert.DoesNotContain(id, list.ToString(), StringComparison.Ordinal);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminA)).GetAsync("/api/v1/staff-bans"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_same_person_registered_at_two_institutions_is_one_person()
    {
        var w = await fixture.NewWorldAsync();
        var id = NewId();
        var first = await ApiAssert.StatusAsync(await (await w.ClientAsync(w.AdminA)).PostAsJsonAsync("/api/v1/staff", Hire(id)), HttpStatusCode.Created);
        var second = await ApiAssert.StatusAsync(await (await w.ClientAsync(w.AdminB)).PostAsJsonAsync("/api/v1/staff", Hire(id, "Cook", "赵某某")), HttpStatusCode.Created);

        Assert.False(first.GetProperty("linkedExistingPerson").GetBoolean());
        Assert.True(second.GetProperty("linkedExistingPerson").GetBoolean());
        Assert.Equal(first.GetProperty("personId").GetGuid(), second.GetProperty("personId").GetGuid());
        Assert.Equal(id[..6] + "********" + id[^4..], second.GetProperty("idNumberMasked").GetString());
        var personId = first.GetProperty("personId").GetGuid();
        Assert.Equal(2, await fixture.Factory.WithDbAsync(db => db.Staff.CountAsync(m => m.PersonId == personId)));
    }

    [Fact]
    public async Task A_concurrent_carer_post_elsewhere_is_refused_until_a_regulator_grants_an_exception()
    {
        var w = await fixture.NewWorldAsync();
        var id = NewId();
        var hired = await ApiAssert.StatusAsync(await (await w.ClientAsync(w.AdminA)).PostAsJsonAsync("/api/v1/staff", Hire(id)), HttpStatusCode.Created);
        var personId = hired.GetProperty("personId").GetGuid();
        var adminB = await w.ClientAsync(w.AdminB);

        await ApiAssert.ProblemAsync(await adminB.PostAsJsonAsync("/api/v1/staff", Hire(id, "InfantCarer")), HttpStatusCode.Conflict, "staff.concurrent_post");
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.Staff.CountAsync(m => m.PersonId == personId)));

        // A regulator of the other district cannot allow it; institution B's own regulator can.
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.RegulatorA)).PostAsJsonAsync($"/api/v1/staff/{personId}/post-exceptions",
            new { institutionId = w.InstitutionB, reason = "派驻" }), HttpStatusCode.Forbidden);
        await ApiAssert.StatusAsync(await (await w.ClientAsync(w.RegulatorB)).PostAsJsonAsync($"/api/v1/staff/{personId}/post-exceptions",
            new { institutionId = w.InstitutionB, reason = "综合服务中心派驻社区托育点" }), HttpStatusCode.Created);

        var linked = await ApiAssert.StatusAsync(await adminB.PostAsJsonAsync("/api/v1/staff", Hire(id, "InfantCarer")), HttpStatusCode.Created);
        Assert.Equal(personId, linked.GetProperty("personId").GetGuid());
    }

    [Fact]
    public async Task A_post_after_the_other_ended_is_allowed()
    {
        var w = await fixture.NewWorldAsync();
        var id = NewId();
        var adminA = await w.ClientAsync(w.AdminA);
        var hired = await ApiAssert.StatusAsync(await adminA.PostAsJsonAsync("/api/v1/staff", Hire(id)), HttpStatusCode.Created);
        var personId = hired.GetProperty("personId").GetGuid();
        await ApiAssert.OkAsync(await adminA.PostAsJsonAsync($"/api/v1/staff/{personId}/employments/{hired.GetProperty("employmentId").GetGuid()}/end",
            new { leftOn = "2026-04-30" }));

        var moved = new { name = "赵保育", idNumber = id, role = "Carer", hiredOn = "2026-05-01" };
        await ApiAssert.StatusAsync(await (await w.ClientAsync(w.AdminB)).PostAsJsonAsync("/api/v1/staff", moved), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Another_institutions_admin_cannot_list_read_or_change_its_staff()
    {
        var w = await fixture.NewWorldAsync();
        var adminA = await w.ClientAsync(w.AdminA);
        var hired = await ApiAssert.StatusAsync(await adminA.PostAsJsonAsync("/api/v1/staff", Hire(NewId())), HttpStatusCode.Created);
        var personId = hired.GetProperty("personId").GetGuid();
        var employmentId = hired.GetProperty("employmentId").GetGuid();
        var adminB = await w.ClientAsync(w.AdminB);

        await ApiAssert.ProblemAsync(await adminB.GetAsync($"/api/v1/staff?institution={w.InstitutionA}"), HttpStatusCode.Forbidden);
        var own = await ApiAssert.OkAsync(await adminB.GetAsync("/api/v1/staff"));
        Assert.DoesNotContain(own.GetProperty("items").EnumerateArray(), s => s.GetProperty("personId").GetGuid() == personId);
        await ApiAssert.ProblemAsync(await adminB.GetAsync($"/api/v1/staff/{personId}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await adminB.PostAsJsonAsync($"/api/v1/staff/{personId}/certificates",
            new { kind = "保育师证", number = "BY99990000", issuer = "某局", issuedOn = "2025-01-01" }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await adminB.PostAsJsonAsync($"/api/v1/staff/{personId}/employments/{employmentId}/end", new { leftOn = "2026-04-30" }),
            HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await adminB.PutAsJsonAsync($"/api/v1/staff/{personId}/training/2026", new { hours = 40 }), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.RegulatorB)).GetAsync($"/api/v1/staff?institution={w.InstitutionA}"), HttpStatusCode.Forbidden);

        // Institution A's regulator sees the post, masked.
        var seen = await ApiAssert.OkAsync(await (await w.ClientAsync(w.RegulatorA)).GetAsync($"/api/v1/staff?institution={w.InstitutionA}"));
        var row = seen.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("personId").GetGuid() == personId);
        Assert.Equal("139****5678", row.GetProperty("phoneMasked").GetString());
    }

    [Fact]
    public async Task Certificates_and_training_are_recorded_with_the_number_masked()
    {
        var w = await fixture.NewWorldAsync();
        var adminA = await w.ClientAsync(w.AdminA);
        var hired = await ApiAssert.StatusAsync(await adminA.PostAsJsonAsync("/api/v1/staff", Hire(NewId())), HttpStatusCode.Created);
        var personId = hired.GetProperty("personId").GetGuid();

        var cert = await ApiAssert.StatusAsync(await adminA.PostAsJsonAsync($"/api/v1/staff/{personId}/certificates",
            new { kind = "保育师职业技能等级证书", number = "BY20261234", issuer = "长沙市人社局", issuedOn = "2025-06-01", expiresOn = "2030-05-31" }), HttpStatusCode.Created);
        Assert.Equal("BY****1234", cert.GetProperty("numberMasked").GetString());
        await ApiAssert.OkAsync(await adminA.PutAsJsonAsync($"/api/v1/staff/{personId}/training/2026", new { hours = 48 }));
        await ApiAssert.ProblemAsync(await adminA.PutAsJsonAsync($"/api/v1/staff/{personId}/training/2026", new { hours = -1 }), HttpStatusCode.BadRequest);

        var person = await ApiAssert.OkAsync(await adminA.GetAsync($"/api/v1/staff/{personId}"));
        Assert.DoesNotContain("BY20261234", person.ToString(), StringComparison.Ordinal);
        Assert.Equal(48, person.GetProperty("training")[0].GetProperty("hours").GetInt32());
        var list = await ApiAssert.OkAsync(await adminA.GetAsync($"/api/v1/staff?q=赵保育"));
        var row = list.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("personId").GetGuid() == personId);
        Assert.Equal("2030-05-31", row.GetProperty("certificateExpiresOn").GetString());
    }

    [Fact]
    public async Task An_invalid_id_number_or_role_is_a_field_error()
    {
        var w = await fixture.NewWorldAsync();
        var problem = await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminA)).PostAsJsonAsync("/api/v1/staff",
            new { name = "某", idNumber = "43010419880401000", role = "Boss", hiredOn = "2026-03-01" }), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("idNumber", out _));
        Assert.True(errors.TryGetProperty("role", out _));
    }

    [Fact]
    public async Task A_regulator_cannot_register_staff()
    {
        var w = await fixture.NewWorldAsync();
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.RegulatorA)).PostAsJsonAsync("/api/v1/staff", Hire(NewId())), HttpStatusCode.Forbidden);
    }
}

public sealed class SqliteStaffRegistryTests(SqliteFixture fixture) : StaffRegistryTests(fixture);

public sealed class PostgresStaffRegistryTests(PostgresFixture fixture) : StaffRegistryTests(fixture);
