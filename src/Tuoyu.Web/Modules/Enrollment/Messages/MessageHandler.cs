using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Enrollment.Photos;
using Tuoyu.Web.Modules.Identity.Contracts;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Messages;

/// <summary>
/// 家园互动 (issue #4 item 6, ADR 0027): a child's thread between its guardians and the institution's users, and notices
/// to a class that reach the guardians of the children enrolled in it. Messages are never edited; each read of a
/// thread is audited like the child's days.
/// </summary>
internal sealed class MessageHandler(AppDbContext db, CurrentUser current, ThreadAccess access, PhotoHandler photos,
    IClassDirectory classes, AuditLog audit, TimeProvider clock)
{
    public async Task<MessagePage> ThreadAsync(Guid childId, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging(page, pageSize);
        var user = await current.RequireAsync(ct);
        var thread = await access.ResolveAsync(user, childId, ct);
        var feed = Feed(thread);
        var total = await feed.CountAsync(ct);
        var rows = await feed.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        rows.Reverse();
        await audit.RecordAsync("read", nameof(Message), childId.ToString(), "success", "{\"fields\":[\"Messages\"]}", ct: ct);
        return new MessagePage(await ToDtosAsync(user, rows, ct), total, p, size);
    }

    public async Task<MessageDto> SendAsync(Guid childId, MessageRequest request, CancellationToken ct)
    {
        var body = ValidBody(request);
        var user = await current.RequireAsync(ct);
        var thread = await access.ResolveAsync(user, childId, ct);
        var institutionId = thread.InstitutionForSending;
        if (request.PhotoId is { } photoId) { await photos.EnsureAttachableAsync(user, photoId, institutionId, null, ct); }
        var message = new Message
        {
            Id = Guid.NewGuid(), InstitutionId = institutionId, ChildId = childId, SenderUserId = user.Id,
            SenderSide = thread.IsGuardian ? MessageSide.Guardian : MessageSide.Institution, Body = body, PhotoId = request.PhotoId,
            SentAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync(user, [message], ct))[0];
    }

    /// <summary>A notice to a class of the caller's own institution (another institution's class is 404).</summary>
    public async Task<MessageDto> NoticeAsync(Guid classId, MessageRequest request, CancellationToken ct)
    {
        var body = ValidBody(request);
        var user = await current.RequireAsync(ct);
        var cls = await classes.FindAsync(classId, ct);
        if (cls is null || user.InstitutionId != cls.InstitutionId) { throw new NotFoundException("班级"); }
        if (request.PhotoId is { } photoId) { await photos.EnsureAttachableAsync(user, photoId, cls.InstitutionId, null, ct); }
        var message = new Message
        {
            Id = Guid.NewGuid(), InstitutionId = cls.InstitutionId, ClassId = classId, SenderUserId = user.Id,
            SenderSide = MessageSide.Institution, Body = body, PhotoId = request.PhotoId, SentAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(ct);
        return (await ToDtosAsync(user, [message], ct))[0];
    }

    /// <summary>Marks every entry of the child's feed the caller has not read (and did not send) as read. Idempotent.</summary>
    public async Task<MarkReadResult> MarkReadAsync(Guid childId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var thread = await access.ResolveAsync(user, childId, ct);
        var ids = await Feed(thread).Where(m => m.SenderUserId != user.Id && !db.MessageReads.Any(r => r.MessageId == m.Id && r.UserId == user.Id))
            .Select(m => m.Id).ToListAsync(ct);
        if (ids.Count == 0) { return new MarkReadResult(0); }
        var now = clock.GetUtcNow().UtcDateTime;
        db.MessageReads.AddRange(ids.Select(id => new MessageRead { MessageId = id, UserId = user.Id, ReadAt = now }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same user marked the thread read at once in another tab: those rows stand, and so does the state.
            db.ChangeTracker.Clear();
            return new MarkReadResult(0);
        }

        return new MarkReadResult(ids.Count);
    }

    /// <summary>The caller's unread entries: a guardian's per child (a notice to a class counts once in the total), an institution user's per thread.</summary>
    public async Task<UnreadCounts> UnreadAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var unread = db.Messages.AsNoTracking().Where(m => m.SenderUserId != user.Id && !db.MessageReads.Any(r => r.MessageId == m.Id && r.UserId == user.Id));
        if (user.Kind == UserKind.Parent)
        {
            var pairs = await access.GuardianClassesAsync(user.Id, ct);
            var children = await db.Guardians.AsNoTracking().Where(g => g.UserId == user.Id).Select(g => g.ChildId).ToListAsync(ct);
            var classIds = pairs.Select(x => x.ClassId).Distinct().ToList();
            var rows = await unread.Where(m => (m.ChildId != null && children.Contains(m.ChildId.Value) && m.SenderSide == MessageSide.Institution)
                    || (m.ClassId != null && classIds.Contains(m.ClassId.Value)))
                .Select(m => new { m.Id, m.ChildId, m.ClassId }).ToListAsync(ct);
            var perChild = children.Select(c => new ChildUnread(c, rows.Count(r => r.ChildId == c
                || (r.ClassId is { } k && pairs.Contains((c, k)))))).ToList();
            return new UnreadCounts(rows.Count, perChild);
        }

        if (user.InstitutionId is not { } own) { return new UnreadCounts(0, []); }
        var counts = await unread.Where(m => m.InstitutionId == own && m.ChildId != null && m.SenderSide == MessageSide.Guardian)
            .GroupBy(m => m.ChildId!.Value).Select(g => new { ChildId = g.Key, Count = g.Count() }).ToListAsync(ct);
        return new UnreadCounts(counts.Sum(c => c.Count), [.. counts.Select(c => new ChildUnread(c.ChildId, c.Count))]);
    }

    /// <summary>The institution's threads (children with messages), unread first, then the latest; search by child name.</summary>
    public async Task<InboxPage> InboxAsync(string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging(page, pageSize);
        var user = await current.RequireAsync(ct);
        if (user.InstitutionId is not { } own) { return new InboxPage([], 0, p, size); }
        var threads = db.Messages.AsNoTracking().Where(m => m.InstitutionId == own && m.ChildId != null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var named = db.Children.Where(c => c.Name.Contains(term)).Select(c => c.Id);
            threads = threads.Where(m => named.Contains(m.ChildId!.Value));
        }

        var last = await threads.GroupBy(m => m.ChildId!.Value).Select(g => new { ChildId = g.Key, LastAt = g.Max(m => m.SentAt) }).ToListAsync(ct);
        var unread = (await UnreadAsync(ct)).Children.ToDictionary(c => c.ChildId, c => c.Unread);
        var ordered = last.OrderByDescending(t => unread.GetValueOrDefault(t.ChildId) > 0).ThenByDescending(t => t.LastAt)
            .Skip((p - 1) * size).Take(size).ToList();
        var ids = ordered.Select(t => t.ChildId).ToList();
        var names = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var latest = await threads.Where(m => ids.Contains(m.ChildId!.Value))
            .GroupBy(m => m.ChildId!.Value).Select(g => g.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).First()).ToListAsync(ct);
        var items = ordered.Select(t =>
        {
            var m = latest.First(x => x.ChildId == t.ChildId);
            return new InboxThread(t.ChildId, names.GetValueOrDefault(t.ChildId, "—"), Utc(t.LastAt), m.Body, m.SenderSide.ToString(),
                unread.GetValueOrDefault(t.ChildId));
        }).ToList();
        return new InboxPage(items, last.Count, p, size);
    }

    /// <summary>A child's feed: its thread (with the institutions the caller sees) and the notices of its current classes.</summary>
    private IQueryable<Message> Feed(ChildThread thread)
    {
        var institutions = thread.InstitutionIds;
        var classIds = thread.ClassIds;
        var own = db.Messages.AsNoTracking().Where(m => m.ChildId == thread.ChildId);
        if (!thread.IsGuardian) { own = own.Where(m => institutions.Contains(m.InstitutionId)); }
        return own.Concat(db.Messages.AsNoTracking().Where(m => m.ClassId != null && classIds.Contains(m.ClassId.Value)));
    }

    private async Task<IReadOnlyList<MessageDto>> ToDtosAsync(UserContext user, IReadOnlyList<Message> rows, CancellationToken ct)
    {
        var ids = rows.Select(m => m.Id).ToList();
        var read = (await db.MessageReads.AsNoTracking().Where(r => r.UserId == user.Id && ids.Contains(r.MessageId)).Select(r => r.MessageId).ToListAsync(ct))
            .ToHashSet();
        // A guardian is named as the institution knows them (张丽（母亲）); the institution's side is 老师, never a staff account.
        var senderIds = rows.Where(m => m.SenderSide == MessageSide.Guardian).Select(m => m.SenderUserId).Distinct().ToList();
        var childIds = rows.Where(m => m.ChildId != null).Select(m => m.ChildId!.Value).Distinct().ToList();
        var guardians = await db.Guardians.AsNoTracking().Where(g => g.UserId != null && senderIds.Contains(g.UserId.Value) && childIds.Contains(g.ChildId))
            .Select(g => new { g.UserId, g.ChildId, g.Name, g.Relation }).ToListAsync(ct);
        return [.. rows.Select(m => new MessageDto(m.Id, m.ChildId is not null ? "Message" : "Notice",
            m.ChildId, m.ClassId, m.SenderSide.ToString(),
            m.SenderSide == MessageSide.Institution ? "老师"
                : guardians.Where(g => g.UserId == m.SenderUserId && g.ChildId == m.ChildId).Select(g => $"{g.Name}（{g.Relation}）").FirstOrDefault() ?? "家长",
            m.Body, m.PhotoId, m.PhotoId is { } pid ? PhotoHandler.Url(pid) : null, Utc(m.SentAt),
            m.SenderUserId == user.Id, m.SenderUserId == user.Id || read.Contains(m.Id)))];
    }

    internal static string ValidBody(MessageRequest request)
    {
        new Validate().Require("body", request.Body, "内容", Message.BodyMaxLength).ThrowIfInvalid();
        return request.Body!.Trim();
    }

    private static (int Page, int Size) Paging(int? page, int? pageSize)
    {
        new Validate()
            .Check(page is null or >= 1, "page", "页码从1开始")
            .Check(pageSize is null or (>= 1 and <= MessageRules.MaxPageSize), "pageSize", $"每页1到{MessageRules.MaxPageSize}条")
            .ThrowIfInvalid();
        return (page ?? 1, pageSize ?? MessageRules.DefaultPageSize);
    }

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}
