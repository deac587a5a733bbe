using System.Runtime.CompilerServices;
using InLav.Application.Answers;
using InLav.Core;
using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Core.Territory;

namespace InLav.Application;

/// <summary>A ranking, with the units left out for the excluded reliability flags, named and counted.</summary>
public sealed record RankingAnswer(string Indicator, string Level, IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<string> ExcludedFlags, int ExcludedUnits,
    IReadOnlyList<ExcludedUnit> Excluded, IReadOnlyList<Note> Notes);

/// <summary>One indicator across the compared units and the region, in one period; a cell is null where the unit has no value row.</summary>
public sealed record ComparisonLine(IndicatorDefinition Definition, string Period, IReadOnlyList<IndicatorRow?> Cells, IndicatorRow? Region);

/// <summary>Territories side by side: the units (in the order asked) and one line per indicator.</summary>
public sealed record Comparison(IReadOnlyList<TerritorialUnit> Units, IReadOnlyList<ComparisonLine> Lines, IReadOnlyList<string> Unknown);

/// <summary>Measure and indicator values, series, rankings, comparisons, and where indicators have values.</summary>
public sealed partial class Door
{
    /// <summary>A measure at a level: one row per unit, period and breakdown cell, under the caller's disclosure control.</summary>
    public QueryResult MeasureValues(Caller caller, string measure, Selection selection) =>
        Answers.Get(caller, "measure|" + measure + "|" + selection.Key, () => Store.Query.Run(selection.Query(measure, caller)), AnswerSize.Of);

    /// <summary>An indicator at a level with its components, flags, reliability flags and (unless <paramref name="derived"/> is false) derived views.</summary>
    public IndicatorResult IndicatorValues(Caller caller, string code, Selection selection, bool derived = true) =>
        Answers.Get(caller, "indicator-values|" + derived + "|" + code + "|" + selection.Key, () => Store.Indicators.Compute(selection.Indicator(code, caller), derived), AnswerSize.Of);

    /// <summary>Every period of an indicator for the chosen units (no derived views).</summary>
    public IndicatorResult Series(Caller caller, string code, string level, IReadOnlyList<string>? units, string? configuration = null) =>
        IndicatorValues(caller, code, new Selection { Level = level, Configuration = configuration, Periods = ["all"], Units = units }, derived: false);

    /// <summary>The units of a level ordered by the indicator (worst first when it has a polarity), at most <paramref name="limit"/>.</summary>
    public RankingAnswer Ranking(Caller caller, string code, string level, string? period, string? configuration, int limit, IReadOnlyList<string>? exclude)
    {
        var result = IndicatorValues(caller, code, new Selection { Level = level, Configuration = configuration, Periods = period is null ? null : [period], Exclude = exclude });
        return new RankingAnswer(code, result.Level, [.. result.WorstFirst().Take(Math.Clamp(limit, 1, 5000))], result.ExcludedFlags, result.ExcludedUnits, result.Excluded, result.Notes);
    }

