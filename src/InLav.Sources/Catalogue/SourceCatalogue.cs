using System.Text.Json;
using InLav.Core.Measures;

namespace InLav.Sources.Catalogue;

/// <summary>The source and measure catalogues, read from catalogue/sources/*.json and catalogue/measures/*.json beside the binaries (or a given folder).</summary>
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
        return new SourceCatalogue(ReadAll<SourceDefinition>(Path.Combine(folder, "sources")), ReadAll<MeasureDefinition>(Path.Combine(folder, "measures")));
    }

    /// <summary>Every *.json array in a folder (one file per domain: territory, population, income…), in file-name order.</summary>
    private static List<T> ReadAll<T>(string folder)
    {
        var all = new List<T>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                all.AddRange(JsonSerializer.Deserialize<List<T>>(File.ReadAllText(file), Json) ?? []);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{Path.GetFileName(folder)}/{Path.GetFileName(file)}, line {e.LineNumber + 1}: {e.Message}", e);
            }
        }

        return all;
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
