using InLav.Core;
using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Store;

namespace InLav.Application.Answers;

/// <summary>
/// Every period of an indicator at a level, with its derived views, an answer of the door's cache (once per publication and
/// scope): the profiles, the comparison and the relations of every unit of a level read the same result.
/// </summary>
public static class IndicatorCache
{
    /// <summary>Null when the indicator is not meaningful at the level or has no data.</summary>
    public static IndicatorResult? AllPeriods(Door door, Caller caller, IndicatorDefinition definition, string level)
    {
        if (!definition.IsMeaningfulAt(level))
        {
            return null;
        }

        return door.Answers.Get(caller, "all-periods|" + definition.Code + "|" + level, () => Compute(door.Store, caller, definition, level), AnswerSize.Of);
    }

    /// <summary>The indicators meaningful at a level, each with its rows (every period) for the level.</summary>
    public static IReadOnlyList<IndicatorResult> AllAt(Door door, Caller caller, string level)
    {
        var store = door.Store;
        var definitions = store.Indicators.Catalogue.Indicators;
        var results = new IndicatorResult?[definitions.Count];
        Parallel.For(0, definitions.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            results[i] = AllPeriods(door, caller, definitions[i], level);

            // The periods with values at the level (the API's listings and the UI's menus offer only those), warmed with it.
            _ = store.Indicators.PeriodsWithValues(definitions[i], level);
        });
        return [.. results.OfType<IndicatorResult>()];
    }

    private static IndicatorResult? Compute(InLavStore store, Caller caller, IndicatorDefinition definition, string level)
    {
        if (store.Indicators.Periods(definition).Count == 0)
        {
            return null;
        }

        try
        {
            var result = store.Indicators.Compute(new IndicatorRequest(definition.Code, level, null, ["all"], Scope: caller.Scope));
            return result.Rows.Count == 0 ? null : result;
        }
        catch (QueryException)
        {
            return null;
        }
    }
}
