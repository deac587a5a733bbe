using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using InLav.Core;
using InLav.Core.Analysis;
using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Core.Territory;
using InLav.Store;
using InLav.Application.Answers;

namespace InLav.Application.Explorer;

/// <summary>A unit of the level left out of the composite signal (or of its map and ranking), and why: the components it lacks, or its low-reliability components.</summary>
public sealed record RiskExclusion(string UnitCode, string UnitName, IReadOnlyList<string> MissingComponents, IReadOnlyList<string> Reliability);

/// <summary>A unit of the composite signal as shown: its score, its rank among the units shown, the reliability codes of its components.</summary>
public sealed record RiskShown(RiskRow Row, int Rank, IReadOnlyList<string> Reliability);

/// <summary>
/// The composite risk signal of a level as the dashboard shows it (map in the explorer, ranking on the risk page): the
/// analysis service's scores, cached per publication; the reliability flags and SYNTHETIC marks of each unit's components,
/// read from the indicator cache; every unit left out named with its reason, and counted.
/// </summary>
public sealed class RiskView
{

    private RiskView(RiskResult result, string level)
    {
        Result = result;
        Level = level;
    }

    public RiskResult Result { get; }

    public string Level { get; }

    /// <summary>The units shown, highest score (worst) first, ranked among themselves.</summary>
    public IReadOnlyList<RiskShown> Shown { get; private set; } = [];

    /// <summary>Units with a score whose components carry reliability flags (hatched, or excluded when asked).</summary>
    public IReadOnlyList<RiskShown> LowReliability { get; private set; } = [];

    /// <summary>Units of the level without every component: the signal leaves them out (<see cref="RiskResult.Excluded"/>).</summary>
    public IReadOnlyList<RiskExclusion> Incomplete { get; private set; } = [];

    /// <summary>Units with a score left out of the map's classes and the ranking for low reliability (when asked).</summary>
    public IReadOnlyList<RiskExclusion> Unreliable { get; private set; } = [];

    /// <summary>Components whose values at the period used are (partly) generated.</summary>
    public IReadOnlyList<string> SyntheticComponents { get; private set; } = [];

    public bool Synthetic => SyntheticComponents.Count > 0;

    public DateOnly ConfigurationDate { get; private set; }

    /// <summary>The signal at a level; low-reliability units excluded from the ranking when <paramref name="excludeLowReliability"/>.</summary>
    internal static RiskView Build(Door door, Caller caller, string code, string level, bool excludeLowReliability)
    {
        var snapshot = door.Territory();
        var result = door.Risk(caller, code, level, null, null, false);

        var view = new RiskView(result, level);
        var reliability = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var valued = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var synthetic = new List<string>();
        foreach (var c in result.Definition.Components)
        {
            var def = door.IndicatorCatalogue.Indicators.FirstOrDefault(d => d.Code == c.Indicator);
            var all = def is null ? null : IndicatorCache.AllPeriods(door, caller, def, level);
            var period = result.PeriodsUsed.GetValueOrDefault(c.Indicator);
            var rows = all?.Rows.Where(r => r.Period == period).ToList() ?? [];
            if (all is not null && view.ConfigurationDate == default)
            {
                view.ConfigurationDate = all.ConfigurationDate;
            }

            valued[c.Indicator] = rows.Where(r => r.Value is not null).Select(r => r.UnitCode).ToHashSet(StringComparer.Ordinal);
            foreach (var r in rows.Where(r => ReliabilityFlag.SetsApart(r.Reliability)))
            {
                (reliability.TryGetValue(r.UnitCode, out var set) ? set : reliability[r.UnitCode] = new HashSet<string>(StringComparer.Ordinal)).UnionWith(r.Reliability);
            }

            if (rows.Any(r => r.Synthetic))
            {
                synthetic.Add(c.Indicator);
            }
        }

        view.SyntheticComponents = synthetic;
        IReadOnlyList<string> CodesOf(string unit) =>
            reliability.TryGetValue(unit, out var set) ? [.. ReliabilityFlag.All.Where(set.Contains)] : [];

        var scored = result.Rows.Select(r => r.UnitCode).ToHashSet(StringComparer.Ordinal);
        view.Incomplete = [.. snapshot.Level(level).Units.Where(u => !scored.Contains(u.Code)).OrderBy(u => u.Name, StringComparer.Ordinal)
            .Select(u => new RiskExclusion(u.Code, u.Name, [.. result.Definition.Components.Where(c => !valued[c.Indicator].Contains(u.Code)).Select(c => c.Indicator)], []))];

        var ordered = result.Rows.OrderBy(r => r.Rank).ToList();
        var low = ordered.Where(r => CodesOf(r.UnitCode).Count > 0).ToList();
        view.LowReliability = [.. low.Select(r => new RiskShown(r, r.Rank, CodesOf(r.UnitCode)))];
        if (excludeLowReliability)
        {
            view.Unreliable = [.. low.Select(r => new RiskExclusion(r.UnitCode, r.UnitName, [], CodesOf(r.UnitCode)))];
            var kept = ordered.Where(r => CodesOf(r.UnitCode).Count == 0).ToList();
            view.Shown = [.. kept.Select((r, i) => new RiskShown(r, i > 0 && r.Score == kept[i - 1].Score ? 0 : i + 1, []))];
            // Ties share the rank of the first of them.
            var shown = view.Shown.ToList();
            for (var i = 1; i < shown.Count; i++)
            {
                if (shown[i].Rank == 0)
                {
                    shown[i] = shown[i] with { Rank = shown[i - 1].Rank };
                }
            }

            view.Shown = shown;
        }
        else
        {
            view.Shown = [.. ordered.Select(r => new RiskShown(r, r.Rank, CodesOf(r.UnitCode)))];
        }

        return view;
    }
}
