using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Errors;
using Tuoyu.Web.Common.Regions;
using Tuoyu.Web.Modules.Enrollment.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Registry.Institutions;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Common.Time;

namespace Tuoyu.Web.Modules.Registry.PublicDirectory;

/// <summary>
/// 托育机构查询: the anonymous public directory (page and API share it). Only 已备案 institutions appear,
/// and only their business information: no credit code, and for a 家庭托育点 no exact address, no phone and only an
/// approximate position (ADR 0013, ADR 0020). Distance searches run in SQL: an indexed latitude/longitude box first,
/// then the exact haversine distance.
/// </summary>
internal sealed class PublicDirectoryHandler(AppDbContext db, IClassOccupancy occupancy, TimeProvider clock)
{
    public const int MaxPageSize = 50;
    /// <summary>Radius when a point is given without one: a short drive or a long walk in a city (ADR 0020).</summary>
    public const double DefaultRadiusKm = 5;
    public const double MinRadiusKm = 0.1;
    public const double MaxRadiusKm = 50;
    /// <summary>Upper bound of the fee filter in 元 per month: far above any 托育 fee, only to refuse nonsense.</summary>
    public const int MaxFeeYuan = 100_000;

    public async Task<PublicSearchResult> SearchAsync(PublicSearchQuery query, CancellationToken ct)
    {
        // Empty form fields ("region=") mean no filter.
        var region = Blank(query.Region);
        var kind = Blank(query.Kind);
        var street = Blank(query.Street);
        var sort = Blank(query.Sort)?.ToLowerInvariant();
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 20;
        InstitutionKind? kindValue = null;
        if (kind is not null && Enum.TryParse<InstitutionKind>(kind.Trim(), ignoreCase: true, out var k) && Enum.IsDefined(k)) { kindValue = k; }
        var (lat, lng) = (query.Lat, query.Lng);
        var located = lat is not null || lng is not null || street is not null;
        new Validate()
            .Check(region is null || RegionCode.IsValid(region), "region", "区划代码应为12位数字")
            .Check(kind is null || kindValue is not null, "kind", "机构类型无效")
            .Check(query.AgeMonths is null or (>= 0 and <= 36), "ageMonths", "月龄须在0到36之间")
            .Check(page >= 1, "page", "页码须大于等于1")
            .Check(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"每页条数须在1到{MaxPageSize}之间")
            .Check(lat is not null || lng is null, "lat", "纬度和经度须同时提供")
            .Check(lng is not null || lat is null, "lng", "纬度和经度须同时提供")
            .Check(lat is null || (double.IsFinite(lat.Value) && GeoDistance.IsLatitude(lat.Value)), "lat", "纬度须在-90到90之间")
            .Check(lng is null || (double.IsFinite(lng.Value) && GeoDistance.IsLongitude(lng.Value)), "lng", "经度须在-180到180之间")
            .Check(street is null || (RegionCode.IsValid(street) && RegionCode.LevelOf(street) == RegionLevel.Street), "street", "街道代码应为12位乡镇（街道）级区划代码")
            .Check(street is null || lat is null, "street", "按街道位置或按经纬度查询，只能选一种")
            .Check(query.RadiusKm is null || (double.IsFinite(query.RadiusKm.Value) && query.RadiusKm is >= MinRadiusKm and <= MaxRadiusKm), "radiusKm",
                $"查询半径须在{MinRadiusKm}到{MaxRadiusKm}公里之间")
            .Check(query.RadiusKm is null || located, "radiusKm", "查询半径须与位置（经纬度或街道）一起使用")
            .Check(query.MinFee is null or (>= 0 and <= MaxFeeYuan), "minFee", $"最低月收费须在0到{MaxFeeYuan}元之间")
            .Check(query.MaxFee is null or (>= 0 and <= MaxFeeYuan), "maxFee", $"最高月收费须在0到{MaxFeeYuan}元之间")
            .Check(query.MinFee is null || query.MaxFee is null || query.MinFee <= query.MaxFee, "minFee", "最低月收费不能高于最高月收费")
            .Check(sort is null or "distance" or "name" or "region", "sort", "排序方式应为 distance、name 或 region")
            .Check(sort != "distance" || located, "sort", "按距离排序须提供位置（经纬度或街道）")
            .ThrowIfInvalid();

        var today = Today();
        var center = street is not null ? await StreetReferenceAsync(street, ct)
            : lat is { } la && lng is { } lo ? new PublicLocation(la, lo, Approximate: false) : null;
        var radius = center is null ? (double?)null : query.RadiusKm ?? DefaultRadiusKm;
        sort ??= center is null ? "region" : "distance";

        var q = Filed();
        if (region is not null) { q = WithinRegion(q, region); }
        if (kindValue is { } kv) { q = q.Where(i => i.Kind == kv); }
        if (query.Inclusive is { } inc) { q = q.Where(i => i.IsInclusive == inc); }
        var classes = db.Classes.AsQueryable();
        if (query.AgeMonths is { } age)
        {
            var types = Enum.GetValues<ClassType>().Where(t => ClassTypes.AcceptsAgeMonths(t, age)).ToList();
            classes = classes.Where(c => types.Contains(c.Type));
            q = q.Where(i => classes.Any(c => c.InstitutionId == i.Id));
        }

        if (query.HasVacancy == true)
        {
            // In SQL: a class (fitting the age, when given) with fewer active enrollments and outstanding offers than places
            // (an offered place is not free, ADR 0026).
            var active = occupancy.ActiveEnrollmentClassIds(today);
            var offered = occupancy.OutstandingOfferClassIds(today);
            q = q.Where(i => classes.Any(c => c.InstitutionId == i.Id && c.Capacity > active.Count(x => x == c.Id) + offered.Count(x => x == c.Id)));
        }

        if (query.MinFee is not null || query.MaxFee is not null)
        {
            // Against the 全日托 monthly fees (any class type): 元 in the query, fen in the database.
            var minFen = (query.MinFee ?? 0) * 100L;
            var maxFen = (query.MaxFee ?? MaxFeeYuan) * 100L;
            q = q.Where(i => db.Fees.Any(f => f.InstitutionId == i.Id && f.Service == CareServices.FullDay
                && f.MonthlyFeeFen >= minFen && f.MonthlyFeeFen <= maxFen));
        }

        List<(Institution Row, double? Distance)> rows;
        int total;
        var skip = (page - 1) * pageSize;
        if (center is not null && radius is { } rad)
        {
            var near = Near(q, center.Latitude, center.Longitude, rad);
            var ordered = sort switch
            {
                "name" => near.OrderBy(x => x.I.Name).ThenBy(x => x.D),
                "region" => near.OrderBy(x => x.I.RegionCode).ThenBy(x => x.I.Name),
                _ => near.OrderBy(x => x.D).ThenBy(x => x.I.Name),
            };
            rows = [.. (await ordered.Skip(skip).Take(pageSize).ToListAsync(ct)).Select(x => (x.I, (double?)x.D))];
            total = await TotalAsync(near, rows.Count, skip, pageSize, ct);
        }
        else
        {
            var ordered = sort == "name" ? q.OrderBy(i => i.Name) : q.OrderBy(i => i.RegionCode).ThenBy(i => i.Name);
            rows = [.. (await ordered.Skip(skip).Take(pageSize).ToListAsync(ct)).Select(i => (i, (double?)null))];
            total = await TotalAsync(q, rows.Count, skip, pageSize, ct);
        }

        var items = await ToPublicAsync(rows, today, ct);
        return new PublicSearchResult(items, total, page, pageSize, center, radius, sort);
    }

