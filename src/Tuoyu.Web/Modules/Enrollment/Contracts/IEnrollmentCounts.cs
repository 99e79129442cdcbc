namespace Tuoyu.Web.Modules.Enrollment.Contracts;

/// <summary>Enrollment counts other modules may ask for without seeing enrollments themselves.</summary>
public interface IEnrollmentCounts
{
    /// <summary>
    /// Enrollments in the class that have not ended by <paramref name="day"/>: current ones and ones
    /// starting later (a child already placed for a future date still needs the class).
    /// </summary>
    Task<int> ActiveInClassAsync(Guid classId, DateOnly day, CancellationToken ct);
}
