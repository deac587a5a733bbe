using InLav.Application.Answers;
using InLav.Core.Indicators;

namespace InLav.Application;

/// <summary>A stored measure with its published periods.</summary>
public sealed record MeasureInfo(string Id, string TitleIt, string TitleEn, string Unit, bool Additive, string DescriptionIt, string DescriptionEn, IReadOnlyList<string> Periods);

/// <summary>An indicator of the listing: Periods and Levels are those where it has values (at the asked level, when one is asked).</summary>
public sealed record IndicatorInfo(string Code, string TitleIt, string TitleEn, string Theme, string Unit, int Decimals, bool Proxy, bool? HigherIsWorse,
    IReadOnlyList<string> Periods, IReadOnlyList<string> Levels, IReadOnlyList<string> Breakdowns, string Nature, bool Comparable);

/// <summary>An indicator's metadata, with the periods that have values (at the asked level, else at any) and those of each level.</summary>
public sealed record IndicatorMetadata(IndicatorDefinition Definition, IReadOnlyList<string> Periods, IReadOnlyDictionary<string, IReadOnlyList<string>> PeriodsByLevel);

/// <summary>The catalogue: measures, indicators with where they have values.</summary>
public sealed partial class Door
{
    /// <summary>Every stored measure with its published periods.</summary>
    public IReadOnlyList<MeasureInfo> Measures(Caller caller) => Answers.Get(caller, "measures", () =>
        (IReadOnlyList<MeasureInfo>)[.. Store.Reader.Measures().Select(m => new MeasureInfo(m.Id, m.TitleIt, m.TitleEn, m.Unit, m.Additive, m.DescriptionIt, m.DescriptionEn,
            Store.Reader.Periods(m.Id)))], l => SizeOfItems(l.Count));

    /// <summary>The published periods of a measure, oldest first (empty for an unknown measure).</summary>
    public IReadOnlyList<string> MeasurePeriods(string measure) => Store.Reader.Periods(measure);

    /// <summary>Every period an indicator's terms can be computed for, oldest first (with values at some level or not).</summary>
    public IReadOnlyList<string> IndicatorPeriods(IndicatorDefinition definition) => Store.Indicators.Periods(definition);

    /// <summary>The indicator listing: with values at the asked level only, each with the periods that have values there.</summary>
    public IReadOnlyList<IndicatorInfo> Indicators(Caller caller, string? level)
    {
        if (level is not null)
        {
            Territory().RequireLevel(level);
        }

        return Answers.Get(caller, "indicators|" + level, () =>
        {
            var service = Store.Indicators;
            var list = new List<IndicatorInfo>();
            foreach (var i in service.Catalogue.Indicators)
            {
                var levels = level is null ? service.LevelsWithValues(i) : service.PeriodsWithValues(i, level).Count > 0 ? [level] : [];
                if (levels.Count == 0 && level is not null)
                {
                    continue;
                }

                var periods = level is null ? PeriodsAtAny(i, levels) : service.PeriodsWithValues(i, level);
                list.Add(new IndicatorInfo(i.Code, i.TitleIt, i.TitleEn, i.Theme, i.Unit, i.Decimals, i.Proxy, i.HigherIsWorse, periods, levels, i.Breakdowns, i.Nature, i.Comparable));
            }

            return (IReadOnlyList<IndicatorInfo>)list;
        }, l => SizeOfItems(l.Count * 8));
    }

    /// <summary>An indicator's full metadata with the periods that have values, per level; unknown codes are a query error.</summary>
    public IndicatorMetadata Indicator(Caller caller, string code, string? level)
    {
        var def = Store.Indicators.Catalogue.Get(code);
        if (level is not null)
        {
            Territory().RequireLevel(level);
        }

        return Answers.Get(caller, "indicator|" + code + "|" + level, () =>
        {
            var service = Store.Indicators;
            var levels = service.LevelsWithValues(def);
            var byLevel = levels.ToDictionary(l => l, l => service.PeriodsWithValues(def, l), StringComparer.Ordinal);
            return new IndicatorMetadata(def, level is null ? PeriodsAtAny(def, levels) : service.PeriodsWithValues(def, level), byLevel);
        }, m => SizeOfItems(m.PeriodsByLevel.Count * 8));
    }

    private IReadOnlyList<string> PeriodsAtAny(IndicatorDefinition i, IReadOnlyList<string> levels)
    {
        var valued = levels.SelectMany(l => Store.Indicators.PeriodsWithValues(i, l)).ToHashSet(StringComparer.Ordinal);
        return [.. Store.Indicators.Periods(i).Where(valued.Contains)];
    }

    private static long SizeOfItems(int items) => AnswerSize.Items(items);
}