    /// <summary>The number of matches; no second query when the page itself shows they are all on it (a short page).</summary>
    private static async Task<int> TotalAsync<T>(IQueryable<T> q, int rowsOnPage, int skip, int pageSize, CancellationToken ct) =>
        rowsOnPage > 0 && rowsOnPage < pageSize || rowsOnPage == 0 && skip == 0 ? skip + rowsOnPage : await q.CountAsync(ct);

    /// <summary>One filed institution; 404 for an unknown one and for one not (or no longer) filed alike.</summary>
    public async Task<PublicInstitution> GetAsync(Guid id, CancellationToken ct)
    {
        var row = await Filed().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("机构");
        return (await ToPublicAsync([(row, null)], Today(), ct, withDesignations: true))[0];
    }

    private sealed class Located
    {
        public required Institution I { get; init; }
        public double D { get; init; }
    }

    /// <summary>
    /// Institutions within <paramref name="radiusKm"/> of the point, with their distance, all in SQL: the box uses the
    /// (FilingStatus, Latitude, Longitude) index, the haversine runs on the few rows inside it. A 家庭托育点's position is
    /// snapped to the ~1 km grid first (floor(x·100 + 0.5) / 100, as <see cref="GeoDistance.SnapToFamilyGrid"/>), so the
    /// box is widened by half a cell.
    /// </summary>
    private static IQueryable<Located> Near(IQueryable<Institution> q, double latitude, double longitude, double radiusKm)
    {
        const double rad = GeoDistance.DegreesToRadians;
        const double twoR = 2 * GeoDistance.EarthRadiusKm;
        const InstitutionKind family = InstitutionKind.FamilyPoint;
        var box = GeoDistance.BoundingBox(latitude, longitude, radiusKm, GeoDistance.FamilyPointGridDegrees / 2);
        var (minLat, maxLat, minLng, maxLng) = (box.MinLatitude, box.MaxLatitude, box.MinLongitude, box.MaxLongitude);
        var cosLat0 = Math.Cos(latitude * rad);
        return q.Where(i => i.Latitude >= minLat && i.Latitude <= maxLat && i.Longitude >= minLng && i.Longitude <= maxLng)
            .Select(i => new
            {
                I = i,
                Lat = i.Kind == family ? Math.Floor(i.Latitude!.Value * 100 + 0.5) / 100 : i.Latitude!.Value,
                Lng = i.Kind == family ? Math.Floor(i.Longitude!.Value * 100 + 0.5) / 100 : i.Longitude!.Value,
            })
            .Select(x => new
            {
                x.I,
                SinLat = Math.Sin((x.Lat - latitude) * rad / 2),
                SinLng = Math.Sin((x.Lng - longitude) * rad / 2),
                CosLat = Math.Cos(x.Lat * rad),
            })
            .Select(x => new Located { I = x.I, D = twoR * Math.Asin(Math.Sqrt(x.SinLat * x.SinLat + cosLat0 * x.CosLat * x.SinLng * x.SinLng)) })
            .Where(x => x.D <= radiusKm);
    }

