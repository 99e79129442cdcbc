using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Enrollment.Messages;
using Tuoyu.Web.Modules.Identity.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Photos;

/// <summary>
/// Photos on daily notes and messages (ADR 0027). A photo belongs to an institution; it is shown only to those who may
/// see a child it is attached to (the child's guardians, the institution's users) and, before it is attached, to its
/// uploader and the institution. It is attached once, by its uploader, to a note or message of the same institution,
/// so nobody can pass another family's photo into their own thread.
/// </summary>
internal sealed class PhotoHandler(AppDbContext db, CurrentUser current, ThreadAccess threads, AuditLog audit, TimeProvider clock)
{
    public async Task<PhotoDto> UploadAsync(Guid? childId, byte[]? content, CancellationToken ct)
    {
        if (content is null) { throw ValidationFailedException.For("file", "请选择照片"); }
        var (type, error) = PhotoRules.Inspect(content);
        if (error is not null) { throw ValidationFailedException.For("file", error); }
        var user = await current.RequireAsync(ct);
        Guid institutionId;
        if (user.Kind == UserKind.Parent)
        {
            if (childId is not { } child) { throw ValidationFailedException.For("childId", "请指明是哪个孩子的照片"); }
            institutionId = (await threads.ResolveAsync(user, child, ct)).InstitutionForSending;
        }
        else
        {
            if (childId is { } child) { await threads.ResolveAsync(user, child, ct); }
            institutionId = user.InstitutionId ?? throw new ForbiddenException();
        }

        var photo = new Photo
        {
            Id = Guid.NewGuid(), InstitutionId = institutionId, ContentType = type!, SizeBytes = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Bytes = content, UploadedByUserId = user.Id,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Photos.Add(photo);
        await db.SaveChangesAsync(ct);
        return new PhotoDto(photo.Id, photo.ContentType, photo.SizeBytes, Url(photo.Id));
    }

    public static string Url(Guid id) => $"/api/v1/photos/{id}";

    /// <summary>The photo's bytes for a caller who may see it; 404 for anyone else (a photo's existence is private too).</summary>
    public async Task<PhotoContent> ContentAsync(Guid id, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var meta = await db.Photos.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.InstitutionId, p.UploadedByUserId, p.ContentType }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("照片");
        if (!await MaySeeAsync(user, id, meta.InstitutionId, meta.UploadedByUserId, ct)) { throw new NotFoundException("照片"); }
        var bytes = await db.Photos.AsNoTracking().Where(p => p.Id == id).Select(p => p.Bytes).FirstAsync(ct);
        await audit.RecordAsync("read", nameof(Photo), id.ToString(), "success", ct: ct);
        return new PhotoContent(bytes, meta.ContentType);
    }

    private async Task<bool> MaySeeAsync(UserContext user, Guid id, Guid institutionId, Guid uploader, CancellationToken ct)
    {
        if (user.Kind != UserKind.Parent) { return user.InstitutionId == institutionId; }
        if (uploader == user.Id) { return true; }
        var mine = db.Guardians.Where(g => g.UserId == user.Id).Select(g => g.ChildId);
        if (await db.DailyNotes.AnyAsync(n => n.PhotoId == id && mine.Contains(n.ChildId), ct)) { return true; }
        if (await db.Messages.AnyAsync(m => m.PhotoId == id && m.ChildId != null && mine.Contains(m.ChildId.Value), ct)) { return true; }
        var classes = (await threads.GuardianClassesAsync(user.Id, ct)).Select(c => c.ClassId).ToList();
        return await db.Messages.AnyAsync(m => m.PhotoId == id && m.ClassId != null && classes.Contains(m.ClassId.Value), ct);
    }

    /// <summary>
    /// A photo may be attached by its uploader, to a note or message of the photo's institution, once (a note being saved
    /// again may keep its own photo: <paramref name="alreadyAttached"/>). Otherwise 400 on <c>photoId</c>.
    /// </summary>
    public async Task EnsureAttachableAsync(UserContext user, Guid photoId, Guid institutionId, Guid? alreadyAttached, CancellationToken ct)
    {
        if (photoId == alreadyAttached) { return; }
        var photo = await db.Photos.AsNoTracking().Where(p => p.Id == photoId)
            .Select(p => new { p.InstitutionId, p.UploadedByUserId }).FirstOrDefaultAsync(ct);
        if (photo is null || photo.InstitutionId != institutionId || photo.UploadedByUserId != user.Id)
        {
            throw ValidationFailedException.For("photoId", "照片不存在，或不是您为该机构上传的照片");
        }

        if (await db.DailyNotes.AnyAsync(n => n.PhotoId == photoId, ct) || await db.Messages.AnyAsync(m => m.PhotoId == photoId, ct))
        {
            throw ValidationFailedException.For("photoId", "这张照片已用在别处，请重新上传");
        }
    }
}
