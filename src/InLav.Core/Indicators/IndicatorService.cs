using InLav.Core;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
    /// <summary>The classification (level id) of the cross-border frontier comuni; the flag is absent until it is loaded.</summary>
    public const string FrontierLevel = "frontiera";

    private static readonly ConditionalWeakTable<TerritorialSnapshot, ConcurrentDictionary<string, Lazy<IReadOnlyList<string>>>> WithValues = [];

    public IndicatorCatalogue Catalogue => catalogue;

    /// <summary>
    /// The periods at which the indicator has at least one value (or a confidential one) at a level, on the default
    /// configuration; empty when it is not meaningful there. Computed once per published snapshot.
    /// </summary>
    public IReadOnlyList<string> PeriodsWithValues(IndicatorDefinition d, string level)
    {
        var snapshot = reader.Snapshot();
        if (!d.IsMeaningfulAt(level) || !snapshot.HasLevel(level))
        {
            return [];
        }

        var byKey = WithValues.GetValue(snapshot, _ => new ConcurrentDictionary<string, Lazy<IReadOnlyList<string>>>(StringComparer.Ordinal));
        return byKey.GetOrAdd(d.Code + "|" + level, _ => new Lazy<IReadOnlyList<string>>(() =>
        {
            if (Periods(d).Count == 0)
            {
                return [];
            }

            // A classification's groups are sums of comuni: with additive terms it has values where the comuni have them.
            var measures = reader.Measures();
            if (level is not (BuiltInLevel.Regione or BuiltInLevel.Provincia or BuiltInLevel.Comune) && d.IsMeaningfulAt(BuiltInLevel.Comune)
                && d.Terms.All(t => measures.Any(m => m.Id == t.Measure && m.Additive)))
            {
                return snapshot.Level(level).Units.Count == 0 ? [] : PeriodsWithValues(d, BuiltInLevel.Comune);
            }

            try
            {
                var rows = Compute(new IndicatorRequest(d.Code, level, Periods: ["all"]), derived: false).Rows;
                var valued = rows.Where(r => r.Value is not null || r.Flags.Contains(FactFlag.Confidential)).Select(r => r.Period).ToHashSet(StringComparer.Ordinal);
                return [.. Periods(d).Where(valued.Contains)];
            }
            catch (QueryException)
            {
                return [];
            }
        })).Value;
    }

    /// <summary>The levels (built-in and classifications) at which the indicator has values in some period.</summary>
    public IReadOnlyList<string> LevelsWithValues(IndicatorDefinition d) =>
        [.. reader.Snapshot().LevelIds.Where(l => PeriodsWithValues(d, l).Count > 0)];

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
        var exclude = ExcludedFlags(request.Exclude);
        var rows = Values(def, request.Level, request.Configuration, periods, filters, breakdowns, request.Scope ?? AccessScope.Public, out var mapping, out var notes);
        var excluded = rows.Where(r => r.Reliability.Any(exclude.Contains)).ToList();
        if (excluded.Count > 0)
        {
            rows = [.. rows.Where(r => !r.Reliability.Any(exclude.Contains))];
        }

        if (derived && rows.Count > 0)
        {
            rows = Derive(def, request, rows, periods, all, filters, breakdowns, mapping);
        }

        if (request.Units is { Count: > 0 } units)
        {
            var wanted = units.ToHashSet(StringComparer.Ordinal);
            rows = [.. rows.Where(r => wanted.Contains(r.UnitCode))];
            excluded = [.. excluded.Where(r => wanted.Contains(r.UnitCode))];
        }

        var excludedUnits = excluded.Select(r => new ExcludedUnit(r.UnitCode, r.UnitName, r.Period, r.Reliability)).ToList();
        if (excludedUnits.Count > 0)
        {
            notes.Add(Note.IndicatorExcluded(excludedUnits.Select(e => e.UnitCode).Distinct(StringComparer.Ordinal).Count(), string.Join(", ", exclude)));
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

        return new IndicatorResult(def, request.Level, mapping.NameIt, mapping.Crosswalk.Date, mapping.Crosswalk.Label, periods, rows, notes)
        {
            ExcludedFlags = exclude,
            Excluded = excludedUnits,
        };
    }

    /// <summary>The reliability flags to exclude: codes of <see cref="ReliabilityFlag.All"/>, or "all"; anything else is an error.</summary>
    public static IReadOnlyList<string> ExcludedFlags(IReadOnlyList<string>? asked)
    {
        if (asked is null || asked.Count == 0)
        {
            return [];
        }

        if (asked.Any(a => string.Equals(a, "all", StringComparison.OrdinalIgnoreCase)))
        {
            return ReliabilityFlag.All;
        }

        var unknown = asked.Where(a => !ReliabilityFlag.All.Contains(a, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new QueryException("Unknown reliability flag", $"'{string.Join(", ", unknown)}' is no reliability flag. Allowed: {string.Join(", ", ReliabilityFlag.All)}, or all.");
        }

        return [.. ReliabilityFlag.All.Where(f => asked.Contains(f, StringComparer.Ordinal))];
    }

    private List<IndicatorRow> Values(IndicatorDefinition def, string level, string? configuration, IReadOnlyList<string> periods,
        IReadOnlyDictionary<string, string> filters, IReadOnlyList<string> breakdowns, AccessScope scope, out LevelMapping mapping, out List<Note> notes)
    {
        var snapshot = reader.Snapshot();
        mapping = snapshot.Level(level, snapshot.QueryConfiguration(configuration));
        notes = [.. mapping.Notes];
        var countMeasures = scope.SeesEverything ? [] : CountMeasures();
        var frontier = FrontierUnits(def, snapshot, mapping);
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

                var (termRows, termPeriod, basis) = term.ScaleBy is { } scaling
                    ? Scaled(term, scaling, level, configuration, period, merged, termBreakdowns, scope, mapping)
                    : Nearest(term.Measure, level, configuration, period, term.Period == PeriodRule.Nearest, merged, termBreakdowns, scope);
                if (termRows.Count == 0)
                {
                    var known = reader.Periods(term.Measure).Count > 0;
                    notes.Add(term.Filters.Count > 0 && known
                        ? Note.TermNoSource(term.Measure, string.Join(", ", term.Filters.Select(f => $"{f.Key}={f.Value}")), level)
                        : Note.TermNoData(term.Measure, period));
                    continue;
                }

                foreach (var r in termRows)
                {
                    var key = (r.UnitCode, Keep(breakdowns, filters, Dimension.Sex, r.Sex), Keep(breakdowns, filters, Dimension.Age, r.Age),
                        Keep(breakdowns, filters, Dimension.Citizenship, r.Citizenship));
                    if (!cells.TryGetValue(key, out var cell))
                    {
                        cells[key] = cell = (r.UnitName, [], []);
                    }

                    cell.Parts.Add(new IndicatorComponent(role, term.Measure, termPeriod, term.Coefficient, r.Value, r.Flags, r.Synthetic, basis));
                    cell.Runs.UnionWith(r.ImportRuns);
                }
            }

            foreach (var ((unit, sex, age, cit), cell) in cells)
            {
                var row = Combine(def, terms.Count, unit, cell.Name, period, sex, age, cit, cell.Parts, cell.Runs);
                row = row with { Reliability = Reliability(def, row, frontier.Contains(unit)) };
                rows.Add(mapping.CoveredBy(unit, scope) ? row : ApplyMinCount(def, row, countMeasures));
            }
        }

        rows.Sort(ByUnitPeriodCell);
        return rows;
    }

    /// <summary>
    /// A term's rows at the indicator's period, or ("nearest") at the closest period that has cells for it (a stock of
    /// foreigners only is no stock of residents). A filter the source cannot answer (an age range it cannot tile) is no cell.
    /// </summary>
    private (IReadOnlyList<QueryRow> Rows, string Period, string? Basis) Nearest(string measure, string level, string? configuration, string period, bool nearest,
        IReadOnlyDictionary<string, string> filters, IReadOnlyList<string> breakdowns, AccessScope scope)
    {
        // A filtered term (an age range) may be answered only by an older source with the bands: every period is a candidate.
        var candidates = nearest ? PeriodMath.ByDistance(period, reader.Periods(measure)).Take(filters.Count > 0 ? int.MaxValue : 6).ToList()
            : reader.Periods(measure).Contains(period, StringComparer.Ordinal) ? [period] : [];
        foreach (var candidate in candidates)
        {
            QueryResult result;
            try
            {
                result = query.Run(new QueryRequest(measure, level, configuration, [candidate], filters, breakdowns, null, scope));
            }
            catch (QueryException) when (filters.Count > 0)
            {
                continue;
            }

            if (result.Rows.Count > 0)
            {
                return (result.Rows, candidate, null);
            }
        }

        return ([], "", null);
    }

    /// <summary>
    /// A term carried forward by <see cref="TermScaling"/>: per comune of the configuration, value(term period) ×
    /// scale(to) / scale(from), then summed over each unit's comuni (ratios from summed components). The component is an
    /// estimate (flag e) at the scaling's "to" period. When the term's own period is already the nearest (a newer source of
    /// the term is loaded) the term is read as it is.
    /// </summary>
    private (IReadOnlyList<QueryRow> Rows, string Period, string? Basis) Scaled(IndicatorTerm term, TermScaling scaling, string level, string? configuration, string period,
        IReadOnlyDictionary<string, string> filters, IReadOnlyList<string> breakdowns, AccessScope scope, LevelMapping mapping)
    {
        var (comuni, termPeriod, _) = Nearest(term.Measure, BuiltInLevel.Comune, configuration, period, true, filters, breakdowns, AccessScope.Internal);
        if (comuni.Count == 0)
        {
            return ([], "", null);
        }

        var (from, fromPeriod, _) = Nearest(scaling.Measure, BuiltInLevel.Comune, configuration, termPeriod, true, scaling.Filters, [], AccessScope.Internal);
        var (to, toPeriod, _) = Nearest(scaling.Measure, BuiltInLevel.Comune, configuration, period, true, scaling.Filters, [], AccessScope.Internal);
        if (from.Count == 0 || to.Count == 0 || fromPeriod == toPeriod)
        {
            return Nearest(term.Measure, level, configuration, period, true, filters, breakdowns, scope);
        }

        var fromBy = from.ToDictionary(r => r.UnitCode, StringComparer.Ordinal);
        var toBy = to.ToDictionary(r => r.UnitCode, StringComparer.Ordinal);
        var sums = new Dictionary<(string Unit, string Sex, string Age, string Cit), (double? Value, SortedSet<string> Flags, SortedSet<long> Runs, bool Synthetic)>();
        foreach (var r in comuni)
        {
            if (mapping.GroupOf(r.UnitCode) is not { } unit)
            {
                continue;
            }

            var key = (unit.Code, r.Sex, r.Age, r.Citizenship);
            if (!sums.TryGetValue(key, out var sum))
            {
                sum = (0.0, new SortedSet<string>(StringComparer.Ordinal) { FactFlag.Estimated }, [], false);
            }

            var f = fromBy.GetValueOrDefault(r.UnitCode);
            var t = toBy.GetValueOrDefault(r.UnitCode);
            double? product = r.Value is { } v && f?.Value is { } fv && fv != 0 && t?.Value is { } tv ? v * tv / fv : null;
            sum.Flags.UnionWith(r.Flags);
            sum.Runs.UnionWith(r.ImportRuns);
            if (product is null)
            {
                sum.Flags.Add(FactFlag.NotComputable);
            }
            else
            {
                sum.Flags.UnionWith(f!.Flags);
                sum.Flags.UnionWith(t!.Flags);
                sum.Runs.UnionWith(f.ImportRuns);
                sum.Runs.UnionWith(t.ImportRuns);
            }

            sums[key] = (sum.Value is { } acc && product is { } p ? acc + p : null, sum.Flags, sum.Runs, sum.Synthetic || r.Synthetic || (f?.Synthetic ?? false) || (t?.Synthetic ?? false));
        }

        var rows = sums.Select(kv => new QueryRow(kv.Key.Unit, mapping.Unit(kv.Key.Unit)?.Name ?? kv.Key.Unit, toPeriod, kv.Key.Sex, kv.Key.Age, kv.Key.Cit, kv.Value.Value,
            new Components(0, 0, mapping.MembersOf.GetValueOrDefault(kv.Key.Unit)?.Count ?? 0, 0), [.. kv.Value.Flags], [.. kv.Value.Runs], kv.Value.Synthetic)).ToList();
        var basis = $"{term.Measure} {termPeriod} × {scaling.Measure} {toPeriod} / {scaling.Measure} {fromPeriod}, per comune, summed over the unit's comuni";
        return (rows, toPeriod, basis);
    }

    /// <summary>The units of a level that are or contain a comune of the frontier classification (none until it is loaded, or when the border does not matter).</summary>
    private static HashSet<string> FrontierUnits(IndicatorDefinition def, TerritorialSnapshot snapshot, LevelMapping mapping)
    {
        if (!def.FrontierMatters || !snapshot.HasLevel(FrontierLevel))
        {
            return [];
        }

        var frontier = snapshot.Level(FrontierLevel, mapping.Crosswalk.Date).MembersOf.Values.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
        return mapping.MembersOf.Where(kv => kv.Value.Any(frontier.Contains)).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The reliability flags of a value, in the order of <see cref="ReliabilityFlag.All"/>.</summary>
    private static IReadOnlyList<string> Reliability(IndicatorDefinition def, IndicatorRow row, bool frontier)
    {
        var flags = new List<string>(3);
        if (def.Kind != IndicatorKind.Sum && def.MinDenominator > 0 && row.Denominator is { } d && Math.Abs(d) < def.MinDenominator)
        {
            flags.Add(ReliabilityFlag.SmallDenominator);
        }

        var numerators = row.Components.Where(c => c.Role == "numerator").Select(c => c.Period).Distinct(StringComparer.Ordinal).ToList();
        var denominators = row.Components.Where(c => c.Role == "denominator").Select(c => c.Period).Distinct(StringComparer.Ordinal).ToList();
        if (numerators.Any(n => denominators.Any(m => PeriodMath.YearsApart(n, m) > def.MaxYearsApart)))
        {
            flags.Add(ReliabilityFlag.PeriodsApart);
        }

        if (frontier)
        {
            flags.Add(ReliabilityFlag.Frontier);
        }

        return flags;
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
    /// A limited scope applies it per unit, as disclosure does: a unit made only of the scope's comuni (<see cref="LevelMapping.CoveredBy"/>)
    /// is exempt, every other unit keeps the rule.
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
        var history = extra.Count == 0 ? [] : Values(def, request.Level, request.Configuration, extra, filters, breakdowns, request.Scope ?? AccessScope.Public, out _, out _);
        var byKey = rows.Concat(history).ToDictionary(r => (r.UnitCode, r.Period, r.Sex, r.Age, r.Citizenship), r => r.Value);

        var parentOf = QueryService.ParentOf(mapping);
        var parentLevel = QueryService.ParentLevel(request.Level);
        var parents = parentLevel is null ? [] : Values(def, parentLevel, request.Configuration, periods, filters, breakdowns, request.Scope ?? AccessScope.Public, out _, out _);
        var region = request.Level == BuiltInLevel.Regione ? rows : parentLevel == BuiltInLevel.Regione ? parents
            : Values(def, BuiltInLevel.Regione, request.Configuration, periods, filters, breakdowns, request.Scope ?? AccessScope.Public, out _, out _);
        var parentValue = parents.ToDictionary(r => (r.UnitCode, r.Period, r.Sex, r.Age, r.Citizenship), r => r.Value);
        var regionValue = region.ToDictionary(r => (r.Period, r.Sex, r.Age, r.Citizenship), r => r.Value);

        // Counts and amounts: relative change and share of the parent, no ranks, no comparison with the parent's total.
        var extensive = ValueNature.IsExtensive(def.Nature);
        var comparable = def.Comparable;
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
                var ranked = comparable && v is not null;
                result.Add(r with
                {
                    Derived = new DerivedViews(
                        prev,
                        v - prevValue,
                        extensive && v is not null && prevValue is { } pvv && pvv != 0 ? 100 * (v.Value - pvv) / Math.Abs(pvv) : null,
                        basePeriod,
                        def.Kind != IndicatorKind.Complement && v is not null && baseValue is { } bv && bv != 0 ? 100 * v.Value / bv : null,
                        ranked ? rankOf[r.UnitCode] : null,
                        comparable ? n : null,
                        !ranked ? null : n > 1 ? 100.0 * (n - rankOf[r.UnitCode]) / (n - 1) : 100,
                        parent,
                        !ranked || siblings is null ? null : rankInParent[r.UnitCode],
                        comparable ? siblings?.Count : null,
                        extensive ? null : pv,
                        extensive ? null : v - pv,
                        extensive ? null : rv,
                        extensive ? null : v - rv,
                        !ranked || sd == 0 ? null : (v!.Value - mean) / sd,
                        extensive && v is not null && pv is { } share && share != 0 ? 100 * v.Value / share : null),
                });
            }
        }

        result.Sort(ByUnitPeriodCell);
        return result;
    }

    private static int ByUnitPeriodCell(IndicatorRow a, IndicatorRow b) =>
        CellOrder.Compare((a.UnitCode, a.Period, a.Sex, a.Age, a.Citizenship), (b.UnitCode, b.Period, b.Sex, b.Age, b.Citizenship));
}
