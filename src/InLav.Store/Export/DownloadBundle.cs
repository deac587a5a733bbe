using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace InLav.Store.Export;

/// <summary>
/// A zip bundle of a download: the data (data.csv tidy, data-wide.csv, data.parquet, data.json-stat.json, data.sdmx.csv),
/// metadata.json and a README.md that says what the files are, the definition, the sources and their attributions, the licence
/// and the legend of the flags.
/// </summary>
public static class DownloadBundle
{
    public static async Task WriteAsync(DownloadTable table, DownloadMetadata metadata, Stream output, CancellationToken cancel = default)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, "data.csv", Encoding.UTF8.GetBytes(CsvDownload.Tidy(table)));
        Add(zip, "data-wide.csv", Encoding.UTF8.GetBytes(CsvDownload.Wide(table.Wide())));
        Add(zip, "data.json-stat.json", Encoding.UTF8.GetBytes(JsonStatDownload.Write(table, metadata)));
        Add(zip, "data.sdmx.csv", Encoding.UTF8.GetBytes(SdmxCsvDownload.Write(table)));
        using (var parquet = new MemoryStream())
        {
            await ParquetDownload.WriteAsync(table, metadata, parquet, cancel);
            Add(zip, "data.parquet", parquet.ToArray());
        }

        Add(zip, "metadata.json", Encoding.UTF8.GetBytes(JsonDownload.Metadata(metadata)));
        Add(zip, "README.md", Encoding.UTF8.GetBytes(Readme(metadata, table.Rows.Count)));
    }

    /// <summary>The README of a bundle (Markdown).</summary>
    public static string Readme(DownloadMetadata m, int rows)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"# {(m.Synthetic ? "SYNTHETIC — " : "")}{m.TitleEn} / {m.TitleIt}\n\n");
        if (m.Synthetic)
        {
            sb.Append("**SYNTHETIC**: some rows are built from generated figures, not observations (column `synthetic`, flag `x`). Do not use them as statistics.\n\n");
        }

        sb.Append(inv, $"{m.DescriptionEn}\n\n{m.DescriptionIt}\n\n");
        sb.Append(inv, $"- {m.Kind}: `{m.Code}`, unit: {m.Unit}\n- level: {m.LevelName} (`{m.Level}`), territorial configuration: {m.Configuration} ({m.ConfigurationText})\n");
        sb.Append(inv, $"- reference periods: {string.Join(", ", m.Periods)}\n- breakdowns: {(m.Breakdowns.Count == 0 ? "none (totals)" : string.Join(", ", m.Breakdowns))}\n- rows: {rows}\n\n");
        if (m.MethodologyEn is { Length: > 0 } method)
        {
            sb.Append(inv, $"## Methodology\n\n{method}\n\n");
        }

        if (m.CaveatsEn is { Length: > 0 } caveats)
        {
            sb.Append(inv, $"## Caveats\n\n{caveats}\n\n");
        }

        sb.Append("## Files\n\n")
          .Append("- `data.csv`: tidy table, one row per unit × period × breakdown (UTF-8, comma, dot decimals)\n")
          .Append("- `data-wide.csv`: units × periods, a value and a flags column per period\n")
          .Append("- `data.parquet`: the tidy table as Parquet (metadata in the key `inlav.metadata`)\n")
          .Append("- `data.json-stat.json`: JSON-stat 2.0 dataset (flags as status)\n")
          .Append("- `data.sdmx.csv`: SDMX-CSV 1.0\n- `metadata.json`: this information, machine-readable\n\n");
        sb.Append("Text cells that a spreadsheet would take for a formula (starting with = + - @) begin with an apostrophe in the CSV files.\n\n");
        sb.Append("## Sources\n\n");
        foreach (var s in m.Sources)
        {
            sb.Append(inv, $"- {s.Attribution}{(s.Synthetic ? " — SYNTHETIC (generated)" : "")}; reference period {s.ReferencePeriod}; import runs: {(s.ImportRuns.Count == 0 ? "none in this answer" : string.Join(", ", s.ImportRuns.Select(r => $"{r.RunId} ({r.StartedAt.ToString("yyyy-MM-dd", inv)})")))}\n");
        }

        sb.Append(inv, $"\n## Licence\n\n{m.Licence.Name} ({m.Licence.Id}), {m.Licence.Url}. {m.Licence.Statement}\n\n");
        sb.Append("## Flags\n\n");
        foreach (var (code, text) in m.Flags)
        {
            sb.Append(inv, $"- `{code}`: {text}\n");
        }

        if (m.Reliability.Count > 0)
        {
            sb.Append("\nReliability flags (column `reliability`):\n\n");
            foreach (var (code, text) in m.Reliability)
            {
                sb.Append(inv, $"- `{code}`: {text}\n");
            }
        }

        if (m.Notes.Count > 0)
        {
            sb.Append("\n## Notes\n\n");
            foreach (var n in m.Notes.Distinct(StringComparer.Ordinal))
            {
                sb.Append(inv, $"- {n}\n");
            }
        }

        return sb.ToString();
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var s = entry.Open();
        s.Write(bytes);
    }
}
