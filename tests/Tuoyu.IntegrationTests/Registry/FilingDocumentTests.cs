using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.IntegrationTests.Registry;

/// <summary>
/// Issue #3 item 3, filing documents (备案材料, ADR 0019): uploads checked for size, type and content (security.md
/// 5.2.x), kept in the database and superseded rather than deleted; a submission needs every required kind; documents
/// are locked while a filing is submitted or filed; nobody outside the institution's scope lists or downloads them.
/// </summary>
public abstract class FilingDocumentTests(AppFixture fixture)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];

    private async Task<TestWorld> WorldAsync(FilingStatus statusA = FilingStatus.NotFiled, CareServices? services = null)
    {
        var w = await fixture.NewWorldAsync();
        await fixture.Factory.WithDbAsync(async db =>
        {
            var i = await db.Institutions.SingleAsync(x => x.Id == w.InstitutionA);
            i.FilingStatus = statusA;
            i.FiledOn = statusA == FilingStatus.Filed ? new DateOnly(2025, 6, 1) : null;
            if (services is { } s) { i.Services = s; }
            return await db.SaveChangesAsync();
        });
        return w;
    }

    private static string Docs(Guid institution) => $"/api/v1/institutions/{institution}/filing/documents";

    private Task<string> SnapshotAsync(Guid institution) => fixture.Factory.WithDbAsync(async db =>
    {
        var i = await db.Institutions.AsNoTracking().SingleAsync(x => x.Id == institution);
        var ids = await db.FilingDocuments.AsNoTracking().Where(d => d.InstitutionId == institution).Select(d => d.Id).ToListAsync();
        var current = await db.FilingDocuments.AsNoTracking().CountAsync(d => d.InstitutionId == institution && d.SupersededAt == null);
        var contents = await db.FilingDocumentContents.AsNoTracking().CountAsync(c => ids.Contains(c.DocumentId));
        var events = await db.FilingEvents.AsNoTracking().CountAsync(e => e.InstitutionId == institution);
        return $"{i.FilingStatus}|{i.Version}|{ids.Count}|{current}|{contents}|{events}";
    });

    private async Task<JsonElement> RefusedUnchangedAsync(Guid institution, Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string? code = null)
    {
        var before = await SnapshotAsync(institution);
        var problem = await ApiAssert.ProblemAsync(await send(), status, code);
        Assert.Equal(before, await SnapshotAsync(institution));
        return problem;
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, Guid institution, string kind, string fileName, byte[] bytes) =>
        await ApiAssert.StatusAsync(await client.PostAsync(Docs(institution), TestWorld.FilingDocumentForm(kind, fileName, bytes)), HttpStatusCode.Created);

    private Task<int> VersionAsync(Guid institution) =>
        fixture.Factory.WithDbAsync(db => db.Institutions.Where(i => i.Id == institution).Select(i => i.Version).SingleAsync());

    private async Task<JsonElement> StepAsync(HttpClient client, Guid institution, string step, string? reason = null) =>
        await ApiAssert.OkAsync(await client.PostAsJsonAsync($"/api/v1/institutions/{institution}/filing/{step}",
            new { reason, version = await VersionAsync(institution) }));

    [Fact]
    public async Task An_upload_is_stored_with_its_hash_and_a_cleaned_name_and_downloads_as_an_attachment()
    {
        var w = await WorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        var pdf = TestWorld.MinimalPdf("licence");

        var doc = await UploadAsync(admin, w.InstitutionA, "RegistrationCertificate", "../../etc/营业\u0001执照\u202E.pdf", pdf);
        Assert.Equal("营业执照.pdf", doc.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", doc.GetProperty("contentType").GetString());
        Assert.Equal(pdf.Length, doc.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), doc.GetProperty("sha256").GetString());
        Assert.Equal("营业执照或登记证书", doc.GetProperty("kindName").GetString());
        Assert.Equal(w.AdminA, doc.GetProperty("uploadedByUserName").GetString());
        await UploadAsync(admin, w.InstitutionA, "PremisesProof", "site.JPG", Jpeg);
        await UploadAsync(admin, w.InstitutionA, "fireSafety", "fire.png", Png);

        var list = await ApiAssert.OkAsync(await admin.GetAsync(Docs(w.InstitutionA)));
        Assert.True(list.GetProperty("editable").GetBoolean());
        Assert.Equal(3, list.GetProperty("documents").GetArrayLength());
        Assert.Equal(["image/jpeg", "image/png"], list.GetProperty("documents").EnumerateArray().Skip(1).Select(d => d.GetProperty("contentType").GetString()));
        Assert.DoesNotContain("RegistrationCertificate", list.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("kind").GetString()));

        // The regulator of the institution's county downloads it: the same bytes, as an attachment, never sniffed or cached.
        var regulator = await w.ClientAsync(w.RegulatorA);
        var response = await regulator.GetAsync($"{Docs(w.InstitutionA)}/{doc.GetProperty("id").GetGuid()}/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("营业执照.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        // The download is audited (documents can carry staff data); the bytes are not.
        var audited = await fixture.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .CountAsync(a => a.Action == "read" && a.EntityType == "FilingDocument" && a.EntityId == doc.GetProperty("id").GetGuid().ToString() && a.UserName == w.RegulatorA));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task Wrong_types_renamed_files_and_bad_fields_are_400_and_store_nothing()
    {
        var w = await WorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];
        var cases = new (string? Kind, string Name, byte[] Bytes, string Field)[]
        {
            ("FireSafety", "setup.exe", exe, "file"),
            ("FireSafety", "report.txt", "hello"u8.ToArray(), "file"),
            ("FireSafety", "report.docx", TestWorld.MinimalPdf(), "file"),
            ("FireSafety", "renamed.pdf", exe, "file"),        // an executable renamed .pdf
            ("FireSafety", "picture.pdf", Png, "file"),         // a PNG named .pdf
            ("FireSafety", "scan.png", TestWorld.MinimalPdf(), "file"), // a PDF named .png
            ("FireSafety", "empty.pdf", [], "file"),
            ("FireSafety", "noextension", TestWorld.MinimalPdf(), "file"),
            ("Bogus", "ok.pdf", TestWorld.MinimalPdf(), "kind"),
            ("3", "ok.pdf", TestWorld.MinimalPdf(), "kind"),
            (null, "ok.pdf", TestWorld.MinimalPdf(), "kind"),
        };
        foreach (var c in cases)
        {
            var problem = await RefusedUnchangedAsync(w.InstitutionA, () => admin.PostAsync(Docs(w.InstitutionA), TestWorld.FilingDocumentForm(c.Kind, c.Name, c.Bytes)),
                HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(c.Field, out _), $"{c.Name}: {problem}");
        }

        // No file part at all.
        using var noFile = new MultipartFormDataContent { { new StringContent("FireSafety"), "kind" } };
        var missing = await RefusedUnchangedAsync(w.InstitutionA, () => admin.PostAsync(Docs(w.InstitutionA), noFile), HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("file", out _), missing.ToString());
        // Not multipart: 415 from the endpoint's declared media type.
        await RefusedUnchangedAsync(w.InstitutionA, () => admin.PostAsJsonAsync(Docs(w.InstitutionA), new { kind = "FireSafety" }), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_file_over_5_MB_is_400_on_file_and_stores_nothing()
    {
        var w = await WorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        // ADR 0019: 5 MB per file (5 × 1024 × 1024 bytes).
        foreach (var size in new[] { 5 * 1024 * 1024 + 1, 12 * 1024 * 1024 })
        {
            var big = new byte[size];
            "%PDF-1.4\n"u8.CopyTo(big);
            var problem = await RefusedUnchangedAsync(w.InstitutionA, () => admin.PostAsync(Docs(w.InstitutionA), TestWorld.FilingDocumentForm("FireSafety", "big.pdf", big)),
                HttpStatusCode.BadRequest);
            Assert.Contains("5MB", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        }

        // Exactly 5 MB is accepted.
        var max = new byte[5 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(max);
        await UploadAsync(admin, w.InstitutionA, "FireSafety", "max.pdf", max);
    }

    [Fact]
    public async Task A_new_upload_supersedes_the_old_one_and_a_withdrawal_keeps_it()
    {
        var w = await WorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        var first = await UploadAsync(admin, w.InstitutionA, "HealthEvaluation", "v1.pdf", TestWorld.MinimalPdf("v1"));
        var second = await UploadAsync(admin, w.InstitutionA, "HealthEvaluation", "v2.pdf", TestWorld.MinimalPdf("v2"));

        var list = await ApiAssert.OkAsync(await admin.GetAsync(Docs(w.InstitutionA)));
        var docs = list.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(2, docs.Count);
        Assert.Equal(second.GetProperty("id").GetGuid(), docs[0].GetProperty("id").GetGuid());
        Assert.True(docs[0].GetProperty("isCurrent").GetBoolean());
        Assert.Equal(first.GetProperty("id").GetGuid(), docs[1].GetProperty("id").GetGuid());
        Assert.False(docs[1].GetProperty("isCurrent").GetBoolean());
        Assert.Equal(JsonValueKind.String, docs[1].GetProperty("supersededAt").ValueKind);
        // The superseded document still downloads (it is the record of what was filed before).
        Assert.Equal(TestWorld.MinimalPdf("v1"), await admin.GetByteArrayAsync($"{Docs(w.InstitutionA)}/{first.GetProperty("id").GetGuid()}/content"));

        var withdrawn = await admin.DeleteAsync($"{Docs(w.InstitutionA)}/{second.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        list = await ApiAssert.OkAsync(await admin.GetAsync(Docs(w.InstitutionA)));
        Assert.Equal(2, list.GetProperty("documents").GetArrayLength());
        Assert.All(list.GetProperty("documents").EnumerateArray(), d => Assert.False(d.GetProperty("isCurrent").GetBoolean()));
        Assert.Contains("HealthEvaluation", list.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("kind").GetString()));
        // Withdrawing it again, or a document of another institution, is 404.
        await RefusedUnchangedAsync(w.InstitutionA, () => admin.DeleteAsync($"{Docs(w.InstitutionA)}/{second.GetProperty("id").GetGuid()}"), HttpStatusCode.NotFound);
        await RefusedUnchangedAsync(w.InstitutionA, () => admin.DeleteAsync($"{Docs(w.InstitutionA)}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_institutions_admin_cannot_upload_list_download_or_withdraw()
    {
        var w = await WorldAsync();
        var adminA = await w.ClientAsync(w.AdminA);
        var doc = await UploadAsync(adminA, w.InstitutionA, "PremisesProof", "site.pdf", TestWorld.MinimalPdf());
        var content = $"{Docs(w.InstitutionA)}/{doc.GetProperty("id").GetGuid()}/content";
        var adminB = await w.ClientAsync(w.AdminB);

        await RefusedUnchangedAsync(w.InstitutionA, () => adminB.PostAsync(Docs(w.InstitutionA), TestWorld.FilingDocumentForm("FireSafety", "x.pdf", TestWorld.MinimalPdf())),
            HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.InstitutionA, () => adminB.GetAsync(Docs(w.InstitutionA)), HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.InstitutionA, () => adminB.GetAsync(content), HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.InstitutionA, () => adminB.DeleteAsync($"{Docs(w.InstitutionA)}/{doc.GetProperty("id").GetGuid()}"), HttpStatusCode.Forbidden);
        // A's document under B's address is not found (B's admin asks about B, where it does not exist).
        await RefusedUnchangedAsync(w.InstitutionA, () => adminB.GetAsync($"{Docs(w.InstitutionB)}/{doc.GetProperty("id").GetGuid()}/content"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_regulator_of_another_county_cannot_list_or_download_and_no_regulator_uploads()
    {
        var w = await WorldAsync();
        var adminA = await w.ClientAsync(w.AdminA);
        var doc = await UploadAsync(adminA, w.InstitutionA, "PremisesProof", "site.pdf", TestWorld.MinimalPdf());
        var content = $"{Docs(w.InstitutionA)}/{doc.GetProperty("id").GetGuid()}/content";

        var regB = await w.ClientAsync(w.RegulatorB);
        await RefusedUnchangedAsync(w.InstitutionA, () => regB.GetAsync(content), HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.InstitutionA, () => regB.GetAsync(Docs(w.InstitutionA)), HttpStatusCode.Forbidden);
        var regA = await w.ClientAsync(w.RegulatorA);
        await RefusedUnchangedAsync(w.InstitutionA, () => regA.PostAsync(Docs(w.InstitutionA), TestWorld.FilingDocumentForm("FireSafety", "x.pdf", TestWorld.MinimalPdf())),
            HttpStatusCode.Forbidden);
        await RefusedUnchangedAsync(w.InstitutionA, () => regA.DeleteAsync($"{Docs(w.InstitutionA)}/{doc.GetProperty("id").GetGuid()}"), HttpStatusCode.Forbidden);
        // A parent reads no institution's documents.
        var parent = await w.ClientAsync(w.ParentA);
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync(content)).StatusCode);
        // Anonymous: 401.
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Factory.CreateClient().GetAsync(content)).StatusCode);
    }

    [Fact]
    public async Task A_cookie_signed_in_upload_needs_the_antiforgery_token()
    {
        var w = await WorldAsync();
        var browser = fixture.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await browser.GetStringAsync("/login");
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   ["_handler"] = "login", ["__RequestVerificationToken"] = TokenIn(login), ["Input.UserName"] = w.AdminA, ["Input.Password"] = TestWorld.Password,
               }))
        {
            var signedIn = await browser.PostAsync("/login", form);
            Assert.True(signedIn.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("tuoyu.auth=", StringComparison.Ordinal)),
                $"cookie sign-in failed: {(int)signedIn.StatusCode}");
        }

        // A cross-site form could post with the cookie alone: refused, nothing stored.
        var problem = await RefusedUnchangedAsync(w.InstitutionA,
            () => browser.PostAsync(Docs(w.InstitutionA), TestWorld.FilingDocumentForm("FireSafety", "fire.pdf", TestWorld.MinimalPdf())), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("antiforgery", out _), problem.ToString());

        // With the token of one of the platform's own pages it is accepted.
        var page = await browser.GetStringAsync($"/institutions/{w.InstitutionA}/filing");
        using var ok = TestWorld.FilingDocumentForm("FireSafety", "fire.pdf", TestWorld.MinimalPdf());
        ok.Add(new StringContent(TokenIn(page)), "__RequestVerificationToken");
        await ApiAssert.StatusAsync(await browser.PostAsync(Docs(w.InstitutionA), ok), HttpStatusCode.Created);
    }

    private static string TokenIn(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task Submit_without_the_required_documents_is_409_listing_the_missing_kinds()
    {
        var w = await WorldAsync(services: CareServices.FullDay | CareServices.Hourly);
        var admin = await w.ClientAsync(w.AdminA);
        await UploadAsync(admin, w.InstitutionA, "RegistrationCertificate", "a.pdf", TestWorld.MinimalPdf());
        await UploadAsync(admin, w.InstitutionA, "FireSafety", "b.pdf", TestWorld.MinimalPdf());
        await UploadAsync(admin, w.InstitutionA, "Other", "c.pdf", TestWorld.MinimalPdf());
        var version = await VersionAsync(w.InstitutionA);

        var problem = await RefusedUnchangedAsync(w.InstitutionA, () => admin.PostAsJsonAsync($"/api/v1/institutions/{w.InstitutionA}/filing/submit", new { version }),
            HttpStatusCode.Conflict, "registry.filing_documents_missing");
        // 全日托 → 食品经营许可 is required (ADR 0019).
        Assert.Equal(["PremisesProof", "HealthEvaluation", "FoodLicence", "StaffQualifications"],
            problem.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("备案材料不全，缺少：场地证明、卫生评价、食品经营许可、人员资格", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_institution_without_full_day_care_submits_without_a_food_licence()
    {
        var w = await WorldAsync(services: CareServices.HalfDay | CareServices.Hourly);
        var admin = await w.ClientAsync(w.AdminA);
        var list = await ApiAssert.OkAsync(await admin.GetAsync(Docs(w.InstitutionA)));
        Assert.DoesNotContain("FoodLicence", list.GetProperty("required").EnumerateArray().Select(m => m.GetProperty("kind").GetString()));
        foreach (var kind in new[] { "RegistrationCertificate", "PremisesProof", "FireSafety", "HealthEvaluation", "StaffQualifications" })
        {
            await UploadAsync(admin, w.InstitutionA, kind, kind + ".pdf", TestWorld.MinimalPdf(kind));
        }

        Assert.Empty((await ApiAssert.OkAsync(await admin.GetAsync(Docs(w.InstitutionA)))).GetProperty("missing").EnumerateArray());
        Assert.Equal("Submitted", (await StepAsync(admin, w.InstitutionA, "submit")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Full_walk_upload_submit_return_replace_resubmit_approve_with_documents_locked_in_between()
    {
        var w = await WorldAsync();
        var admin = await w.ClientAsync(w.AdminA);
        var regulator = await w.ClientAsync(w.RegulatorA);
        await TestWorld.UploadFilingDocumentsAsync(admin, w.InstitutionA);
        Assert.Equal("Submitted", (await StepAsync(admin, w.InstitutionA, "submit")).GetProperty("status").GetString());

        // Submitted: what the regulator reviews cannot change under them.
        var list = await ApiAssert.OkAsync(await regulator.GetAsync(Docs(w.InstitutionA)));
        Assert.False(list.GetProperty("editable").GetBoolean());
        var fire = list.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "FireSafety").GetProperty("id").GetGuid();
        await RefusedUnchangedAsync(w.InstitutionA, () => admin.PostAsync(Docs(w.InstitutionA), TestWorld.FilingDocumentForm("FireSafety", "new.pdf", TestWorld.MinimalPdf())),
            HttpStatusCode.Conflict, "registry.filing_documents_locked");
        await RefusedUnchangedAsync(w.InstitutionA, () => admin.DeleteAsync($"{Docs(w.InstitutionA)}/{fire}"), HttpStatusCode.Conflict, "registry.filing_documents_locked");

        await StepAsync(regulator, w.InstitutionA, "return", "消防验收材料不清晰");
        var replaced = await UploadAsync(admin, w.InstitutionA, "FireSafety", "消防验收（清晰版）.pdf", TestWorld.MinimalPdf("clear"));
        Assert.Equal("Submitted", (await StepAsync(admin, w.InstitutionA, "submit", "已更换消防材料")).GetProperty("status").GetString());
        var filed = await StepAsync(regulator, w.InstitutionA, "approve");
        Assert.Equal("Filed", filed.GetProperty("status").GetString());

        list = await ApiAssert.OkAsync(await regulator.GetAsync(Docs(w.InstitutionA)));
        var fireDocs = list.GetProperty("documents").EnumerateArray().Where(d => d.GetProperty("kind").GetString() == "FireSafety").ToList();
        Assert.Equal(2, fireDocs.Count);
        Assert.Equal(replaced.GetProperty("id").GetGuid(), fireDocs.Single(d => d.GetProperty("isCurrent").GetBoolean()).GetProperty("id").GetGuid());
        Assert.Equal(fire, fireDocs.Single(d => !d.GetProperty("isCurrent").GetBoolean()).GetProperty("id").GetGuid());

        // Filed: locked too.
        await RefusedUnchangedAsync(w.InstitutionA, () => admin.PostAsync(Docs(w.InstitutionA), TestWorld.FilingDocumentForm("Other", "late.pdf", TestWorld.MinimalPdf())),
            HttpStatusCode.Conflict, "registry.filing_documents_locked");
    }
}

public sealed class SqliteFilingDocumentTests(SqliteFixture fixture) : FilingDocumentTests(fixture);

public sealed class PostgresFilingDocumentTests(PostgresFixture fixture) : FilingDocumentTests(fixture);
