using System.Text.Json;
using System.Text.RegularExpressions;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Sources.Reading;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace InLav.Sources.Parsers;

/// <summary>
/// Parsers of comune boundaries (openpolis/geojson-italy, ISTAT "confini a fini statistici"): per-province GeoJSON and
/// regional TopoJSON. Each feature must carry com_istat_code and a polygonal geometry; rings are repaired into valid
/// polygons (the files use the pre-RFC 7946 winding, and quantised TopoJSON can self-touch).
/// </summary>
public static partial class BoundaryParsers
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>openpolis limits_P_{province}_municipalities.geojson. Option: release (e.g. "2023-06").</summary>
    public sealed class OpenpolisGeoJson : ISourceParser
    {
        public string Id => "openpolis-geojson";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var release = source.RequiredOption("release");
            using var doc = ParserHelpers.OpenJson(path, context);
            var file = Path.GetFileName(path);
            if (!doc.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new SourceFormatException(new SourcePosition(file, 0, 0), "not a GeoJSON FeatureCollection (no 'features' array)");
            }

            foreach (var (feature, index) in ParserHelpers.Items(features, into, context))
            {
                var at = new FeatureAt(file, index);
                var geometry = feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object ? g : default;
                Add(into, context, release, at, feature.TryGetProperty("properties", out var p) ? p : default,
                    geometry.ValueKind == JsonValueKind.Undefined ? null : () => ReadGeoJsonGeometry(geometry), missingIsError: true);
            }
        }

        private static Geometry ReadGeoJsonGeometry(JsonElement g)
        {
            var type = g.GetProperty("type").GetString();
            var coordinates = g.GetProperty("coordinates");
            return type switch
            {
                "Polygon" => Polygon(coordinates.EnumerateArray().Select(Ring).ToList()),
                "MultiPolygon" => Factory.CreateMultiPolygon(coordinates.EnumerateArray().Select(p => Polygon(p.EnumerateArray().Select(Ring).ToList())).ToArray()),
                _ => throw new FormatException($"geometry type '{type}' is not polygonal"),
            };
        }

        private static Coordinate[] Ring(JsonElement ring) =>
            ring.EnumerateArray().Select(pt => new Coordinate(pt[0].GetDouble(), pt[1].GetDouble())).ToArray();
    }

    /// <summary>
    /// openpolis limits_R_3_municipalities_{release}.topo.json: TopoJSON with shared, delta-encoded and quantised arcs.
    /// The release is read from the file name ("2019", "2021.1", "2022.1"); the object is "comuni" or the first one.
    /// A feature with no geometry (a comune that the simplification collapsed) is skipped with a warning.
    /// </summary>
    public sealed partial class OpenpolisTopoJson : ISourceParser
    {
        public string Id => "openpolis-topojson";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var file = Path.GetFileName(path);
            var match = ReleaseInName().Match(file);
            if (!match.Success)
            {
                throw new SourceFormatException(new SourcePosition(file, 0, 0), "the file name does not end with _{release}.topo.json (e.g. _2021.1.topo.json)");
            }

            var release = match.Groups[1].Value;
            using var doc = ParserHelpers.OpenJson(path, context);
            var root = doc.RootElement;
            if (!root.TryGetProperty("type", out var type) || type.GetString() != "Topology" || !root.TryGetProperty("objects", out var objects))
            {
                throw new SourceFormatException(new SourcePosition(file, 0, 0), "not a TopoJSON Topology");
            }

            var arcs = DecodeArcs(root);
            var obj = objects.TryGetProperty("comuni", out var comuni) ? comuni : objects.EnumerateObject().Select(o => o.Value).FirstOrDefault();
            if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty("geometries", out var geometries))
            {
                throw new SourceFormatException(new SourcePosition(file, 0, 0), "the topology has no GeometryCollection object");
            }

            foreach (var (feature, index) in ParserHelpers.Items(geometries, into, context))
            {
                var at = new FeatureAt(file, index);
                var hasGeometry = feature.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String;
                Add(into, context, release, at, feature.TryGetProperty("properties", out var p) ? p : default,
                    hasGeometry ? () => ReadTopoGeometry(feature, t.GetString(), arcs) : null, missingIsError: false);
            }
        }

        /// <summary>Arcs in absolute coordinates: undo the delta encoding, then the quantisation transform.</summary>
        private static List<Coordinate[]> DecodeArcs(JsonElement root)
        {
            double sx = 1, sy = 1, tx = 0, ty = 0;
            var quantised = root.TryGetProperty("transform", out var transform);
            if (quantised)
            {
                sx = transform.GetProperty("scale")[0].GetDouble();
                sy = transform.GetProperty("scale")[1].GetDouble();
                tx = transform.GetProperty("translate")[0].GetDouble();
                ty = transform.GetProperty("translate")[1].GetDouble();
            }

            var result = new List<Coordinate[]>();
            foreach (var arc in root.GetProperty("arcs").EnumerateArray())
            {
                var points = new Coordinate[arc.GetArrayLength()];
                double x = 0, y = 0;
                var i = 0;
                foreach (var pt in arc.EnumerateArray())
                {
                    if (quantised)
                    {
                        x += pt[0].GetDouble();
                        y += pt[1].GetDouble();
                        points[i++] = new Coordinate(x * sx + tx, y * sy + ty);
                    }
                    else
                    {
                        points[i++] = new Coordinate(pt[0].GetDouble(), pt[1].GetDouble());
                    }
                }

                result.Add(points);
            }

            return result;
        }

        private static Geometry ReadTopoGeometry(JsonElement feature, string? type, List<Coordinate[]> arcs)
        {
            var rings = feature.GetProperty("arcs");
            return type switch
            {
                "Polygon" => Polygon(rings.EnumerateArray().Select(r => Ring(r, arcs)).ToList()),
                "MultiPolygon" => Factory.CreateMultiPolygon(rings.EnumerateArray().Select(p => Polygon(p.EnumerateArray().Select(r => Ring(r, arcs)).ToList())).ToArray()),
                _ => throw new FormatException($"geometry type '{type}' is not polygonal"),
            };
        }

        /// <summary>A ring is a list of arc indexes; a negative index ~i is arc i reversed. Consecutive arcs share their end point.</summary>
        private static Coordinate[] Ring(JsonElement ringArcs, List<Coordinate[]> arcs)
        {
            var ring = new List<Coordinate>();
            foreach (var a in ringArcs.EnumerateArray())
            {
                var i = a.GetInt32();
                var arc = i >= 0 ? arcs[i] : arcs[~i].Reverse().ToArray();
                ring.AddRange(ring.Count == 0 ? arc : arc.Skip(1));
            }

            return [.. ring];
        }

        [GeneratedRegex(@"_(\d{4}(?:\.\d+)?)\.topo\.json$", RegexOptions.CultureInvariant)]
        private static partial Regex ReleaseInName();
    }

    private readonly record struct FeatureAt(string File, int Index)
    {
        public ImportIssue Issue(string message) => new(new SourcePosition(File, 0, 0), FormattableString.Invariant($"feature {Index}: {message}"));
    }

    private static void Add(ParsedDataset into, ParseContext context, string release, FeatureAt at, JsonElement properties, Func<Geometry>? read, bool missingIsError)
    {
        var raw = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("com_istat_code", out var c) ? c.ToString() : null;
        var code = ComuneCode.Normalize(raw);
        if (code is null)
        {
            into.Errors.Add(at.Issue(raw is null ? "no com_istat_code property" : $"'{raw}' in com_istat_code is not a comune code"));
            return;
        }

        var name = properties.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : code;
        if (read is null)
        {
            if (missingIsError)
            {
                into.Errors.Add(at.Issue($"comune {code} has no geometry"));
            }
            else
            {
                into.Warnings.Add($"{at.File}, feature {at.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)}: comune {code} ({name}) has no geometry in release {release}; skipped");
            }

            return;
        }

        Geometry geometry;
        try
        {
            geometry = MakeValid(read());
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException or IndexOutOfRangeException or TopologyException)
        {
            into.Errors.Add(at.Issue($"comune {code}: bad geometry ({e.Message})"));
            return;
        }

        if (geometry.IsEmpty || geometry.Area <= 0)
        {
            into.Errors.Add(at.Issue($"comune {code}: the geometry is empty or has no area"));
            return;
        }

        if (!context.IsKnownComune(code))
        {
            into.Warnings.Add($"{at.File}, feature {at.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)}: boundary code {code} ({name}) is not in the territorial registry");
        }

        if (!into.TryAddBoundary(new Boundary(release, BuiltInLevel.Comune, code, name, geometry)))
        {
            into.Errors.Add(at.Issue($"comune {code} appears twice in release {release}"));
        }
    }

    private static Polygon Polygon(List<Coordinate[]> rings)
    {
        if (rings.Count == 0 || rings.Any(r => r.Length < 4))
        {
            throw new FormatException("a ring has fewer than 4 points");
        }

        var closed = rings.Select(r => r[0].Equals2D(r[^1]) ? r : [.. r, r[0].Copy()]).ToList();
        return Factory.CreatePolygon(Factory.CreateLinearRing(closed[0]), closed.Skip(1).Select(r => Factory.CreateLinearRing(r)).ToArray());
    }

    /// <summary>A valid polygonal geometry with RFC 7946 orientation (shells counter-clockwise, holes clockwise).</summary>
    private static Geometry MakeValid(Geometry geometry)
    {
        var fixedGeometry = geometry.IsValid ? geometry : GeometryFixer.Fix(geometry);
        var polygons = PolygonExtracter.GetPolygons(fixedGeometry).Cast<Polygon>().Where(p => !p.IsEmpty).ToArray();
        Geometry result = polygons.Length == 1 ? polygons[0] : Factory.CreateMultiPolygon(polygons);
        return result.Normalized().Reverse();
    }
}