    /// <summary>
    /// Units side by side on indicators (the one comparison of the REST API and the compare page): each indicator at the
    /// asked period when it has it, else at its latest; the total row of each unit, and the region's beside them.
    /// Units are "level:code"; those the snapshot does not know are named in <see cref="Comparison.Unknown"/>.
    /// </summary>
    public Comparison Compare(Caller caller, IReadOnlyList<string> units, IReadOnlyList<string> indicators, string? period = null, string? configuration = null)
    {
        var snapshot = Territory();
        var date = ConfigurationOf(snapshot, configuration);
        var found = new List<TerritorialUnit>();
        var unknown = new List<string>();
        foreach (var key in units)
        {
            var parts = key.Split(':', 2);
            if (parts.Length == 2 && snapshot.HasLevel(parts[0]) && snapshot.Level(parts[0], date).Unit(parts[1]) is { } unit)
            {
                if (!found.Any(u => u.Level == unit.Level && u.Code == unit.Code))
                {
                    found.Add(unit);
                }
            }
            else
            {
                unknown.Add(key);
            }
        }

        var lines = new List<ComparisonLine>();
        foreach (var code in indicators)
        {
            var def = Store.Indicators.Catalogue.Get(code);
            var periods = Store.Indicators.Periods(def);
            if (periods.Count == 0)
            {
                continue;
            }

            var at = period is not null && periods.Contains(period, StringComparer.Ordinal) ? period : periods[^1];
            var byLevel = new Dictionary<string, IReadOnlyDictionary<string, IndicatorRow>>(StringComparer.Ordinal);
            IndicatorRow? Row(string level, string unitCode)
            {
                if (!byLevel.TryGetValue(level, out var rows))
                {
                    byLevel[level] = rows = def.IsMeaningfulAt(level) ? TotalsOf(caller, def, level, at, configuration) : new Dictionary<string, IndicatorRow>();
                }

                return rows.GetValueOrDefault(unitCode);
            }

            lines.Add(new ComparisonLine(def, at, [.. found.Select(u => Row(u.Level, u.Code))], Row(BuiltInLevel.Regione, Province.RegionCode)));
        }

        return new Comparison(found, lines, unknown);
    }

    /// <summary>The total rows (no breakdown) of an indicator at a level and period, by unit code.</summary>
    private IReadOnlyDictionary<string, IndicatorRow> TotalsOf(Caller caller, IndicatorDefinition def, string level, string period, string? configuration)
    {
        var rows = configuration is null or "latest"
            ? IndicatorCache.AllPeriods(this, caller, def, level)?.Rows ?? []
            : IndicatorValues(caller, def.Code, new Selection { Level = level, Configuration = configuration, Periods = [period] }).Rows;
        var totals = new Dictionary<string, IndicatorRow>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (r.Period == period && r.Sex == Dimension.Total && r.Age == Dimension.Total && r.Citizenship == Dimension.Total)
            {
                totals.TryAdd(r.UnitCode, r);
            }
        }

        return totals;
    }

    /// <summary>Every period of an indicator at a level with its derived views (the latest configuration), computed once per publication; null when not meaningful there or without data.</summary>
    public IndicatorResult? AllPeriods(Caller caller, IndicatorDefinition definition, string level) => IndicatorCache.AllPeriods(this, caller, definition, level);

    /// <summary>The periods of each cached result that have at least one value, found once (a result lives as long as its publication).</summary>
    private static readonly ConditionalWeakTable<IndicatorResult, IReadOnlyList<string>> WithValues = [];

    /// <summary>The periods where the indicator has at least one value at the level, oldest first: those a channel offers.</summary>
    public IReadOnlyList<string> PeriodsWithValues(Caller caller, IndicatorDefinition def, string level)
    {
        var result = AllPeriods(caller, def, level);
        return result is null ? [] : WithValues.GetValue(result, r => [.. r.Rows.Where(x => x.Value is not null).Select(x => x.Period).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The levels of the snapshot where the indicator is meaningful and has values, in the snapshot's order. The built-in
    /// levels (region, provinces, comuni) and the asked one are read from the cache; any other level groups comuni, so it has
    /// values where the comuni have them (its values are sums over them), and is not computed only to be offered.
    /// </summary>
    public IReadOnlyList<string> LevelsWithValues(Caller caller, IndicatorDefinition def, string? asked = null)
    {
        var snapshot = Territory();
        var meaningful = snapshot.LevelIds.Where(def.IsMeaningfulAt).ToList();
        var comuni = meaningful.Contains(BuiltInLevel.Comune, StringComparer.Ordinal) && PeriodsWithValues(caller, def, BuiltInLevel.Comune).Count > 0;
        return [.. meaningful.Where(level => level is BuiltInLevel.Regione or BuiltInLevel.Provincia or BuiltInLevel.Comune || level == asked
            ? PeriodsWithValues(caller, def, level).Count > 0
            : comuni)];
    }
}
