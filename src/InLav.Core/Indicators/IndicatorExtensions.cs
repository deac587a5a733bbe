namespace InLav.Core.Indicators;

/// <summary>Small questions every channel asks of a definition or a result, answered once.</summary>
public static class IndicatorExtensions
{
    /// <summary>Whether the indicator is meaningful at a level (a definition without levels is meaningful at every level).</summary>
    public static bool IsMeaningfulAt(this IndicatorDefinition definition, string level) =>
        definition.Levels.Count == 0 || definition.Levels.Contains(level, StringComparer.Ordinal);

    /// <summary>The rows with a value, worst first when the indicator has a polarity (highest first otherwise); ties keep their order.</summary>
    public static IEnumerable<IndicatorRow> WorstFirst(this IndicatorResult result)
    {
        var valued = result.Rows.Where(r => r.Value is not null);
        return result.Definition.HigherIsWorse == false ? valued.OrderBy(r => r.Value) : valued.OrderByDescending(r => r.Value);
    }
}
