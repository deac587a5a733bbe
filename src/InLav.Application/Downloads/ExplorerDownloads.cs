using System.Text;
using System.Text.Json;
using InLav.Application.Explorer;
using InLav.Application.Geo;
using InLav.Core.Indicators;
using InLav.Store.Export;

namespace InLav.Application.Downloads;

/// <summary>A file answered to a download: its bytes, media type and file name.</summary>
public sealed record Download(byte[] Content, string MediaType, string FileName);

/// <summary>Downloads of an explorer view: the values as CSV (the shared writer) or XLSX, the map layer as GeoJSON with the values.</summary>
public static class ExplorerDownloads
{
    public const string Licence = "CC BY 4.0";

    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string GeoJsonMediaType = "application/geo+json";

    /// <summary>The formats of <see cref="Write"/>.</summary>
    public static readonly IReadOnlyList<string> Formats = ["csv", "xlsx", "geojson"];

    /// <summary>The view's values in a format of <see cref="Formats"/> (csv when none is given); null for an unknown format.</summary>
    public static Download? Write(ExplorerQuestion question, IndicatorResult result, GeoLayer layer, string? format)
    {
        var synthetic = SyntheticMarks.Any(result);
        var name = FileName(question) + (synthetic ? "_SYNTHETIC" : "");
        switch (format?.ToLowerInvariant())
        {
            case null or "" or "csv":
                // Generated values: a title line before the header says so (the synthetic column marks each row).
                var csv = (synthetic ? SyntheticTitle(result) + "\n" : "") + IndicatorCsv.ToCsv(result);
                return new Download(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", name + ".csv");
            case "xlsx":
                return new Download(Xlsx(result), XlsxMediaType, name + ".xlsx");
            case "geojson":
                return new Download(GeoJson(layer, result), GeoJsonMediaType, name + ".geojson");
            default:
                return null;
        }
    }

    /// <summary>The title line of a download with generated values: "# SYNTHETIC – …: n of m rows are generated…".</summary>
    public static string SyntheticTitle(IndicatorResult result) =>
        FormattableString.Invariant($"# SYNTHETIC – {result.Definition.TitleEn}: {result.Rows.Count(r => r.Synthetic)} of {result.Rows.Count} rows are generated figures (column synthetic), not observations. {InLav.Core.Note.SyntheticText}");

    /// <summary>The file name of a view's download (without extension): indicator, level, period and filter values.</summary>
    public static string FileName(ExplorerQuestion question) =>
        string.Join('_', new[] { "inlav", question.Indicator, question.Level, question.Period }.Concat(question.Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value))
            .Where(s => !string.IsNullOrEmpty(s))).Replace('+', 'p');

    public static byte[] Xlsx(IndicatorResult result)
    {
        var d = result.Definition;
        var synthetic = SyntheticMarks.Any(result);
        var info = new List<IReadOnlyList<string>>
        {
            new[] { "field", "value" },
            new[] { "synthetic", synthetic ? SyntheticTitle(result)[2..] : "no: every value is observed" },
            new[] { "indicator", d.Code },
            new[] { "title_it", d.TitleIt },
            new[] { "title_en", d.TitleEn },
            new[] { "unit", d.Unit },
            new[] { "proxy", d.Proxy ? "yes: an indirect signal of undeclared work, not a measurement" : "no" },
            new[] { "level", result.Level },
            new[] { "configuration", result.Configuration },
            new[] { "periods", string.Join(' ', result.Periods) },
            new[] { "sources", string.Join("; ", d.Sources) },
            new[] { "licence", Licence },
            new[] { "flags", "c confidential (disclosure control); s suppressed at source; p partial; m missing; e provisional; n not computable; x synthetic" },
            new[] { "reliability", FormattableString.Invariant($"small-denominator: denominator below {d.MinDenominator}; periods-apart: numerator and denominator more than {d.MaxYearsApart} years apart; frontier: the unit is or contains a comune of the cross-border frontier classification") },
        };
        info.AddRange(result.Notes.Select(n => (IReadOnlyList<string>)["note", n.Text]));
        return XlsxWriter.Write([new XlsxWriter.Sheet(synthetic ? "SYNTHETIC values" : "values", XlsxWriter.ParseCsv(IndicatorCsv.ToCsv(result))), new XlsxWriter.Sheet("metadata", info)]);
    }

    /// <summary>The level's boundaries with the view's values as feature properties, written in one pass over the layer's bytes.</summary>
    public static byte[] GeoJson(GeoLayer layer, IndicatorResult result)
    {
        var rows = result.Rows.GroupBy(r => r.UnitCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        using var geo = JsonDocument.Parse(layer.Json);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var part in geo.RootElement.EnumerateObject())
            {
                if (!part.NameEquals("features"))
                {
                    part.WriteTo(w);
                    continue;
                }

                w.WriteStartArray(part.Name);
                foreach (var feature in part.Value.EnumerateArray())
                {
                    WriteFeature(w, feature, rows, result);
                }

                w.WriteEndArray();
            }

            var d = result.Definition;
            w.WriteStartObject("indicator");
            w.WriteString("code", d.Code);
            var synthetic = SyntheticMarks.Any(result);
            w.WriteString("titleIt", (synthetic ? "SINTETICO – " : "") + d.TitleIt);
            w.WriteString("titleEn", (synthetic ? "SYNTHETIC – " : "") + d.TitleEn);
            w.WriteBoolean("synthetic", synthetic);
            if (synthetic)
            {
                w.WriteString("syntheticNote", SyntheticTitle(result)[2..]);
            }

            w.WriteString("unit", d.Unit);
            w.WriteBoolean("proxy", d.Proxy);
            WriteStrings(w, "sources", d.Sources);
            w.WriteString("licence", Licence);
            w.WriteString("configuration", result.Configuration);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteFeature(Utf8JsonWriter w, JsonElement feature, Dictionary<string, IndicatorRow> rows, IndicatorResult result)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
        {
            feature.WriteTo(w);
            return;
        }

        w.WriteStartObject();
        foreach (var part in feature.EnumerateObject())
        {
            if (!part.NameEquals("properties"))
            {
                part.WriteTo(w);
                continue;
            }

            w.WriteStartObject(part.Name);
            foreach (var property in props.EnumerateObject())
            {
                property.WriteTo(w);
            }

            var row = rows.GetValueOrDefault(props.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "");
            w.WriteString("indicator", result.Definition.Code);
            w.WriteString("period", row?.Period ?? result.Periods.LastOrDefault());
            WriteNumber(w, "value", row?.Value);
            w.WriteString("unit", result.Definition.Unit);
            WriteStrings(w, "flags", row?.Flags ?? []);
            WriteStrings(w, "reliability", row?.Reliability ?? []);
            w.WriteBoolean("synthetic", row?.Synthetic == true);
            WriteNumber(w, "rank", row?.Derived?.Rank);
            WriteNumber(w, "rankOf", row?.Derived?.RankOf);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
