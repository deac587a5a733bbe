using System.Globalization;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace InLav.Core.Geometry;

/// <summary>The polygon of one comune code in one boundary release (e.g. openpolis/ISTAT "2023-06", "2022.1").</summary>
public sealed record BoundaryPolygon(string Release, string Code, string Name, NtsGeometry Geometry);

/// <summary>Every published comune polygon, by release, newest release first.</summary>
public sealed class BoundarySet
{
    private readonly Dictionary<string, Dictionary<string, BoundaryPolygon>> byRelease;

    public BoundarySet(IEnumerable<BoundaryPolygon> polygons)
    {
        byRelease = new(StringComparer.Ordinal);
        foreach (var p in polygons)
        {
            if (!byRelease.TryGetValue(p.Release, out var codes))
            {
                byRelease[p.Release] = codes = new(StringComparer.Ordinal);
            }

            codes.TryAdd(p.Code, p);
        }

        Releases = byRelease.Keys.OrderByDescending(ReleaseDate).ThenByDescending(r => r, StringComparer.Ordinal).ToList();
    }

    /// <summary>Release ids, newest first.</summary>
    public IReadOnlyList<string> Releases { get; }

    public bool IsEmpty => Releases.Count == 0;

    public BoundaryPolygon? Find(string release, string code) =>
        byRelease.TryGetValue(release, out var codes) ? codes.GetValueOrDefault(code) : null;

    public IEnumerable<string> CodesOf(string release) => byRelease.TryGetValue(release, out var codes) ? codes.Keys : [];

    /// <summary>
    /// The date a release describes: "2023-06" is 1 June 2023; "2019" and openpolis tags such as "2021.1" are 1 January of the year
    /// (ISTAT publishes the boundaries as at 1 January).
    /// </summary>
    public static DateOnly ReleaseDate(string release)
    {
        if (DateOnly.TryParseExact(release, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }

        var year = release.Split('.')[0];
        return int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 1800 and < 10000
            ? new DateOnly(y, 1, 1)
            : DateOnly.MinValue;
    }
}
