using System.Text.Json;
using InLav.Sources.Catalogue;
using InLav.Sources.Parsers;
using InLav.Tests.Support;
using NetTopologySuite.Geometries;

namespace InLav.Tests.Geo;

public sealed class BoundaryParserTests
{
    private static readonly ParseContext AnyCode = new() { IsKnownComune = _ => true };

    private static SourceDefinition Source(string parser, string options = "{}") => new()
    {
        Id = "test-" + parser,
        Title = "t",
        Publisher = "p",
        Licence = "CC BY 4.0",
        ReferencePeriod = "r",
        Url = "u",
        Files = [],
        Format = "json",
        Parser = parser,
        Options = JsonDocument.Parse(options).RootElement,
    };

    [Fact]
    public void The_openpolis_GeoJSON_of_Varese_gives_valid_counter_clockwise_polygons_for_every_comune()
    {
        var into = new ParsedDataset();
        ParserRegistry.Get("openpolis-geojson").Parse(TestData.File("confini/openpolis_2023_06/limits_P_12_municipalities.geojson"),
            Source("openpolis-geojson", """{"release":"2023-06"}"""), into, AnyCode);

        Assert.Empty(into.Errors);
        Assert.Equal(135, into.Boundaries.Count);
        Assert.All(into.Boundaries, b =>
        {
            Assert.Equal("2023-06", b.Release);
            Assert.True(b.Geometry.IsValid, b.Code);
            var shells = b.Geometry is MultiPolygon mp ? mp.Geometries.Cast<Polygon>().Select(p => p.Shell) : [((Polygon)b.Geometry).Shell];
            Assert.All(shells, s => Assert.True(NetTopologySuite.Algorithm.Orientation.IsCCW(s.CoordinateSequence), b.Code));
        });
        Assert.DoesNotContain(into.Boundaries, b => b.Code == "012144");
    }

    [Fact]
    public void The_TopoJSON_of_2022_is_decoded_with_its_release_from_the_file_name_and_collapsed_comuni_are_warned_about()
    {
        var into = new ParsedDataset();
        ParserRegistry.Get("openpolis-topojson").Parse(TestData.File("confini/openpolis_storico/limits_R_3_municipalities_2022.1.topo.json"),
            Source("openpolis-topojson"), into, AnyCode);

        Assert.Empty(into.Errors);
        Assert.All(into.Boundaries, b => Assert.Equal("2022.1", b.Release));
        Assert.Equal(1506 - into.Warnings.Count, into.Boundaries.Count);
        Assert.Contains(into.Warnings, w => w.Contains("013032", StringComparison.Ordinal));
        Assert.All(["012009", "012018", "012095"], c => Assert.Contains(into.Boundaries, b => b.Code == c));

        // Decoded coordinates lie in Lombardy and the polygons tile without overlaps (TopoJSON shares arcs): the areas add up to the union.
        var env = new Envelope();
        foreach (var b in into.Boundaries)
        {
            env.ExpandToInclude(b.Geometry.EnvelopeInternal);
        }

        Assert.InRange(env.MinX, 8.4, 8.6);
        Assert.InRange(env.MaxY, 46.5, 46.7);
        var union = NetTopologySuite.Operation.OverlayNG.OverlayNGRobust.Union(into.Boundaries.Select(b => b.Geometry).ToList());
        Assert.InRange(into.Boundaries.Sum(b => b.Geometry.Area) / union.Area, 1, 1.001);
    }

    [Fact]
    public void A_feature_without_a_code_or_with_a_broken_geometry_is_an_error_naming_the_file_and_the_feature()
    {
        var folder = TestData.NewTempFolder("geojson");
        var path = Path.Combine(folder, "limits_P_99_municipalities.geojson");
        File.WriteAllText(path, """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"name":"A","com_istat_code":"012001"},"geometry":{"type":"Polygon","coordinates":[[[9,45],[9.1,45],[9.1,45.1],[9,45]]]}},
             {"type":"Feature","properties":{"name":"B"},"geometry":{"type":"Polygon","coordinates":[[[9,45],[9.1,45],[9.1,45.1],[9,45]]]}},
             {"type":"Feature","properties":{"name":"C","com_istat_code":"012003"},"geometry":{"type":"Polygon","coordinates":[[[9,45],[9.1]]]}}
            ]}
            """);
        var into = new ParsedDataset();
        ParserRegistry.Get("openpolis-geojson").Parse(path, Source("openpolis-geojson", """{"release":"x"}"""), into, AnyCode);

        Assert.Single(into.Boundaries);
        Assert.Equal(2, into.Errors.Count);
        Assert.Contains("limits_P_99_municipalities.geojson", into.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("feature 2: no com_istat_code", into.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("feature 3: comune 012003: bad geometry", into.Errors[1].Message, StringComparison.Ordinal);
        Directory.Delete(folder, true);
    }
}
