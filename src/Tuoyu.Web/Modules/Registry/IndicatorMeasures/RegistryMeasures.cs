using Microsoft.EntityFrameworkCore;
using Tuoyu.Web.Common.Data;
using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;
using Tuoyu.Web.Modules.Registry.Domain;
using Tuoyu.Web.Modules.Statistics.Contracts;

namespace Tuoyu.Web.Modules.Registry.IndicatorMeasures;

/// <summary>
/// The register's indicator measures as of a date (ADR 0029): one grouped query per measure over the institutions under a
/// region-code prefix, grouped by sub-region or by institution — never a loop over institutions.
/// </summary>
internal sealed class RegistryMeasures(AppDbContext db) : IRegistryMeasures
{
    public IQueryable<KeyedInstitution<string>> OpenByRegion(string prefix, int keyLength, DateOnly date) =>
        Keyed(Open(prefix, date), keyLength);

    public IQueryable<KeyedInstitution<Guid>> OpenByInstitution(string prefix, DateOnly date) => Keyed(Open(prefix, date));

    public Task<Dictionary<string, Dictionary<string, decimal>>> ByRegionAsync(string prefix, int keyLength, DateOnly date, CancellationToken ct) =>
        ComputeAsync(Open(prefix, date), q => Keyed(q, keyLength), date, ct);

    public Task<Dictionary<Guid, Dictionary<string, decimal>>> ByInstitutionAsync(string prefix, DateOnly date, CancellationToken ct) =>
        ComputeAsync(Open(prefix, date), Keyed, date, ct);

    public async Task<IReadOnlyList<OpenInstitution>> OpenInstitutionsAsync(string prefix, DateOnly date, CancellationToken ct) =>
        await Open(prefix, date).OrderBy(i => i.Name).ThenBy(i => i.Id).Select(i => new OpenInstitution(i.Id, i.Name, i.RegionCode)).ToListAsync(ct);

    private static IQueryable<KeyedInstitution<string>> Keyed(IQueryable<Institution> q, int keyLength) =>
        q.Select(i => new KeyedInstitution<string> { Id = i.Id, Key = i.RegionCode.Substring(0, keyLength), Slots = i.RegisteredSlots });

    private static IQueryable<KeyedInstitution<Guid>> Keyed(IQueryable<Institution> q) =>
        q.Select(i => new KeyedInstitution<Guid> { Id = i.Id, Key = i.Id, Slots = i.RegisteredSlots });

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

        async Task CountAndSlots(IQueryable<Institution> q, string? countMeasure, string? slotsMeasure)
        {
            var rows = await keyed(q).GroupBy(k => k.Key).Select(g => new { g.Key, Count = g.Count(), Slots = g.Sum(k => k.Slots) }).ToListAsync(ct);
            foreach (var r in rows)
            {
                if (countMeasure is not null) { Put(r.Key, countMeasure, r.Count); }
                if (slotsMeasure is not null) { Put(r.Key, slotsMeasure, r.Slots); }
            }
        }

        // A day's end in China, for the filing events (UTC instants).
        var endOfDay = ChinaTime.StartOfDayUtc(date.AddDays(1));
        var designations = db.Designations.AsNoTracking();
        // Active on the date: granted by then, not withdrawn by then, not expired before it.
        var active = designations.Where(d => d.GrantedOn <= date && (d.WithdrawnOn == null || d.WithdrawnOn > date) && (d.ValidUntil == null || d.ValidUntil >= date));

        await CountAndSlots(open, Measures.Institutions, Measures.Slots);

        // 备案: from the filing history where there is one (its last step by the end of the day left it filed); an institution
        // registered without history (import, older rows) counts from its 备案日期, or always when that is empty.
        await CountAndSlots(open.Where(i =>
                db.FilingEvents.Any(e => e.InstitutionId == i.Id)
                    ? db.FilingEvents.Where(e => e.InstitutionId == i.Id && e.At < endOfDay).OrderByDescending(e => e.At).Select(e => (FilingStatus?)e.ToStatus).FirstOrDefault() == FilingStatus.Filed
                    : i.FilingStatus == FilingStatus.Filed && (i.FiledOn == null || i.FiledOn <= date)),
            Measures.FiledInstitutions, null);

        // 公办 (excluding 幼儿园托班, Xinchang 一、主要目标) / 普惠 / 等级 follow the designation history where the institution has
        // one of that kind, else its current flag.
        await CountAndSlots(open.Where(i => i.Kind != InstitutionKind.KindergartenClass && (
                designations.Any(d => d.InstitutionId == i.Id && d.Kind == DesignationKind.Public)
                    ? active.Any(d => d.InstitutionId == i.Id && d.Kind == DesignationKind.Public)
                    : i.Ownership == Ownership.Public)),
            null, Measures.PublicSlots);
        await CountAndSlots(open.Where(i =>
                designations.Any(d => d.InstitutionId == i.Id && d.Kind == DesignationKind.Inclusive)
                    ? active.Any(d => d.InstitutionId == i.Id && d.Kind == DesignationKind.Inclusive)
                    : i.IsInclusive),
            null, Measures.InclusiveSlots);
        await CountAndSlots(open.Where(i =>
                designations.Any(d => d.InstitutionId == i.Id && d.Kind == DesignationKind.Grade)
                    ? active.Any(d => d.InstitutionId == i.Id && d.Kind == DesignationKind.Grade)
                    : i.Grade != null),
            Measures.GradedInstitutions, null);
        await CountAndSlots(open.Where(i => active.Any(d => d.InstitutionId == i.Id && d.Kind == DesignationKind.Demonstration)),
            Measures.DemonstrationInstitutions, null);
        await CountAndSlots(open.Where(i => i.HasVideoSupervision), Measures.InstitutionsWithVideo, null);
        await CountAndSlots(open.Where(i => db.MedicalAgreements.Any(a => a.InstitutionId == i.Id && a.SignedOn <= date && (a.RevokedOn == null || a.RevokedOn > date))),
            Measures.InstitutionsWithMedicalAgreement, null);

        var under2 = await keyed(open)
            .Join(db.Classes.Where(c => c.Type == ClassType.Infant || c.Type == ClassType.Toddler), k => k.Id, c => c.InstitutionId, (k, c) => new { k.Key, c.Capacity })
            .GroupBy(x => x.Key).Select(g => new { g.Key, Sum = g.Sum(x => x.Capacity) }).ToListAsync(ct);
        foreach (var r in under2) { Put(r.Key, Measures.Under2Slots, r.Sum); }

        var fees = await keyed(open)
            .Join(db.Fees.Where(f => f.Service == CareServices.FullDay && f.EffectiveFrom <= date), k => k.Id, f => f.InstitutionId, (k, f) => new { k.Key, f.MonthlyFeeFen })
            .GroupBy(x => x.Key).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(x => x.MonthlyFeeFen) }).ToListAsync(ct);
        foreach (var r in fees.Where(r => r.Count > 0)) { Put(r.Key, Measures.AvgFullDayFee, (decimal)r.Sum / r.Count); }
        return result;
    }
}
