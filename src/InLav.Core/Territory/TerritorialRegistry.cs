using System.Collections.Concurrent;

namespace InLav.Core.Territory;

/// <summary>
/// Every comune code ever seen, with its validity interval, and the dated changes between codes.
/// Built from the evidence of several sources (the ANPR archive, the ISTAT lists, the SITUAS variations).
/// </summary>
public sealed class TerritorialRegistry
{
    private readonly Dictionary<string, Comune> byCode;
    private readonly ConcurrentDictionary<DateOnly, Lazy<Crosswalk>> crosswalks = new();

    private TerritorialRegistry(Dictionary<string, Comune> byCode, IReadOnlyList<TerritorialChange> changes, DateOnly latest, IReadOnlyList<string> warnings)
    {
        this.byCode = byCode;
        Changes = changes;
        LatestDate = latest;
        Warnings = warnings;
    }

    public IReadOnlyCollection<Comune> AllComuni => byCode.Values;

    public IReadOnlyList<TerritorialChange> Changes { get; }

    /// <summary>The latest date at which the sources describe the territory: the default configuration.</summary>
    public DateOnly LatestDate { get; }

    /// <summary>Inconsistencies between sources found while building (reported, not fatal).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Mergers no change record describes, inferred from the validity windows: a code that ceased the day before
    /// exactly one new code of the same province started (Vermezzo and Zelo Surrigone → Vermezzo con Zelo, 2019).
    /// </summary>
    public IReadOnlyList<TerritorialChange> InferredChanges { get; private init; } = [];

    public Comune? Find(string code) => byCode.GetValueOrDefault(code);

    public bool IsKnown(string code) => byCode.ContainsKey(code);

    /// <summary>The changes (recorded and inferred) that name the code as origin or destination, in <see cref="Changes"/> order.</summary>
    public List<TerritorialChange> ChangesOf(string code) => [.. Changes.Where(c => c.FromCode == code || c.ToCode == code)];

    public IEnumerable<Comune> ValidAt(DateOnly date) => byCode.Values.Where(c => c.IsValidAt(date));

    /// <summary>The crosswalk to the comuni valid at the given date (default: the latest configuration).</summary>
    public Crosswalk CrosswalkAt(DateOnly? configuration = null) =>
        crosswalks.GetOrAdd(configuration ?? LatestDate, date => new Lazy<Crosswalk>(() => Crosswalk.Build(this, date))).Value;

