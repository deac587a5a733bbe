using InLav.Core.Indicators;
using InLav.Sources.Catalogue;

namespace InLav.Application.Explorer;

/// <summary>Which indicators are built on generated (SYNTHETIC) sources: their menu options, open-data rows and method cards say so.</summary>
public static class SyntheticMarks
{
    /// <summary>True when one of the indicator's sources is a generated one (<see cref="SourceDefinition.Synthetic"/>, the seeded COB generator).</summary>
    public static bool HasGeneratedSource(IndicatorDefinition definition, SourceCatalogue catalogue) =>
        definition.Sources.Any(s => catalogue.Find(s)?.Synthetic == true);

    /// <summary>True when any row of the result is generated.</summary>
    public static bool Any(IndicatorResult? result) => result?.Rows.Any(r => r.Synthetic) == true;
}
