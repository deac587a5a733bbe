using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Polygonize;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace InLav.Core.Geometry;

/// <summary>
/// Fits polygons taken from older releases into the coverage of the newest one. Releases are generalised differently, so an
/// older polygon overlaps its newer neighbours a little and leaves slivers. Around each cluster of adjacent older polygons
/// (same release) the linework of the cluster and its neighbours is noded and polygonised; each face goes to the newer
/// neighbour that contains it (the newer release wins), else to the older polygon that contains it, and gap faces touching
/// the cluster go to the older polygon they touch. Neighbours are rebuilt from their faces, so shared borders carry the same
/// vertices on both sides and the result is a clean coverage.
/// </summary>
public static class CoverageRepair
{
    /// <summary>How far (degrees) around an older polygon to look for neighbours: a few TopoJSON quantisation steps.</summary>
    private const double Reach = 0.005;

    public static List<ComuneShape> FitOlderToNewer(List<ComuneShape> shapes, string newestRelease, List<Note> notes)
    {
        var current = shapes.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var fixedCodes = shapes.Where(s => s.Release == newestRelease).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var cluster in Clusters(shapes.Where(s => s.Release != newestRelease).ToList()))
        {
            var index = new STRtree<string>();
            foreach (var code in fixedCodes)
            {
                index.Insert(current[code].Geometry.EnvelopeInternal, code);
            }

            var area = new Envelope();
            cluster.ForEach(c => area.ExpandToInclude(c.Geometry.EnvelopeInternal));
            area.ExpandBy(Reach);
            var neighbours = index.Query(area).Where(c => cluster.Any(o => current[c].Geometry.Distance(o.Geometry) <= Reach)).Order(StringComparer.Ordinal).ToList();
            foreach (var (code, geometry) in Refit(cluster, neighbours.Select(c => current[c]).ToList(), index, current))
            {
                current[code] = current[code] with { Geometry = geometry };
            }

            foreach (var older in cluster)
            {
                fixedCodes.Add(older.Code);
                notes.Add(Note.GeometryFitted(older.Code, older.Name, older.Release, neighbours.Count, newestRelease, current[older.Code].Geometry.Area / older.Geometry.Area - 1));
            }
        }

        return shapes.Select(s => current[s.Code]).ToList();
    }

    /// <summary>Older polygons of the same release that touch each other, fitted together so they share their gaps fairly.</summary>
    private static List<List<ComuneShape>> Clusters(List<ComuneShape> older)
    {
        var clusters = new List<List<ComuneShape>>();
        var left = older.OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        while (left.Count > 0)
        {
            var cluster = new List<ComuneShape> { left[0] };
            left.RemoveAt(0);
            for (var grown = true; grown;)
            {
                var joining = left.Where(s => cluster.Any(c => c.Release == s.Release && c.Geometry.Distance(s.Geometry) <= Reach)).ToList();
                grown = joining.Count > 0;
                cluster.AddRange(joining);
                left.RemoveAll(joining.Contains);
            }

            clusters.Add(cluster);
        }

        return clusters;
    }

    private static List<(string Code, NtsGeometry Geometry)> Refit(List<ComuneShape> cluster, List<ComuneShape> neighbours, STRtree<string> index, Dictionary<string, ComuneShape> all)
    {
        var lines = neighbours.Concat(cluster).Select(n => n.Geometry.Boundary).ToList();
        var noded = NetTopologySuite.Operation.OverlayNG.OverlayNGRobust.Union(lines);
        var polygonizer = new Polygonizer(extractOnlyPolygonal: false);
        polygonizer.Add(noded);
        var faces = neighbours.Concat(cluster).ToDictionary(s => s.Code, _ => new List<NtsGeometry>(), StringComparer.Ordinal);
        var smallest = cluster.Min(c => c.Geometry.Area);
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

            owner ??= cluster.FirstOrDefault(o => o.Geometry.Covers(point))?.Code;
            if (owner is not null)
            {
                faces[owner].Add(face);
            }
            else if (face.Area < smallest / 2)
            {
                gaps.Add(face);
            }
        }

        // Gaps touching an older polygon (directly or through other gaps) are slivers between the two generalisations: each
        // joins the older polygon it touches (the first by code when it touches several).
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var gap in gaps.ToList())
            {
                if (cluster.FirstOrDefault(o => faces[o.Code].Any(f => f.Intersects(gap))) is { } touched)
                {
                    faces[touched.Code].Add(gap);
                    gaps.Remove(gap);
                    grown = true;
                }
            }
        }

        return faces.Where(kv => kv.Value.Count > 0).Select(kv => (kv.Key, GeometryOps.Union(kv.Value))).ToList();
    }
}
