using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Polygonize;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace InLav.Core.Geometry;

/// <summary>
/// Fits polygons taken from older releases into the coverage of the newest one. Releases are generalised differently, so an
/// older polygon overlaps its newer neighbours a little and leaves slivers. Around each older polygon the linework of it and
/// its neighbours is noded and polygonised; each face goes to the newer neighbour that contains it (the newer release wins),
/// else to the older polygon, and a gap face touching the older polygon goes to it. Neighbours are rebuilt from their faces,
/// so shared borders carry the same vertices on both sides and the result is a clean coverage.
/// </summary>
public static class CoverageRepair
{
    /// <summary>How far (degrees) around an older polygon to look for neighbours: a few TopoJSON quantisation steps.</summary>
    private const double Reach = 0.005;

    public static List<ComuneShape> FitOlderToNewer(List<ComuneShape> shapes, string newestRelease, List<string> notes)
    {
        var current = shapes.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var fixedCodes = shapes.Where(s => s.Release == newestRelease).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var older in shapes.Where(s => s.Release != newestRelease).OrderBy(s => s.Code, StringComparer.Ordinal))
        {
            var index = new STRtree<string>();
            foreach (var code in fixedCodes)
            {
                index.Insert(current[code].Geometry.EnvelopeInternal, code);
            }

            var area = new Envelope(older.Geometry.EnvelopeInternal);
            area.ExpandBy(Reach);
            var neighbours = index.Query(area).Where(c => current[c].Geometry.Distance(older.Geometry) <= Reach).Order(StringComparer.Ordinal).ToList();
            var before = older.Geometry.Area;
            var rebuilt = Refit(older, neighbours.Select(c => current[c]).ToList(), index, current);
            foreach (var (code, geometry) in rebuilt)
            {
                current[code] = current[code] with { Geometry = geometry };
            }

            fixedCodes.Add(older.Code);
            notes.Add(FormattableString.Invariant(
                $"{older.Code} {older.Name}: polygon of release {older.Release} fitted to {neighbours.Count} neighbours of release {newestRelease} (area {current[older.Code].Geometry.Area / before - 1:+0.0%;-0.0%;0%})"));
        }

        return shapes.Select(s => current[s.Code]).ToList();
    }

    private static List<(string Code, NtsGeometry Geometry)> Refit(ComuneShape older, List<ComuneShape> neighbours, STRtree<string> index, Dictionary<string, ComuneShape> all)
    {
        var lines = neighbours.Select(n => n.Geometry.Boundary).Append(older.Geometry.Boundary).ToList();
        var noded = NetTopologySuite.Operation.OverlayNG.OverlayNGRobust.Union(lines);
        var polygonizer = new Polygonizer(extractOnlyPolygonal: false);
        polygonizer.Add(noded);
        var faces = new Dictionary<string, List<NtsGeometry>>(StringComparer.Ordinal) { [older.Code] = [] };
        foreach (var n in neighbours)
        {
            faces[n.Code] = [];
        }

        var gaps = new List<NtsGeometry>();
        foreach (var face in polygonizer.GetPolygons())
        {
            var point = face.InteriorPoint;
            var owner = neighbours.FirstOrDefault(n => n.Geometry.Covers(point))?.Code;
            if (owner is null && index.Query(point.EnvelopeInternal).Any(c => !faces.ContainsKey(c) && all[c].Geometry.Covers(point)))
            {
                // Inside a newer comune that is not a neighbour: an enclosed area of the linework, not ours.
                continue;
            }

            if (owner is null && older.Geometry.Covers(point))
            {
                owner = older.Code;
            }

            if (owner is not null)
            {
                faces[owner].Add(face);
            }
            else if (face.Area < older.Geometry.Area / 2)
            {
                gaps.Add(face);
            }
        }

        // Gaps touching the older polygon (directly or through other gaps) are slivers between the two generalisations: they join it.
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var gap in gaps.Where(g => faces[older.Code].Any(f => f.Intersects(g))).ToList())
            {
                faces[older.Code].Add(gap);
                gaps.Remove(gap);
                grown = true;
            }
        }

        return faces.Where(kv => kv.Value.Count > 0).Select(kv => (kv.Key, GeometryOps.Union(kv.Value))).ToList();
    }
}
