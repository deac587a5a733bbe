using InLav.Core;
using InLav.Core.Analysis;

namespace InLav.Application.Answers;

/// <summary>
/// The composite risk signals a profile reads: the door's <see cref="Door.Risk"/> answer (computed once per publication and
/// set of component periods, the same the REST API and the risk view read), null where the signal cannot be computed.
/// </summary>
public static class RiskCache
{
    /// <summary>
    /// The signal at the level with each component at its latest period (periods null) or at the given ones; null when it
    /// cannot be computed there (the analysis service refuses the question).
    /// </summary>
    public static RiskResult? Signal(Door door, Caller caller, string code, string level, IReadOnlyDictionary<string, string>? periods = null)
    {
        try
        {
            return door.Risk(caller, code, level, null, null, false, periods);
        }
        catch (QueryException)
        {
            return null;
        }
    }

    /// <summary>
    /// The periods one step before those the latest signal used: each component that has an earlier period takes it, the
    /// others keep theirs; null when no component has an earlier period (the signal has no trend).
    /// </summary>
    public static IReadOnlyDictionary<string, string>? PreviousPeriods(Door door, RiskResult latest)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var moved = false;
        foreach (var c in latest.Definition.Components)
        {
            var used = latest.PeriodsUsed.GetValueOrDefault(c.Indicator) ?? "";
            var store = door.Store;
            var definition = store.Indicators.Catalogue.Indicators.FirstOrDefault(d => d.Code == c.Indicator);
            var periods = definition is null ? [] : store.Indicators.Periods(definition);
            var at = periods.ToList().IndexOf(used);
            if (at > 0)
            {
                previous[c.Indicator] = periods[at - 1];
                moved = true;
            }
            else
            {
                previous[c.Indicator] = used;
            }
        }

        return moved ? previous : null;
    }

    /// <summary>Computes the latest signals of a level (for the warm-up).</summary>
    public static int Warm(Door door, Caller caller, string level)
    {
        var computed = 0;
        foreach (var s in door.Store.Analysis.Signals)
        {
            if (Signal(door, caller, s.Code, level) is { } latest)
            {
                computed++;
                if (PreviousPeriods(door, latest) is { } previous)
                {
                    Signal(door, caller, s.Code, level, previous);
                }
            }
        }

        return computed;
    }
}
