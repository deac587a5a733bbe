using InLav.Application.Answers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using InLav.Core.Analysis;
using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Core.Territory;
using InLav.Store;

namespace InLav.Application.Profiles;

/// <summary>How a line's change from the previous period is expressed (the right arithmetic for its kind of value).</summary>
public enum ChangeKind
{
    /// <summary>No earlier period.</summary>
    None,

    /// <summary>A percentage, share or signed gap: the difference, in percentage points.</summary>
    Points,

    /// <summary>Another rate (per 1000, per km², an index): the difference, in the indicator's unit.</summary>
    Unit,

    /// <summary>A count or an amount: the relative change, in %.</summary>
    Percent,

    /// <summary>A composite signal: the difference of the score (standard deviations).</summary>
    Score,
}

/// <summary>
/// One line of the undeclared-work card of a profile: a WP2 proxy (an indicator of theme undeclared-work) or a composite
/// risk signal, for one unit, with its position among peers, trend, reliability and whether any input is generated.
/// ParentValue is the value of the unit's parent when that parent is not the region (a comune's province).
/// </summary>
public sealed record SignalLine(
    string Code,
    string TitleIt,
    string TitleEn,
    bool Composite,
    string Unit,
    int Decimals,
    string Period,
    double? Value,
    int? Rank,
    int? RankOf,
    int? RankInParent,
    int? RankInParentOf,
    double? ParentValue,
    double? RegionValue,
    string? PreviousPeriod,
    double? Change,
    ChangeKind ChangeKind,
    IReadOnlyList<string> Reliability,
    IReadOnlyList<string> Flags,
    bool Synthetic)
{
    /// <summary>A composite's rank at the previous periods of its components (null without a trend).</summary>
    public int? PreviousRank { get; init; }

    /// <summary>A composite's component indicators and the period each was taken at.</summary>
    public IReadOnlyDictionary<string, string> PeriodsUsed { get; init; } = new Dictionary<string, string>();

    /// <summary>A composite's units of the level left out (without every component).</summary>
    public int Excluded { get; init; }

    /// <summary>A composite with fewer units than it needs to compare them (the region alone): no score is shown.</summary>
    public bool TooFewUnits { get; init; }

    /// <summary>Units of the level with a value and a reliability flag at the line's period.</summary>
    public int Flagged { get; init; }

    /// <summary>The rank among the units of the level without any reliability flag (null when the unit has one, or no rank).</summary>
    public int? ReliableRank { get; init; }

    /// <summary>How many units of the level have a value and no reliability flag.</summary>
    public int? ReliableOf { get; init; }
}

/// <summary>The undeclared-work card at the top of a profile: the WP2 proxies and the composite signals of the unit.</summary>
public sealed record UndeclaredWorkSignal(IReadOnlyList<SignalLine> Proxies, IReadOnlyList<SignalLine> Composites)
{
    /// <summary>The theme of the catalogue's undeclared-work indicators.</summary>
    public const string Theme = "undeclared-work";

    /// <summary>A composite needs at least this many units to standardise across them.</summary>
    public const int MinUnits = 3;

    public bool IsEmpty => Proxies.Count == 0 && Composites.Count == 0;

    /// <summary>
    /// The card of a unit, from the profile's cached indicator rows (the proxies: every proxy of theme undeclared-work in the
    /// catalogue with a value at the level) and the cached composite signals of the level.
    /// </summary>
    internal static UndeclaredWorkSignal Build(Door door, Caller caller, string level, string code, IReadOnlyList<ProfileIndicator> indicators)
    {
        var store = door.Store;
        var order = store.Indicators.Catalogue.Indicators.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var parentIsRegion = QueryService.ParentLevel(level) is null or BuiltInLevel.Regione;
        var proxies = indicators.Where(i => i.Definition.Theme == Theme && i.Definition.Proxy)
            .OrderBy(i => i.Latest.Synthetic).ThenBy(i => order.GetValueOrDefault(i.Definition.Code))
            .Select(i => Proxy(i, parentIsRegion) is var line && IndicatorCache.AllPeriods(door, caller, i.Definition, level) is { } result ? WithReliableRank(line, result, code) : line)
            .ToList();
        var composites = store.Analysis.Signals.Select(s => Composite(door, caller, s, level, code, parentIsRegion, indicators)).OfType<SignalLine>().ToList();
        return new UndeclaredWorkSignal(proxies, composites);
    }

    /// <summary>
    /// Percentage points for a percentage, the unit for another rate, relative % for a count or an amount
    /// (<see cref="IndicatorDefinition.Nature"/>).
    /// </summary>
    public static ChangeKind ChangeKindOf(IndicatorDefinition d) =>
        ValueNature.IsExtensive(d.Nature) ? ChangeKind.Percent
        : d.Unit == "%" ? ChangeKind.Points
        : ChangeKind.Unit;

