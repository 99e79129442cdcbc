using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.IntegrationTests.Registry;

/// <summary>
/// Issue #3 item 3, the filing (备案) workflow (documents: FilingDocumentTests): the institution's admin submits, the county
/// regulator returns, approves, rejects or revokes; every step is a history event; a refused step changes nothing.
/// </summary>
public abstract class FilingTests(AppFixture fixture)
{
    private async Task<TestWorld> WorldAsync(FilingStatus statusA = FilingStatus.NotFiled)
    {
        var w = await fixture.NewWorldAsync();
        await SetStatusAsync(w.InstitutionA, statusA);
        return w;
    }

    private Task SetStatusAsync(Guid institution, FilingStatus status) => fixture.Factory.WithDbAsync(async db =>
    {
        var i = await db.Institutions.SingleAsync(x => x.Id == institution);
        i.FilingStatus = status;
        i.FiledOn = status == FilingStatus.Filed ? new DateOnly(2025, 6, 1) : null;
        await db.SaveChangesAsync();
        return 0;
    });

    private static string Filing(Guid institution) => $"/api/v1/institutions/{institution}/filing";

    private Task<string> SnapshotAsync(Guid institution) => fixture.Factory.WithDbAsync(async db =>
    {
        var i = await db.Institutions.AsNoTracking().SingleAsync(x => x.Id == institution);
        var events = await db.FilingEvents.AsNoTracking().CountAsync(e => e.InstitutionId == institution);
        return $"{i.FilingStatus}|{i.FiledOn}|{i.Version}|{events}";
    });

