using System.Globalization;
using System.Text;
using InLav.Application.Downloads;
using InLav.Core;
using InLav.Store.Export;

namespace InLav.Application;

/// <summary>A dataset download format: its name in the API, media type and file-name ending, and the layouts it has.</summary>
public sealed record DatasetFormat(string Name, string MediaType, string Ending, bool HasWide, string Description);

/// <summary>Downloads of any measure or indicator, whole or filtered, in the open-data formats.</summary>
public sealed partial class Door
{
    public const string TidyLayout = "tidy";
    public const string WideLayout = "wide";

    /// <summary>The layouts of <see cref="Dataset"/>: tidy (one row per unit × period × breakdown) and wide (units × periods).</summary>
    public static readonly IReadOnlyList<string> DatasetLayouts = [TidyLayout, WideLayout];

    /// <summary>The formats of <see cref="Dataset"/>, in the order channels offer them.</summary>
    public static readonly IReadOnlyList<DatasetFormat> DatasetFormats =
    [
        new("csv", "text/csv; charset=utf-8", ".csv", true, "CSV, UTF-8, comma separator, dot decimals (RFC 4180)"),
        new("csv-excel", "text/csv; charset=utf-8", "_excel.csv", true, "CSV for Excel: semicolon separator, decimal comma, UTF-8 with BOM"),
        new("xlsx", ExplorerDownloads.XlsxMediaType, ".xlsx", true, "XLSX workbook: the table and a sheet of metadata"),
        new("json", "application/json; charset=utf-8", ".json", false, "JSON: { metadata, rows }"),
        new("parquet", "application/vnd.apache.parquet", ".parquet", false, "Parquet, the metadata in the key-value metadata 'inlav.metadata'"),
        new("json-stat", "application/json; charset=utf-8", ".jsonstat.json", false, "JSON-stat 2.0 dataset (flags as status)"),
        new("sdmx-csv", SdmxCsvDownload.MediaType, "_sdmx.csv", false, "SDMX-CSV 1.0"),
        new("zip", "application/zip", ".zip", false, "zip bundle: tidy and wide CSV, Parquet, JSON-stat, SDMX-CSV, metadata.json and a README"),
    ];

    /// <summary>
    /// A measure's or an indicator's values for a selection (the whole dataset or any filtered view) as a file in a format of
    /// <see cref="DatasetFormats"/> and a layout of <see cref="DatasetLayouts"/>, with its metadata (definition, unit, sources
    /// with their import runs, licence, periods, configuration, legend of flags). The values are the door's own answer
    /// (<see cref="MeasureValues"/>, <see cref="IndicatorValues"/>) under the caller's disclosure control, made into one tidy table
    /// that every format writes; the file is kept per publication, scope, format, layout and selection. An unknown kind, format
    /// or layout, or a wide layout of a format that has none, is a query error.
    /// </summary>
    public Download Dataset(Caller caller, string kind, string code, Selection selection, string? format, string? layout)
    {
        var f = DatasetFormatOf(format);
        var l = (layout ?? "").Trim().ToLowerInvariant() switch
        {
            "" or TidyLayout => TidyLayout,
            WideLayout => WideLayout,
            _ => throw new QueryException("Unknown layout", $"Unknown layout '{layout}': use {string.Join(" or ", DatasetLayouts)}."),
        };
        if (l == WideLayout && !f.HasWide && f.Name != "zip")
        {
            throw new QueryException("No wide layout", $"The format '{f.Name}' has the tidy layout only; the wide one is for {string.Join(", ", DatasetFormats.Where(x => x.HasWide).Select(x => x.Name))} (and inside the zip bundle).");
        }

        if (f.Name == "zip")
        {
            l = TidyLayout + "+" + WideLayout;
        }

        var k = kind.Trim().ToLowerInvariant();
        if (k is not (DownloadTable.MeasureKind or DownloadTable.IndicatorKind))
        {
            throw new QueryException("Unknown dataset kind", $"Unknown dataset kind '{kind}': use measure or indicator.");
        }

        return Answers.Get(caller, "dataset|" + k + "|" + code + "|" + f.Name + "|" + l + "|" + selection.Key, () =>
        {
            var table = k == DownloadTable.MeasureKind
                ? DownloadTable.From(MeasureValues(caller, code, selection))
                : DownloadTable.From(IndicatorValues(caller, code, selection, derived: false));
            var metadata = DatasetMetadata(caller, table);
            var bytes = WriteDataset(table, metadata, f.Name, l == WideLayout);
            return new Download(bytes, f.MediaType, DatasetFileName(table, selection, l == WideLayout) + f.Ending);
        }, d => d.Content.Length + 256);
    }

    /// <summary>A format of <see cref="DatasetFormats"/> by name (csv when none is given); the query error naming them otherwise.</summary>
    public static DatasetFormat DatasetFormatOf(string? format)
    {
        var name = string.IsNullOrWhiteSpace(format) ? "csv" : format.Trim().ToLowerInvariant();
        return DatasetFormats.FirstOrDefault(x => x.Name == name)
            ?? throw new QueryException("Unknown format", $"Unknown format '{format}': use {string.Join(", ", DatasetFormats.Select(x => x.Name))}.");
    }

    /// <summary>The metadata of a dataset table: the sources and import runs come through the door (<see cref="Runs"/>), never from a channel.</summary>
    private DownloadMetadata DatasetMetadata(Caller caller, DownloadTable table)
    {
        var indicator = table.Kind == DownloadTable.IndicatorKind ? Store.Indicators.Catalogue.Indicators.FirstOrDefault(i => i.Code == table.Code) : null;
        return DownloadMetadata.For(table, Store.Catalogue, Runs(caller), indicator);
    }

