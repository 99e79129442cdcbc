namespace Tuoyu.Web.Modules.Registry.Domain;

/// <summary>A latitude/longitude rectangle (degrees, WGS-84/GCJ-02 alike: distances of a few km do not care).</summary>
public readonly record struct GeoBox(double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude)
{
    public bool Contains(double latitude, double longitude) =>
        latitude >= MinLatitude && latitude <= MaxLatitude && longitude >= MinLongitude && longitude <= MaxLongitude;
}

/// <summary>
/// Great-circle distance on a sphere (haversine) and the bounding box that certainly contains a circle, so that a
/// search first narrows rows with an indexed range on latitude/longitude and then computes the exact distance
/// (ADR 0020). The same formula runs in SQL (PublicDirectoryHandler) and here (tests, street reference points).
/// </summary>
public static class GeoDistance
{
    /// <summary>
    /// Mean Earth radius R₁ = 6371.0088 km (IUGG, Moritz, "Geodetic Reference System 1980", Journal of Geodesy 74 (2000),
    /// mean radius of the GRS 80 ellipsoid). A sphere is off by at most about 0.5% against the ellipsoid.
    /// </summary>
    public const double EarthRadiusKm = 6371.0088;

    public const double DegreesToRadians = Math.PI / 180;

    /// <summary>Length of one degree of latitude on that sphere: about 111.195 km.</summary>
    public const double KmPerDegree = EarthRadiusKm * DegreesToRadians;

    /// <summary>
    /// The grid a 家庭托育点's position is snapped to before anything public uses it (0.01° ≈ 1.1 km north–south):
    /// a family point is a home, so its map marker and its distance reveal the grid cell only, and several distances
    /// from different points cannot be combined into the exact address (ADR 0020).
    /// </summary>
    public const double FamilyPointGridDegrees = 0.01;

    public static bool IsLatitude(double v) => v is >= -90 and <= 90;

    public static bool IsLongitude(double v) => v is >= -180 and <= 180;

    /// <summary>Haversine distance in km between two points given in degrees.</summary>
    public static double HaversineKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var dLat = (latitude2 - latitude1) * DegreesToRadians;
        var dLng = (longitude2 - longitude1) * DegreesToRadians;
        var sinLat = Math.Sin(dLat / 2);
        var sinLng = Math.Sin(dLng / 2);
        var a = sinLat * sinLat + Math.Cos(latitude1 * DegreesToRadians) * Math.Cos(latitude2 * DegreesToRadians) * sinLng * sinLng;
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, a)));
    }

    /// <summary>
    /// The smallest latitude/longitude box containing every point within <paramref name="radiusKm"/> of the centre
    /// (the longitude half-width is asin(sin δ / cos φ), δ the angular radius; J. P. Matuschek, "Finding Points Within a
    /// Distance of a Latitude/Longitude Using Bounding Coordinates"), widened by <paramref name="marginDegrees"/>.
    /// Near a pole the box spans every longitude. No wrap at ±180° (China is far from it): the box is clamped.
    /// </summary>
    public static GeoBox BoundingBox(double latitude, double longitude, double radiusKm, double marginDegrees = 0)
    {
        var angular = radiusKm / EarthRadiusKm;
        var dLat = angular / DegreesToRadians;
        var minLat = latitude - dLat - marginDegrees;
        var maxLat = latitude + dLat + marginDegrees;
        double minLng = -180, maxLng = 180;
        var cosLat = Math.Cos(latitude * DegreesToRadians);
        if (maxLat < 90 && minLat > -90 && Math.Sin(angular) < cosLat)
        {
            var dLng = Math.Asin(Math.Sin(angular) / cosLat) / DegreesToRadians;
            minLng = Math.Max(-180, longitude - dLng - marginDegrees);
            maxLng = Math.Min(180, longitude + dLng + marginDegrees);
        }

        return new GeoBox(Math.Max(-90, minLat), Math.Min(90, maxLat), minLng, maxLng);
    }

    /// <summary>A coordinate snapped to <see cref="FamilyPointGridDegrees"/> (same arithmetic as the SQL: floor(x·100 + 0.5) / 100).</summary>
    public static double SnapToFamilyGrid(double degrees) => Math.Floor(degrees * 100 + 0.5) / 100;
}
