using InLav.Core.Territory;
using NetTopologySuite.Geometries;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace InLav.Core.Geometry;

/// <summary>A comune of a configuration with its polygon and where the polygon comes from.</summary>
public sealed record ComuneShape(string Code, string Name, NtsGeometry Geometry, string Release, IReadOnlyList<string> SourceCodes);

/// <summary>
/// The polygons of the comuni of one territorial configuration, at full resolution, forming a clean coverage
/// (no overlaps, shared borders with the same vertices), with what could not be drawn.
/// </summary>
public sealed class ComuneCoverage
{
    private readonly Dictionary<string, ComuneShape> byCode;

    private ComuneCoverage(Crosswalk crosswalk, List<ComuneShape> shapes, List<string> missing, List<Note> notes)
    {
        Crosswalk = crosswalk;
        Shapes = shapes;
        byCode = shapes.ToDictionary(s => s.Code, StringComparer.Ordinal);
        Missing = missing;
        Notes = notes;
    }

    public Crosswalk Crosswalk { get; }

    public IReadOnlyList<ComuneShape> Shapes { get; }

    /// <summary>Comuni of the configuration for which no release has a polygon (of themselves or of all their predecessors).</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>How the polygons were put together: predecessors' unions, older releases, repaired borders.</summary>
    public IReadOnlyList<Note> Notes { get; }

    public ComuneShape? Find(string code) => byCode.GetValueOrDefault(code);

    /// <summary>
    /// Each comune of the configuration takes its polygon from the newest release in which every code that made up its territory
    /// at the release date has a polygon: itself, or its predecessors (a comune created later), or itself plus the comuni it
    /// absorbed later. Polygons taken from older releases are fitted to the newer neighbours (see <see cref="CoverageRepair"/>).
    /// </summary>
    public static ComuneCoverage Build(BoundarySet boundaries, TerritorialRegistry registry, Crosswalk crosswalk)
    {
        var shapes = new List<ComuneShape>();
        var missing = new List<string>();
        var notes = new List<Note>();
        foreach (var comune in crosswalk.Comuni)
        {
            if (Choose(boundaries, registry, crosswalk, comune.Code) is { } chosen)
            {
                var (release, codes) = chosen;
                var geometry = GeometryOps.Union([.. codes.Select(c => boundaries.Find(release, c)!.Geometry)]);
                shapes.Add(new ComuneShape(comune.Code, comune.Name, geometry, release, codes));
                if (codes.Count > 1 || codes[0] != comune.Code)
                {
                    notes.Add(Note.GeometryUnion(comune.Code, comune.Name, codes, release));
                }
            }
            else
            {
                missing.Add(comune.Code);
                notes.Add(Note.GeometryNoPolygon(comune.Code, comune.Name));
            }
        }

        var unmatched = boundaries.Releases.SelectMany(r => boundaries.CodesOf(r)).Where(c => !registry.IsKnown(c))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unmatched.Count > 0)
        {
            notes.Add(Note.GeometryUnmatched(unmatched));
        }

        var newest = boundaries.Releases.FirstOrDefault();
        var placed = shapes.Where(s => s.Release == newest).SelectMany(s => s.SourceCodes).ToHashSet(StringComparer.Ordinal);
        var unplaced = newest is null ? [] : boundaries.CodesOf(newest).Where(c => !placed.Contains(c) && registry.IsKnown(c)).Order(StringComparer.Ordinal).ToList();
        if (unplaced.Count > 0)
        {
            // A known code whose territory the crosswalk puts in no comune of the configuration: the map has a hole there.
            notes.Add(Note.GeometryUnplaced(newest!, unplaced));
        }

        if (newest is not null && shapes.Any(s => s.Release != newest))
        {
            shapes = CoverageRepair.FitOlderToNewer(shapes, newest, notes);
        }

        return new ComuneCoverage(crosswalk, shapes, missing, notes);
    }

    private static (string Release, IReadOnlyList<string> Codes)? Choose(BoundarySet boundaries, TerritorialRegistry registry, Crosswalk crosswalk, string code)
    {
        var family = crosswalk.PredecessorsOf(code).Prepend(code).ToList();
        foreach (var release in boundaries.Releases)
        {
            var date = BoundarySet.ReleaseDate(release);
            var present = family.Where(c => boundaries.Find(release, c) is not null).ToList();
            var expected = family.Where(c => registry.Find(c)?.IsValidAt(date) == true).ToList();
            if (present.Count > 0 && expected.All(present.Contains))
            {
                return (release, present);
            }
        }

        return null;
    }
}

/// <summary>Small, robust geometry helpers shared by the builders.</summary>
public static class GeometryOps
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Union of polygons that form a coverage; falls back to the robust overlay union when they do not.</summary>
    public static NtsGeometry Union(IReadOnlyList<NtsGeometry> parts)
    {
        if (parts.Count == 0)
        {
            return Factory.CreateMultiPolygon();
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        try
        {
            var union = NetTopologySuite.Coverage.CoverageUnion.Union([.. parts]);
            if (union is not null && union.IsValid && Math.Abs(union.Area - parts.Sum(p => p.Area)) <= 1e-9 * Math.Max(1, union.Area) + 1e-12)
            {
                return Polygonal(union);
            }
        }
        catch (TopologyException)
        {
            // Not a clean coverage: the overlay union below handles it.
        }

        return Polygonal(NetTopologySuite.Operation.OverlayNG.OverlayNGRobust.Union(parts));
    }

    /// <summary>Only the polygonal part, as a Polygon or MultiPolygon.</summary>
    public static NtsGeometry Polygonal(NtsGeometry g)
    {
        if (g is Polygon or MultiPolygon)
        {
            return g;
        }

        var polygons = NetTopologySuite.Geometries.Utilities.PolygonExtracter.GetPolygons(g).Cast<Polygon>().Where(p => !p.IsEmpty).ToArray();
        return polygons.Length == 1 ? polygons[0] : Factory.CreateMultiPolygon(polygons);
    }
}
