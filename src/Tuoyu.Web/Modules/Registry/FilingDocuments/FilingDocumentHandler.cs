using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Scope;

namespace Tuoyu.Web.Modules.Registry.FilingDocuments;

/// <summary>
/// Filing documents (备案材料, issue #3 item 3; ADR 0019). Reads need the institution in scope (403 outside it);
/// changes are the institution's own admin's, only while the filing is 未备案 or 已退回 (409
/// <see cref="FilingDocumentRules.DocumentsLocked"/>). A change bumps the institution's version in the same
/// SaveChanges (ADR 0014), so it cannot interleave with a submission or with another change of the same kind.
/// Nothing is ever deleted: a new upload or a withdrawal marks the old document superseded.
/// </summary>
internal sealed class FilingDocumentHandler(AppDbContext db, IInstitutionScope scope, CurrentUser current, TimeProvider clock, AuditLog audit)
{
    public async Task<FilingDocumentsDto> ListAsync(Guid institutionId, CancellationToken ct)
    {
        var (_, institution) = await LoadInScopeAsync(institutionId, tracked: false, ct);
        var rows = await db.FilingDocuments.AsNoTracking().Where(d => d.InstitutionId == institutionId).ToListAsync(ct);
        var docs = rows
            .OrderBy(d => d.SupersededAt is null ? 0 : 1)
            .ThenBy(d => FilingDocumentRules.AllKinds.ToList().IndexOf(d.Kind))
            .ThenByDescending(d => d.UploadedAt)
            .Select(ToDto).ToList();
        var missing = FilingDocumentRules.Missing(institution.Services, rows.Where(d => d.SupersededAt is null).Select(d => d.Kind));
        return new FilingDocumentsDto(institution.Id, institution.FilingStatus.ToString(), FilingDocumentRules.IsEditable(institution.FilingStatus),
            [.. FilingDocumentRules.Required(institution.Services).Select(KindDto)], [.. missing.Select(KindDto)], docs);
    }

    /// <summary>Stores a document of <paramref name="kind"/>; the current one of that kind, if any, becomes superseded.</summary>
    public async Task<FilingDocumentDto> UploadAsync(Guid institutionId, string? kind, string? fileName, byte[]? content, CancellationToken ct)
    {
        var v = new Validate().Check(FilingDocumentRules.TryParseKind(kind, out var k), "kind", "材料类型无效");
        UploadedFileType? type = null;
        if (content is null) { v.Add("file", "请选择要上传的文件"); }
        else
        {
            (type, var error) = UploadedFileCheck.Inspect(fileName, content);
            if (error is not null) { v.Add("file", error); }
        }

        v.ThrowIfInvalid();
        var (user, institution) = await LoadForChangeAsync(institutionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var previous = await db.FilingDocuments.Where(d => d.InstitutionId == institutionId && d.Kind == k && d.SupersededAt == null).ToListAsync(ct);
        foreach (var p in previous) { p.SupersededAt = now; }
        var doc = new FilingDocument
        {
            Id = Guid.NewGuid(), InstitutionId = institutionId, Kind = k, FileName = UploadedFileCheck.CleanFileName(fileName),
            ContentType = type!.ContentType, SizeBytes = content!.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedByUserId = user.Id, UploadedByUserName = user.UserName, UploadedAt = now,
        };
        db.FilingDocuments.Add(doc);
        db.FilingDocumentContents.Add(new FilingDocumentContent { DocumentId = doc.Id, Bytes = content });
        db.Entry(institution).Property(i => i.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        return ToDto(doc);
    }

    /// <summary>Withdraws a current document (it stays, marked superseded), e.g. one uploaded under the wrong kind.</summary>
    public async Task WithdrawAsync(Guid institutionId, Guid documentId, CancellationToken ct)
    {
        var (_, institution) = await LoadForChangeAsync(institutionId, ct);
        var doc = await db.FilingDocuments.FirstOrDefaultAsync(d => d.Id == documentId && d.InstitutionId == institutionId && d.SupersededAt == null, ct)
            ?? throw new NotFoundException("备案材料");
        doc.SupersededAt = clock.GetUtcNow().UtcDateTime;
        db.Entry(institution).Property(i => i.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The bytes, for a caller who may read the institution; each download is audited (documents can carry staff data).</summary>
    public async Task<FilingDocumentFile> ContentAsync(Guid institutionId, Guid documentId, CancellationToken ct)
    {
        await LoadInScopeAsync(institutionId, tracked: false, ct);
        var doc = await db.FilingDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.InstitutionId == institutionId, ct)
            ?? throw new NotFoundException("备案材料");
        var bytes = await db.FilingDocumentContents.AsNoTracking().Where(c => c.DocumentId == documentId).Select(c => c.Bytes).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("备案材料");
        await audit.RecordAsync("read", nameof(FilingDocument), doc.Id.ToString(), "success", ct: ct);
        return new FilingDocumentFile(UploadedFileCheck.DownloadName(doc.FileName, doc.ContentType), doc.ContentType, bytes);
    }

    private async Task<(UserContext User, Institution Institution)> LoadForChangeAsync(Guid institutionId, CancellationToken ct)
    {
        var (user, institution) = await LoadInScopeAsync(institutionId, tracked: true, ct);
        if (user.Kind != UserKind.InstitutionAdmin || user.InstitutionId != institution.Id)
        {
            throw new ForbiddenException("只有本机构管理员可以修改备案材料");
        }

        if (!FilingDocumentRules.IsEditable(institution.FilingStatus))
        {
            throw new RuleViolationException(FilingDocumentRules.DocumentsLocked,
                $"机构当前备案状态为“{FilingRules.StatusName(institution.FilingStatus)}”，备案材料只能在未备案或已退回时修改");
        }

        return (user, institution);
    }

    private Task<(UserContext User, Institution Institution)> LoadInScopeAsync(Guid id, bool tracked, CancellationToken ct) =>
        db.LoadInstitutionInScopeAsync(scope, current, id, tracked, ct);

    private static FilingDocumentKindDto KindDto(FilingDocumentKind k) => new(k.ToString(), FilingDocumentRules.KindName(k));

    private static FilingDocumentDto ToDto(FilingDocument d) => new(d.Id, d.Kind.ToString(), FilingDocumentRules.KindName(d.Kind), d.FileName,
        d.ContentType, d.SizeBytes, d.Sha256, d.UploadedByUserName, DateTime.SpecifyKind(d.UploadedAt, DateTimeKind.Utc),
        d.SupersededAt is { } s ? DateTime.SpecifyKind(s, DateTimeKind.Utc) : null);
}