    private Task<int> VersionAsync(Guid institution) =>
        fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == institution).Select(i => i.Version).SingleAsync());

    private async Task<JsonElement> RefusedUnchangedAsync(TestWorld w, Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string? code = null)
    {
        var before = await SnapshotAsync(w.InstitutionA);
        var problem = await ApiAssert.ProblemAsync(await send(), status, code);
        Assert.Equal(before, await SnapshotAsync(w.InstitutionA));
        return problem;
    }

    private async Task<JsonElement> StepAsync(HttpClient client, Guid institution, string step, string? reason = null)
    {
        var version = await VersionAsync(institution);
        return await ApiAssert.OkAsync(await client.PostAsJsonAsync($"{Filing(institution)}/{step}", new { reason, version }));
    }

    [Fact]
    public async Task Submit_return_resubmit_approve_files_the_institution_with_a_four_step_history()
    {
        var w = await WorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        var regulator = await w.ClientAsync(w.RegulatorA);
        var anonymous = fixture.Factory.CreateClient();
        await ApiAssert.ProblemAsync(await anonymous.GetAsync($"/api/v1/public/institutions/{w.InstitutionA}"), HttpStatusCode.NotFound);

        await TestWorld.UploadFilingDocumentsAsync(admin, w.InstitutionA);
        var s = await StepAsync(admin, w.InstitutionA, "submit");
        Assert.Equal("Submitted", s.GetProperty("status").GetString());
        await ApiAssert.ProblemAsync(await anonymous.GetAsync($"/api/v1/public/institutions/{w.InstitutionA}"), HttpStatusCode.NotFound);
        s = await StepAsync(regulator, w.InstitutionA, "return", " 缺少消防验收材料 ");
        Assert.Equal("Returned", s.GetProperty("status").GetString());
        Assert.Equal("已退回", s.GetProperty("statusName").GetString());
        s = await StepAsync(admin, w.InstitutionA, "submit", "已补充消防材料");
        Assert.Equal("Submitted", s.GetProperty("status").GetString());
        s = await StepAsync(regulator, w.InstitutionA, "approve");
        Assert.Equal("Filed", s.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, s.GetProperty("filedOn").ValueKind);
        var filedOn = DateOnly.Parse(s.GetProperty("filedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(filedOn.DayNumber, DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - 1, DateOnly.FromDateTime(DateTime.UtcNow).DayNumber + 1);
        Assert.Equal(await VersionAsync(w.InstitutionA), s.GetProperty("version").GetInt32());

        var state = await ApiAssert.OkAsync(await regulator.GetAsync(Filing(w.InstitutionA)));
        var history = state.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["Approve", "Submit", "Return", "Submit"], history.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal([w.RegulatorA, w.AdminA, w.RegulatorA, w.AdminA], history.Select(e => e.GetProperty("actorUserName").GetString()));
        Assert.Equal(await w.UserIdAsync(w.RegulatorA), history[0].GetProperty("actorUserId").GetGuid());
        Assert.Equal("缺少消防验收材料", history[2].GetProperty("reason").GetString());
        Assert.Equal("已补充消防材料", history[1].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("reason").ValueKind);
        Assert.Equal(["Submitted", "Returned", "Submitted", "NotFiled"], history.Select(e => e.GetProperty("fromStatus").GetString()));
        Assert.Equal(["Filed", "Submitted", "Returned", "Submitted"], history.Select(e => e.GetProperty("toStatus").GetString()));
        // The admin reads its own history too.
        Assert.Equal(4, (await ApiAssert.OkAsync(await admin.GetAsync(Filing(w.InstitutionA)))).GetProperty("history").GetArrayLength());

        var page = await admin.GetAsync($"/institutions/{w.InstitutionA}");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{(int)page.StatusCode}: {html[..Math.Min(500, html.Length)]}");
        Assert.Contains("data-testid=\"filing-history\"", html, StringComparison.Ordinal);
        Assert.Contains("缺少消防验收材料", html, StringComparison.Ordinal);

        var detail = await ApiAssert.OkAsync(await admin.GetAsync($"/api/v1/institutions/{w.InstitutionA}"));
        Assert.Equal("已备案", detail.GetProperty("filingStatus").GetString());
        await ApiAssert.OkAsync(await anonymous.GetAsync($"/api/v1/public/institutions/{w.InstitutionA}"));
    }

    [Fact]
    public async Task A_regulator_of_another_county_cannot_approve()
    {
        var w = await WorldAsync(FilingStatus.Submitted);
        var regB = await w.ClientAsync(w.RegulatorB);
        var version = await VersionAsync(w.InstitutionA);
        await RefusedUnchangedAsync(w, () => regB.PostAsJsonAsync($"{Filing(w.InstitutionA)}/approve", new { version }), HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w, () => regB.GetAsync(Filing(w.InstitutionA)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_street_level_regulator_covering_the_institution_cannot_review()
    {
        // Zhuzhou 三(五)2: the county health department files. RegulatorA moved down to A's own street keeps A in scope.
        var w = await WorldAsync(FilingStatus.Submitted);
        await fixture.Factory.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.UserName == w.RegulatorA);
            u.RegionCode = TestWorld.FurongStreet;
            return await db.SaveChangesAsync();
        });
        var reg = await w.ClientAsync(w.RegulatorA);
        await ApiAssert.OkAsync(await reg.GetAsync(Filing(w.InstitutionA)));
        var version = await VersionAsync(w.InstitutionA);
        foreach (var step in new[] { "approve", "return", "reject" })
        {
            await RefusedUnchangedAsync(w, () => reg.PostAsJsonAsync($"{Filing(w.InstitutionA)}/{step}", new { reason = "理由", version }), HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task An_institution_admin_cannot_approve_its_own_filing_nor_submit_another()
    {
        var w = await WorldAsync(FilingStatus.Submitted);
        var admin = await w.ClientAsync(w.AdminA);
        var version = await VersionAsync(w.InstitutionA);
        foreach (var step in new[] { "approve", "return", "reject", "revoke" })
        {
            await RefusedUnchangedAsync(w, () => admin.PostAsJsonAsync($"{Filing(w.InstitutionA)}/{step}", new { reason = "x", version }), HttpStatusCode.Forbidden);
        }

        var adminB = await w.ClientAsync(w.AdminB);
        await SetStatusAsync(w.InstitutionA, FilingStatus.NotFiled);
        version = await VersionAsync(w.InstitutionA);
        await RefusedUnchangedAsync(w, () => adminB.PostAsJsonAsync($"{Filing(w.InstitutionA)}/submit", new { version }), HttpStatusCode.Forbidden);
        // A regulator does not submit for the institution.
        var reg = await w.ClientAsync(w.RegulatorA);
        await RefusedUnchangedAsync(w, () => reg.PostAsJsonAsync($"{Filing(w.InstitutionA)}/submit", new { version }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Approve_from_not_filed_is_409_invalid_transition()
    {
        var w = await WorldAsync();
        var reg = await w.ClientAsync(w.RegulatorA);
        var version = await VersionAsync(w.InstitutionA);
        await RefusedUnchangedAsync(w, () => reg.PostAsJsonAsync($"{Filing(w.InstitutionA)}/approve", new { version }),
            HttpStatusCode.Conflict, "registry.filing_invalid_transition");
        await RefusedUnchangedAsync(w, () => reg.PostAsJsonAsync($"{Filing(w.InstitutionA)}/revoke", new { reason = "违规", version }),
            HttpStatusCode.Conflict, "registry.filing_invalid_transition");
    }

    [Fact]
    public async Task Return_without_a_reason_is_400_on_the_reason_field()
    {
        var w = await WorldAsync(FilingStatus.Submitted);
        var reg = await w.ClientAsync(w.RegulatorA);
        var version = await VersionAsync(w.InstitutionA);
        foreach (var body in new object[] { new { version }, new { reason = "  ", version }, new { reason = new string('理', 501), version } })
        {
            var problem = await RefusedUnchangedAsync(w, () => reg.PostAsJsonAsync($"{Filing(w.InstitutionA)}/return", body), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _), problem.ToString());
        }

        var missingVersion = await RefusedUnchangedAsync(w, () => reg.PostAsJsonAsync($"{Filing(w.InstitutionA)}/approve", new { }), HttpStatusCode.BadRequest);
        Assert.True(missingVersion.GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task A_stale_version_is_409_concurrency_conflict()
    {
        var w = await WorldAsync(FilingStatus.Submitted);
        var reg = await w.ClientAsync(w.RegulatorA);
        var version = await VersionAsync(w.InstitutionA);
        await RefusedUnchangedAsync(w, () => reg.PostAsJsonAsync($"{Filing(w.InstitutionA)}/approve", new { version = version - 1 }),
            HttpStatusCode.Conflict, "concurrency.conflict");
    }

    [Fact]
    public async Task Reject_and_revoke_end_the_filing_and_hide_the_institution_from_the_public()
    {
        var w = await WorldAsync(FilingStatus.Submitted);
        var reg = await w.ClientAsync(w.RegulatorA);
        var s = await StepAsync(reg, w.InstitutionA, "reject", "不符合设置标准");
        Assert.Equal("Rejected", s.GetProperty("status").GetString());
        Assert.Equal("不予备案", s.GetProperty("statusName").GetString());
        var admin = await w.ClientAsync(w.AdminA);
        var version = await VersionAsync(w.InstitutionA);
        await RefusedUnchangedAsync(w, () => admin.PostAsJsonAsync($"{Filing(w.InstitutionA)}/submit", new { version }),
            HttpStatusCode.Conflict, "registry.filing_invalid_transition");

        // B is filed: its regulator revokes it, and the public directory stops showing it.
        var regB = await w.ClientAsync(w.RegulatorB);
        var anonymous = fixture.Factory.CreateClient();
        await ApiAssert.OkAsync(await anonymous.GetAsync($"/api/v1/public/institutions/{w.InstitutionB}"));
        s = await StepAsync(regB, w.InstitutionB, "revoke", "停业");
        Assert.Equal("Revoked", s.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("filedOn").ValueKind);
        await ApiAssert.ProblemAsync(await anonymous.GetAsync($"/api/v1/public/institutions/{w.InstitutionB}"), HttpStatusCode.NotFound);
    }
}

public sealed class SqliteFilingTests(SqliteFixture fixture) : FilingTests(fixture);

public sealed class PostgresFilingTests(PostgresFixture fixture) : FilingTests(fixture);
