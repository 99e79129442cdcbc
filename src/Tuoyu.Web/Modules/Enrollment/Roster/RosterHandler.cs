using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Auditing;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Security;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Enrollment.Domain;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Roster;

public sealed record RosterQuery(string? Q, Guid? ClassId, int Page = 1, int PageSize = 20);

public sealed record RosterRow(Guid ChildId, string Name, string IdNumberMasked, DateOnly BirthDate, int AgeMonths, string Sex,
    Guid EnrollmentId, Guid ClassId, string ClassName, string ServiceName, DateOnly StartDate, DateOnly? EndDate);

public sealed record RosterPage(IReadOnlyList<RosterRow> Items, int Total, int Page, int PageSize);

/// <summary>
/// 在托儿童名册 of the caller's institution(s): children enrolled today or placed for a later date, one row per child (its
/// earliest open enrollment). ID numbers only masked, also in the export; each read is audited (ADR 0023).
/// </summary>
internal sealed class RosterHandler(AppDbContext db, CurrentUser current, IInstitutionScope institutions, IClassDirectory classes, AuditLog audit, TimeProvider clock)
{
    public const int MaxExportRows = 5000;

    public async Task<RosterPage> ListAsync(RosterQuery query, CancellationToken ct)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 100);
        var (q, names) = await QueryAsync(query, ct);
        var total = await q.CountAsync(ct);
        var rows = await q.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        await audit.RecordAsync("read", nameof(Child), null, "success", $"{{\"list\":\"roster\",\"rows\":{rows.Count}}}", ct: ct);
        return new RosterPage([.. rows.Select(r => Row(r, names))], total, page, size);
    }

    public async Task<byte[]> ExportAsync(RosterQuery query, CancellationToken ct)
    {
        var (q, names) = await QueryAsync(query, ct);
        var rows = await q.Take(MaxExportRows).ToListAsync(ct);
        await audit.RecordAsync("export", nameof(Child), null, "success", $"{{\"list\":\"roster\",\"rows\":{rows.Count}}}", ct: ct);
        return await Common.Ui.ExcelExport.ToXlsxAsync(rows.Select(r => Row(r, names)).Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["姓名"] = r.Name, ["证件号码（脱敏）"] = r.IdNumberMasked, ["出生日期"] = r.BirthDate.ToString("yyyy-MM-dd"), ["月龄"] = r.AgeMonths,
            ["性别"] = r.Sex, ["班级"] = r.ClassName, ["服务类型"] = r.ServiceName, ["入托日期"] = r.StartDate.ToString("yyyy-MM-dd"),
            ["离托日期"] = r.EndDate?.ToString("yyyy-MM-dd"),
        }), "在托儿童", ct);
    }

    public async Task<IReadOnlyList<ClassInfo>> ClassesAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        return user.InstitutionId is { } id ? await classes.OfInstitutionAsync(id, ct) : [];
    }

    private async Task<(IQueryable<Item> Query, Dictionary<Guid, string> ClassNames)> QueryAsync(RosterQuery query, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var today = ChinaTime.Today(clock);
        var ids = institutions.IdsInScope(user);
        var open = db.Enrollments.Where(e => ids.Contains(e.InstitutionId) && (e.EndDate == null || e.EndDate >= today));
        var q = from e in open
                where !open.Any(o => o.ChildId == e.ChildId && o.StartDate < e.StartDate)
                join c in db.Children on e.ChildId equals c.Id
                select new Item
                {
                    ChildId = c.Id, Name = c.Name, IdNumberMasked = c.IdNumberMasked, BirthDate = c.BirthDate, Sex = c.Sex, EnrollmentId = e.Id,
                    ClassId = e.ClassId, Service = e.Service, StartDate = e.StartDate, EndDate = e.EndDate,
                };
        if (!string.IsNullOrWhiteSpace(query.Q)) { var name = query.Q.Trim(); q = q.Where(i => i.Name.Contains(name)); }
        if (query.ClassId is { } classId) { q = q.Where(i => i.ClassId == classId); }
        q = q.OrderBy(i => i.Name).ThenBy(i => i.ChildId);
        var names = new Dictionary<Guid, string>();
        if (user.InstitutionId is { } inst) { foreach (var c in await classes.OfInstitutionAsync(inst, ct)) { names[c.Id] = c.Name; } }
        return (q, names);
    }

    private RosterRow Row(Item i, Dictionary<Guid, string> names) => new(i.ChildId, i.Name, i.IdNumberMasked, i.BirthDate,
        Age.InMonths(i.BirthDate, ChinaTime.Today(clock)), i.Sex == Sex.Male ? "男" : "女", i.EnrollmentId, i.ClassId,
        names.GetValueOrDefault(i.ClassId, ""), CareServiceSet.ChineseName(i.Service), i.StartDate, i.EndDate);

    /// <summary>Member-initialised (not a positional record) so EF can filter and sort on it after the projection.</summary>
    internal sealed class Item
    {
        public Guid ChildId { get; init; }
        public required string Name { get; init; }
        public required string IdNumberMasked { get; init; }
        public DateOnly BirthDate { get; init; }
        public Sex Sex { get; init; }
        public Guid EnrollmentId { get; init; }
        public Guid ClassId { get; init; }
        public CareServices Service { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly? EndDate { get; init; }
    }
}
