using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Staff.Contracts;

/// <summary>保育人员 and those certified on a date, per group of institutions (ADR 0029).</summary>
public interface IStaffMeasures
{
    Task<Dictionary<TKey, (int Carers, int Certified)>> CarersAsync<TKey>(IQueryable<KeyedInstitution<TKey>> institutions, DateOnly date, CancellationToken ct) where TKey : notnull;
}
