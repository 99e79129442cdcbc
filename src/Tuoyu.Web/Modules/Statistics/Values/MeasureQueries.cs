using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Staff.Domain;
using Tuoyu.Web.Modules.Statistics.Domain;

namespace Tuoyu.Web.Modules.Statistics.Values;

/// <summary>An institution reduced to its group key (a region-code prefix or its own id) and its slots.</summary>
internal sealed class KeyedInstitution<TKey>
{
    public Guid Id { get; init; }
    public TKey Key { get; init; } = default!;
    public int Slots { get; init; }
}

/// <summary>
/// Every register measure of <see cref="Measures"/> as of a date, for groups of the institutions under a region prefix —
/// one grouped query per data source (institutions, classes, enrollments, staff, fees), never a loop over institutions
/// (issue #6: the whole table for any region of the province world in under 200 ms). Reads the Registry, Enrollment and
/// Staff tables directly, read-only (ADR 0029).
/// </summary>
internal sealed class MeasureQueries(AppDbContext db)
{
    /// <summary>Measures per sub-region: the key is the first <paramref name="keyLength"/> digits of the street code.</summary>
    public Task<Dictionary<string, Dictionary<string, decimal>>> ByRegionPrefixAsync(string prefix, int keyLength, DateOnly date, CancellationToken ct) =>
        ComputeAsync(Open(prefix, date), q => q.Select(i => new KeyedInstitution<string> { Id = i.Id, Key = i.RegionCode.Substring(0, keyLength), Slots = i.RegisteredSlots }), date, ct);

    /// <summary>Measures per institution under the prefix.</summary>
    public Task<Dictionary<Guid, Dictionary<string, decimal>>> ByInstitutionAsync(string prefix, DateOnly date, CancellationToken ct) =>
        ComputeAsync(Open(prefix, date), q => q.Select(i => new KeyedInstitution<Guid> { Id = i.Id, Key = i.Id, Slots = i.RegisteredSlots }), date, ct);

    /// <summary>Institutions under the prefix open on <paramref name="date"/>.</summary>
    private IQueryable<Institution> Open(string prefix, DateOnly date) =>
        db.Institutions.AsNoTracking().Where(i => i.RegionCode.StartsWith(prefix) && i.OpenedOn <= date);

