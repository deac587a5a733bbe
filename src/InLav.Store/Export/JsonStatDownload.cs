using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using InLav.Core.Measures;

namespace InLav.Store.Export;

/// <summary>
/// The JSON-stat 2.0 download: one dataset whose dimensions are territory (role geo), time (role time) and, when the table breaks
/// down by them, sex, age and citizenship. Values are dense (null for an empty cell, always null for a confidential one); the flags
/// of a cell are its status (space-separated codes, sparse by cell index); numerators, denominators, reliability flags and the
/// SYNTHETIC cells are in extension.cells, the metadata in extension.metadata (the schema allows custom fields only under
/// extension), the notes in note and the licence as a link.
/// </summary>
public static class JsonStatDownload
{
    public const string Territory = "territory";
    public const string Time = "time";

    private static readonly Dictionary<string, string> DimensionLabels = new(StringComparer.Ordinal)
    {
        [Dimension.Sex] = "sex",
        [Dimension.Age] = "age band",
        [Dimension.Citizenship] = "citizenship",
    };

    private static readonly Dictionary<string, string> CategoryLabels = new(StringComparer.Ordinal)
    {
        [Dimension.Total] = "total",
        ["M"] = "male",
        ["F"] = "female",
        ["ITA"] = "Italian",
        ["FOR"] = "foreign",
    };

    public static string Write(DownloadTable table, DownloadMetadata metadata)
    {
        var breakdowns = Dimension.All.Where(table.Has).ToList();
        var ids = new List<string> { Territory, Time };
        ids.AddRange(breakdowns);
        var units = Distinct(table.Rows.Select(r => r.UnitCode));
        var periods = Distinct(table.Periods.Where(p => table.Rows.Any(r => r.Period == p)).Concat(table.Rows.Select(r => r.Period)));
        var categories = new List<List<string>> { units, periods };
        categories.AddRange(breakdowns.Select(b => Distinct(table.Rows.Select(r => DownloadTable.Cell(r, b)))));
        var positions = categories.Select(c => c.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal)).ToList();
        var size = categories.Select(c => c.Count).ToList();
        var total = size.Aggregate(1L, (a, b) => a * b);
        if (total > 50_000_000)
        {
            throw new InvalidOperationException($"The JSON-stat cube of {table.Code} would have {total} cells: narrow the question.");
        }

        var cells = new DownloadRow?[total];
        foreach (var r in table.Rows)
        {
            var key = new List<string> { r.UnitCode, r.Period };
            key.AddRange(breakdowns.Select(b => DownloadTable.Cell(r, b)));
            long index = 0;
            for (var d = 0; d < key.Count; d++)
            {
                index = index * size[d] + positions[d][key[d]];
            }

            if (cells[index] is not null)
            {
                throw new InvalidOperationException($"Two rows of {table.Code} for the same cell ({string.Join(", ", key)}).");
            }

            cells[index] = r;
        }

        var names = table.Rows.GroupBy(r => r.UnitCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().UnitName, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("version", "2.0");
            w.WriteString("class", "dataset");
            w.WriteString("label", (table.HasSynthetic ? "SYNTHETIC — " : "") + $"{table.TitleEn} ({table.Unit}), {table.LevelName}, configuration {metadata.ConfigurationText}");
            w.WriteString("source", string.Join("; ", metadata.Attributions));
            if (metadata.Updated is { } updated)
            {
                w.WriteString("updated", updated.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

            w.WriteStartArray("id");
            ids.ForEach(w.WriteStringValue);
            w.WriteEndArray();
            w.WriteStartArray("size");
            size.ForEach(w.WriteNumberValue);
            w.WriteEndArray();
            w.WriteStartObject("role");
            w.WriteStartArray("geo");
            w.WriteStringValue(Territory);
            w.WriteEndArray();
            w.WriteStartArray("time");
            w.WriteStringValue(Time);
            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartObject("dimension");
            WriteDimension(w, Territory, $"territory ({table.LevelName})", units, c => names[c]);
            WriteDimension(w, Time, "period", periods, c => c);
            for (var b = 0; b < breakdowns.Count; b++)
            {
                WriteDimension(w, breakdowns[b], DimensionLabels[breakdowns[b]], categories[b + 2], c => CategoryLabels.GetValueOrDefault(c, c));
            }

            w.WriteEndObject();

            w.WriteStartArray("value");
            foreach (var c in cells)
            {
                if (c?.Value is { } v)
                {
                    w.WriteNumberValue(v);
                }
                else
                {
                    w.WriteNullValue();
                }
            }

            w.WriteEndArray();
            w.WriteStartObject("status");
            for (long i = 0; i < total; i++)
            {
                if (cells[i] is { Flags.Count: > 0 } c)
                {
                    w.WriteString(I(i), c.FlagText);
                }
            }

            w.WriteEndObject();

            var notes = metadata.Notes.Distinct(StringComparer.Ordinal).ToList();
            if (notes.Count > 0)
            {
                w.WriteStartArray("note");
                notes.ForEach(w.WriteStringValue);
                w.WriteEndArray();
            }

            w.WriteStartObject("link");
            w.WriteStartArray("license");
            w.WriteStartObject();
            w.WriteString("type", "text/html");
            w.WriteString("href", metadata.Licence.Url);
            w.WriteString("label", metadata.Licence.Name);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartObject("extension");
            w.WritePropertyName("metadata");
            JsonSerializer.Serialize(w, metadata, JsonDownload.Options);
            w.WriteStartObject("cells");
            WriteSparse(w, "numerator", cells, c => c.Numerator);
            WriteSparse(w, "denominator", cells, c => c.Denominator);
            w.WriteStartObject("reliability");
            for (long i = 0; i < total; i++)
            {
                if (cells[i] is { Reliability.Count: > 0 } c)
                {
                    w.WriteString(I(i), c.ReliabilityText);
                }
            }

            w.WriteEndObject();
            w.WriteStartArray("synthetic");
            for (long i = 0; i < total; i++)
            {
                if (cells[i] is { Synthetic: true })
                {
                    w.WriteNumberValue(i);
                }
            }

            w.WriteEndArray();
            w.WriteStartObject("importRuns");
            for (long i = 0; i < total; i++)
            {
                if (cells[i] is { ImportRuns.Count: > 0 } c)
                {
                    w.WriteString(I(i), c.ImportRunText);
                }
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteDimension(Utf8JsonWriter w, string id, string label, List<string> codes, Func<string, string> name)
    {
        w.WriteStartObject(id);
        w.WriteString("label", label);
        w.WriteStartObject("category");
        w.WriteStartArray("index");
        codes.ForEach(w.WriteStringValue);
        w.WriteEndArray();
        w.WriteStartObject("label");
        foreach (var c in codes)
        {
            w.WriteString(c, name(c));
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteSparse(Utf8JsonWriter w, string name, DownloadRow?[] cells, Func<DownloadRow, double?> pick)
    {
        w.WriteStartObject(name);
        for (long i = 0; i < cells.LongLength; i++)
        {
            if (cells[i] is { } c && pick(c) is { } v)
            {
                w.WriteNumber(I(i), v);
            }
        }

        w.WriteEndObject();
    }

    private static List<string> Distinct(IEnumerable<string> codes) => [.. codes.Distinct(StringComparer.Ordinal)];

    private static string I(long i) => i.ToString(CultureInfo.InvariantCulture);
}
