using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Core.Territory;

namespace InLav.Core.Indicators;

/// <summary>
/// Computes any indicator for any level, configuration, period and breakdown through the query service: each term is a
/// measure query, and the value is always a ratio of summed components (never an average of ratios).
/// </summary>
public sealed class IndicatorService(QueryService query, IStatisticsReader reader, IndicatorCatalogue catalogue)
{
    public IndicatorCatalogue Catalogue => catalogue;

    /// <summary>Periods of an indicator: those declared, else those of its first numerator measure; always ones with data.</summary>
    public IReadOnlyList<string> Periods(IndicatorDefinition d)
    {
        var available = reader.Periods(d.Numerator[0].Measure);
        return d.Periods.Count > 0 ? [.. d.Periods.Where(p => available.Contains(p, StringComparer.Ordinal))] : available;
    }

    public IndicatorResult Compute(IndicatorRequest request, bool derived = true)
    {
        var def = catalogue.Get(request.Code);
        var snapshot = reader.Snapshot();
        if (def.Levels.Count > 0 && !def.Levels.Contains(request.Level, StringComparer.Ordinal))
        {
            throw new QueryException("Level not meaningful", $"The indicator '{def.Code}' is meaningful only for the levels {string.Join(", ", def.Levels)}.");
        }

        snapshot.RequireLevel(request.Level);

        var breakdowns = request.Breakdowns ?? [];
        var refused = breakdowns.Where(b => !def.Breakdowns.Contains(b, StringComparer.Ordinal)).ToList();
        if (refused.Count > 0)
        {
            throw new QueryException("Breakdown not available", $"The indicator '{def.Code}' can be broken down only by {(def.Breakdowns.Count == 0 ? "nothing" : string.Join(", ", def.Breakdowns))}.");
        }

        var all = Periods(def);
        var periods = QueryService.ResolvePeriods(request.Periods, all, "indicator");
        // Filter values checked and written as the query service writes them (an unknown value is a 400, never an empty answer).
        var filters = QueryService.NormaliseFilters(request.Filters, out _);
        var rows = Values(def, request.Level, request.Configuration, periods, filters, breakdowns, request.Audience, out var mapping, out var notes);
        if (derived && rows.Count > 0)
        {
            rows = Derive(def, request, rows, periods, all, filters, breakdowns, mapping);
        }

        if (request.Units is { Count: > 0 } units)
        {
            var wanted = units.ToHashSet(StringComparer.Ordinal);
            rows = [.. rows.Where(r => wanted.Contains(r.UnitCode))];
        }

        if (def.Proxy)
        {
            notes.Insert(0, Note.IndicatorProxy());
        }

        // The SYNTHETIC label comes first: it matters most.
        if (rows.Any(r => r.Synthetic))
        {
            notes.Insert(0, Note.Synthetic());
        }

        return new IndicatorResult(def, request.Level, mapping.NameIt, mapping.Crosswalk.Date, mapping.Crosswalk.Label, periods, rows, notes);
    }

    private List<IndicatorRow> Values(IndicatorDefinition def, string level, string? configuration, IReadOnlyList<string> periods,
        IReadOnlyDictionary<string, string> filters, IReadOnlyList<string> breakdowns, Audience audience, out LevelMapping mapping, out List<Note> notes)
    {
        var snapshot = reader.Snapshot();
        mapping = snapshot.Level(level, snapshot.QueryConfiguration(configuration));
        notes = [.. mapping.Notes];
        var countMeasures = audience == Audience.Public ? CountMeasures() : [];
        var rows = new List<IndicatorRow>();
        foreach (var period in periods)
        {
            var cells = new Dictionary<(string Unit, string Sex, string Age, string Cit), (string Name, List<IndicatorComponent> Parts, SortedSet<long> Runs)>();
            var terms = def.Numerator.Select(t => (Role: "numerator", Term: t)).Concat(def.Denominator.Select(t => (Role: "denominator", Term: t))).ToList();
            foreach (var (role, term) in terms)
            {
                var merged = new Dictionary<string, string>(filters, StringComparer.Ordinal);
                foreach (var (k, v) in term.Filters)
                {
                    merged[k] = v;
                }

                var termBreakdowns = breakdowns.Where(b => !term.Filters.ContainsKey(b)).ToList();

                // "nearest": the closest period that has the term's cells (a stock of foreigners only is no stock of residents).
                var candidates = term.Period == PeriodRule.Nearest ? PeriodMath.ByDistance(period, reader.Periods(term.Measure)).Take(6).ToList()
                    : reader.Periods(term.Measure).Contains(period, StringComparer.Ordinal) ? [period] : [];
                QueryResult? result = null;
                var termPeriod = "";
                foreach (var candidate in candidates)
                {
                    result = query.Run(new QueryRequest(term.Measure, level, configuration, [candidate], merged, termBreakdowns, null, audience));
                    termPeriod = candidate;
                    if (result.Rows.Count > 0)
                    {
                        break;
                    }
                }

                if (result is null || result.Rows.Count == 0)
                {
                    notes.Add(Note.TermNoData(term.Measure, period));
                    continue;
                }

                foreach (var r in result.Rows)
                {
                    var key = (r.UnitCode, Keep(breakdowns, filters, Dimension.Sex, r.Sex), Keep(breakdowns, filters, Dimension.Age, r.Age),
                        Keep(breakdowns, filters, Dimension.Citizenship, r.Citizenship));
                    if (!cells.TryGetValue(key, out var cell))
                    {
                        cells[key] = cell = (r.UnitName, [], []);
                    }

                    cell.Parts.Add(new IndicatorComponent(role, term.Measure, termPeriod, term.Coefficient, r.Value, r.Flags, r.Synthetic));
                    cell.Runs.UnionWith(r.ImportRuns);
                }
            }

            foreach (var ((unit, sex, age, cit), cell) in cells)
            {
                var row = Combine(def, terms.Count, unit, cell.Name, period, sex, age, cit, cell.Parts, cell.Runs);
                rows.Add(audience == Audience.Public ? ApplyMinCount(def, row, countMeasures) : row);
            }
        }

        rows.Sort(ByUnitPeriodCell);
        return rows;
    }

