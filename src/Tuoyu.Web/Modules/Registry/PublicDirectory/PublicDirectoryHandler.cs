using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Institutions;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Registry.PublicDirectory;

/// <summary>
/// 托育机构查询: the anonymous public directory (page and API share it). Only 已备案 institutions appear,
/// and only their business information: no credit code, no coordinates, and for a 家庭托育点 no exact address.
/// </summary>
internal sealed class PublicDirectoryHandler(AppDbContext db, IClassOccupancy occupancy, TimeProvider clock)
{
    public const int MaxPageSize = 50;

    public async Task<PagedResult<PublicInstitution>> SearchAsync(string? region, string? kind, bool? inclusive, int? ageMonths, bool? hasVacancy,
        int page, int pageSize, CancellationToken ct)
    {
        // Empty form fields ("region=") mean no filter.
        if (string.IsNullOrWhiteSpace(region)) { region = null; }
        if (string.IsNullOrWhiteSpace(kind)) { kind = null; }
        InstitutionKind? kindValue = null;
        if (kind is not null && Enum.TryParse<InstitutionKind>(kind.Trim(), ignoreCase: true, out var k) && Enum.IsDefined(k)) { kindValue = k; }
        new Validate()
            .Check(region is null || RegionCode.IsValid(region), "region", "区划代码应为12位数字")
            .Check(kind is null || kindValue is not null, "kind", "机构类型无效")
            .Check(ageMonths is null or (>= 0 and <= 36), "ageMonths", "月龄须在0到36之间")
            .Check(page >= 1, "page", "页码须大于等于1")
            .Check(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"每页条数须在1到{MaxPageSize}之间")
            .ThrowIfInvalid();

        var today = Today();
        var q = Filed();
        if (region is not null)
        {
            var prefix = RegionCode.PrefixOf(region);
            q = q.Where(i => i.RegionCode.StartsWith(prefix));
        }

        if (kindValue is { } kv) { q = q.Where(i => i.Kind == kv); }
        if (inclusive is { } inc) { q = q.Where(i => i.IsInclusive == inc); }
        var classes = db.Classes.AsQueryable();
        if (ageMonths is { } age)
        {
            var types = Enum.GetValues<ClassType>().Where(t => ClassTypes.AcceptsAgeMonths(t, age)).ToList();
            classes = classes.Where(c => types.Contains(c.Type));
            q = q.Where(i => classes.Any(c => c.InstitutionId == i.Id));
        }

        if (hasVacancy == true)
        {
            // In SQL: a class (fitting the age, when given) with fewer active enrollments than places.
            var active = occupancy.ActiveEnrollmentClassIds(today);
            q = q.Where(i => classes.Any(c => c.InstitutionId == i.Id && c.Capacity > active.Count(x => x == c.Id)));
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(i => i.RegionCode).ThenBy(i => i.Name).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = await ToPublicAsync(rows, today, ct);
        return new PagedResult<PublicInstitution>(items, total, page, pageSize);
    }

    /// <summary>One filed institution; 404 for an unknown one and for one not (or no longer) filed alike.</summary>
    public async Task<PublicInstitution> GetAsync(Guid id, CancellationToken ct)
    {
        var row = await Filed().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("机构");
        return (await ToPublicAsync([row], Today(), ct))[0];
    }

    private IQueryable<Institution> Filed() => db.Institutions.AsNoTracking().Where(i => i.FilingStatus == FilingStatus.Filed);

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Region names, classes and vacancies for the given (one page of) institutions: three queries in all.</summary>
    private async Task<IReadOnlyList<PublicInstitution>> ToPublicAsync(IReadOnlyList<Institution> rows, DateOnly today, CancellationToken ct)
    {
        if (rows.Count == 0) { return []; }
        var ids = rows.Select(r => r.Id).ToList();
        var codes = rows.SelectMany(r => new[] { r.RegionCode, CountyOf(r.RegionCode) }).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var classes = await db.Classes.AsNoTracking().Where(c => ids.Contains(c.InstitutionId))
            .Select(c => new { c.Id, c.InstitutionId, c.Type, c.Capacity }).ToListAsync(ct);
        var counts = await occupancy.ActiveCountsByClassAsync([.. classes.Select(c => c.Id)], today, ct);
        return [.. rows.Select(i =>
        {
            var county = names.GetValueOrDefault(CountyOf(i.RegionCode), "");
            var street = names.GetValueOrDefault(i.RegionCode, "");
            var perType = classes.Where(c => c.InstitutionId == i.Id).GroupBy(c => c.Type).OrderBy(g => g.Key).Select(g =>
            {
                var enrolled = g.Sum(c => counts.GetValueOrDefault(c.Id));
                // An over-full class has no vacancy, and does not eat another class's vacancies.
                var vacancies = g.Sum(c => Math.Max(0, c.Capacity - counts.GetValueOrDefault(c.Id)));
                return new PublicClassType(ClassTypes.ChineseName(g.Key), ClassTypes.AgeRangeText(g.Key), g.Count(), g.Sum(c => c.Capacity), enrolled, vacancies);
            }).ToList();
            // 家庭托育点 sit in a family's home: the public sees the street, never the exact address.
            var address = i.Kind == InstitutionKind.FamilyPoint ? county + street : i.Address;
            return new PublicInstitution(i.Id, i.Name, RegistryNames.Kind(i.Kind), i.Kind.ToString(), RegistryNames.Ownership(i.Ownership), i.IsInclusive,
                i.RegionCode, county, street, address, i.ContactPhone, i.RegisteredSlots, RegistryNames.Filing(i.FilingStatus), i.Grade,
                i.HasVideoSupervision, perType);
        })];
    }

    private static string CountyOf(string code) => code.Length == 12 ? code[..6] + "000000" : code;
}
