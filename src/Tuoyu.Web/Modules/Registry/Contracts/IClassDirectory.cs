namespace Tuoyu.Web.Modules.Registry.Contracts;

/// <summary>Classes for other modules (attendance rosters, ratios): the class's facts, never its children.</summary>
public interface IClassDirectory
{
    /// <summary>The class, or null when there is none with this id. Callers check scope on <see cref="ClassInfo.InstitutionId"/>.</summary>
    Task<ClassInfo?> FindAsync(Guid classId, CancellationToken ct);

    /// <summary>An institution's classes by type and name. Callers check scope on the institution first.</summary>
    Task<IReadOnlyList<ClassInfo>> OfInstitutionAsync(Guid institutionId, CancellationToken ct);
}

public sealed record ClassInfo(Guid Id, Guid InstitutionId, string Name, ClassType Type, int Capacity);
