namespace Tuoyu.Web.Modules.Regions.Contracts;

public sealed record RegionView(string Code, string Name, int Level, string LevelName, string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>Administrative divisions for other modules' pages and handlers.</summary>
public interface IRegionDirectory
{
    Task<RegionView> GetAsync(string code, CancellationToken ct);

    Task<IReadOnlyList<RegionView>> ChildrenAsync(string code, CancellationToken ct);

    Task<IReadOnlyList<RegionView>> ProvincesAsync(CancellationToken ct);
}
