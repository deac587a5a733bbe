using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using InLav.Core;
using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Core.Territory;
using InLav.Store;

namespace InLav.Web.Profiles;

/// <summary>
/// Every period of an indicator at a level, with its derived views, computed once per published territorial snapshot:
/// the profiles, the comparison and the relations of every unit of a level read the same result. A new publication
/// builds a new snapshot, so the cache follows it without being told.
/// </summary>
public static class IndicatorCache
{
    private static readonly ConditionalWeakTable<TerritorialSnapshot, ConcurrentDictionary<string, Lazy<IndicatorResult?>>> Results = [];

    /// <summary>The cache's warm-up after the startup import.</summary>
    public static void AddInLavProfiles(this WebApplicationBuilder builder) => builder.Services.AddHostedService<IndicatorWarmup>();

    /// <summary>Null when the indicator is not meaningful at the level or has no data.</summary>
    public static IndicatorResult? AllPeriods(InLavStore store, IndicatorDefinition definition, string level)
    {
        if (!definition.IsMeaningfulAt(level))
        {
            return null;
        }

        var byKey = Results.GetValue(store.Reader.Snapshot(), _ => new ConcurrentDictionary<string, Lazy<IndicatorResult?>>(StringComparer.Ordinal));
        return byKey.GetOrAdd(definition.Code + "|" + level, _ => new Lazy<IndicatorResult?>(() => Compute(store, definition, level))).Value;
    }

    /// <summary>The indicators meaningful at a level, each with its rows (every period) for the level.</summary>
    public static IReadOnlyList<IndicatorResult> AllAt(InLavStore store, string level)
    {
        var definitions = store.Indicators.Catalogue.Indicators;
        var results = new IndicatorResult?[definitions.Count];
        Parallel.For(0, definitions.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            results[i] = AllPeriods(store, definitions[i], level);

            // The periods with values at the level (the API's listings and the UI's menus offer only those), warmed with it.
            _ = store.Indicators.PeriodsWithValues(definitions[i], level);
        });
        return [.. results.OfType<IndicatorResult>()];
    }

    private static IndicatorResult? Compute(InLavStore store, IndicatorDefinition definition, string level)
    {
        if (store.Indicators.Periods(definition).Count == 0)
        {
            return null;
        }

        try
        {
            var result = store.Indicators.Compute(new IndicatorRequest(definition.Code, level, null, ["all"]));
            return result.Rows.Count == 0 ? null : result;
        }
        catch (QueryException)
        {
            return null;
        }
    }
}
