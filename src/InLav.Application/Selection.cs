using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Query;

namespace InLav.Application;

/// <summary>
/// What a measure or indicator question selects, shared by every channel and bound once (REST binds it from the query
/// string with [AsParameters]): level, territorial configuration, periods, filters on sex, age and citizenship,
/// breakdowns, units, the base period of the index and the reliability flags left out.
/// </summary>
public sealed record Selection
{
    public string Level { get; init; } = "comune";

    public string? Configuration { get; init; }

    public IReadOnlyList<string>? Periods { get; init; }

    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<string>? Breakdowns { get; init; }

    public IReadOnlyList<string>? Units { get; init; }

    public string? BasePeriod { get; init; }

    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>The filters of sex, age and citizenship given (an unset or blank one means its total).</summary>
    public static Dictionary<string, string> FiltersOf(string? sex, string? age, string? citizenship)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (dimension, value) in new[] { (Dimension.Sex, sex), (Dimension.Age, age), (Dimension.Citizenship, citizenship) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                filters[dimension] = value.Trim();
            }
        }

        return filters;
    }

    /// <summary>Filter values checked and in their canonical form (sex T/M/F, citizenship T/ITA/FOR, age ranges): an unknown one is the query error naming the allowed values.</summary>
    public static Dictionary<string, string> NormaliseFilters(IReadOnlyDictionary<string, string> filters) => QueryService.NormaliseFilters(filters, out _);

    /// <summary>Repeated or comma-separated values as one list; null when none was given (an absent query parameter binds as an empty array).</summary>
    public static IReadOnlyList<string>? Split(IEnumerable<string?>? values) =>
        values?.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList() is { Count: > 0 } list ? list : null;

    /// <summary>The selection of a core measure request (the CLI builds those from its options).</summary>
    public static Selection Of(QueryRequest r) => new()
    {
        Level = r.Level,
        Configuration = r.Configuration,
        Periods = r.Periods,
        Filters = r.Filters ?? new Dictionary<string, string>(),
        Breakdowns = r.Breakdowns,
        Units = r.Units,
    };

    /// <summary>The selection of a core indicator request.</summary>
    public static Selection Of(IndicatorRequest r) =>
        Of(new QueryRequest(r.Code, r.Level, r.Configuration, r.Periods, r.Filters, r.Breakdowns, r.Units)) with { BasePeriod = r.BasePeriod, Exclude = r.Exclude };

    public QueryRequest Query(string measure, Caller caller) =>
        new(measure, Level, Configuration, Periods, Filters, Breakdowns, Units, caller.Scope);

    public IndicatorRequest Indicator(string code, Caller caller) =>
        new(code, Level, Configuration, Periods, Filters, Breakdowns, Units, caller.Scope, BasePeriod, Exclude);

    /// <summary>A text naming the selection exactly: part of the cache key of its answers.</summary>
    public string Key => string.Join('|', Level, Configuration ?? "", List(Periods), string.Join(',', Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value)),
        List(Breakdowns), List(Units), BasePeriod ?? "", List(Exclude));

    private static string List(IReadOnlyList<string>? values) => values is null ? "~" : string.Join(',', values);
}
