using System.Text.Json;
using InLav.Core;
using InLav.Core.Geometry;
using NetTopologySuite.Geometries;

namespace InLav.Application.Geo;

/// <summary>
/// Writes a level as an RFC 7946 FeatureCollection: WGS84, shells counter-clockwise and holes clockwise, coordinates rounded
/// (5 decimals ≈ 1 m), repeated points after rounding dropped.
/// </summary>
public static class GeoJsonWriter
{
    public const int Decimals = 5;

    public static byte[] Write(LevelGeometry level, string levelName, IReadOnlyList<Note> notes)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteString("level", level.Level);
            w.WriteString("levelName", levelName);
            w.WriteString("configuration", level.Configuration.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteStartArray("notes");
            foreach (var n in notes)
            {
                w.WriteStringValue(n.Text);
            }

            w.WriteEndArray();
            w.WriteStartArray("features");
            foreach (var unit in level.Units)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteString("id", unit.Code);
                w.WriteStartObject("properties");
                w.WriteString("code", unit.Code);
                w.WriteString("name", unit.Name);
                w.WriteString("level", level.Level);
                w.WriteStartArray("missingComuni");
                foreach (var m in unit.MissingComuni)
                {
                    w.WriteStringValue(m);
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WritePropertyName("geometry");
                WriteGeometry(w, unit.Geometry);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteGeometry(Utf8JsonWriter w, Geometry g)
    {
        var polygons = g is MultiPolygon mp ? mp.Geometries.Cast<Polygon>().ToList() : g is Polygon p ? [p] : [];
        w.WriteStartObject();
        w.WriteString("type", polygons.Count == 1 ? "Polygon" : "MultiPolygon");
        w.WriteStartArray("coordinates");
        foreach (var polygon in polygons)
        {
            if (polygons.Count != 1)
            {
                w.WriteStartArray();
            }

            WriteRing(w, polygon.Shell, counterClockwise: true);
            foreach (var hole in polygon.Holes)
            {
                WriteRing(w, hole, counterClockwise: false);
            }

            if (polygons.Count != 1)
            {
                w.WriteEndArray();
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteRing(Utf8JsonWriter w, LineString ring, bool counterClockwise)
    {
        var coordinates = ring.Coordinates;
        if (NetTopologySuite.Algorithm.Orientation.IsCCW(coordinates) != counterClockwise)
        {
            coordinates = [.. coordinates.Reverse()];
        }

        w.WriteStartArray();
        double lastX = double.NaN, lastY = double.NaN;
        for (var i = 0; i < coordinates.Length; i++)
        {
            var x = Math.Round(coordinates[i].X, Decimals);
            var y = Math.Round(coordinates[i].Y, Decimals);
            if (x == lastX && y == lastY && i != coordinates.Length - 1)
            {
                continue;
            }

            w.WriteStartArray();
            w.WriteNumberValue(x);
            w.WriteNumberValue(y);
            w.WriteEndArray();
            lastX = x;
            lastY = y;
        }

        w.WriteEndArray();
    }
}
