using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;

namespace Tuoyu.IntegrationTests.Identity;

/// <summary>三权分立 account administration: who may list and create accounts, and what a new account must hold.</summary>
public abstract class UserAdministrationTests(AppFixture fixture)
{
    private const string StrongPassword = "Strong@Pass1";

    private static string[] FieldsOf(System.Text.Json.JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_system_admin_creates_a_regulator_who_can_then_sign_in_with_that_scope()
    {
        var w = await fixture.NewWorldAsync();
        var sys = await w.ClientAsync(w.SystemAdmin);
        var name = "newreg" + w.Suffix;
        var response = await sys.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "芙蓉区卫健局张三", kind = "Regulator", regionCode = "430102000000", password = StrongPassword });
        var created = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/users/{created.GetProperty("id").GetGuid()}", response.Headers.Location?.ToString());
        Assert.Equal("Regulator", created.GetProperty("kind").GetString());
        Assert.Equal("芙蓉区", created.GetProperty("scopeName").GetString());
        Assert.False(string.IsNullOrEmpty(created.GetProperty("version").GetString()));
        Assert.False(created.GetProperty("isDisabled").GetBoolean());

        var regulator = fixture.Factory.CreateClient();
        regulator.DefaultRequestHeaders.Authorization = new("Bearer", await TestWorld.TokenAsync(regulator, name, StrongPassword));
        var me = await ApiAssert.OkAsync(await regulator.GetAsync("/api/v1/me"));
        Assert.Equal("430102000000", me.GetProperty("regionCode").GetString());
        await ApiAssert.OkAsync(await regulator.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        await ApiAssert.ProblemAsync(await regulator.GetAsync($"/api/v1/institutions/{w.InstitutionB}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Accounts_of_each_scoped_kind_are_created_with_their_scope_and_administrators_without()
    {
        var w = await fixture.NewWorldAsync();
        var sys = await w.ClientAsync(w.SystemAdmin);
        var staff = await ApiAssert.StatusAsync(await sys.PostAsJsonAsync("/api/v1/users",
            new { userName = "staff" + w.Suffix, displayName = "王老师", kind = "InstitutionStaff", institutionId = w.InstitutionA, password = "long-enough-1" }), HttpStatusCode.Created);
        Assert.Equal(w.InstitutionA, staff.GetProperty("institutionId").GetGuid());
        Assert.Equal("测试托育A" + w.Suffix, staff.GetProperty("scopeName").GetString());
        var medical = await ApiAssert.StatusAsync(await sys.PostAsJsonAsync("/api/v1/users",
            new { userName = "med2" + w.Suffix, displayName = "保健院", kind = "medical", medicalInstitutionId = w.MedicalA.ToString(), password = "long-enough-1" }), HttpStatusCode.Created);
        Assert.Equal(w.MedicalA, medical.GetProperty("medicalInstitutionId").GetGuid());
        var auditor = await ApiAssert.StatusAsync(await sys.PostAsJsonAsync("/api/v1/users",
            new { userName = "aud2" + w.Suffix, displayName = "审计员", kind = "Auditor", password = "long-enough-1" }), HttpStatusCode.Created);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, auditor.GetProperty("scopeName").ValueKind);
    }

    [Fact]
    public async Task A_taken_user_name_gets_409_whatever_its_case()
    {
        var w = await fixture.NewWorldAsync();
        var sys = await w.ClientAsync(w.SystemAdmin);
        var response = await sys.PostAsJsonAsync("/api/v1/users", new { userName = w.RegulatorA.ToUpperInvariant(), displayName = "重名", kind = "Parent", password = "long-enough-1" });
        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict, "identity.user_name_taken");
    }

    [Fact]
    public async Task Bad_fields_get_400_naming_each_field()
    {
        var w = await fixture.NewWorldAsync();
        var sys = await w.ClientAsync(w.SystemAdmin);
        async Task<string[]> FieldsAsync(object body) =>
            FieldsOf(await ApiAssert.ProblemAsync(await sys.PostAsJsonAsync("/api/v1/users", body), HttpStatusCode.BadRequest));

        Assert.Equal(["displayName", "password", "regionCode", "userName"],
            await FieldsAsync(new { userName = "a!", displayName = "", kind = "Regulator", regionCode = "999999999999", password = "short" }));
        // A scope field the kind does not have, and an institution that does not exist.
        Assert.Equal(["institutionId", "regionCode"],
            await FieldsAsync(new { userName = "ok" + w.Suffix, displayName = "x", kind = "InstitutionAdmin", institutionId = Guid.NewGuid(), regionCode = "430102000000", password = "long-enough-1" }));
        Assert.Equal(["kind"], await FieldsAsync(new { userName = "ok" + w.Suffix, displayName = "x", kind = "Wizard", password = "long-enough-1" }));
        Assert.Equal(["kind"], await FieldsAsync(new { userName = "ok" + w.Suffix, displayName = "x", kind = "6", password = "long-enough-1" }));
        Assert.Equal(["medicalInstitutionId"], await FieldsAsync(new { userName = "ok" + w.Suffix, displayName = "x", kind = "Medical", medicalInstitutionId = "nope", password = "long-enough-1" }));
        Assert.Equal(["institutionId"], await FieldsAsync(new { userName = "ok" + w.Suffix, displayName = "x", kind = "InstitutionStaff", password = "long-enough-1" }));
        // RegulatorPasswordValidator (ADR 0006): three of four character classes for regulators.
        var weak = await ApiAssert.ProblemAsync(await sys.PostAsJsonAsync("/api/v1/users",
            new { userName = "ok" + w.Suffix, displayName = "x", kind = "Regulator", regionCode = "430102000000", password = "alllowercase1" }), HttpStatusCode.BadRequest);
        Assert.Equal(["password"], FieldsOf(weak));
        Assert.Contains("三类", weak.GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        var tooShort = await ApiAssert.ProblemAsync(await sys.PostAsJsonAsync("/api/v1/users",
            new { userName = "ok" + w.Suffix, displayName = "x", kind = "Parent", password = "short" }), HttpStatusCode.BadRequest);
        Assert.Equal("密码至少8位", tooShort.GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task Regulators_institution_admins_auditors_and_parents_can_neither_list_nor_create_users()
    {
        var w = await fixture.NewWorldAsync();
        var target = await w.UserIdAsync(w.ParentB);
        foreach (var name in new[] { w.RegulatorA, w.AdminA, w.Auditor, w.ParentA, w.MedicalUser })
        {
            var client = await w.ClientAsync(name);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/users")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/users/export")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/users/{target}")).StatusCode);
            var create = await client.PostAsJsonAsync("/api/v1/users", new { userName = "x" + w.Suffix, displayName = "x", kind = "SystemAdmin", password = "long-enough-1" });
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/users/{target}/disable", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/users/{target}/unlock", null)).StatusCode);
        }
    }

