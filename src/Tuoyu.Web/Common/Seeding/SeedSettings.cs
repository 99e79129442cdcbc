namespace Tuoyu.Web.Common.Seeding;

public enum SeedMode
{
    /// <summary>Unset: demo on a freshly created SQLite database, nothing otherwise.</summary>
    Auto,
    Demo,
    None,
}

/// <summary>How big a generated world is: one city (长沙市), one province (湖南省) or the whole country.</summary>
public enum DemoScale
{
    City,
    Province,
    National,
}

public sealed record SeedSettings(SeedMode Mode, DemoScale Scale, string DemoPassword)
{
    public const string DefaultDemoPassword = "Tuoyu@2025";

    public static SeedSettings From(IConfiguration config)
    {
        var mode = config["Seed"] switch
        {
            null or "" => SeedMode.Auto,
            var s when s.Equals("demo", StringComparison.OrdinalIgnoreCase) => SeedMode.Demo,
            var s when s.Equals("none", StringComparison.OrdinalIgnoreCase) => SeedMode.None,
            var s => throw new InvalidOperationException($"Unknown Seed '{s}' (demo or none)."),
        };
        var scale = Enum.TryParse<DemoScale>(config["Seed:Scale"] ?? config["SeedScale"] ?? "City", ignoreCase: true, out var sc)
            ? sc : throw new InvalidOperationException("Seed:Scale must be city, province or national.");
        return new SeedSettings(mode, scale, config["Seed:DemoPassword"] ?? DefaultDemoPassword);
    }
}
