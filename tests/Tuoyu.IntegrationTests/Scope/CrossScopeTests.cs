using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Scope;

/// <summary>
/// ASVS 8.2.2: every boundary of who-may-see-what, tried from both sides — region vs region,
/// institution vs institution, parent vs parent, medical vs unsigned institution.
/// </summary>
public abstract class CrossScopeTests(AppFixture fixture)
{
    [Fact]
    public async Task Regulators_read_their_own_districts_institution_but_get_403_for_the_other()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.RegulatorA);
        var b = await w.ClientAsync(w.RegulatorB);
        await ApiAssert.OkAsync(await a.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        await ApiAssert.OkAsync(await b.GetAsync($"/api/v1/institutions/{w.InstitutionB}"));
        await ApiAssert.ProblemAsync(await a.GetAsync($"/api/v1/institutions/{w.InstitutionB}"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await b.GetAsync($"/api/v1/institutions/{w.InstitutionA}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_regulator_cannot_change_another_districts_institution_and_nothing_changes()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.RegulatorA);
        var response = await a.PutAsJsonAsync($"/api/v1/institutions/{w.InstitutionB}/contact", new { contactPhone = "0731-11112222", version = 0 });
        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        var phone = await fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == w.InstitutionB).Select(i => i.ContactPhone).SingleAsync());
        Assert.Equal("0731-88886666", phone);
    }

    [Fact]
    public async Task A_regulators_institution_list_holds_only_its_own_region()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.RegulatorA);
        var list = await ApiAssert.OkAsync(await a.GetAsync("/api/v1/institutions?pageSize=200"));
        var regions = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("regionCode").GetString()!).ToList();
        Assert.NotEmpty(regions);
        Assert.All(regions, r => Assert.StartsWith("430102", r, StringComparison.Ordinal));
        var ids = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(w.InstitutionA, ids);
        Assert.DoesNotContain(w.InstitutionB, ids);
    }

    [Fact]
    public async Task Institution_admins_see_and_change_only_their_own_institution()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.AdminA);
        var own = await ApiAssert.OkAsync(await a.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        await ApiAssert.ProblemAsync(await a.GetAsync($"/api/v1/institutions/{w.InstitutionB}"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await a.PutAsJsonAsync($"/api/v1/institutions/{w.InstitutionB}/contact", new { contactPhone = "0731-1", version = 0 }), HttpStatusCode.Forbidden);

        var version = own.GetProperty("version").GetInt32();
        var updated = await ApiAssert.OkAsync(await a.PutAsJsonAsync($"/api/v1/institutions/{w.InstitutionA}/contact", new { contactPhone = "0731-12345678", version }));
        Assert.Equal("0731-12345678", updated.GetProperty("contactPhone").GetString());
        Assert.Equal(version + 1, updated.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409_and_loses_nothing()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.AdminA);
        var own = await ApiAssert.OkAsync(await a.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        var version = own.GetProperty("version").GetInt32();
        await ApiAssert.OkAsync(await a.PutAsJsonAsync($"/api/v1/institutions/{w.InstitutionA}/contact", new { contactPhone = "0731-22223333", version }));
        var stale = await a.PutAsJsonAsync($"/api/v1/institutions/{w.InstitutionA}/contact", new { contactPhone = "0731-99990000", version });
        await ApiAssert.ProblemAsync(stale, HttpStatusCode.Conflict, "concurrency.conflict");
        var phone = await fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == w.InstitutionA).Select(i => i.ContactPhone).SingleAsync());
        Assert.Equal("0731-22223333", phone);
    }

    [Fact]
    public async Task Parents_read_their_own_child_masked_and_get_404_for_another_parents_child()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.ParentA);
        var b = await w.ClientAsync(w.ParentB);
        var child = await ApiAssert.OkAsync(await a.GetAsync($"/api/v1/children/{w.ChildA}"));
        Assert.Equal(w.ChildAIdNumber[..6] + "********" + w.ChildAIdNumber[^4..], child.GetProperty("idNumberMasked").GetString());
        Assert.DoesNotContain(w.ChildAIdNumber, child.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("花生过敏", child.GetProperty("allergies").GetString());
        Assert.Equal("138****5678", child.GetProperty("guardians")[0].GetProperty("phoneMasked").GetString());

        await ApiAssert.ProblemAsync(await a.GetAsync($"/api/v1/children/{w.ChildB}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await b.GetAsync($"/api/v1/children/{w.ChildA}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await b.PutAsJsonAsync($"/api/v1/children/{w.ChildA}/health", new { allergies = "篡改", version = 0 }), HttpStatusCode.NotFound);
        var allergies = await fixture.Factory.WithDbAsync(db => db.Children.Where(c => c.Id == w.ChildA).Select(c => c.Allergies).SingleAsync());
        Assert.Equal("花生过敏", allergies);
    }

    [Fact]
    public async Task Institution_staff_cannot_read_a_child_of_another_institution()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.AdminA);
        await ApiAssert.OkAsync(await a.GetAsync($"/api/v1/children/{w.ChildA}"));
        await ApiAssert.ProblemAsync(await a.GetAsync($"/api/v1/children/{w.ChildB}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await a.PostAsJsonAsync($"/api/v1/children/{w.ChildB}/id-number/reveal", new { reason = "核对" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Regulators_see_children_of_their_region_without_health_data()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.RegulatorA);
        var child = await ApiAssert.OkAsync(await a.GetAsync($"/api/v1/children/{w.ChildA}"));
        Assert.Equal(JsonValueKindNull, child.GetProperty("allergies").ValueKind);
        await ApiAssert.ProblemAsync(await a.GetAsync($"/api/v1/children/{w.ChildB}"), HttpStatusCode.NotFound);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task A_medical_institution_sees_only_signed_institutions_and_loses_access_when_the_agreement_is_revoked()
    {
        var w = await fixture.NewWorldAsync();
        var m = await w.ClientAsync(w.MedicalUser);
        await ApiAssert.OkAsync(await m.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        await ApiAssert.OkAsync(await m.GetAsync($"/api/v1/children/{w.ChildA}"));
        await ApiAssert.ProblemAsync(await m.GetAsync($"/api/v1/institutions/{w.InstitutionB}"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await m.GetAsync($"/api/v1/children/{w.ChildB}"), HttpStatusCode.NotFound);

        await fixture.Factory.WithDbAsync(async db =>
        {
            var agreement = await db.MedicalAgreements.SingleAsync(x => x.Id == w.AgreementA);
            agreement.RevokedOn = new DateOnly(2026, 11, 1);
            return await db.SaveChangesAsync();
        });
        // ASVS 8.3.2 ★: the same token loses access at once.
        await ApiAssert.ProblemAsync(await m.GetAsync($"/api/v1/institutions/{w.InstitutionA}"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await m.GetAsync($"/api/v1/children/{w.ChildA}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Roles_without_the_permission_get_403_parents_on_institutions_and_the_auditor_on_children()
    {
        var w = await fixture.NewWorldAsync();
        var parent = await w.ClientAsync(w.ParentA);
        await ApiAssert.ProblemAsync(await parent.GetAsync("/api/v1/institutions"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await parent.GetAsync("/api/v1/audit/entries"), HttpStatusCode.Forbidden);
        var auditor = await w.ClientAsync(w.Auditor);
        await ApiAssert.ProblemAsync(await auditor.GetAsync($"/api/v1/children/{w.ChildA}"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await auditor.GetAsync("/api/v1/institutions"), HttpStatusCode.Forbidden);
        var sysadmin = await w.ClientAsync(w.SystemAdmin);
        await ApiAssert.ProblemAsync(await sysadmin.GetAsync($"/api/v1/children/{w.ChildA}"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await sysadmin.GetAsync("/api/v1/audit/entries"), HttpStatusCode.Forbidden);
        var regulator = await w.ClientAsync(w.RegulatorA);
        await ApiAssert.ProblemAsync(await regulator.GetAsync("/api/v1/audit/entries"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_change_of_a_regulators_region_applies_to_the_token_already_issued()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.RegulatorA);
        await ApiAssert.OkAsync(await a.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        await fixture.Factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == w.RegulatorA);
            user.RegionCode = "430104000000";
            return await db.SaveChangesAsync();
        });
        await ApiAssert.ProblemAsync(await a.GetAsync($"/api/v1/institutions/{w.InstitutionA}"), HttpStatusCode.Forbidden);
        await ApiAssert.OkAsync(await a.GetAsync($"/api/v1/institutions/{w.InstitutionB}"));
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_at_once()
    {
        var w = await fixture.NewWorldAsync();
        var a = await w.ClientAsync(w.AdminA);
        await ApiAssert.OkAsync(await a.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        await fixture.Factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == w.AdminA);
            user.IsDisabled = true;
            return await db.SaveChangesAsync();
        });
        var after = await a.GetAsync($"/api/v1/institutions/{w.InstitutionA}");
        Assert.True(after.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"got {(int)after.StatusCode}");
        var client = fixture.Factory.CreateClient();
        var signIn = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = w.AdminA, password = TestWorld.Password });
        await ApiAssert.ProblemAsync(signIn, HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Fact]
    public async Task The_home_summary_counts_only_what_is_in_scope()
    {
        var w = await fixture.NewWorldAsync();
        var admin = await ApiAssert.OkAsync(await (await w.ClientAsync(w.AdminA)).GetAsync("/api/v1/summary"));
        Assert.Equal(1, admin.GetProperty("institutions").GetInt32());
        Assert.Equal(30, admin.GetProperty("registeredSlots").GetInt32());
        Assert.Equal(1, admin.GetProperty("enrolledChildren").GetInt32());
        var parent = await ApiAssert.OkAsync(await (await w.ClientAsync(w.ParentB)).GetAsync("/api/v1/summary"));
        Assert.Equal(0, parent.GetProperty("institutions").GetInt32());
        Assert.Equal(1, parent.GetProperty("enrolledChildren").GetInt32());
        var medical = await ApiAssert.OkAsync(await (await w.ClientAsync(w.MedicalUser)).GetAsync("/api/v1/summary"));
        Assert.Equal(1, medical.GetProperty("institutions").GetInt32());
    }
}

public sealed class SqliteCrossScopeTests(SqliteFixture fixture) : CrossScopeTests(fixture);

public sealed class PostgresCrossScopeTests(PostgresFixture fixture) : CrossScopeTests(fixture);
