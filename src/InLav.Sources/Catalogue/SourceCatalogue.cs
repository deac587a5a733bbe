using System.Text.Json;
using InLav.Core.Measures;

namespace InLav.Sources.Catalogue;

/// <summary>The source and measure catalogues, read from catalogue/*.json beside the binaries (or a given folder).</summary>
public sealed class SourceCatalogue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public SourceCatalogue(IReadOnlyList<SourceDefinition> sources, IReadOnlyList<MeasureDefinition> measures)
    {
        var duplicate = sources.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"The source catalogue has two entries with id '{duplicate.Key}'.");
        }

        Sources = [.. sources.OrderBy(s => s.Order).ThenBy(s => s.Id, StringComparer.Ordinal)];
        Measures = measures;
    }

    public IReadOnlyList<SourceDefinition> Sources { get; }

    public IReadOnlyList<MeasureDefinition> Measures { get; }

    public SourceDefinition? Find(string id) => Sources.FirstOrDefault(s => s.Id == id);

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "catalogue");

    public static SourceCatalogue Load(string? folder = null)
    {
        folder ??= DefaultFolder;
        var sources = JsonSerializer.Deserialize<List<SourceDefinition>>(File.ReadAllText(Path.Combine(folder, "sources.json")), Json)
            ?? throw new InvalidDataException("catalogue/sources.json is empty.");
        var measures = JsonSerializer.Deserialize<List<MeasureDefinition>>(File.ReadAllText(Path.Combine(folder, "measures.json")), Json)
            ?? throw new InvalidDataException("catalogue/measures.json is empty.");
        return new SourceCatalogue(sources, measures);
    }

    /// <summary>The files of a source present in the data directory, in a stable order.</summary>
    public static IReadOnlyList<string> LocateFiles(SourceDefinition source, string dataDirectory)
    {
        var found = new List<string>();
        foreach (var pattern in source.Files)
        {
            var dir = Path.Combine(dataDirectory, Path.GetDirectoryName(pattern) ?? "");
            var name = Path.GetFileName(pattern);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            found.AddRange(Directory.EnumerateFiles(dir, name, SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal));
        }

        return [.. found.Distinct(StringComparer.Ordinal)];
    }
}