    public static TerritorialRegistry Build(IEnumerable<ComuneEvidence> evidence, IEnumerable<TerritorialChange> changes)
    {
        var changeList = changes.Distinct().OrderBy(c => c.Date).ThenBy(c => c.Kind).ThenBy(c => c.FromCode, StringComparer.Ordinal).ToList();
        var warnings = new List<string>();
        var byCode = new Dictionary<string, Comune>(StringComparer.Ordinal);
        var evidenceByCode = evidence.GroupBy(e => e.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        // The changes that name each code (as FromCode or ToCode), in date order.
        var changesByCode = new Dictionary<string, List<TerritorialChange>>(StringComparer.Ordinal);
        foreach (var c in changeList)
        {
            AddChange(c.FromCode, c);
            if (c.ToCode != c.FromCode)
            {
                AddChange(c.ToCode, c);
            }
        }

        var codes = new HashSet<string>(evidenceByCode.Keys, StringComparer.Ordinal);
        codes.UnionWith(changesByCode.Keys);

        var latest = DateOnly.MinValue;
        foreach (var e in evidenceByCode.Values.SelectMany(v => v))
        {
            if (e.ListedAt is { } l && l > latest)
            {
                latest = l;
            }
        }

        foreach (var c in changeList)
        {
            if (c.Date > latest)
            {
                latest = c.Date;
            }
        }

        foreach (var code in codes)
        {
            var ev = evidenceByCode.GetValueOrDefault(code) ?? [];
            var ofCode = changesByCode.GetValueOrDefault(code) ?? [];
            var intervals = Validities(code, ev, ofCode);
            foreach (var d in ev.Where(e => e.ListedAt is not null).Select(e => e.ListedAt!.Value))
            {
                if (!intervals.Any(i => i.Contains(d)))
                {
                    warnings.Add(FormattableString.Invariant($"{code} is listed at {d:yyyy-MM-dd} but no validity interval covers that date"));
                }
            }

            byCode[code] = new Comune(code, NameOf(code, ev, ofCode), ComuneCode.ProvinceOf(code), intervals);
        }

        var inferred = InferSuccessors(byCode, changeList);
        return new TerritorialRegistry(byCode, [.. changeList, .. inferred], latest == DateOnly.MinValue ? DateOnly.FromDateTime(DateTime.UnixEpoch) : latest, warnings)
        {
            InferredChanges = inferred,
        };

        void AddChange(string code, TerritorialChange change)
        {
            if (!changesByCode.TryGetValue(code, out var list))
            {
                changesByCode[code] = list = [];
            }

            list.Add(change);
        }
    }

    /// <summary>
    /// The validity intervals of a code: the ANPR windows (merged where adjacent), then the SITUAS events in date order —
    /// an extinction or a move to another province closes the interval that holds the day before; a constitution or a move
    /// into the province opens one when none holds that day. A code nobody dates is valid throughout.
    /// <paramref name="changes"/> are the changes that name the code, in date order.
    /// </summary>
    private static List<Validity> Validities(string code, List<ComuneEvidence> ev, List<TerritorialChange> changes)
    {
        var intervals = Merge(ev.Where(e => e.ValidFrom is not null || e.ValidTo is not null)
            .Select(e => new Validity(e.ValidFrom ?? Comune.DistantPast, e.ValidTo ?? Comune.OpenEnd)));
        foreach (var c in changes.Where(c => c.FromCode != c.ToCode))
        {
            if (c.FromCode == code && c.Kind is ChangeKind.Extinction or ChangeKind.ProvinceChange)
            {
                var lastDay = c.Date.AddDays(-1);
                var i = intervals.FindIndex(v => v.Contains(lastDay));
                if (i >= 0)
                {
                    intervals[i] = intervals[i] with { To = lastDay };
                    intervals = Merge(intervals);
                }
                else if (!intervals.Any(v => v.From <= lastDay))
                {
                    intervals.Add(new Validity(Comune.DistantPast, lastDay));
                    intervals = Merge(intervals);
                }
            }
            else if (c.ToCode == code && c.Kind is ChangeKind.Constitution or ChangeKind.ProvinceChange && !intervals.Any(v => v.Contains(c.Date)))
            {
                var next = intervals.Where(v => v.From > c.Date).Select(v => (DateOnly?)v.From).Min();
                intervals.Add(new Validity(c.Date, next?.AddDays(-1) ?? Comune.OpenEnd));
                intervals = Merge(intervals);
            }
        }

        return intervals.Count == 0 ? [new Validity(Comune.DistantPast, Comune.OpenEnd)] : intervals;
    }

    private static List<TerritorialChange> InferSuccessors(Dictionary<string, Comune> byCode, List<TerritorialChange> changes)
    {
        var explained = changes.Where(c => c.Kind is ChangeKind.Extinction or ChangeKind.ProvinceChange).Select(c => c.FromCode).ToHashSet(StringComparer.Ordinal);
        var startsOn = byCode.Values.Where(c => c.ValidFrom > Comune.DistantPast)
            .ToLookup(c => (c.ValidFrom, c.ProvinceCode));
        var inferred = new List<TerritorialChange>();
        foreach (var ceased in byCode.Values.Where(c => c.ValidTo < Comune.OpenEnd && !explained.Contains(c.Code)))
        {
            var day = ceased.ValidTo.AddDays(1);
            var successors = startsOn[(day, ceased.ProvinceCode)].Where(s => s.Code != ceased.Code).ToList();
            if (successors.Count == 1)
            {
                inferred.Add(new TerritorialChange(day, ChangeKind.Extinction, ceased.Code, successors[0].Code, successors[0].Name));
            }
        }

        return inferred;
    }

    private static List<Validity> Merge(IEnumerable<Validity> intervals)
    {
        var merged = new List<Validity>();
        foreach (var v in intervals.Where(v => v.To >= v.From).OrderBy(v => v.From))
        {
            if (merged.Count > 0 && v.From <= merged[^1].To.AddDays(1))
            {
                if (v.To > merged[^1].To)
                {
                    merged[^1] = merged[^1] with { To = v.To };
                }
            }
            else
            {
                merged.Add(v);
            }
        }

        return merged;
    }

    /// <summary>The name of a code; <paramref name="changes"/> are the changes that name the code, in date order.</summary>
    private static string NameOf(string code, List<ComuneEvidence> ev, List<TerritorialChange> changes)
    {
        var rename = changes.LastOrDefault(c => c.Kind == ChangeKind.Rename && c.FromCode == code && c.NewName is not null);
        var listed = ev.Where(e => e.ListedAt is not null).OrderBy(e => e.ListedAt).LastOrDefault();
        if (listed is not null && (rename is null || listed.ListedAt >= rename.Date))
        {
            return listed.Name;
        }

        if (rename?.NewName is { } renamed)
        {
            return renamed;
        }

        var latestInterval = ev.OrderBy(e => e.ValidTo ?? Comune.OpenEnd).LastOrDefault();
        if (latestInterval is not null)
        {
            return latestInterval.Name;
        }

        return changes.FirstOrDefault(c => c.ToCode == code && c.NewName is not null)?.NewName ?? code;
    }
}