    /// <summary>The measures under disclosure control (threshold &gt; 0): the counts <see cref="ApplyMinCount"/> looks at.</summary>
    private HashSet<string> CountMeasures() =>
        reader.Measures().DistinctBy(m => m.Id, StringComparer.Ordinal).Where(m => m.DisclosureThreshold > 0).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A row's label on a dimension: its cell when broken down, the asked filter value when filtered (a term's own filter, such as
    /// the foreigners of a share's numerator, does not relabel the row), else the total.
    /// </summary>
    private static string Keep(IReadOnlyList<string> breakdowns, IReadOnlyDictionary<string, string> filters, string dimension, string value) =>
        breakdowns.Contains(dimension, StringComparer.Ordinal) ? value
        : filters.TryGetValue(dimension, out var asked) ? (asked.Contains(',', StringComparison.Ordinal) ? value : asked)
        : Dimension.Total;

    /// <summary>
    /// The indicator's own minimum count (it may be higher than its measures' thresholds, for sensitive indicators):
    /// on public channels a value resting on a count component with 0 &lt; count &lt; minCount is confidential, with its components.
    /// </summary>
    private static IndicatorRow ApplyMinCount(IndicatorDefinition def, IndicatorRow row, HashSet<string> countMeasures)
    {
        var small = row.Components.Any(c => c.Value is { } v && v > 0 && v < def.MinCount && countMeasures.Contains(c.Measure));
        return !small ? row : row with
        {
            Value = null,
            Numerator = null,
            Denominator = null,
            Components = [.. row.Components.Select(c => c with { Value = null })],
            Flags = [.. row.Flags.Append(FactFlag.Confidential).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
    }

    private static IndicatorRow Combine(IndicatorDefinition def, int termCount, string unit, string name, string period, string sex, string age, string cit,
        List<IndicatorComponent> parts, SortedSet<long> runs)
    {
        var flags = new SortedSet<string>(parts.SelectMany(p => p.Flags), StringComparer.Ordinal);
        double? Sum(string role)
        {
            var mine = parts.Where(p => p.Role == role).ToList();
            return mine.Any(p => p.Value is null) ? null : mine.Sum(p => p.Coefficient * p.Value!.Value);
        }

        var numerator = Sum("numerator");
        var denominator = def.Kind == IndicatorKind.Sum ? (double?)null : Sum("denominator");
        double? value = null;
        if (parts.Count < termCount)
        {
            flags.Add(FactFlag.Missing);
        }
        else if (numerator is { } n && (def.Kind == IndicatorKind.Sum || denominator is not null))
        {
            if (def.Kind == IndicatorKind.Sum)
            {
                value = def.Scale * n;
            }
            else if (denominator is { } d && d != 0)
            {
                value = def.Kind == IndicatorKind.Complement ? def.Scale * (1 - (n / d)) : def.Scale * n / d;
            }
            else
            {
                flags.Add(FactFlag.NotComputable);
            }
        }

        if (value is null && parts.Count == termCount && flags.Count == 0)
        {
            flags.Add(FactFlag.NotComputable);
        }

        return new IndicatorRow(unit, name, period, sex, age, cit, value, numerator, denominator, parts, [.. flags], [.. runs], Synthetic: parts.Any(p => p.Synthetic));
    }

    private List<IndicatorRow> Derive(IndicatorDefinition def, IndicatorRequest request, List<IndicatorRow> rows, IReadOnlyList<string> periods, IReadOnlyList<string> all,
        IReadOnlyDictionary<string, string> filters, IReadOnlyList<string> breakdowns, LevelMapping mapping)
    {
        var position = all.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        string? Previous(string p) => position.TryGetValue(p, out var i) && i > 0 ? all[i - 1] : null;

        var basePeriod = request.BasePeriod is { } b && all.Contains(b, StringComparer.Ordinal) ? b : periods.Count > 0 && all.Count > 0 ? all[0] : null;
        var extra = periods.Select(Previous).OfType<string>().Append(basePeriod).OfType<string>().Except(periods, StringComparer.Ordinal).Distinct(StringComparer.Ordinal).ToList();
        var history = extra.Count == 0 ? [] : Values(def, request.Level, request.Configuration, extra, filters, breakdowns, request.Audience, out _, out _);
        var byKey = rows.Concat(history).ToDictionary(r => (r.UnitCode, r.Period, r.Sex, r.Age, r.Citizenship), r => r.Value);

        var parentOf = QueryService.ParentOf(mapping);
        var parentLevel = QueryService.ParentLevel(request.Level);
        var parents = parentLevel is null ? [] : Values(def, parentLevel, request.Configuration, periods, filters, breakdowns, request.Audience, out _, out _);
        var region = request.Level == BuiltInLevel.Regione ? rows : parentLevel == BuiltInLevel.Regione ? parents
            : Values(def, BuiltInLevel.Regione, request.Configuration, periods, filters, breakdowns, request.Audience, out _, out _);
        var parentValue = parents.ToDictionary(r => (r.UnitCode, r.Period, r.Sex, r.Age, r.Citizenship), r => r.Value);
        var regionValue = region.ToDictionary(r => (r.Period, r.Sex, r.Age, r.Citizenship), r => r.Value);

        var result = new List<IndicatorRow>(rows.Count);
        foreach (var group in rows.GroupBy(r => (r.Period, r.Sex, r.Age, r.Citizenship)))
        {
            var valued = group.Where(r => r.Value is not null).OrderByDescending(r => r.Value).ToList();
            var n = valued.Count;
            var mean = n > 0 ? valued.Average(r => r.Value!.Value) : 0;
            var sd = n > 1 ? Math.Sqrt(valued.Sum(r => Math.Pow(r.Value!.Value - mean, 2)) / n) : 0;
            var rankOf = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                rankOf[valued[i].UnitCode] = i > 0 && valued[i].Value == valued[i - 1].Value ? rankOf[valued[i - 1].UnitCode] : i + 1;
            }

            var inParent = valued.GroupBy(r => parentOf(r.UnitCode) ?? "").ToDictionary(g => g.Key, g => g.Select(r => r.UnitCode).ToList(), StringComparer.Ordinal);
            var rankInParent = inParent.Values.SelectMany(list => list.Select((u, i) => (u, i + 1))).ToDictionary(x => x.u, x => x.Item2, StringComparer.Ordinal);
            foreach (var r in group)
            {
                var prev = Previous(r.Period);
                double? prevValue = prev is null ? null : byKey.GetValueOrDefault((r.UnitCode, prev, r.Sex, r.Age, r.Citizenship));
                double? baseValue = basePeriod is null ? null : byKey.GetValueOrDefault((r.UnitCode, basePeriod, r.Sex, r.Age, r.Citizenship));
                var parent = parentOf(r.UnitCode);
                double? pv = parent is null ? null : parentValue.GetValueOrDefault((parent, r.Period, r.Sex, r.Age, r.Citizenship));
                double? rv = regionValue.GetValueOrDefault((r.Period, r.Sex, r.Age, r.Citizenship));
                var siblings = parent is null ? null : inParent.GetValueOrDefault(parent);
                var v = r.Value;
                result.Add(r with
                {
                    Derived = new DerivedViews(
                        prev,
                        v - prevValue,
                        v is not null && prevValue is { } pvv && pvv != 0 ? 100 * (v.Value - pvv) / Math.Abs(pvv) : null,
                        basePeriod,
                        v is not null && baseValue is { } bv && bv != 0 ? 100 * v.Value / bv : null,
                        v is null ? null : rankOf[r.UnitCode],
                        n,
                        v is null ? null : n > 1 ? 100.0 * (n - rankOf[r.UnitCode]) / (n - 1) : 100,
                        parent,
                        v is null || siblings is null ? null : rankInParent[r.UnitCode],
                        siblings?.Count,
                        pv,
                        v - pv,
                        rv,
                        v - rv,
                        v is null || sd == 0 ? null : (v.Value - mean) / sd),
                });
            }
        }

        result.Sort(ByUnitPeriodCell);
        return result;
    }

    private static int ByUnitPeriodCell(IndicatorRow a, IndicatorRow b) =>
        CellOrder.Compare((a.UnitCode, a.Period, a.Sex, a.Age, a.Citizenship), (b.UnitCode, b.Period, b.Sex, b.Age, b.Citizenship));
}
