using System.Runtime.CompilerServices;
using InLav.Core.Indicators;
using InLav.Core.Territory;
using InLav.Store;
using InLav.Web.Profiles;

namespace InLav.Web.Explorer;

/// <summary>
/// Where an indicator has values: the levels and periods the explorer offers, read from the indicator cache (every period
/// of an indicator at a level, computed once per publication). A level or period without a single value is not offered.
/// </summary>
public static class Availability
{
    /// <summary>The periods with values of each cached result, found once (a result lives as long as its publication).</summary>
    private static readonly ConditionalWeakTable<IndicatorResult, IReadOnlyList<string>> WithValues = [];

    /// <summary>
    /// The levels of the snapshot where the indicator is meaningful and has values, in the snapshot's order. The levels the
    /// warm-up computes (region, provinces, comuni) and the asked one are read from the cache; any other level groups comuni,
    /// so it has values where the comuni have them (its values are sums over them), and is not computed to be offered.
    /// </summary>
    public static IReadOnlyList<string> Levels(IndicatorDefinition def, InLavStore store, string? asked = null)
    {
        var snapshot = store.Reader.Snapshot();
        var meaningful = snapshot.LevelIds.Where(def.IsMeaningfulAt).ToList();
        var comuni = meaningful.Contains(BuiltInLevel.Comune, StringComparer.Ordinal) && Periods(def, store, BuiltInLevel.Comune).Count > 0;
        return [.. meaningful.Where(level => level is BuiltInLevel.Regione or BuiltInLevel.Provincia or BuiltInLevel.Comune || level == asked
            ? Periods(def, store, level).Count > 0
            : comuni)];
    }

    /// <summary>The periods where the indicator has at least one value at the level, oldest first.</summary>
    public static IReadOnlyList<string> Periods(IndicatorDefinition def, InLavStore store, string level)
    {
        var result = IndicatorCache.AllPeriods(store, def, level);
        return result is null ? [] : WithValues.GetValue(result, r =>
        {
            var with = r.Rows.Where(x => x.Value is not null).Select(x => x.Period).ToHashSet(StringComparer.Ordinal);
            return [.. with.Order(StringComparer.Ordinal)];
        });
    }
}
