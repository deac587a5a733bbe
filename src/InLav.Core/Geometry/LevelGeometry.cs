using InLav.Core.Territory;
using NetTopologySuite.Coverage;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace InLav.Core.Geometry;

/// <summary>One unit of a level with its polygon.</summary>
public sealed record UnitShape(string Code, string Name, NtsGeometry Geometry, IReadOnlyList<string> MissingComuni);

/// <summary>The polygons of every unit of a level on one configuration, and what could not be drawn.</summary>
public sealed class LevelGeometry
{
    private LevelGeometry(string level, DateOnly configuration, IReadOnlyList<UnitShape> units, IReadOnlyList<Note> notes)
    {
        Level = level;
        Configuration = configuration;
        Units = units;
        Notes = notes;
    }

    public string Level { get; }

    public DateOnly Configuration { get; }

    public IReadOnlyList<UnitShape> Units { get; }

    public IReadOnlyList<Note> Notes { get; }

    /// <summary>
    /// A tolerance (degrees, about 80 m) for a regional choropleth that can be zoomed a little: the comune layer of Lombardy is
    /// about 1.3 MB of GeoJSON, 320 KB gzipped (0.0015 gives 250 KB, 0.0005 gives 370 KB).
    /// </summary>
    public const double WebTolerance = 0.0008;

    /// <summary>
    /// Every unit of the level gets the union of the polygons of its comuni (comuni with no polygon are named in the unit's
    /// MissingComuni). With a tolerance, the units are simplified together as a coverage, so shared borders stay shared.
    /// </summary>
    public static LevelGeometry Build(ComuneCoverage comuni, LevelMapping mapping, double tolerance = 0)
    {
        var notes = new List<Note>();
        var units = new List<UnitShape>();
        foreach (var unit in mapping.Units)
        {
            var members = mapping.MembersOf.GetValueOrDefault(unit.Code) ?? [];
            var shapes = members.Select(comuni.Find).Where(s => s is not null).Select(s => s!.Geometry).ToList();
            var lacking = members.Where(m => comuni.Find(m) is null).ToList();
            if (shapes.Count == 0)
            {
                notes.Add(Note.GeometryUnitEmpty(unit.Code, unit.Name, members.Count));
                continue;
            }

            if (lacking.Count > 0 && mapping.Level != BuiltInLevel.Comune)
            {
                notes.Add(Note.GeometryUnitPartial(unit.Code, unit.Name, lacking));
            }

            units.Add(new UnitShape(unit.Code, unit.Name, GeometryOps.Union(shapes), lacking));
        }

        notes.AddRange(comuni.Missing.Where(c => mapping.Level == BuiltInLevel.Comune).Select(c =>
            Note.GeometryComuneMissing(c, comuni.Crosswalk.Comuni.FirstOrDefault(x => x.Code == c)?.Name)));
        if (mapping.Unassigned.Count > 0)
        {
            notes.Add(Note.GeometryUnassigned(mapping.Unassigned.Count));
        }

        if (tolerance > 0 && units.Count > 0)
        {
            units = Simplify(units, tolerance);
        }

        return new LevelGeometry(mapping.Level, comuni.Crosswalk.Date, units, notes);
    }

    /// <summary>Simplifies the units as one coverage (shared borders simplified once, the same on both sides).</summary>
    private static List<UnitShape> Simplify(List<UnitShape> units, double tolerance)
    {
        var simplified = CoverageSimplifier.Simplify(units.Select(u => u.Geometry).ToArray(), tolerance);
        return units.Select((u, i) => u with { Geometry = GeometryOps.Polygonal(simplified[i]) }).ToList();
    }
}
