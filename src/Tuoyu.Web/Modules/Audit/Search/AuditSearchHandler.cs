using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;

namespace Tuoyu.Web.Modules.Audit.Search;

public sealed record AuditQuery(string? UserName, string? Action, string? EntityType, string? EntityId, string? Outcome, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 50);

public sealed record AuditRow(long Id, DateTime At, string? UserName, string Action, string EntityType, string? EntityId, string? Summary, string Outcome, string? ClientIp, long? ChainIndex, string? Hash);

public sealed record AuditResultPage(IReadOnlyList<AuditRow> Items, int Total, int Page, int PageSize);

/// <summary>The auditor's search over the audit log (read-only; 三权分立).</summary>
internal sealed class AuditSearchHandler(AppDbContext db)
{
    public async Task<AuditResultPage> SearchAsync(AuditQuery query, CancellationToken ct)
    {
        new Validate()
            .Check(query.Page >= 1, "page", "页码须大于等于1")
            .Check(query.PageSize is >= 1 and <= 500, "pageSize", "每页条数须在1到500之间")
            .Check(query.From is null || query.To is null || query.From <= query.To, "from", "开始日期不能晚于结束日期")
            .ThrowIfInvalid();
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UserName)) { q = q.Where(a => a.UserName == query.UserName.Trim()); }
        if (!string.IsNullOrWhiteSpace(query.Action)) { q = q.Where(a => a.Action == query.Action.Trim()); }
        if (!string.IsNullOrWhiteSpace(query.EntityType)) { q = q.Where(a => a.EntityType == query.EntityType.Trim()); }
        if (!string.IsNullOrWhiteSpace(query.EntityId)) { q = q.Where(a => a.EntityId == query.EntityId.Trim()); }
        if (!string.IsNullOrWhiteSpace(query.Outcome)) { q = q.Where(a => a.Outcome == query.Outcome.Trim()); }
        if (query.From is { } from) { var f = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); q = q.Where(a => a.At >= f); }
        if (query.To is { } to) { var t = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc); q = q.Where(a => a.At < t); }
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.Action, a.EntityType, a.EntityId, a.Summary, a.Outcome, a.ClientIp, a.ChainIndex, a.Hash))
            .ToListAsync(ct);
        return new AuditResultPage(items, total, query.Page, query.PageSize);
    }

    public Task<AuditVerification> VerifyAsync(CancellationToken ct) => AuditChain.VerifyAsync(db, ct);
}
