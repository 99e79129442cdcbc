namespace Tuoyu.Web.Modules.Staff.Contracts;

/// <summary>Who is on duty, for other modules (the live ratio of a class).</summary>
public interface IStaffPresence
{
    /// <summary>Carers checked in to the class on <paramref name="day"/> and not yet checked out.</summary>
    Task<int> CarersPresentAsync(Guid classId, DateOnly day, CancellationToken ct);
}
