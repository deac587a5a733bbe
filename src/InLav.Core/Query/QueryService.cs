using InLav.Core;
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
        foreach (var d in breakdowns.Concat(request.Filters?.Keys ?? []))
        {
            if (!Dimension.IsKnown(d))
            {
                throw new QueryException("Unknown dimension", $"There is no dimension '{d}'. Known: {string.Join(", ", Dimension.All)}.");
            }
        }

        var filters = NormaliseFilters(request.Filters, out var ages);
        var mapping = snapshot.Level(request.Level, configuration);
        var notes = new List<Note>(mapping.Notes);
        List<QueryRow> rows;
        if (ages is null)
        {
            var selection = Select(breakdowns, filters);
            var facts = periods.Count == 0 ? [] : reader.ReadFacts(request.Measure, periods, selection);
            rows = Aggregation.Sum(definition, mapping, facts, notes);
        }
        else
        {
            // An age range is the sum of the bands that tile it: read every band, sum each line's tiling cells.
            var selection = Select([.. breakdowns, Dimension.Age], filters.Where(f => f.Key != Dimension.Age).ToDictionary(StringComparer.Ordinal));
            var facts = periods.Count == 0 ? [] : reader.ReadFacts(request.Measure, periods, selection);
            rows = AgeTiling.Apply(request.Measure, Aggregation.Sum(definition, mapping, facts, notes), ages, notes);
        }

        var scope = request.Scope ?? AccessScope.Public;
        if (!scope.SeesEverything)
        {
            rows = Disclosure.Protect(rows, definition, mapping, ParentOf(mapping), scope);
        }

        var answered = rows.Select(r => r.Period).ToHashSet(StringComparer.Ordinal);
        if (request.Units is { Count: > 0 } units)
        {
            var wanted = units.ToHashSet(StringComparer.Ordinal);
            rows = rows.Where(r => wanted.Contains(r.UnitCode)).ToList();
        }

        if (periods.Count == 0)
        {
            notes.Add(Note.MeasureNoData());
        }

        // A period the measure lists always answers with rows or says why not.
        foreach (var period in periods)
        {
            if (!answered.Contains(period) && !notes.Any(n => n.Code == "measure.age-not-tiled" && n.Args[1] == period))
            {
                notes.Add(ExplainEmpty(definition, period, mapping, filters, ages is not null, breakdowns));
            }
            else if (request.Units is { Count: > 0 } && !rows.Any(r => r.Period == period))
            {
                notes.Add(Note.MeasureNoUnits(definition.Id, period, string.Join(", ", request.Units)));
            }
        }

        if (rows.Any(r => r.Synthetic))
        {
            notes.Add(Note.Synthetic());
        }

        return new QueryResult(request.Measure, definition, request.Level, mapping.NameIt, configuration, mapping.Crosswalk.Label, periods, rows, notes.Distinct().ToList());
    }

    /// <summary>
    /// Checks the filter values and writes them in their canonical form: sex T, M, F; citizenship T, ITA, FOR; age T, a band or range
    /// "Y{from}-{to}" / "Y{from}+", or a comma-separated list of ranges. An unknown value is the query error "Unknown filter value"
    /// naming the allowed values (never an empty answer). <paramref name="ages"/> is the asked age ranges, null for the total.
    /// </summary>
    public static Dictionary<string, string> NormaliseFilters(IReadOnlyDictionary<string, string>? filters, out IReadOnlyList<(string Code, int From, int? To)>? ages)
    {
        ages = null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (dimension, raw) in filters ?? new Dictionary<string, string>())
        {
            var value = raw.Trim();
            switch (dimension)
            {
                case Dimension.Sex:
                    result[dimension] = Known(dimension, value, SexCode.Values);
                    break;
                case Dimension.Citizenship:
                    result[dimension] = Known(dimension, value, CitizenshipCode.Values);
                    break;
                case Dimension.Age when string.Equals(value, Dimension.Total, StringComparison.OrdinalIgnoreCase):
                    result[dimension] = Dimension.Total;
                    break;
                case Dimension.Age:
                    var ranges = new List<(string Code, int From, int? To)>();
                    foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!AgeBand.TryParse(part.ToUpperInvariant(), out var from, out var to))
                        {
                            throw new QueryException("Unknown filter value",
                                $"age '{part}' is not an age: allowed are T (all ages), a range Y{{from}}-{{to}} (e.g. Y15-64) or Y{{from}}+ (e.g. Y65+), or a comma-separated list of ranges.");
                        }

                        ranges.Add((AgeBand.Of(from, to), from, to));
                    }

                    if (ranges.Count == 0)
                    {
                        throw new QueryException("Unknown filter value", "age is empty: allowed are T, a range Y{from}-{to} or Y{from}+, or a comma-separated list of ranges.");
                    }

                    ages = [.. ranges.DistinctBy(r => r.Code)];
                    result[dimension] = string.Join(',', ages.Select(r => r.Code));
                    break;
                default:
                    throw new QueryException("Unknown dimension", $"There is no dimension '{dimension}'. Known: {string.Join(", ", Dimension.All)}.");
            }
        }

        return result;
    }

    private static string Known(string dimension, string value, IReadOnlyList<string> allowed) =>
        allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
        ?? throw new QueryException("Unknown filter value", $"{dimension} '{value}' is not a value of {dimension}: allowed are {string.Join(", ", allowed)}.");

    /// <summary>Why a listed period has no rows: the measure lives at another level, is a rate not summed, or has no cells for the asked dimensions.</summary>
    private Note ExplainEmpty(MeasureDefinition definition, string period, LevelMapping mapping, IReadOnlyDictionary<string, string> filters, bool ageRange,
        IReadOnlyList<string> breakdowns)
    {
        var all = reader.ReadFacts(definition.Id, [period], new DimensionSelection(SexCode.Values, [Dimension.Total], CitizenshipCode.Values)).ToList();
        all.AddRange(reader.ReadFacts(definition.Id, [period], new DimensionSelection(SexCode.Values, [], CitizenshipCode.Values)));
        var levels = all.Select(f => f.Fact.Level).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (all.Count == 0)
        {
            return Note.MeasurePeriodEmpty(definition.Id, period);
        }

        if (!levels.Contains(NativeLevel.Comune) && !levels.Contains(mapping.Level))
        {
            return Note.MeasureOtherLevel(definition.Id, period, string.Join(", ", levels), mapping.Level);
        }

        if (!definition.Additive && mapping.Level != NativeLevel.Comune && !levels.Contains(mapping.Level))
        {
            return Note.MeasureNotSummed(definition.Id, mapping.Level);
        }

        var usable = all.Where(f => f.Fact.Level == NativeLevel.Comune || f.Fact.Level == mapping.Level).ToList();
        string Values(string dimension, Func<DimensionKey, string> get) =>
            dimension + " " + string.Join("|", AgeBand.Ordered(usable.Select(f => get(f.Fact.Dimensions))).Take(12))
            + (usable.Select(f => get(f.Fact.Dimensions)).Distinct(StringComparer.Ordinal).Count() > 12 ? "|…" : "");
        var asked = filters.Select(f => $"{f.Key}={f.Value}").Concat(breakdowns.Select(b => $"breakdown {b}")).ToList();
        var cells = string.Join("; ", Values(Dimension.Sex, d => d.Sex), Values(Dimension.Age, d => d.Age), Values(Dimension.Citizenship, d => d.Citizenship));
        return ageRange && filters.TryGetValue(Dimension.Age, out var range)
            ? Note.MeasureAgeNotTiled(definition.Id, period, range, string.Join(", ", AgeBand.Ordered(usable.Select(f => f.Fact.Dimensions.Age).Where(a => a != Dimension.Total))))
            : Note.MeasureNoCells(definition.Id, period, asked.Count == 0 ? "totals" : string.Join(", ", asked), cells);
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
