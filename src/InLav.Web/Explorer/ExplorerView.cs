using InLav.Core;
using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Store;
using Microsoft.AspNetCore.WebUtilities;

namespace InLav.Web.Explorer;

/// <summary>
/// What a state of the explorer shows, computed once per request by the indicator service: the values of the level and
/// period, the legend classes, the ranking and the time series of the chosen units. The page only formats these numbers.
/// </summary>
public sealed class ExplorerView
{
    private ExplorerView(ExplorerState state, IndicatorDefinition definition, IReadOnlyList<string> periods, IReadOnlyList<string> levels)
    {
        State = state;
        Definition = definition;
        Periods = periods;
        Levels = levels;
    }

    public ExplorerState State { get; }

    public IndicatorDefinition Definition { get; }

    /// <summary>Every period where the indicator has values at the level, oldest first.</summary>
    public IReadOnlyList<string> Periods { get; }

    /// <summary>The levels where the indicator is meaningful and has values.</summary>
    public IReadOnlyList<string> Levels { get; }

    public IndicatorResult? Result { get; private set; }

    /// <summary>A problem of the indicator service (title and detail), shown instead of the values.</summary>
    public string? Problem { get; private set; }

    public IReadOnlyList<LegendClass> Classes { get; private set; } = [];

    /// <summary>Units with a value, worst first when the indicator has a polarity (highest first otherwise); without the excluded low-reliability units.</summary>
    public IReadOnlyList<IndicatorRow> Ranking { get; private set; } = [];

    /// <summary>Units with a value and at least one reliability flag (<see cref="IndicatorRow.Reliability"/>), worst first.</summary>
    public IReadOnlyList<IndicatorRow> LowReliability { get; private set; } = [];

    /// <summary>The low-reliability units left out of the rankings and the map's classes (when the state asks it), worst first.</summary>
    public IReadOnlyList<IndicatorRow> Excluded { get; private set; } = [];

    /// <summary>True when any value shown is generated (SYNTHETIC), not observed: every title, legend, banner and export says so.</summary>
    public bool Synthetic { get; private set; }

    /// <summary>How many values shown are generated.</summary>
    public int SyntheticCount { get; private set; }

    /// <summary>Every period of the chart's units (the chosen ones, or the first three of the ranking).</summary>
    public IndicatorResult? Series { get; private set; }

    public IReadOnlyList<string> SeriesUnits { get; private set; } = [];

    public bool HasValues => Ranking.Count > 0;

    /// <summary>The view of the state in a page's URI; what was wrong in its query goes to <paramref name="problems"/>. The embed page draws no chart, so it computes no series.</summary>
    public static ExplorerView FromUri(string uri, InLavStore store, List<string> problems, bool embedded = false)
    {
        var state = ExplorerState.Resolve(QueryHelpers.ParseQuery(new Uri(uri).Query), store, problems);
        return Build(state, store, withSeries: !embedded && state.Tab == "chart");
    }

    public static ExplorerView Build(ExplorerState state, InLavStore store, bool withSeries)
    {
        var def = store.Indicators.Catalogue.Get(state.Indicator);
        var view = new ExplorerView(state, def, Availability.Periods(def, store, state.Level), ExplorerState.Levels(def, store, state.Level));
        if (state.Period is null)
        {
            return view;
        }

        try
        {
            view.Result = store.Indicators.Compute(state.Request());
        }
        catch (QueryException e)
        {
            view.Problem = e.Title + ": " + e.Message;
            return view;
        }

        var worstFirst = view.Result.WorstFirst().ToList();
        view.LowReliability = [.. worstFirst.Where(r => ReliabilityFlag.SetsApart(r.Reliability))];
        view.Excluded = state.ExcludesLowReliability ? view.LowReliability : [];
        view.Ranking = state.ExcludesLowReliability ? [.. worstFirst.Where(r => !ReliabilityFlag.SetsApart(r.Reliability))] : worstFirst;
        view.SyntheticCount = view.Result.Rows.Count(r => r.Synthetic);
        view.Classes = Legend.Classes([.. view.Ranking.Select(r => r.Value!.Value)], state.Legend, def.HigherIsWorse);
        if (withSeries && view.Periods.Count > 0)
        {
            view.SeriesUnits = state.Units.Count > 0 ? state.Units : [.. view.Ranking.Take(3).Select(r => r.UnitCode)];
            if (view.SeriesUnits.Count > 0)
            {
                view.Series = store.Indicators.Compute(state.Request(view.SeriesUnits, allPeriods: true), derived: false);
            }
        }

        view.Synthetic = view.SyntheticCount > 0 || view.Series?.Rows.Any(r => r.Synthetic) == true;

        return view;
    }
}
