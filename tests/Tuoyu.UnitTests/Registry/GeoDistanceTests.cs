using Tuoyu.Web.Modules.Registry.Domain;

namespace Tuoyu.UnitTests.Registry;

/// <summary>Haversine distance and the bounding box the public search prefilters with (ADR 0020).</summary>
public sealed class GeoDistanceTests
{
    // Mean Earth radius R₁ = 6371.0088 km (IUGG / GRS 80, Moritz 2000): one degree of arc is R·π/180 ≈ 111.195 km.
    [Fact]
    public void One_degree_of_latitude_or_of_longitude_on_the_equator_is_about_111_195_km()
    {
        Assert.Equal(111.195, GeoDistance.HaversineKm(28, 113, 29, 113), 3);
        Assert.Equal(111.195, GeoDistance.HaversineKm(0, 0, 0, 1), 3);
        Assert.Equal(GeoDistance.KmPerDegree, GeoDistance.HaversineKm(-10, 50, -11, 50), 9);
    }

    [Fact]
    public void Distance_is_zero_to_itself_symmetric_and_half_the_circumference_to_the_antipode()
    {
        Assert.Equal(0, GeoDistance.HaversineKm(28.19, 113.03, 28.19, 113.03));
        Assert.Equal(GeoDistance.HaversineKm(28.19, 113.03, 39.9042, 116.4074), GeoDistance.HaversineKm(39.9042, 116.4074, 28.19, 113.03), 9);
        Assert.Equal(Math.PI * GeoDistance.EarthRadiusKm, GeoDistance.HaversineKm(10, 20, -10, -160), 3);
    }

    [Fact]
    public void A_degree_of_longitude_shrinks_with_the_cosine_of_the_latitude()
    {
        // At 60° N a degree of longitude is half as long as on the equator (to within the curvature of the arc).
        Assert.Equal(GeoDistance.KmPerDegree / 2, GeoDistance.HaversineKm(60, 10, 60, 11), 1);
        // 长沙 (28.2° N): about 98 km.
        Assert.Equal(GeoDistance.KmPerDegree * Math.Cos(28.2 * Math.PI / 180), GeoDistance.HaversineKm(28.2, 112.5, 28.2, 113.5), 1);
    }

    [Theory]
    [InlineData(28.19, 113.03, 5)]
    [InlineData(28.19, 113.03, 0.1)]
    [InlineData(45.75, 126.65, 50)] // 哈尔滨
    [InlineData(-33.9, 18.4, 20)]
    [InlineData(70, 20, 50)]
    public void Every_point_within_the_radius_lies_in_the_box(double lat, double lng, double radiusKm)
    {
        var box = GeoDistance.BoundingBox(lat, lng, radiusKm);
        var rng = new Random(20_20);
        for (var k = 0; k < 2_000; k++)
        {
            // A random point at a random distance ≤ radius in a random direction (moved along the great circle).
            var bearing = rng.NextDouble() * 2 * Math.PI;
            var d = radiusKm * Math.Sqrt(rng.NextDouble()) / GeoDistance.EarthRadiusKm;
            var (p, q) = Destination(lat, lng, bearing, d);
            Assert.True(GeoDistance.HaversineKm(lat, lng, p, q) <= radiusKm + 1e-9);
            Assert.True(box.Contains(p, q), $"({p}, {q}) at bearing {bearing} outside {box}");
        }
    }

    [Theory]
    [InlineData(28.19, 113.03, 5)]
    [InlineData(45.75, 126.65, 50)]
    public void The_box_is_tight_its_edges_are_the_radius_away_along_the_axes(double lat, double lng, double radiusKm)
    {
        var box = GeoDistance.BoundingBox(lat, lng, radiusKm);
        Assert.Equal(radiusKm, GeoDistance.HaversineKm(lat, lng, box.MaxLatitude, lng), 6);
        Assert.Equal(radiusKm, GeoDistance.HaversineKm(lat, lng, box.MinLatitude, lng), 6);
        // East–west the widest point of the circle is a little poleward of the centre's parallel, so the edge on
        // the centre's parallel is slightly farther than the radius, never nearer.
        var east = GeoDistance.HaversineKm(lat, lng, lat, box.MaxLongitude);
        Assert.InRange(east, radiusKm, radiusKm * 1.01);
    }

    [Fact]
    public void A_margin_widens_the_box_by_that_many_degrees()
    {
        var plain = GeoDistance.BoundingBox(28.19, 113.03, 5);
        var wide = GeoDistance.BoundingBox(28.19, 113.03, 5, 0.005);
        Assert.Equal(plain.MinLatitude - 0.005, wide.MinLatitude, 9);
        Assert.Equal(plain.MaxLongitude + 0.005, wide.MaxLongitude, 9);
    }

    [Fact]
    public void Near_a_pole_the_box_spans_every_longitude()
    {
        var box = GeoDistance.BoundingBox(89.9, 0, 50);
        Assert.Equal(-180, box.MinLongitude);
        Assert.Equal(180, box.MaxLongitude);
        Assert.Equal(90, box.MaxLatitude);
    }

    [Theory]
    [InlineData(39.123456, 39.12)]
    [InlineData(28.195, 28.2)]
    [InlineData(112.98499, 112.98)]
    [InlineData(-33.456, -33.46)]
    public void A_family_points_position_snaps_to_the_hundredth_of_a_degree(double degrees, double expected)
    {
        Assert.Equal(expected, GeoDistance.SnapToFamilyGrid(degrees), 9);
    }

    [Theory]
    [InlineData(-90, true)]
    [InlineData(90, true)]
    [InlineData(90.0001, false)]
    [InlineData(-91, false)]
    public void Latitudes_are_between_minus_90_and_90(double v, bool ok) => Assert.Equal(ok, GeoDistance.IsLatitude(v));

    /// <summary>The point at angular distance <paramref name="d"/> (radians) along <paramref name="bearing"/> from (lat, lng), in degrees.</summary>
    private static (double Lat, double Lng) Destination(double lat, double lng, double bearing, double d)
    {
        var φ1 = lat * Math.PI / 180;
        var λ1 = lng * Math.PI / 180;
        var φ2 = Math.Asin(Math.Sin(φ1) * Math.Cos(d) + Math.Cos(φ1) * Math.Sin(d) * Math.Cos(bearing));
        var λ2 = λ1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(d) * Math.Cos(φ1), Math.Cos(d) - Math.Sin(φ1) * Math.Sin(φ2));
        return (φ2 * 180 / Math.PI, λ2 * 180 / Math.PI);
    }
}
