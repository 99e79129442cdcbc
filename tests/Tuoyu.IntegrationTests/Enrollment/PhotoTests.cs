using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tuoyu.IntegrationTests.Infrastructure;
using Tuoyu.Web.Modules.Enrollment.Domain;

namespace Tuoyu.IntegrationTests.Enrollment;

/// <summary>ADR 0027: photos on daily notes and messages — JPEG/PNG by content, 2 MB, private to who may see the child.</summary>
public abstract class PhotoTests(AppFixture fixture)
{
    internal static byte[] Jpeg(int size = 600)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        bytes[0] = 0xFF; bytes[1] = 0xD8; bytes[2] = 0xFF; bytes[3] = 0xE0;
        return bytes;
    }

    private static byte[] Png(int size)
    {
        var bytes = new byte[size];
        byte[] magic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        magic.CopyTo(bytes, 0);
        return bytes;
    }

    internal static MultipartFormDataContent Form(byte[] bytes, string fileName = "photo.jpg", string contentType = "image/jpeg", Guid? childId = null)
    {
        var form = new MultipartFormDataContent();
        if (childId is { } id) { form.Add(new StringContent(id.ToString()), "childId"); }
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return form;
    }

    internal static async Task<Guid> UploadAsync(HttpClient client, byte[] bytes, Guid? childId = null) =>
        (await ApiAssert.StatusAsync(await client.PostAsync("/api/v1/photos", Form(bytes, childId: childId)), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private Task<int> PhotoCountAsync(Guid institution) => fixture.Factory.WithDbAsync(db => db.Photos.CountAsync(p => p.InstitutionId == institution));

    [Fact]
    public async Task A_carer_attaches_a_photo_to_todays_note_that_only_the_childs_guardian_and_institution_can_fetch_never_cached()
    {
        var w = await fixture.NewWorldAsync();
        var staff = await w.ClientAsync(w.StaffA);
        var bytes = Jpeg();
        var photo = await UploadAsync(staff, bytes);
        var note = await ApiAssert.StatusAsync(await staff.PutAsJsonAsync($"/api/v1/children/{w.ChildA}/daily-notes/today", new { text = "搭积木", photoId = photo }),
            HttpStatusCode.Created);
        Assert.Equal(photo, note.GetProperty("photoId").GetGuid());
        // A second save without photoId keeps the photo.
        var again = await ApiAssert.OkAsync(await staff.PutAsJsonAsync($"/api/v1/children/{w.ChildA}/daily-notes/today", new { text = "搭积木，很开心" }));
        Assert.Equal(photo, again.GetProperty("photoId").GetGuid());

        var parent = await w.ClientAsync(w.ParentA);
        var days = await ApiAssert.OkAsync(await parent.GetAsync($"/api/v1/children/{w.ChildA}/days"));
        Assert.Equal($"/api/v1/photos/{photo}", days[0].GetProperty("note").GetProperty("photoUrl").GetString());
        var response = await parent.GetAsync($"/api/v1/photos/{photo}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.OK, (await (await w.ClientAsync(w.AdminA)).GetAsync($"/api/v1/photos/{photo}")).StatusCode);

        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.ParentB)).GetAsync($"/api/v1/photos/{photo}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminB)).GetAsync($"/api/v1/photos/{photo}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.RegulatorA)).GetAsync($"/api/v1/photos/{photo}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Factory.CreateClient().GetAsync($"/api/v1/photos/{photo}")).StatusCode);
    }

    [Fact]
    public async Task A_guardian_sends_a_photo_in_the_thread_and_another_family_can_neither_fetch_nor_reuse_it()
    {
        var w = await fixture.NewWorldAsync();
        var parentA = await w.ClientAsync(w.ParentA);
        var parentB = await w.ClientAsync(w.ParentB);
        // A guardian names the child the photo is for; another family's child is 404.
        await ApiAssert.ProblemAsync(await parentB.PostAsync("/api/v1/photos", Form(Jpeg(), childId: w.ChildA)), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await parentA.PostAsync("/api/v1/photos", Form(Jpeg())), HttpStatusCode.BadRequest);
        var photo = await UploadAsync(parentA, Jpeg(), w.ChildA);
        var sent = await ApiAssert.StatusAsync(await parentA.PostAsJsonAsync($"/api/v1/children/{w.ChildA}/messages", new { body = "疹子的照片", photoId = photo }),
            HttpStatusCode.Created);
        Assert.Equal($"/api/v1/photos/{photo}", sent.GetProperty("photoUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, (await (await w.ClientAsync(w.StaffA)).GetAsync($"/api/v1/photos/{photo}")).StatusCode);
        await ApiAssert.ProblemAsync(await parentB.GetAsync($"/api/v1/photos/{photo}"), HttpStatusCode.NotFound);

        // Nobody passes someone else's photo, or one already used, into a thread.
        var b = await ApiAssert.ProblemAsync(await parentB.PostAsJsonAsync($"/api/v1/children/{w.ChildB}/messages", new { body = "借用", photoId = photo }),
            HttpStatusCode.BadRequest);
        Assert.True(b.GetProperty("errors").TryGetProperty("photoId", out _));
        await ApiAssert.ProblemAsync(await parentA.PostAsJsonAsync($"/api/v1/children/{w.ChildA}/messages", new { body = "再发一次", photoId = photo }),
            HttpStatusCode.BadRequest);
        var photoOfB = await UploadAsync(await w.ClientAsync(w.AdminB), Jpeg());
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.AdminA)).PostAsJsonAsync($"/api/v1/children/{w.ChildA}/messages", new { body = "别家的照片", photoId = photoOfB }),
            HttpStatusCode.BadRequest);
        await ApiAssert.ProblemAsync(await (await w.ClientAsync(w.StaffA)).PutAsJsonAsync($"/api/v1/children/{w.ChildA}/daily-notes/today", new { text = "x", photoId = photoOfB }),
            HttpStatusCode.BadRequest);
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.Messages.CountAsync(m => m.ChildId == w.ChildA)));
    }

    [Fact]
    public async Task Only_jpeg_or_png_content_up_to_two_megabytes_is_accepted_whatever_the_name()
    {
        var w = await fixture.NewWorldAsync();
        var staff = await w.ClientAsync(w.StaffA);
        var before = await PhotoCountAsync(w.InstitutionA);
        async Task Refused(MultipartFormDataContent form)
        {
            var p = await ApiAssert.ProblemAsync(await staff.PostAsync("/api/v1/photos", form), HttpStatusCode.BadRequest);
            Assert.True(p.GetProperty("errors").TryGetProperty("file", out _), p.ToString());
        }

        await Refused(Form("这不是照片，只是改了扩展名"u8.ToArray(), "photo.jpg"));
        await Refused(Form(TestWorld.MinimalPdf(), "scan.png", "image/png"));
        await Refused(Form([], "empty.jpg"));
        // PhotoRules.MaxBytes = 2 MB (ADR 0027).
        await Refused(Form(Png(PhotoRules.MaxBytes + 1), "big.png", "image/png"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await staff.PostAsJsonAsync("/api/v1/photos", new { file = "x" })).StatusCode);
        Assert.Equal(before, await PhotoCountAsync(w.InstitutionA));

        var png = await ApiAssert.StatusAsync(await staff.PostAsync("/api/v1/photos", Form(Png(PhotoRules.MaxBytes), "任意名字.txt", "text/plain")), HttpStatusCode.Created);
        Assert.Equal("image/png", png.GetProperty("contentType").GetString());
        Assert.Equal(before + 1, await PhotoCountAsync(w.InstitutionA));
    }
}

public sealed class SqlitePhotoTests(SqliteFixture fixture) : PhotoTests(fixture);

public sealed class PostgresPhotoTests(PostgresFixture fixture) : PhotoTests(fixture);