    private static byte[] WriteDataset(DownloadTable table, DownloadMetadata metadata, string format, bool wide)
    {
        switch (format)
        {
            case "csv":
                return CsvDialect.Standard.Encode(wide ? CsvDownload.Wide(table.Wide()) : CsvDownload.Tidy(table));
            case "csv-excel":
                return CsvDialect.Excel.Encode(wide ? CsvDownload.Wide(table.Wide(), CsvDialect.Excel) : CsvDownload.Tidy(table, CsvDialect.Excel));
            case "xlsx":
                var data = XlsxWriter.ParseCsv(wide ? CsvDownload.Wide(table.Wide()) : CsvDownload.Tidy(table));
                return XlsxWriter.Write([new XlsxWriter.Sheet(metadata.Synthetic ? "SYNTHETIC data" : "data", data), new XlsxWriter.Sheet("metadata", MetadataSheet(metadata))]);
            case "json":
                return Encoding.UTF8.GetBytes(JsonDownload.Write(table, metadata));
            case "json-stat":
                return Encoding.UTF8.GetBytes(JsonStatDownload.Write(table, metadata));
            case "sdmx-csv":
                return CsvDialect.Standard.Encode(SdmxCsvDownload.Write(table));
            case "parquet":
                using (var parquet = new MemoryStream())
                {
                    // Parquet.Net writes asynchronously; over a memory stream nothing waits on IO.
                    Task.Run(() => ParquetDownload.WriteAsync(table, metadata, parquet)).GetAwaiter().GetResult();
                    return parquet.ToArray();
                }

            case "zip":
                using (var zip = new MemoryStream())
                {
                    Task.Run(() => DownloadBundle.WriteAsync(table, metadata, zip)).GetAwaiter().GetResult();
                    return zip.ToArray();
                }

            default:
                throw new QueryException("Unknown format", $"Unknown format '{format}'.");
        }
    }

    /// <summary>The metadata sheet of a workbook: one field and value per line.</summary>
    private static List<IReadOnlyList<string>> MetadataSheet(DownloadMetadata m)
    {
        var inv = CultureInfo.InvariantCulture;
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "field", "value" },
            new[] { "synthetic", m.Synthetic ? "SYNTHETIC: some rows are built from generated figures, not observations (column synthetic, flag x)" : "no: every value is observed" },
            new[] { m.Kind, m.Code },
            new[] { "title_it", m.TitleIt },
            new[] { "title_en", m.TitleEn },
            new[] { "description_it", m.DescriptionIt },
            new[] { "description_en", m.DescriptionEn },
            new[] { "unit", m.Unit },
            new[] { "level", m.Level + " (" + m.LevelName + ")" },
            new[] { "configuration", m.Configuration + " (" + m.ConfigurationText + ")" },
            new[] { "periods", string.Join(' ', m.Periods) },
            new[] { "breakdowns", m.Breakdowns.Count == 0 ? "none (totals)" : string.Join(' ', m.Breakdowns) },
            new[] { "licence", $"{m.Licence.Name} ({m.Licence.Id}), {m.Licence.Url}. {m.Licence.Statement}" },
        };
        if (m.MethodologyEn is { Length: > 0 } method)
        {
            rows.Add(["methodology", method]);
        }

        if (m.CaveatsEn is { Length: > 0 } caveats)
        {
            rows.Add(["caveats", caveats]);
        }

        foreach (var s in m.Sources)
        {
            rows.Add(["source", s.Attribution + (s.Synthetic ? " (SYNTHETIC, generated)" : "") + "; import runs: "
                + (s.ImportRuns.Count == 0 ? "none in this answer" : string.Join(", ", s.ImportRuns.Select(r => r.RunId.ToString(inv) + " (" + r.StartedAt.ToString("yyyy-MM-dd", inv) + ")")))]);
        }

        rows.AddRange(m.Flags.Select(f => (IReadOnlyList<string>)["flag " + f.Key, f.Value]));
        rows.AddRange(m.Reliability.Select(f => (IReadOnlyList<string>)["reliability " + f.Key, f.Value]));
        rows.AddRange(m.Notes.Distinct(StringComparer.Ordinal).Select(n => (IReadOnlyList<string>)["note", n]));
        return rows;
    }

    /// <summary>
    /// The file name of a dataset (without ending), like the explorer's: inlav_{code}_{level}_{periods}, then the configuration
    /// when one is asked, the filter values, the breakdowns, "units" when units are chosen, "wide", and _SYNTHETIC when generated
    /// rows are in it. Only letters, digits, '-' and '_' (a '+' of an age range is 'p').
    /// </summary>
    public static string DatasetFileName(DownloadTable table, Selection selection, bool wide)
    {
        var parts = new List<string?> { "inlav", table.Code, table.Level, selection.Periods is null ? "latest" : string.Join('-', selection.Periods) };
        if (selection.Configuration is { Length: > 0 } c && c != "latest")
        {
            parts.Add(c);
        }

        parts.AddRange(selection.Filters.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Value));
        if (selection.Breakdowns is { Count: > 0 } by)
        {
            parts.Add("by-" + string.Join('-', by));
        }

        if (selection.Units is { Count: > 0 })
        {
            parts.Add("units");
        }

        if (wide)
        {
            parts.Add(WideLayout);
        }

        if (table.HasSynthetic)
        {
            parts.Add("SYNTHETIC");
        }

        var name = new StringBuilder();
        foreach (var ch in string.Join('_', parts.Where(p => !string.IsNullOrEmpty(p))))
        {
            name.Append(ch switch
            {
                '+' => 'p',
                _ when char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' => ch,
                _ => '-',
            });
        }

        return name.ToString();
    }
}
