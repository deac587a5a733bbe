using InLav.Core.Indicators;
using InLav.Core.Query;

namespace InLav.Core.Analysis;

/// <summary>Analyses across sources ("analisi qualitative") over the indicator engine: correlation, regression, outliers, risk signal.</summary>
public sealed class AnalysisService(IndicatorService indicators, IReadOnlyList<RiskSignalDefinition> signals)
{
    public IReadOnlyList<RiskSignalDefinition> Signals => signals;

    public CorrelationResult Correlate(string x, string y, string level, string? periodX = null, string? periodY = null, string? configuration = null, double outlierZ = 2.5)
    {
        var a = indicators.Compute(new IndicatorRequest(x, level, configuration, periodX is null ? null : [periodX]), derived: false);
        var b = indicators.Compute(new IndicatorRequest(y, level, configuration, periodY is null ? null : [periodY]), derived: false);
        var bx = a.Rows.ToDictionary(r => r.UnitCode);
        var by = b.Rows.ToDictionary(r => r.UnitCode);
        var units = bx.Keys.Union(by.Keys).Order(StringComparer.Ordinal).ToList();
        var suppressed = 0;
        var missing = 0;
        var pairs = new List<(string Code, string Name, double X, double Y)>();
        foreach (var u in units)
        {
            var rx = bx.GetValueOrDefault(u);
            var ry = by.GetValueOrDefault(u);
            if (rx?.Value is { } vx && ry?.Value is { } vy)
            {
                pairs.Add((u, rx.UnitName, vx, vy));
            }
            else if (IsSuppressed(rx) || IsSuppressed(ry))
            {
                suppressed++;
            }
            else
            {
                missing++;
            }
        }

        var xs = pairs.Select(p => p.X).ToList();
        var ys = pairs.Select(p => p.Y).ToList();
        var pearson = Statistics.Pearson(xs, ys);
        var spearman = Statistics.Spearman(xs, ys);
        var (slope, intercept, r2) = Statistics.Regression(xs, ys);
        var residuals = pairs.Select(p => p.Y - (intercept + (slope * p.X))).ToList();
        var sd = Statistics.StandardDeviation(residuals);
        var points = pairs.Select((p, i) =>
        {
            var z = sd == 0 ? 0 : residuals[i] / sd;
            return new ScatterPoint(p.Code, p.Name, p.X, p.Y, residuals[i], z, Math.Abs(z) > outlierZ);
        }).ToList();
        var notes = new List<Note>();
        var synthetic = pairs.Any(p => bx[p.Code].Synthetic || by[p.Code].Synthetic);
        if (synthetic)
        {
            // No p-value on generated data without the label, first.
            notes.Add(Note.Synthetic());
        }

        if (a.Definition.Proxy || b.Definition.Proxy)
        {
            notes.Add(Note.CorrelationProxy());
        }

        if (pairs.Count < 3)
        {
            notes.Add(Note.CorrelationTooFew());
        }

        return new CorrelationResult(x, y, level, a.Periods.FirstOrDefault() ?? "", b.Periods.FirstOrDefault() ?? "", a.Configuration, pairs.Count, suppressed, missing,
            pearson, Statistics.CorrelationPValue(pearson, pairs.Count), spearman, Statistics.CorrelationPValue(spearman, pairs.Count), slope, intercept, r2, outlierZ, points, notes)
        {
            Synthetic = synthetic,
        };
    }

    private static bool IsSuppressed(IndicatorRow? r) =>
        r is not null && r.Flags.Any(f => f is Measures.FactFlag.Confidential or Measures.FactFlag.SuppressedAtSource);

    private RiskSignalDefinition Signal(string code) => signals.FirstOrDefault(s => s.Code == code)
        ?? throw new QueryException("Unknown risk signal", $"There is no risk signal '{code}'. Known: {string.Join(", ", signals.Select(s => s.Code))}.");

