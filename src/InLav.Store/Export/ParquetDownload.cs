using Parquet;
using Parquet.Schema;

namespace InLav.Store.Export;

/// <summary>
/// The Parquet download (Parquet.Net): the tidy layout, one row group, numbers as nullable doubles, synthetic as a boolean,
/// flags, reliability and import runs as space-separated text (as in the CSV); the metadata JSON in the file's key-value
/// metadata under <see cref="MetadataKey"/>.
/// </summary>
public static class ParquetDownload
{
    public const string MetadataKey = "inlav.metadata";

    public static async Task WriteAsync(DownloadTable table, DownloadMetadata metadata, Stream output, CancellationToken cancel = default)
    {
        var text = new Dictionary<string, Func<DownloadRow, string>>(StringComparer.Ordinal)
        {
            ["dataset"] = _ => table.Code,
            ["level"] = _ => table.Level,
            ["configuration"] = _ => metadata.ConfigurationText,
            ["unit_code"] = r => r.UnitCode,
            ["unit_name"] = r => r.UnitName,
            ["period"] = r => r.Period,
            ["sex"] = r => r.Sex,
            ["age"] = r => r.Age,
            ["citizenship"] = r => r.Citizenship,
        };
        var numbers = new Dictionary<string, Func<DownloadRow, double?>>(StringComparer.Ordinal)
        {
            ["value"] = r => r.Value,
            ["numerator"] = r => r.Numerator,
            ["denominator"] = r => r.Denominator,
        };
        var tail = new Dictionary<string, Func<DownloadRow, string>>(StringComparer.Ordinal)
        {
            ["unit"] = _ => table.Unit,
            ["flags"] = r => r.FlagText,
            ["reliability"] = r => r.ReliabilityText,
        };
        var synthetic = new DataField<bool>("synthetic");
        var runs = new DataField<string>("import_runs");
        var textFields = text.Keys.Select(k => new DataField<string>(k)).ToList();
        var numberFields = numbers.Keys.Select(k => new DataField<double?>(k)).ToList();
        var tailFields = tail.Keys.Select(k => new DataField<string>(k)).ToList();
        var schema = new ParquetSchema([.. textFields, .. numberFields, .. tailFields, synthetic, runs]);

        await using var writer = await ParquetWriter.CreateAsync(schema, output, cancellationToken: cancel);
        writer.CustomMetadata = new Dictionary<string, string>(StringComparer.Ordinal) { [MetadataKey] = JsonDownload.Metadata(metadata) };
        using var group = writer.CreateRowGroup();
        var rows = table.Rows;
        foreach (var f in textFields)
        {
            await group.WriteAsync(f, [.. rows.Select(text[f.Name])]);
        }

        foreach (var f in numberFields)
        {
            await group.WriteAsync<double>(f, rows.Select(numbers[f.Name]).ToArray(), cancellationToken: cancel);
        }

        foreach (var f in tailFields)
        {
            await group.WriteAsync(f, [.. rows.Select(tail[f.Name])]);
        }

        await group.WriteAsync<bool>(synthetic, rows.Select(r => r.Synthetic).ToArray(), cancellationToken: cancel);
        await group.WriteAsync(runs, [.. rows.Select(r => r.ImportRunText)]);
    }
}
