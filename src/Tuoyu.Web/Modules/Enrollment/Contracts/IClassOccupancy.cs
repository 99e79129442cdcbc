namespace Tuoyu.Web.Modules.Enrollment.Contracts;

/// <summary>
/// How many children occupy each class, for other modules (the public directory's vacancies).
/// Counts only: never which children.
/// </summary>
public interface IClassOccupancy
{
    /// <summary>
    /// One row per enrollment active on <paramref name="day"/>: its class id. Composable into another module's
    /// query so a vacancy filter runs in SQL (count the rows equal to a class id).
    /// </summary>
    IQueryable<Guid> ActiveEnrollmentClassIds(DateOnly day);

    /// <summary>Enrollments active on <paramref name="day"/> per class; classes without any are absent.</summary>
    Task<Dictionary<Guid, int>> ActiveCountsByClassAsync(IReadOnlyCollection<Guid> classIds, DateOnly day, CancellationToken ct);

    /// <summary>
    /// One row per outstanding offer on <paramref name="day"/> (发出学位, not answered, deadline not passed): its class id. An
    /// offered place is not free (ADR 0026); composable like <see cref="ActiveEnrollmentClassIds"/>.
    /// </summary>
    IQueryable<Guid> OutstandingOfferClassIds(DateOnly day);
}
