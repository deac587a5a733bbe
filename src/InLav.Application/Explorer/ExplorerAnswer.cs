using InLav.Core;
using InLav.Core.Indicators;
using InLav.Core.Query;

namespace InLav.Application.Explorer;

/// <summary>
/// The question of an explorer view: indicator, level, period, breakdown filters, legend method, whether low-reliability
/// units are left out of the classes and rankings, the units of the time series, and whether the series is wanted.
/// </summary>
public sealed record ExplorerQuestion(string Indicator, string Level, string? Period, IReadOnlyDictionary<string, string> Filters, string Legend,
    bool ExcludeLowReliability, IReadOnlyList<string> Units, bool WithSeries)
{
    /// <summary>The selection of the view's values: one period (or all, for the series), the breakdown filters.</summary>
    public Selection Selection(IReadOnlyList<string>? units = null, bool allPeriods = false) =>
        new() { Level = Level, Periods = allPeriods ? ["all"] : Period is null ? null : [Period], Filters = Filters, Units = units };

    /// <summary>A text naming the question exactly: the cache key of its answer.</summary>
    public string Key => string.Join('|', Indicator, Level, Period ?? "", string.Join(',', Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value)),
        Legend, ExcludeLowReliability, string.Join(',', Units), WithSeries);
}

/// <summary>
/// What an explorer view shows, computed from the door's cached answers: the values of the level and period, the legend
/// classes, the ranking and the time series of the chosen units. The page only formats these numbers.
/// </summary>
public sealed class ExplorerAnswer
{
    private ExplorerAnswer(ExplorerQuestion question, IndicatorDefinition definition, IReadOnlyList<string> periods, IReadOnlyList<string> levels)
    {
        Question = question;
        Definition = definition;
        Periods = periods;
        Levels = levels;
    }

    public ExplorerQuestion Question { get; }

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

    internal static ExplorerAnswer Build(Door door, Caller caller, ExplorerQuestion question)
    {
        var def = door.IndicatorCatalogue.Get(question.Indicator);
        var view = new ExplorerAnswer(question, def, door.PeriodsWithValues(caller, def, question.Level), door.LevelsWithValues(caller, def, question.Level));
        if (question.Period is null)
        {
            return view;
        }

        try
        {
            view.Result = door.IndicatorValues(caller, def.Code, question.Selection());
        }
        catch (QueryException e)
        {
            view.Problem = e.Title + ": " + e.Message;
            return view;
        }

        var worstFirst = view.Result.WorstFirst().ToList();
        view.LowReliability = [.. worstFirst.Where(r => ReliabilityFlag.SetsApart(r.Reliability))];
        view.Excluded = question.ExcludeLowReliability ? view.LowReliability : [];
        view.Ranking = question.ExcludeLowReliability ? [.. worstFirst.Where(r => !ReliabilityFlag.SetsApart(r.Reliability))] : worstFirst;
        view.SyntheticCount = view.Result.Rows.Count(r => r.Synthetic);
        view.Classes = Legend.Classes([.. view.Ranking.Select(r => r.Value!.Value)], question.Legend, def.HigherIsWorse);
        if (question.WithSeries && view.Periods.Count > 0)
        {
            view.SeriesUnits = question.Units.Count > 0 ? question.Units : [.. view.Ranking.Take(3).Select(r => r.UnitCode)];
            if (view.SeriesUnits.Count > 0)
            {
                view.Series = door.IndicatorValues(caller, def.Code, question.Selection(view.SeriesUnits, allPeriods: true), derived: false);
            }
        }

        view.Synthetic = view.SyntheticCount > 0 || view.Series?.Rows.Any(r => r.Synthetic) == true;
        return view;
    }
}