    [Fact]
    public async Task The_security_admin_lists_users_but_cannot_create_or_change_them_and_the_system_admin_cannot_unlock()
    {
        var w = await fixture.NewWorldAsync();
        var sec = await w.ClientAsync(w.SecurityAdmin);
        var target = await ApiAssert.OkAsync(await sec.GetAsync($"/api/v1/users/{await w.UserIdAsync(w.RegulatorA)}"));
        var id = target.GetProperty("id").GetGuid();
        var create = await sec.PostAsJsonAsync("/api/v1/users", new { userName = "x" + w.Suffix, displayName = "x", kind = "Parent", password = "long-enough-1" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        var scope = await sec.PutAsJsonAsync($"/api/v1/users/{id}/scope", new { regionCode = "430104000000", version = target.GetProperty("version").GetString() });
        Assert.Equal(HttpStatusCode.Forbidden, scope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sec.PostAsync($"/api/v1/users/{id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sec.PostAsJsonAsync($"/api/v1/users/{id}/password", new { password = "Other@Pass99" })).StatusCode);

        var sys = await w.ClientAsync(w.SystemAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await sys.PostAsync($"/api/v1/users/{id}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sys.PostAsync($"/api/v1/users/{id}/two-factor/reset", null)).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_keyword_and_kind_pages_and_exports()
    {
        var w = await fixture.NewWorldAsync();
        var sec = await w.ClientAsync(w.SecurityAdmin);
        var regulators = await ApiAssert.OkAsync(await sec.GetAsync($"/api/v1/users?keyword={w.Suffix}&kind=Regulator"));
        Assert.Equal(2, regulators.GetProperty("total").GetInt32());
        Assert.All(regulators.GetProperty("items").EnumerateArray(), u => Assert.Equal("Regulator", u.GetProperty("kind").GetString()));
        var item = regulators.GetProperty("items")[0];
        Assert.Equal(w.RegulatorA, item.GetProperty("userName").GetString());
        Assert.False(item.GetProperty("lockedOut").GetBoolean());
        Assert.False(item.GetProperty("twoFactorEnabled").GetBoolean());
        Assert.False(item.TryGetProperty("passwordHash", out _));
        Assert.False(item.TryGetProperty("securityStamp", out _));

        var paged = await ApiAssert.OkAsync(await sec.GetAsync($"/api/v1/users?keyword={w.Suffix.ToUpperInvariant()}&page=2&pageSize=3"));
        // Every account of this world carries its suffix.
        var accounts = await fixture.Factory.WithDbAsync(db => db.Users.CountAsync(u => u.UserName!.EndsWith(w.Suffix)));
        Assert.True(accounts >= 10);
        Assert.Equal(accounts, paged.GetProperty("total").GetInt32());
        Assert.Equal(3, paged.GetProperty("items").GetArrayLength());
        var problem = await ApiAssert.ProblemAsync(await sec.GetAsync("/api/v1/users?kind=Wizard&pageSize=0"), HttpStatusCode.BadRequest);
        Assert.Equal(["kind", "pageSize"], FieldsOf(problem));

        var export = await sec.GetAsync($"/api/v1/users/export?keyword={w.Suffix}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }
}

public sealed class SqliteUserAdministrationTests(SqliteFixture fixture) : UserAdministrationTests(fixture);

public sealed class PostgresUserAdministrationTests(PostgresFixture fixture) : UserAdministrationTests(fixture);
