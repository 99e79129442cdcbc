namespace Tuoyu.Web.Common.Regions;

/// <summary>An administrative division (行政区划) by its 12-digit statistical code.</summary>
public sealed class Region
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public RegionLevel Level { get; init; }
    public string? ParentCode { get; init; }
    /// <summary>区划调整: a division renamed, split or merged ends here and its successor starts.</summary>
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
}

public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Street = 4,
}
