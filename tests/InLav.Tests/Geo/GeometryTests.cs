using InLav.Core.Geometry;
using InLav.Core.Territory;
using InLav.Tests.Support;
using InLav.Application.Geo;
using Microsoft.Extensions.Logging.Abstractions;
using NetTopologySuite.Coverage;
using NetTopologySuite.Operation.OverlayNG;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace InLav.Tests.Geo;

[Collection(ImportedStoreCollection.Name)]
public sealed class GeometryTests(ImportedStore imported)
{
    private readonly GeoLayers layers = new(imported.Store, NullLogger<GeoLayers>.Instance);

    private TerritorialSnapshot Snapshot => imported.Store.Reader.Snapshot();

    [Fact]
    public void Every_comune_of_the_latest_configuration_has_a_polygon_or_is_reported_missing()
    {
        var coverage = layers.Comuni();
        var comuni = Snapshot.Registry.CrosswalkAt().Comuni;

        Assert.Equal(comuni.Count, coverage.Shapes.Count + coverage.Missing.Count);
        Assert.All(comuni, c => Assert.True(coverage.Find(c.Code) is not null || coverage.Missing.Contains(c.Code), c.Code));
        Assert.All(coverage.Missing, m => Assert.Contains(coverage.Notes, n => n.Text.StartsWith(m, StringComparison.Ordinal)));
        Assert.All(coverage.Shapes, s => Assert.True(s.Geometry.IsValid, s.Code));
        Assert.Empty(coverage.Missing);
    }

    [Fact]
    public void Bardello_con_Malgesso_e_Bregano_012144_is_the_union_of_its_three_predecessors_fitted_into_its_hole()
    {
        var coverage = layers.Comuni();
        var shape = coverage.Find("012144");

        Assert.NotNull(shape);
        Assert.Equal("2022.1", shape.Release);
        Assert.Equal(["012009", "012018", "012095"], shape.SourceCodes.Order(StringComparer.Ordinal));
        var boundaries = imported.Store.Reader.Boundaries(BuiltInLevel.Comune, "2022.1").Where(b => shape.SourceCodes.Contains(b.Code)).ToList();
        Assert.Equal(3, boundaries.Count);

        // The 2022 TopoJSON is generalised more coarsely than the 2023 GeoJSON: the union of the old comuni overlaps the 2023
        // neighbours by about 14% of its area. Fitted, it fills exactly the hole the 2023 neighbours leave, without overlapping them.
        var predecessors = OverlayNGRobust.Union(boundaries.Select(b => GeoLayers.ReadGeometry(b.GeoJson)).ToList());
        Assert.InRange(shape.Geometry.Area / predecessors.Area, 0.9, 1.05);
        Assert.True(shape.Geometry.Intersection(predecessors).Area / predecessors.Area > 0.85);
        var neighbours = coverage.Shapes.Where(s => s.Code != shape.Code && s.Geometry.Distance(shape.Geometry) < 0.001).ToList();
        Assert.InRange(neighbours.Count, 3, 10);
        Assert.All(neighbours, n => Assert.True(n.Geometry.Intersection(shape.Geometry).Area < 1e-10, n.Code));
        var around = OverlayNGRobust.Union(neighbours.Select(n => n.Geometry).Append(shape.Geometry).ToList());
        var gaps = ((NetTopologySuite.Geometries.Polygon)around).Holes.Where(h => h.Intersects(shape.Geometry)).ToList();
        Assert.True(gaps.Count == 0, "gaps left around 012144: " + string.Join(", ", gaps.Select(g => g.Factory.CreatePolygon(g).Area)));
    }

    [Fact]
    public void Uggiate_con_Ronago_and_Montalto_Pavese_are_the_unions_of_the_comuni_they_absorbed()
    {
        var coverage = layers.Comuni();
        var predecessors = Snapshot.Registry.CrosswalkAt();
        foreach (var code in new[] { "013256", "018094" })
        {
            if (predecessors.Map(code) != code)
            {
                continue;
            }

            var shape = coverage.Find(code);
            Assert.NotNull(shape);
            Assert.True(shape.SourceCodes.Count >= 2, $"{code}: {string.Join(", ", shape.SourceCodes)}");
        }
    }