    /// <summary>
    /// A street has no coordinates of its own (the division table has none): its reference point is the mean position
    /// of its filed institutions (a family point's snapped one), else of its county's; 400 when neither has any (ADR 0020).
    /// </summary>
    private async Task<PublicLocation> StreetReferenceAsync(string street, CancellationToken ct)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == street, ct))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["street"] = ["街道不存在"] });
        }

        foreach (var area in new[] { street, street[..6] + "000000" })
        {
            var points = await WithinRegion(Filed(), area).Where(i => i.Latitude != null && i.Longitude != null)
                .Select(i => new { i.Kind, Lat = i.Latitude!.Value, Lng = i.Longitude!.Value }).ToListAsync(ct);
            if (points.Count > 0)
            {
                var snapped = points.Select(p => p.Kind == InstitutionKind.FamilyPoint
                    ? (Lat: GeoDistance.SnapToFamilyGrid(p.Lat), Lng: GeoDistance.SnapToFamilyGrid(p.Lng)) : (p.Lat, p.Lng)).ToList();
                return new PublicLocation(Math.Round(snapped.Average(p => p.Lat), 6), Math.Round(snapped.Average(p => p.Lng), 6), Approximate: true);
            }
        }

        throw new ValidationFailedException(new Dictionary<string, string[]>
        {
            ["street"] = ["该街道及所在区县暂无可定位的已备案机构，请改用“我的位置”或按区县查询"],
        });
    }

    /// <summary>
    /// Codes under a region as a range on the 12-digit code (prefix padded with 0s and 9s), which both databases answer
    /// from the index whatever the collation, unlike LIKE 'prefix%'.
    /// </summary>
    private static IQueryable<Institution> WithinRegion(IQueryable<Institution> q, string region)
    {
        var prefix = RegionCode.PrefixOf(region);
        var low = prefix.PadRight(12, '0');
        var high = prefix.PadRight(12, '9');
        return q.Where(i => string.Compare(i.RegionCode, low) >= 0 && string.Compare(i.RegionCode, high) <= 0);
    }

    private IQueryable<Institution> Filed() => db.Institutions.AsNoTracking().Where(i => i.FilingStatus == FilingStatus.Filed);

    /// <summary>Today in Beijing (UTC+8): whose enrollments are active and which designations are in force.</summary>
    private DateOnly Today() => ChinaTime.Today(clock);

    private static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    /// <summary>
    /// Region names, classes with their active enrollments, and fees for (one page of) institutions: three queries; the
    /// detail adds the active designations (a list shows 普惠 and the grade from the institution row already).
    /// </summary>
    private async Task<IReadOnlyList<PublicInstitution>> ToPublicAsync(IReadOnlyList<(Institution Row, double? Distance)> rows, DateOnly today,
        CancellationToken ct, bool withDesignations = false)
    {
        if (rows.Count == 0) { return []; }
        var ids = rows.Select(r => r.Row.Id).ToList();
        var codes = rows.SelectMany(r => new[] { r.Row.RegionCode, CountyOf(r.Row.RegionCode) }).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var active = occupancy.ActiveEnrollmentClassIds(today);
        var offered = occupancy.OutstandingOfferClassIds(today);
        var classes = await db.Classes.AsNoTracking().Where(c => ids.Contains(c.InstitutionId))
            .Select(c => new { c.Id, c.InstitutionId, c.Type, c.Capacity, Active = active.Count(x => x == c.Id), Offered = offered.Count(x => x == c.Id) })
            .ToListAsync(ct);
        var counts = classes.ToDictionary(c => c.Id, c => c.Active);
        var offers = classes.ToDictionary(c => c.Id, c => c.Offered);
        var fees = (await db.Fees.AsNoTracking().Where(f => ids.Contains(f.InstitutionId)).ToListAsync(ct)).ToLookup(f => f.InstitutionId);
        var designations = withDesignations
            ? (await db.Designations.AsNoTracking()
                .Where(d => ids.Contains(d.InstitutionId) && d.WithdrawnOn == null && (d.ValidUntil == null || d.ValidUntil >= today))
                .ToListAsync(ct)).ToLookup(d => d.InstitutionId)
            : null;
        return [.. rows.Select(row =>
        {
            var i = row.Row;
            var family = i.Kind == InstitutionKind.FamilyPoint;
            var county = names.GetValueOrDefault(CountyOf(i.RegionCode), "");
            var street = names.GetValueOrDefault(i.RegionCode, "");
            var perType = classes.Where(c => c.InstitutionId == i.Id).GroupBy(c => c.Type).OrderBy(g => g.Key).Select(g =>
            {
                var enrolled = g.Sum(c => counts.GetValueOrDefault(c.Id));
                // An over-full class has no vacancy, and does not eat another class's vacancies; an offered place is taken (ADR 0026).
                var vacancies = g.Sum(c => Math.Max(0, c.Capacity - counts.GetValueOrDefault(c.Id) - offers.GetValueOrDefault(c.Id)));
                return new PublicClassType(ClassTypes.ChineseName(g.Key), ClassTypes.AgeRangeText(g.Key), g.Count(), g.Sum(c => c.Capacity), enrolled, vacancies);
            }).ToList();
            // 家庭托育点 sit in a family's home: the public sees the street, never the exact address, no phone
            // (it may be the family's own mobile) and a position snapped to the ~1 km grid (ADR 0020).
            var address = family ? county + street : i.Address;
            PublicLocation? location = i.Latitude is { } la && i.Longitude is { } lo
                ? family ? new PublicLocation(GeoDistance.SnapToFamilyGrid(la), GeoDistance.SnapToFamilyGrid(lo), true) : new PublicLocation(la, lo, false)
                : null;
            var instFees = fees[i.Id].OrderBy(f => f.ClassType).ThenBy(f => f.Service).ToList();
            var fullDay = instFees.Where(f => f.Service == CareServices.FullDay).Select(f => (long?)f.MonthlyFeeFen).Min();
            return new PublicInstitution(i.Id, i.Name, RegistryNames.Kind(i.Kind), i.Kind.ToString(), RegistryNames.Ownership(i.Ownership), i.IsInclusive,
                i.RegionCode, county, street, address, family ? null : i.ContactPhone, i.RegisteredSlots, RegistryNames.Filing(i.FilingStatus), i.Grade,
                i.HasVideoSupervision, perType, location, row.Distance is { } d ? Math.Round(d, 2) : null, fullDay,
                PublicNames.Services(i.Services), i.OpeningHours,
                [.. instFees.Select(f => new PublicFee(ClassTypes.ChineseName(f.ClassType), PublicNames.Service(f.Service), f.MonthlyFeeFen,
                    PublicNames.Pricing(f.Pricing), f.EffectiveFrom))],
                designations is null ? null : [.. designations[i.Id].OrderBy(d => d.Kind).ThenBy(d => d.GrantedOn)
                    .Select(d => new PublicDesignation(PublicNames.Designation(d.Kind), d.Level, d.GrantedOn, d.ValidUntil))]);
        })];
    }

    private static string CountyOf(string code) => code.Length == 12 ? code[..6] + "000000" : code;
}
