using Tuoyu.Web.Common.Time;
using Tuoyu.Web.Modules.Registry.Contracts;

namespace Tuoyu.Web.Modules.Enrollment.Contracts;

/// <summary>
/// The closed months' figures (月度考勤汇总) and what subsidies need around them (ADR 0028), set-based over a set of
/// institutions. No data scope applies here: callers check the caller's region first.
/// </summary>
public interface IMonthlyFigures
{
    /// <summary>Those of <paramref name="institutionIds"/> with enrollments in the month that have not closed it.</summary>
    Task<IReadOnlyList<Guid>> UnclosedAsync(IQueryable<Guid> institutionIds, YearMonth month, CancellationToken ct);

    /// <summary>The month's rows at <paramref name="institutionIds"/>, then the same children's rows at other institutions.</summary>
    IAsyncEnumerable<MonthlyFigure> WithMovesAsync(IQueryable<Guid> institutionIds, YearMonth month, CancellationToken ct);

    /// <summary>Each (child, institution)'s earliest enrollment start on or before <paramref name="until"/>.</summary>
    Task<IReadOnlyDictionary<(Guid Child, Guid Institution), DateOnly>> FirstStartsAsync(IReadOnlyCollection<Guid> childIds, DateOnly until, CancellationToken ct);

    /// <summary>The (child, institution, date) triples marked present in the month at the given institutions.</summary>
    IAsyncEnumerable<(Guid Child, Guid Institution, DateOnly Date)> PresentDaysAsync(IReadOnlyCollection<Guid> institutionIds, YearMonth month, CancellationToken ct);

    /// <summary>Children's names and masked ID numbers, composable into another module's query.</summary>
    IQueryable<ChildReference> References();
}

public readonly record struct MonthlyFigure(Guid ChildId, Guid InstitutionId, ClassType ClassType, CareServices Service, int EnrolledDays, int AttendedDays);

public sealed class ChildReference
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string IdNumberMasked { get; init; } = "";
}