    /// <summary>The rank among the units without a reliability flag, and how many have one (item 4: rankings say whom they leave out).</summary>
    private static SignalLine WithReliableRank(SignalLine line, IndicatorResult result, string code)
    {
        var ranking = Rankings.GetValue(result, _ => new ConcurrentDictionary<string, ReliableRanking>(StringComparer.Ordinal)).GetOrAdd(line.Period, period => Rank(result, period));
        return line with
        {
            Flagged = ranking.Flagged,
            ReliableRank = line.Rank is null ? null : ranking.Rank.TryGetValue(code, out var r) ? r : null,
            ReliableOf = line.Rank is null ? null : ranking.Of,
        };
    }

    private static ReliableRanking Rank(IndicatorResult result, string period)
    {
        var valued = result.Rows.Where(r => r.Period == period && r.Value is not null && r.Sex == Dimension.Total && r.Age == Dimension.Total && r.Citizenship == Dimension.Total).ToList();
        var reliable = valued.Where(r => !ReliabilityFlag.SetsApart(r.Reliability)).OrderByDescending(r => r.Value).ToList();
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < reliable.Count; i++)
        {
            rank[reliable[i].UnitCode] = i > 0 && reliable[i].Value == reliable[i - 1].Value ? rank[reliable[i - 1].UnitCode] : i + 1;
        }

        return new ReliableRanking(rank, reliable.Count, valued.Count - reliable.Count);
    }

    private sealed record ReliableRanking(IReadOnlyDictionary<string, int> Rank, int Of, int Flagged);

    private static readonly ConditionalWeakTable<IndicatorResult, ConcurrentDictionary<string, ReliableRanking>> Rankings = [];

    private static SignalLine Proxy(ProfileIndicator indicator, bool parentIsRegion)
    {
        var d = indicator.Definition;
        var r = indicator.Latest;
        var v = r.Derived;
        var kind = ChangeKindOf(d);
        var change = kind == ChangeKind.Percent ? v?.ChangePercent : v?.Change;
        return new SignalLine(d.Code, d.TitleIt, d.TitleEn, false, d.Unit, d.Decimals, r.Period, r.Value,
            v?.Rank, v?.RankOf, parentIsRegion ? null : v?.RankInParent, parentIsRegion ? null : v?.RankInParentOf,
            parentIsRegion ? null : v?.ParentValue, v?.RegionValue,
            change is null ? null : v?.PreviousPeriod, change, change is null ? ChangeKind.None : kind,
            r.Reliability, r.Flags, r.Synthetic || r.Flags.Contains(FactFlag.Synthetic, StringComparer.Ordinal));
    }

    private static SignalLine? Composite(Door door, Caller caller, RiskSignalDefinition signal, string level, string code, bool parentIsRegion, IReadOnlyList<ProfileIndicator> indicators)
    {
        if (RiskCache.Signal(door, caller, signal.Code, level) is not { } latest)
        {
            return null;
        }

        var period = string.Join(", ", latest.PeriodsUsed.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var row = latest.Rows.FirstOrDefault(r => r.UnitCode == code);
        var reliability = new SortedSet<string>(StringComparer.Ordinal);
        var synthetic = false;
        foreach (var c in signal.Components)
        {
            // The unit's own rows of each component at the period the signal used (the profile's cached series).
            var used = latest.PeriodsUsed.GetValueOrDefault(c.Indicator);
            foreach (var r in indicators.Where(i => i.Definition.Code == c.Indicator).SelectMany(i => i.Series).Where(r => r.Period == used))
            {
                reliability.UnionWith(r.Reliability);
                synthetic |= r.Synthetic || r.Flags.Contains(FactFlag.Synthetic, StringComparer.Ordinal);
            }
        }

        var line = new SignalLine(signal.Code, signal.TitleIt, signal.TitleEn, true, "z", 2, period, row?.Score, row?.Rank, row is null ? null : latest.Rows.Count,
            null, null, null, null, null, null, ChangeKind.None, [.. reliability], [], synthetic)
        {
            PeriodsUsed = latest.PeriodsUsed,
            Excluded = latest.Excluded,
            TooFewUnits = latest.Rows.Count < MinUnits,
        };
        if (row is null || line.TooFewUnits)
        {
            return line with { Value = null, Rank = null, RankOf = null };
        }

        if (!parentIsRegion && door.Territory().HasLevel(level))
        {
            var parentOf = QueryService.ParentOf(door.Territory().Level(level));
            var parent = parentOf(code);
            var siblings = latest.Rows.Where(r => parentOf(r.UnitCode) == parent).OrderBy(r => r.Rank).ToList();
            line = line with { RankInParent = siblings.FindIndex(r => r.UnitCode == code) + 1, RankInParentOf = siblings.Count };
        }

        if (RiskCache.PreviousPeriods(door, latest) is { } previousPeriods
            && RiskCache.Signal(door, caller, signal.Code, level, previousPeriods) is { } previous
            && previous.Rows.FirstOrDefault(r => r.UnitCode == code) is { } before)
        {
            var changed = previousPeriods.Where(p => latest.PeriodsUsed.GetValueOrDefault(p.Key) != p.Value).Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            line = line with { PreviousPeriod = string.Join(", ", changed), Change = row.Score - before.Score, ChangeKind = ChangeKind.Score, PreviousRank = before.Rank };
        }

        return line;
    }
}
