namespace Tuoyu.Web.Modules.Demo;

/// <summary>
/// Where demo institutions stand: near their own district's centre (approximate positions of the district
/// governments, public map facts, rounded to 0.01°), each street at a fixed offset from it derived from the street
/// code alone, each institution within about 1 km of its street's point. The random draws the caller passes are
/// the same two the demo world always made for coordinates, so the world's random sequence does not change.
/// Districts outside the table (other cities at the Province and National scales) keep the old 长沙 box.
/// </summary>
internal static class DemoCoordinates
{
    /// <summary>County code → (latitude, longitude, spread of its streets in degrees).</summary>
    private static readonly Dictionary<string, (double Lat, double Lng, double Spread)> Districts = new()
    {
        ["430102"] = (28.19, 113.03, 0.025), // 芙蓉区
        ["430103"] = (28.11, 112.99, 0.035), // 天心区
        ["430104"] = (28.23, 112.93, 0.045), // 岳麓区
        ["430105"] = (28.26, 112.99, 0.035), // 开福区
        ["430111"] = (28.14, 113.04, 0.035), // 雨花区
        ["430112"] = (28.35, 112.82, 0.08),  // 望城区
        ["430121"] = (28.25, 113.08, 0.10),  // 长沙县
        ["430181"] = (28.16, 113.64, 0.18),  // 浏阳市
        ["430182"] = (28.28, 112.55, 0.15),  // 宁乡市
    };

    /// <summary>Half-width of an institution's scatter around its street's point (≈ 1 km).</summary>
    private const double InstitutionSpread = 0.009;

    public static double Latitude(string streetCode, double draw) =>
        Districts.TryGetValue(streetCode[..6], out var d)
            ? Math.Round(d.Lat + StreetOffset(streetCode, 0) * d.Spread + (draw - 0.5) * 2 * InstitutionSpread, 6)
            : Math.Round(28.0 + draw * 0.6, 6);

    public static double Longitude(string streetCode, double draw) =>
        Districts.TryGetValue(streetCode[..6], out var d)
            ? Math.Round(d.Lng + StreetOffset(streetCode, 1) * d.Spread + (draw - 0.5) * 2 * InstitutionSpread, 6)
            : Math.Round(112.6 + draw * 0.8, 6);

    /// <summary>A fixed value in [-1, 1) per street and axis, from the street code (not string.GetHashCode, which varies per process).</summary>
    private static double StreetOffset(string streetCode, int axis)
    {
        var code = long.Parse(streetCode, System.Globalization.CultureInfo.InvariantCulture);
        var rng = new Random((int)(code % 2_147_483_629) + axis * 7_919);
        return rng.NextDouble() * 2 - 1;
    }
}
