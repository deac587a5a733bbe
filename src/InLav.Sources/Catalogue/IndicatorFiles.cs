using System.Text.Json;
using InLav.Core.Analysis;
using InLav.Core.Indicators;
using InLav.Core.Measures;

namespace InLav.Sources.Catalogue;

/// <summary>Reads the indicator catalogue: one JSON file per indicator in catalogue/indicators (file name = code).</summary>
public static class IndicatorFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static string DefaultFolder => Path.Combine(SourceCatalogue.DefaultFolder, "indicators");

    public static IndicatorCatalogue Load(IReadOnlyList<MeasureDefinition> measures, string? folder = null)
    {
        folder ??= DefaultFolder;
        var list = new List<IndicatorDefinition>();
        foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
        {
            IndicatorDefinition def;
            try
            {
                def = JsonSerializer.Deserialize<IndicatorDefinition>(File.ReadAllText(file), Json)
                    ?? throw new InvalidDataException($"indicators/{Path.GetFileName(file)} is empty");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"indicators/{Path.GetFileName(file)}, line {e.LineNumber + 1}: {e.Message}", e);
            }

            if (def.Code != Path.GetFileNameWithoutExtension(file))
            {
                throw new InvalidDataException($"indicators/{Path.GetFileName(file)}: the file name must be the code ('{def.Code}.json').");
            }

            list.Add(def);
        }

        return new IndicatorCatalogue(list, measures);
    }

    /// <summary>The composite risk signals (catalogue/risk/*.json), checked against the indicators.</summary>
    public static IReadOnlyList<RiskSignalDefinition> LoadSignals(IndicatorCatalogue indicators, string? folder = null)
    {
        folder ??= Path.Combine(SourceCatalogue.DefaultFolder, "risk");
        var list = new List<RiskSignalDefinition>();
        foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
        {
            var name = $"risk/{Path.GetFileName(file)}";
            RiskSignalDefinition def;
            try
            {
                def = JsonSerializer.Deserialize<RiskSignalDefinition>(File.ReadAllText(file), Json) ?? throw new InvalidDataException($"{name} is empty");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{name}, line {e.LineNumber + 1}: {e.Message}", e);
            }

            foreach (var c in def.Components)
            {
                if (indicators.Indicators.All(i => i.Code != c.Indicator) || c.Weight <= 0)
                {
                    throw new InvalidDataException($"{name}: component '{c.Indicator}' must be an indicator of the catalogue with a weight > 0.");
                }

                if (!indicators.Get(c.Indicator).Comparable)
                {
                    throw new InvalidDataException($"{name}: component '{c.Indicator}' is not comparable across units (a count or an amount): z-scores of it mean nothing; use a share or a per-capita value.");
                }
            }

            list.Add(def);
        }

        return list;
    }
}
