namespace Tuoyu.Web.Modules.Registry.Contracts;

/// <summary>Classes for other modules (attendance rosters, ratios): the class's facts, never its children.</summary>
public interface IClassDirectory
{
    /// <summary>The class, or null when there is none with this id. Callers check scope on <see cref="ClassInfo.InstitutionId"/>.</summary>
    Task<ClassInfo?> FindAsync(Guid classId, CancellationToken ct);

    /// <summary>An institution's classes by type and name. Callers check scope on the institution first.</summary>
    Task<IReadOnlyList<ClassInfo>> OfInstitutionAsync(Guid institutionId, CancellationToken ct);

    /// <summary>
    /// The capacity guard (ADR 0023): loads the class tracked in the caller's unit of work and marks its version to be
    /// bumped by the next SaveChanges, so two writers that both counted the class's children cannot both commit —
    /// the second gets a concurrency conflict and must count again. Null when there is no such class.
    /// </summary>
    Task<ClassInfo?> LockForPlacementAsync(Guid classId, CancellationToken ct);
}

public sealed record ClassInfo(Guid Id, Guid InstitutionId, string Name, ClassType Type, int Capacity);
