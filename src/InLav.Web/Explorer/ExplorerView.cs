using InLav.Application;
using InLav.Application.Explorer;
using InLav.Core.Indicators;
using Microsoft.AspNetCore.WebUtilities;

namespace InLav.Web.Explorer;

/// <summary>
/// A state of the explorer (the URL) with the door's answer to its question: the pages format these numbers, they
/// compute none of them.
/// </summary>
public sealed record ExplorerView(ExplorerState State, ExplorerAnswer Answer)
{
    public IndicatorDefinition Definition => Answer.Definition;

    public IReadOnlyList<string> Periods => Answer.Periods;

    public IReadOnlyList<string> Levels => Answer.Levels;

    public IndicatorResult? Result => Answer.Result;

    public string? Problem => Answer.Problem;

    public IReadOnlyList<LegendClass> Classes => Answer.Classes;

    public IReadOnlyList<IndicatorRow> Ranking => Answer.Ranking;

    public IReadOnlyList<IndicatorRow> LowReliability => Answer.LowReliability;

    public IReadOnlyList<IndicatorRow> Excluded => Answer.Excluded;

    public bool Synthetic => Answer.Synthetic;

    public int SyntheticCount => Answer.SyntheticCount;

    public IndicatorResult? Series => Answer.Series;

    public IReadOnlyList<string> SeriesUnits => Answer.SeriesUnits;

    public bool HasValues => Answer.HasValues;

    /// <summary>The view of the state in a page's URI; what was wrong in its query goes to <paramref name="problems"/>. The embed page draws no chart, so it asks for no series.</summary>
    public static ExplorerView FromUri(string uri, Door door, Caller caller, List<string> problems, bool embedded = false)
    {
        var state = ExplorerState.Resolve(QueryHelpers.ParseQuery(new Uri(uri).Query), door, caller, problems);
        return new ExplorerView(state, door.Explorer(caller, state.Question(withSeries: !embedded && state.Tab == "chart")));
    }
}