    [Fact]
    public void The_full_resolution_comuni_form_a_clean_coverage_and_each_province_is_the_union_of_its_comuni()
    {
        var coverage = layers.Comuni();
        Assert.True(CoverageValidator.IsValid(coverage.Shapes.Select(s => s.Geometry).ToArray()));

        var mapping = Snapshot.Level(BuiltInLevel.Provincia);
        var provinces = LevelGeometry.Build(coverage, mapping);
        Assert.Equal(12, provinces.Units.Count);
        foreach (var p in provinces.Units)
        {
            var comuni = mapping.MembersOf[p.Code].Select(c => coverage.Find(c)!.Geometry).ToList();
            Assert.Equal(comuni.Sum(c => c.Area), p.Geometry.Area, tolerance: 1e-9);
            Assert.True(p.Geometry.IsValid, p.Code);
        }
    }

    [Fact]
    public void After_simplification_shared_borders_stay_shared_and_the_simplified_comuni_of_a_province_fill_the_simplified_province()
    {
        var coverage = layers.Comuni();
        var comuni = LevelGeometry.Build(coverage, Snapshot.Level(BuiltInLevel.Comune), LevelGeometry.WebTolerance);
        var provinces = LevelGeometry.Build(coverage, Snapshot.Level(BuiltInLevel.Provincia), LevelGeometry.WebTolerance);

        Assert.True(CoverageValidator.IsValid(comuni.Units.Select(u => u.Geometry).ToArray()), "simplified comuni overlap or leave gaps");
        Assert.True(CoverageValidator.IsValid(provinces.Units.Select(u => u.Geometry).ToArray()), "simplified provinces overlap or leave gaps");
        var mapping = Snapshot.Level(BuiltInLevel.Provincia);
        var byCode = comuni.Units.ToDictionary(u => u.Code, u => u.Geometry, StringComparer.Ordinal);
        foreach (var p in provinces.Units)
        {
            NtsGeometry union = OverlayNGRobust.Union(mapping.MembersOf[p.Code].Select(c => byCode[c]).ToList());
            var difference = union.SymmetricDifference(p.Geometry).Area;
            Assert.True(difference / p.Geometry.Area < 0.005, FormattableString.Invariant($"{p.Code}: {difference / p.Geometry.Area:P3} differs"));
            Assert.Empty(union is NetTopologySuite.Geometries.Polygon poly ? poly.Holes.Where(h => h.Area > 1e-6) : []);
        }
    }

    [Fact]
    public void A_layer_is_built_once_per_snapshot_and_rebuilt_with_the_same_ETag_after_a_new_publication()
    {
        var first = layers.Get(BuiltInLevel.Regione, "latest");
        Assert.Same(first, layers.Get(BuiltInLevel.Regione, null));

        imported.Store.Reader.Invalidate();
        var rebuilt = layers.Get(BuiltInLevel.Regione, "latest");

        Assert.NotSame(first, rebuilt);
        Assert.Equal(first.ETag, rebuilt.ETag);
        Assert.Equal(1, rebuilt.Features);
    }

    [Fact]
    public void Any_classification_level_gets_the_unions_of_its_comuni_and_names_the_comuni_it_leaves_out()
    {
        // A made-up classification over the real registry: comuni grouped by the parity of their code, one province left out.
        var registry = Snapshot.Registry;
        var comuni = registry.CrosswalkAt().Comuni.Where(c => c.ProvinceCode != "014").ToList();
        var definition = new ClassificationDefinition("test-parity", "Parità del codice", "Code parity", "test", null, "tests");
        var memberships = comuni.Select(c => new Membership("test-parity", c.Code, (c.Code[^1] - '0') % 2 == 0 ? "P" : "D", (c.Code[^1] - '0') % 2 == 0 ? "Pari" : "Dispari"));
        var snapshot = new TerritorialSnapshot(registry, [definition], memberships);
        var mapping = snapshot.Level("test-parity");
        var coverage = layers.Comuni();

        var level = LevelGeometry.Build(coverage, mapping, LevelGeometry.WebTolerance);

        Assert.Equal(["D", "P"], level.Units.Select(u => u.Code));
        Assert.Contains(level.Notes, n => n.Text.Contains("belong to no unit", StringComparison.Ordinal));
        var exact = LevelGeometry.Build(coverage, mapping);
        foreach (var unit in exact.Units)
        {
            Assert.Equal(mapping.MembersOf[unit.Code].Sum(c => coverage.Find(c)!.Geometry.Area), unit.Geometry.Area, tolerance: 1e-9);
        }

        Assert.True(CoverageValidator.IsValid(level.Units.Select(u => u.Geometry).ToArray()));
    }
}
