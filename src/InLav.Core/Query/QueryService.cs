using InLav.Core.Measures;
using InLav.Core.Territory;

namespace InLav.Core.Query;

/// <summary>
/// The one query service every channel asks (web, REST, CLI, later OData, OGC, MCP): same question, same number.
/// Aggregation to any level sums components over the comuni of each group through the crosswalk.
/// </summary>
public sealed class QueryService(IStatisticsReader reader)
{
    private const int MaxPeriods = 200;

    public QueryResult Run(QueryRequest request)
    {
        var definition = reader.Measures().FirstOrDefault(m => m.Id == request.Measure)
            ?? throw new QueryException("Unknown measure", $"There is no measure '{request.Measure}'.");
        var snapshot = reader.Snapshot();
        snapshot.RequireLevel(request.Level);
        var configuration = snapshot.QueryConfiguration(request.Configuration);

        var available = reader.Periods(request.Measure);
        var periods = ResolvePeriods(request.Periods, available, "measure");
        var breakdowns = (request.Breakdowns ?? []).Distinct(StringComparer.Ordinal).ToList();
        var filters = request.Filters ?? new Dictionary<string, string>();
        foreach (var d in breakdowns.Concat(filters.Keys))
        {
            if (!Dimension.IsKnown(d))
            {
                throw new QueryException("Unknown dimension", $"There is no dimension '{d}'. Known: {string.Join(", ", Dimension.All)}.");
            }
        }

        var selection = Select(breakdowns, filters);
        var facts = periods.Count == 0 ? [] : reader.ReadFacts(request.Measure, periods, selection);
        var mapping = snapshot.Level(request.Level, configuration);
        var rows = Aggregation.Sum(definition, mapping, facts);
        if (request.Audience == Audience.Public)
        {
            rows = Disclosure.Protect(rows, definition, mapping, ParentOf(mapping));
        }

        if (request.Units is { Count: > 0 } units)
        {
            var wanted = units.ToHashSet(StringComparer.Ordinal);
            rows = rows.Where(r => wanted.Contains(r.UnitCode)).ToList();
        }

        var notes = new List<Note>(mapping.Notes);
        if (periods.Count == 0)
        {
            notes.Add(Note.MeasureNoData());
        }

        if (rows.Any(r => r.Synthetic))
        {
            notes.Add(Note.Synthetic());
        }

        return new QueryResult(request.Measure, definition, request.Level, mapping.NameIt, configuration, mapping.Crosswalk.Label, periods, rows, notes);
    }

    /// <summary>The level whose units hold the units of a level: provinces for comuni, the region for every other level (none for the region).</summary>
    public static string? ParentLevel(string level) => level switch
    {
        BuiltInLevel.Regione => null,
        BuiltInLevel.Comune => BuiltInLevel.Provincia,
        _ => BuiltInLevel.Regione,
    };

    /// <summary>The unit whose published total contains a unit: a comune's province; the region for every other group.</summary>
    public static Func<string, string?> ParentOf(LevelMapping mapping) => mapping.Level switch
    {
        BuiltInLevel.Regione => _ => null,
        BuiltInLevel.Comune => code => code.Length == 6 ? Province.ByCode(ComuneCode.ProvinceOf(code))?.UtsCode : null,
        _ => _ => Province.RegionCode,
    };

    /// <summary>Asked periods against the available ones: none = the latest; "all"; "latest"; an unknown period is an error.</summary>
    public static List<string> ResolvePeriods(IReadOnlyList<string>? asked, IReadOnlyList<string> available, string subject)
    {
        if (asked is null || asked.Count == 0)
        {
            return available.Count == 0 ? [] : [available[^1]];
        }

        if (asked.Count == 1 && string.Equals(asked[0], "all", StringComparison.OrdinalIgnoreCase))
        {
            return [.. available];
        }

        if (asked.Count > MaxPeriods)
        {
            throw new QueryException("Too many periods", FormattableString.Invariant($"Ask for at most {MaxPeriods} periods."));
        }

        var result = new List<string>();
        foreach (var p in asked)
        {
            if (string.Equals(p, "latest", StringComparison.OrdinalIgnoreCase) && available.Count > 0)
            {
                result.Add(available[^1]);
            }
            else if (available.Contains(p, StringComparer.Ordinal))
            {
                result.Add(p);
            }
            else
            {
                throw new QueryException("Unknown period", $"The {subject} has no data for period '{p}'. Available: {string.Join(", ", available)}.");
            }
        }

        return [.. result.Distinct(StringComparer.Ordinal)];
    }

    private static DimensionSelection Select(List<string> breakdowns, IReadOnlyDictionary<string, string> filters)
    {
        IReadOnlyList<string> Values(string dimension)
        {
            if (filters.TryGetValue(dimension, out var v))
            {
                return [v];
            }

            return breakdowns.Contains(dimension, StringComparer.Ordinal) ? [] : [Dimension.Total];
        }

        // An empty list means "every value but the total" (a breakdown).
        return new DimensionSelection(Values(Dimension.Sex), Values(Dimension.Age), Values(Dimension.Citizenship));
    }
}
