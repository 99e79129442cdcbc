using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Contracts;

/// <summary>在托婴幼儿 for indicators (ADR 0029): enrollments covering a date, per group of institutions.</summary>
public interface IEnrollmentMeasures
{
    Task<Dictionary<TKey, int>> EnrolledAsync<TKey>(IQueryable<KeyedInstitution<TKey>> institutions, DateOnly date, CancellationToken ct) where TKey : notnull;
}