    private async Task<Dictionary<TKey, Dictionary<string, decimal>>> ComputeAsync<TKey>(
        IQueryable<Institution> open, Func<IQueryable<Institution>, IQueryable<KeyedInstitution<TKey>>> keyed, DateOnly date, CancellationToken ct)
        where TKey : notnull
    {
        var result = new Dictionary<TKey, Dictionary<string, decimal>>();
        void Put(TKey key, string measure, decimal value)
        {
            if (!result.TryGetValue(key, out var m)) { result[key] = m = new Dictionary<string, decimal>(StringComparer.Ordinal); }
            m[measure] = value;
        }

        async Task CountAndSlots(IQueryable<Institution> q, string countMeasure, string? slotsMeasure)
        {
            var rows = await keyed(q).GroupBy(k => k.Key).Select(g => new { g.Key, Count = g.Count(), Slots = g.Sum(k => k.Slots) }).ToListAsync(ct);
            foreach (var r in rows)
            {
                if (countMeasure.Length > 0) { Put(r.Key, countMeasure, r.Count); }
                if (slotsMeasure is not null) { Put(r.Key, slotsMeasure, r.Slots); }
            }
        }

        // A day's end in China, for the filing events (UTC instants).
        var endOfDay = ChinaTime.StartOfDayUtc(date.AddDays(1));
        var designations = db.Designations.AsNoTracking();
        // Active on the date: granted by then, not withdrawn by then, not expired before it.
        var activeDesignations = designations.Where(d => d.GrantedOn <= date && (d.WithdrawnOn == null || d.WithdrawnOn > date) && (d.ValidUntil == null || d.ValidUntil >= date));

        await CountAndSlots(open, Measures.Institutions, Measures.Slots);

        // 备案: from the filing history where there is one (the last step by the end of the day left it filed); an institution
        // registered without history (import, older rows) counts from its 备案日期.
        await CountAndSlots(open.Where(i =>
                db.FilingEvents.Any(e => e.InstitutionId == i.Id)
                    ? db.FilingEvents.Where(e => e.InstitutionId == i.Id && e.At < endOfDay).OrderByDescending(e => e.At).Select(e => (FilingStatus?)e.ToStatus).FirstOrDefault() == FilingStatus.Filed
                    : i.FilingStatus == FilingStatus.Filed && (i.FiledOn == null || i.FiledOn <= date)),
            Measures.FiledInstitutions, null);

        // 公办 / 普惠 / 等级 follow the designation history where there is one, else the institution's current flag.
        await CountAndSlots(open.Where(i => i.Kind != InstitutionKind.KindergartenClass && (
                designations.Any(d => d.InstitutionId == i.Id && d.Kind == DesignationKind.Public)
                    ? activeDesignations.Any(d => d.InstitutionId == i.Id && d.Kind == DesignationKind.Public)
                    : i.Ownership == Ownership.Public)),
            string.Empty, Measures.PublicSlots);
        await CountAndSlots(open.Where(i =>
                designations.Any(d => d.InstitutionId == i.Id && d.Kind == DesignationKind.Inclusive)
                    ? activeDesignations.Any(d => d.InstitutionId == i.Id && d.Kind == DesignationKind.Inclusive)
                    : i.IsInclusive),
            string.Empty, Measures.InclusiveSlots);
        await CountAndSlots(open.Where(i =>
                designations.Any(d => d.InstitutionId == i.Id && d.Kind == DesignationKind.Grade)
                    ? activeDesignations.Any(d => d.InstitutionId == i.Id && d.Kind == DesignationKind.Grade)
                    : i.Grade != null),
            Measures.GradedInstitutions, null);
        await CountAndSlots(open.Where(i => activeDesignations.Any(d => d.InstitutionId == i.Id && d.Kind == DesignationKind.Demonstration)),
            Measures.DemonstrationInstitutions, null);
        await CountAndSlots(open.Where(i => i.HasVideoSupervision), Measures.InstitutionsWithVideo, null);
        await CountAndSlots(open.Where(i => db.MedicalAgreements.Any(a => a.InstitutionId == i.Id && a.SignedOn <= date && (a.RevokedOn == null || a.RevokedOn > date))),
            Measures.InstitutionsWithMedicalAgreement, null);

        var under2 = await keyed(open)
            .Join(db.Classes.Where(c => c.Type == ClassType.Infant || c.Type == ClassType.Toddler), k => k.Id, c => c.InstitutionId, (k, c) => new { k.Key, c.Capacity })
            .GroupBy(x => x.Key).Select(g => new { g.Key, Sum = g.Sum(x => x.Capacity) }).ToListAsync(ct);
        foreach (var r in under2) { Put(r.Key, Measures.Under2Slots, r.Sum); }

        var enrolled = await keyed(open)
            .Join(db.Enrollments.Where(e => e.StartDate <= date && (e.EndDate == null || e.EndDate >= date)), k => k.Id, e => e.InstitutionId, (k, e) => k.Key)
            .GroupBy(key => key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var r in enrolled) { Put(r.Key, Measures.EnrolledChildren, r.Count); }

        var carers = await keyed(open)
            .Join(db.Staff.Where(s => (s.Role == StaffRole.Carer || s.Role == StaffRole.InfantCarer) && s.HiredOn <= date && (s.LeftOn == null || s.LeftOn >= date)),
                k => k.Id, s => s.InstitutionId,
                (k, s) => new { k.Key, Certified = s.CertificateNumber != null && s.CertificateNumber != "" && (s.CertificateExpiresOn == null || s.CertificateExpiresOn >= date) ? 1 : 0 })
            .GroupBy(x => x.Key).Select(g => new { g.Key, Count = g.Count(), Certified = g.Sum(x => x.Certified) }).ToListAsync(ct);
        foreach (var r in carers)
        {
            Put(r.Key, Measures.Carers, r.Count);
            Put(r.Key, Measures.CertifiedCarers, r.Certified);
        }

        var fees = await keyed(open)
            .Join(db.Fees.Where(f => f.Service == CareServices.FullDay && f.EffectiveFrom <= date), k => k.Id, f => f.InstitutionId, (k, f) => new { k.Key, f.MonthlyFeeFen })
            .GroupBy(x => x.Key).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(x => x.MonthlyFeeFen) }).ToListAsync(ct);
        foreach (var r in fees.Where(r => r.Count > 0)) { Put(r.Key, Measures.AvgFullDayFee, (decimal)r.Sum / r.Count); }

        // Register counts are zero, not unknown, for a group that has institutions but none of the kind.
        foreach (var m in result.Values)
        {
            foreach (var measure in Measures.Names.Keys.Where(k => !Measures.FromStatistics.Contains(k) && k != Measures.AvgFullDayFee))
            {
                m.TryAdd(measure, 0);
            }
        }

        return result;
    }

    /// <summary>
    /// Base statistics for the regions: per measure, the region's own latest figure of a year up to <paramref name="year"/>
    /// (never a sum of lower regions, which may be incomplete). Missing figures stay missing.
    /// </summary>
    public async Task<Dictionary<string, Dictionary<string, (decimal Value, int Year)>>> StatisticsAsync(IReadOnlyCollection<string> regionCodes, int year, CancellationToken ct)
    {
        var rows = await db.RegionStatistics.AsNoTracking().Where(s => regionCodes.Contains(s.RegionCode) && s.Year <= year).ToListAsync(ct);
        var result = new Dictionary<string, Dictionary<string, (decimal, int)>>(StringComparer.Ordinal);
        foreach (var region in rows.GroupBy(r => r.RegionCode))
        {
            var m = new Dictionary<string, (decimal, int)>(StringComparer.Ordinal);
            void Take(string measure, Func<RegionStatistic, long?> field)
            {
                var latest = region.Where(r => field(r) is not null).MaxBy(r => r.Year);
                if (latest is not null) { m[measure] = (field(latest)!.Value, latest.Year); }
            }

            Take(Measures.ResidentPopulation, r => r.ResidentPopulation);
            Take(Measures.ChildrenUnder3, r => r.ChildrenUnder3);
            Take(Measures.Births, r => r.Births);
            Take(Measures.DisposableIncome, r => r.DisposableIncomePerCapitaFen);
            result[region.Key] = m;
        }

        return result;
    }
}
