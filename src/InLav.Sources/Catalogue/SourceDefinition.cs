using System.Text.Json;

namespace InLav.Sources.Catalogue;

/// <summary>
/// One declarative entry of the source catalogue (catalogue/sources/*.json): what the source is, where it comes from,
/// which files in the data directory hold it, and which parser reads them with which options.
/// </summary>
public sealed record SourceDefinition
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? TitleEn { get; init; }

    public required string Publisher { get; init; }

    public required string Licence { get; init; }

    public required string ReferencePeriod { get; init; }

    /// <summary>The official download address (or the publisher's page when there is no direct file).</summary>
    public required string Url { get; init; }

    /// <summary>Files relative to the data directory; a '*' matches any run of characters in the file name.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>csv, geojson, topojson, json.</summary>
    public required string Format { get; init; }

    /// <summary>Id of the parser that reads the layout.</summary>
    public required string Parser { get; init; }

    /// <summary>Import order: territorial registry sources first, then classifications, then measures.</summary>
    public int Order { get; init; } = 100;

    /// <summary>Parser options (encoding, delimiter, column names, classification id…).</summary>
    public JsonElement Options { get; init; }

    /// <summary>True when the files may be absent (a source that operators supply later).</summary>
    public bool Optional { get; init; }

    /// <summary>
    /// True for a generated source (synthetic figures, not observations). Its runs are recorded as synthetic and every value
    /// built from them is marked Synthetic in query answers; an observed value of the same cell takes precedence.
    /// </summary>
    public bool Synthetic { get; init; }

    public string? Quirks { get; init; }

    public string? Notes { get; init; }

    public string Option(string name, string fallback) =>
        Options.ValueKind == JsonValueKind.Object && Options.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : fallback;

    public string RequiredOption(string name) =>
        Options.ValueKind == JsonValueKind.Object && Options.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new InvalidOperationException($"Source '{Id}' needs the option '{name}'.");

    /// <summary>An option holding an array of strings, or null when the source does not set it.</summary>
    public IReadOnlyList<string>? ListOption(string name) =>
        Options.ValueKind == JsonValueKind.Object && Options.TryGetProperty(name, out var v)
            ? [.. v.EnumerateArray().Select(e => e.GetString() ?? "")]
            : null;

    public int IntOption(string name, int fallback) =>
        Options.ValueKind == JsonValueKind.Object && Options.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetInt32()
            : fallback;
}
