using InLav.Application;
using InLav.Application.Explorer;
using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Territory;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace InLav.Web.Explorer;

/// <summary>
/// Everything the explorer shows, as it stands in the URL query: indicator, level, period, breakdown filters, legend method,
/// tab, units of the time series, table sort and filter. The same state drives the page, the embed page and the downloads.
/// </summary>
public sealed record ExplorerState
{
    public const string DefaultIndicator = "wp2_mef_istat_gap";

    public static readonly IReadOnlyList<string> Tabs = ["map", "chart", "table"];
    public static readonly IReadOnlyList<string> LegendMethods = ["quantile", "equal", "jenks"];
    public static readonly IReadOnlyList<string> SortKeys = ["value", "name", "code", "rank", "change"];

    /// <summary>How units whose value has a reliability flag are shown: hatched (and marked in lists), or left out of the map's classes and the rankings.</summary>
    public static readonly IReadOnlyList<string> ReliabilityModes = ["hatch", "exclude"];

    public required string Indicator { get; init; }

    public required string Level { get; init; }

    public string? Period { get; init; }

    /// <summary>Breakdown filters (sex, age, citizenship) that differ from the total.</summary>
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string Legend { get; init; } = "quantile";

    public string Tab { get; init; } = "map";

    /// <summary>Units of the time series (chart tab).</summary>
    public IReadOnlyList<string> Units { get; init; } = [];

    public string Sort { get; init; } = "value";

    public bool Descending { get; init; } = true;

    /// <summary>Text filter of the table (name or code).</summary>
    public string? Filter { get; init; }

    public bool English { get; init; }

    /// <summary>One of <see cref="ReliabilityModes"/>: low-reliability units hatched, or excluded from the map's classes and the rankings.</summary>
    public string Reliability { get; init; } = "hatch";

    public bool ExcludesLowReliability => Reliability == "exclude";

    /// <summary>The state asked in a query string, checked against the catalogue and the snapshot; what was wrong goes to <paramref name="problems"/> (text keys).</summary>
    public static ExplorerState Resolve(IEnumerable<KeyValuePair<string, StringValues>> query, Door door, Caller caller, List<string> problems)
    {
        var q = query.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        string? One(string key) => q.TryGetValue(key, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString().Trim() : null;

        var catalogue = door.IndicatorCatalogue.Indicators;
        var asked = One("indicator");
        var def = catalogue.FirstOrDefault(i => string.Equals(i.Code, asked, StringComparison.Ordinal));
        if (def is null)
        {
            if (asked is not null)
            {
                problems.Add("explorer.problem.indicator");
            }

            def = catalogue.FirstOrDefault(i => i.Code == DefaultIndicator) ?? catalogue[0];
        }

        var level = One("level");
        var levels = door.LevelsWithValues(caller, def, level);
        if (level is null || !levels.Contains(level, StringComparer.Ordinal))
        {
            if (level is not null)
            {
                problems.Add("explorer.problem.level");
            }

            level = levels.Contains(BuiltInLevel.Comune, StringComparer.Ordinal) ? BuiltInLevel.Comune : levels.FirstOrDefault() ?? BuiltInLevel.Regione;
        }

        var periods = door.PeriodsWithValues(caller, def, level);
        var period = One("period");
        if (period is null || !periods.Contains(period, StringComparer.Ordinal))
        {
            if (period is not null)
            {
                problems.Add("explorer.problem.period");
            }

            period = periods.Count > 0 ? periods[^1] : null;
        }

        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dimension in def.Breakdowns)
        {
            var value = One(dimension);
            if (value is null || value == Dimension.Total)
            {
                continue;
            }

            if (BreakdownValues(dimension).Contains(value, StringComparer.Ordinal))
            {
                filters[dimension] = value;
            }
            else
            {
                problems.Add("explorer.problem.breakdown");
            }
        }

        var known = door.Territory().Level(level).Units.Select(x => x.Code).ToHashSet(StringComparer.Ordinal);
        List<string> units = [.. (Selection.Split(q.GetValueOrDefault("unit")) ?? []).Distinct(StringComparer.Ordinal).Take(8).Where(known.Contains)];

        return new ExplorerState
        {
            Indicator = def.Code,
            Level = level,
            Period = period,
            Filters = filters,
            Legend = Pick(One("legend"), LegendMethods),
            Tab = Pick(One("tab"), Tabs),
            Units = units,
            Sort = Pick(One("sort"), SortKeys),
            Descending = !string.Equals(One("dir"), "asc", StringComparison.Ordinal),
            Filter = One("q") is { Length: <= 80 } f ? f : null,
            English = string.Equals(One("lang"), "en", StringComparison.OrdinalIgnoreCase),
            Reliability = Pick(One("reliability"), ReliabilityModes),
        };
    }

    /// <summary>The values a breakdown filter can take (without the total).</summary>
    public static IReadOnlyList<string> BreakdownValues(string dimension) => dimension switch
    {
        Dimension.Sex => [SexCode.Male, SexCode.Female],
        Dimension.Citizenship => [CitizenshipCode.Italian, CitizenshipCode.Foreign],
        Dimension.Age => AgeBand.Standard,
        _ => [],
    };

    private static string Pick(string? asked, IReadOnlyList<string> allowed) =>
        asked is not null && allowed.Contains(asked, StringComparer.Ordinal) ? asked : allowed[0];

    /// <summary>The door's question of this state; the series is computed only when <paramref name="withSeries"/>.</summary>
    public ExplorerQuestion Question(bool withSeries) => new(Indicator, Level, Period, Filters, Legend, ExcludesLowReliability, Units, withSeries);

    /// <summary>The query parameters of this state; <paramref name="change"/> edits a copy first.</summary>
    public List<KeyValuePair<string, string?>> Parameters(bool withView = true)
    {
        var p = new List<KeyValuePair<string, string?>>
        {
            new("indicator", Indicator),
            new("level", Level),
            new("period", Period),
        };
        p.AddRange(Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)));
        if (withView)
        {
            p.Add(new("legend", Legend == LegendMethods[0] ? null : Legend));
            p.Add(new("tab", Tab == Tabs[0] ? null : Tab));
            p.AddRange(Units.Select(u => new KeyValuePair<string, string?>("unit", u)));
            p.Add(new("sort", Sort == SortKeys[0] ? null : Sort));
            p.Add(new("dir", Descending ? null : "asc"));
            p.Add(new("q", Filter));
            p.Add(new("reliability", Reliability == ReliabilityModes[0] ? null : Reliability));
        }

        if (English)
        {
            p.Add(new("lang", "en"));
        }

        return [.. p.Where(kv => !string.IsNullOrEmpty(kv.Value))];
    }

    /// <summary>A URL of this state on a path (the explorer, the embed page, a download).</summary>
    public string Url(string path, bool withView = true, params (string Key, string Value)[] extra)
    {
        var p = Parameters(withView);
        p.AddRange(extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)));
        return QueryHelpers.AddQueryString(path, p);
    }
}
