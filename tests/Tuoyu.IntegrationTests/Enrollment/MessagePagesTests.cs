using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.IntegrationTests.Enrollment;

/// <summary>ADR 0027 pages: the parent's thread and unread badge, the staff inbox and notice, the daily-note photo, the QR sheet and check-in page.</summary>
public abstract partial class MessagePagesTests(AppFixture fixture)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<(string Html, string Token)> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(500, html.Length)]}");
        return (html, TokenPattern().Match(html).Groups[1].Value);
    }

    private static async Task<string> PostFormAsync(HttpClient client, string url, string handler, string token, IDictionary<string, string> fields, byte[]? photo = null, string photoField = "Photo")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(handler), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        foreach (var (k, v) in fields) { form.Add(new StringContent(v), k); }
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, photoField, "p.jpg");
        }

        var response = await client.PostAsync(url, form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(800, html.Length)]}");
        return html;
    }

    [Fact]
    public async Task A_parent_writes_with_a_photo_on_the_thread_page_and_sees_the_reply_badge_on_my_children()
    {
        var w = await fixture.NewWorldAsync();
        var parent = await w.ClientAsync(w.ParentA);
        var url = $"/my/children/{w.ChildA}/messages";
        var (_, token) = await PageAsync(parent, url);
        var html = await PostFormAsync(parent, url, "my-message", token, new Dictionary<string, string> { ["Body"] = "明天奶奶来接" }, PhotoTests.Jpeg());
        Assert.Contains("data-testid=\"message-sent\"", html, StringComparison.Ordinal);
        Assert.Contains("明天奶奶来接", html, StringComparison.Ordinal);
        var photoId = await fixture.Factory.WithDbAsync(db => db.Messages.Where(m => m.ChildId == w.ChildA).Select(m => m.PhotoId).SingleAsync());
        Assert.NotNull(photoId);
        Assert.Contains($"/api/v1/photos/{photoId}", html, StringComparison.Ordinal);

        await ApiAssert.StatusAsync(await (await w.ClientAsync(w.StaffA)).PostAsJsonAsync($"/api/v1/children/{w.ChildA}/messages", new { body = "好的" }), HttpStatusCode.Created);
        var (mine, _) = await PageAsync(parent, "/my/children");
        Assert.Contains("data-testid=\"unread-badge\"", mine, StringComparison.Ordinal);
        // Opening the thread marks it read: the badge goes.
        var (opened, _) = await PageAsync(parent, url);
        Assert.DoesNotContain("data-testid=\"message-error\"", opened, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.MessageReads.CountAsync(r => db.Messages.Any(m => m.Id == r.MessageId && m.ChildId == w.ChildA))));
        Assert.DoesNotContain("data-testid=\"unread-badge\"", (await PageAsync(parent, "/my/children")).Html, StringComparison.Ordinal);

        // Another family gets the page without the thread.
        var (other, _) = await PageAsync(await w.ClientAsync(w.ParentB), url);
        Assert.DoesNotContain("明天奶奶来接", other, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"message-error\"", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_the_inbox_reply_on_the_thread_page_and_post_a_class_notice()
    {
        var w = await fixture.NewWorldAsync();
        await ApiAssert.StatusAsync(await (await w.ClientAsync(w.ParentA)).PostAsJsonAsync($"/api/v1/children/{w.ChildA}/messages", new { body = "孩子有点发烧" }),
            HttpStatusCode.Created);
        var staff = await w.ClientAsync(w.StaffA);
        var (inbox, token) = await PageAsync(staff, "/messages");
        Assert.Contains("孩子有点发烧", inbox, StringComparison.Ordinal);
        Assert.Contains($"/messages/children/{w.ChildA}", inbox, StringComparison.Ordinal);

        var html = await PostFormAsync(staff, "/messages", "class-notice", token,
            new Dictionary<string, string> { ["NoticeClassId"] = w.ClassA.ToString(), ["NoticeBody"] = "下周一体检" });
        Assert.Contains("data-testid=\"notice-sent\"", html, StringComparison.Ordinal);

        var threadUrl = $"/messages/children/{w.ChildA}";
        var (_, token2) = await PageAsync(staff, threadUrl);
        var thread = await PostFormAsync(staff, threadUrl, "staff-reply", token2, new Dictionary<string, string> { ["Body"] = "已通知保健医生" });
        Assert.Contains("已通知保健医生", thread, StringComparison.Ordinal);
        Assert.Contains("下周一体检", thread, StringComparison.Ordinal);
        var kinds = await fixture.Factory.WithDbAsync(db => db.Messages.Where(m => m.InstitutionId == w.InstitutionA).Select(m => m.ClassId == null).ToListAsync());
        Assert.Equal(2, kinds.Count(k => k));
        Assert.Equal(1, kinds.Count(k => !k));

        var (other, _) = await PageAsync(await w.ClientAsync(w.AdminB), threadUrl);
        Assert.DoesNotContain("孩子有点发烧", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_carer_adds_a_photo_on_the_daily_note_page_and_the_parent_sees_it()
    {
        var w = await fixture.NewWorldAsync();
        var staff = await w.ClientAsync(w.StaffA);
        var url = $"/attendance/children/{w.ChildA}/note";
        var (_, token) = await PageAsync(staff, url);
        var html = await PostFormAsync(staff, url, "daily-note", token, new Dictionary<string, string> { ["Note.Text"] = "户外活动" }, PhotoTests.Jpeg());
        Assert.Contains("data-testid=\"note-message\"", html, StringComparison.Ordinal);
        var photoId = await fixture.Factory.WithDbAsync(db => db.DailyNotes.Where(n => n.ChildId == w.ChildA).Select(n => n.PhotoId).SingleAsync());
        Assert.NotNull(photoId);
        var (mine, _) = await PageAsync(await w.ClientAsync(w.ParentA), "/my/children");
        Assert.Contains($"/api/v1/photos/{photoId}", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_qr_sheet_shows_an_svg_code_and_the_guardian_checks_in_by_tapping_on_the_scan_page()
    {
        var w = await fixture.NewWorldAsync();
        var (sheet, _) = await PageAsync(await w.ClientAsync(w.StaffA), "/attendance/qr");
        Assert.Contains("<svg", sheet, StringComparison.Ordinal);
        Assert.Contains("测试托育A", sheet, StringComparison.Ordinal);
        var code = await ApiAssert.OkAsync(await (await w.ClientAsync(w.StaffA)).GetAsync("/api/v1/attendance/qr-code"));
        var path = code.GetProperty("path").GetString()!;

        var parent = await w.ClientAsync(w.ParentA);
        var (page, token) = await PageAsync(parent, path);
        Assert.Contains("data-testid=\"qr-child\"", page, StringComparison.Ordinal);
        var html = await PostFormAsync(parent, path, $"qr-{w.ChildA:N}", token, new Dictionary<string, string> { ["Action"] = "in" });
        Assert.Contains("data-testid=\"qr-done\"", html, StringComparison.Ordinal);
        var row = await fixture.Factory.WithDbAsync(db => db.Attendance.AsNoTracking().SingleAsync(a => a.ChildId == w.ChildA));
        Assert.Equal(CheckInMethod.GuardianScan, row.CheckInMethod);

        var (other, _) = await PageAsync(await w.ClientAsync(w.ParentB), path);
        Assert.DoesNotContain("data-testid=\"qr-child\"", other, StringComparison.Ordinal);
    }
}

public sealed class SqliteMessagePagesTests(SqliteFixture fixture) : MessagePagesTests(fixture);

public sealed class PostgresMessagePagesTests(PostgresFixture fixture) : MessagePagesTests(fixture);