    /// <summary>
    /// The composite score of each unit: Σ wᵢ·zᵢ / Σ wᵢ, where zᵢ is the z-score of indicator i across the units of the level
    /// at its latest period (or the one asked), oriented so that a higher score is always worse. Units without every
    /// component are left out and counted. Only real inputs by default: a unit whose component value is SYNTHETIC is left
    /// out and counted, unless <paramref name="includeSynthetic"/> (then the result is labelled SYNTHETIC). Units with one of
    /// the <paramref name="exclude"/> reliability flags in a component are left out before the z-scores, and named.
    /// </summary>
    public RiskResult Risk(string code, string level, string? configuration = null, IReadOnlyDictionary<string, string>? periods = null,
        IReadOnlyList<string>? exclude = null, bool includeSynthetic = false)
    {
        var def = Signal(code);
        var z = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        var notes = new List<Note> { Note.RiskComposite() };
        var excludedFlags = IndicatorService.ExcludedFlags(exclude);
        var unreliable = new Dictionary<string, ExcludedUnit>(StringComparer.Ordinal);
        var syntheticLeftOut = new HashSet<string>(StringComparer.Ordinal);
        var syntheticUsed = false;
        string configurationLabel = "";
        var results = new List<(RiskComponent Component, IndicatorResult Result)>();
        foreach (var c in def.Components)
        {
            var period = periods?.GetValueOrDefault(c.Indicator);
            var result = indicators.Compute(new IndicatorRequest(c.Indicator, level, configuration, period is null ? null : [period], Exclude: excludedFlags), derived: false);
            results.Add((c, result));
            foreach (var e in result.Excluded)
            {
                unreliable[e.UnitCode] = unreliable.TryGetValue(e.UnitCode, out var seen)
                    ? seen with { Reliability = [.. ReliabilityFlag.All.Where(f => seen.Reliability.Contains(f) || e.Reliability.Contains(f))] }
                    : e;
            }
        }

        // z-scores among the units kept in every component (a unit unreliable in one component is left out of all).
        foreach (var (c, result) in results)
        {
            configurationLabel = result.Configuration;
            used[c.Indicator] = result.Periods.FirstOrDefault() ?? "";
            var values = result.Rows.Where(r => r.Value is not null && !unreliable.ContainsKey(r.UnitCode) && (includeSynthetic || !r.Synthetic)).ToList();
            syntheticLeftOut.UnionWith(result.Rows.Where(r => r.Value is not null && r.Synthetic && !includeSynthetic).Select(r => r.UnitCode));
            syntheticUsed |= values.Any(r => r.Synthetic);
            var xs = values.Select(r => r.Value!.Value).ToList();
            var mean = Statistics.Mean(xs);
            var sd = Statistics.StandardDeviation(xs);
            var sign = result.Definition.HigherIsWorse == false ? -1 : 1;
            z[c.Indicator] = values.ToDictionary(r => r.UnitCode, r => sd == 0 ? 0 : sign * (r.Value!.Value - mean) / sd, StringComparer.Ordinal);
            foreach (var r in values)
            {
                names[r.UnitCode] = r.UnitName;
            }

            if (result.Definition.HigherIsWorse is null)
            {
                notes.Add(Note.RiskNoPolarity(c.Indicator));
            }
        }

        // A unit left out of one component (unreliable, or generated) is left out of the signal.
        var complete = names.Keys.Where(u => def.Components.All(c => z[c.Indicator].ContainsKey(u))).Order(StringComparer.Ordinal).ToList();
        if (syntheticUsed)
        {
            notes.Insert(0, Note.Synthetic());
        }
        else if (syntheticLeftOut.Count > 0)
        {
            notes.Add(Note.RiskSyntheticLeftOut(syntheticLeftOut.Count));
        }

        if (unreliable.Count > 0)
        {
            notes.Add(Note.IndicatorExcluded(unreliable.Count, string.Join(", ", excludedFlags)));
        }
        var weights = def.Components.ToDictionary(c => c.Indicator, c => c.Weight, StringComparer.Ordinal);
        var scores = Scores(complete, z, weights);
        var ranks = RankOf(scores);
        var rows = complete.Select(u => new RiskRow(u, names[u], scores[u], ranks[u], def.Components.ToDictionary(c => c.Indicator, c => z[c.Indicator][u], StringComparer.Ordinal)))
            .OrderBy(r => r.Rank).ToList();

        var sensitivity = new List<Sensitivity>();
        foreach (var c in def.Components)
        {
            foreach (var factor in new[] { 0.5, 1.5 })
            {
                var changed = new Dictionary<string, double>(weights, StringComparer.Ordinal) { [c.Indicator] = weights[c.Indicator] * factor };
                var other = RankOf(Scores(complete, z, changed));
                var baseRanks = complete.Select(u => (double)ranks[u]).ToList();
                var newRanks = complete.Select(u => (double)other[u]).ToList();
                var top = complete.Where(u => ranks[u] <= 10).ToHashSet(StringComparer.Ordinal);
                sensitivity.Add(new Sensitivity(c.Indicator, factor, complete.Count > 2 ? Statistics.Pearson(baseRanks, newRanks) : double.NaN,
                    complete.Count == 0 ? 0 : complete.Max(u => Math.Abs(ranks[u] - other[u])), complete.Count(u => other[u] <= 10 && top.Contains(u))));
            }
        }

        return new RiskResult(def, level, configurationLabel, used, rows, names.Count - complete.Count, sensitivity, notes)
        {
            Synthetic = syntheticUsed,
            SyntheticLeftOut = syntheticLeftOut.Count,
            ExcludedFlags = excludedFlags,
            ExcludedUnreliable = [.. unreliable.Values.OrderBy(e => e.UnitCode, StringComparer.Ordinal)],
        };
    }

    private static Dictionary<string, double> Scores(List<string> units, Dictionary<string, Dictionary<string, double>> z, Dictionary<string, double> weights)
    {
        var total = weights.Values.Sum();
        return units.ToDictionary(u => u, u => weights.Sum(w => w.Value * z[w.Key][u]) / total, StringComparer.Ordinal);
    }

    private static Dictionary<string, int> RankOf(Dictionary<string, double> scores)
    {
        var ordered = scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        return ordered.Select((kv, i) => (kv.Key, Rank: i + 1)).ToDictionary(x => x.Key, x => x.Rank, StringComparer.Ordinal);
    }
}
