using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InLav.Store.Export;

/// <summary>
/// The JSON download: { metadata, rows } with the tidy rows as objects (numbers as numbers, flags as arrays, text as it is:
/// JSON is not opened by spreadsheets, so its text is not made inert).
/// </summary>
public static class JsonDownload
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(DownloadTable table, DownloadMetadata metadata)
    {
        var rows = table.Rows.Select(r => new JsonRow(table.Code, table.Level, metadata.ConfigurationText, r.UnitCode, r.UnitName, r.Period, r.Sex, r.Age, r.Citizenship,
            r.Value, r.Numerator, r.Denominator, table.Unit, r.Flags, r.Reliability, r.Synthetic, r.ImportRuns));
        return JsonSerializer.Serialize(new JsonDocumentShape(metadata, [.. rows]), Options);
    }

    /// <summary>The metadata alone, indented (metadata.json of a bundle).</summary>
    public static string Metadata(DownloadMetadata metadata) => JsonSerializer.Serialize(metadata, new JsonSerializerOptions(Options) { WriteIndented = true });

    private sealed record JsonDocumentShape(DownloadMetadata Metadata, IReadOnlyList<JsonRow> Rows);

    private sealed record JsonRow(
        string Dataset,
        string Level,
        string Configuration,
        string UnitCode,
        string UnitName,
        string Period,
        string Sex,
        string Age,
        string Citizenship,
        double? Value,
        double? Numerator,
        double? Denominator,
        string Unit,
        IReadOnlyList<string> Flags,
        IReadOnlyList<string> Reliability,
        bool Synthetic,
        IReadOnlyList<long> ImportRuns);
}
