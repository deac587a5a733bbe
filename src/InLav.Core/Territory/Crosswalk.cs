namespace InLav.Core.Territory;

/// <summary>
/// Maps any historical comune code to the comune of a chosen territorial configuration (the comuni valid at a date),
/// following extinctions, mergers and province changes up to that date. Additive measures of past years are restated
/// on the configuration's comuni by summing over predecessors (the ISTAT "A misura di comune" method).
/// </summary>
public sealed class Crosswalk
{
    private readonly Dictionary<string, string> map;
    private readonly Dictionary<string, List<string>> predecessors;
    private readonly Dictionary<string, IReadOnlyList<string>> spread;
    private readonly Dictionary<string, IReadOnlyList<string>> later;

    private Crosswalk(DateOnly date, IReadOnlyList<Comune> comuni, Dictionary<string, string> map, Dictionary<string, IReadOnlyList<string>> spread,
        Dictionary<string, IReadOnlyList<string>> later)
    {
        this.later = later;
        Date = date;
        Comuni = comuni;
        this.map = map;
        this.spread = spread;
        predecessors = map.GroupBy(kv => kv.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).Where(k => k != g.Key).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    /// <summary>The configuration date.</summary>
    public DateOnly Date { get; }

    /// <summary>The comuni of this configuration, ordered by code.</summary>
    public IReadOnlyList<Comune> Comuni { get; }

    public string Label => FormattableString.Invariant($"Comuni al {Date:dd/MM/yyyy} ({Comuni.Count})");

    /// <summary>The configuration's comune that the code's territory belongs to now; null when the code is unknown or created after the date.</summary>
    public string? Map(string code) => map.GetValueOrDefault(code);

    /// <summary>
    /// For a code created after the configuration date (a comune born of a later merger or code change): the configuration's
    /// comuni whose territory it covers, ordered by code. Its figures cannot be split among them; every group that holds all
    /// of them can still take the whole value. Empty for codes <see cref="Map"/> maps, and for unknown codes.
    /// </summary>
    public IReadOnlyList<string> Spread(string code) => spread.GetValueOrDefault(code) ?? [];

    /// <summary>
    /// For a comune of the configuration that ceased after its date: the codes that took its territory afterwards, in order (the
    /// comune that absorbed it, then that comune's own successors). A later figure of one of them includes this comune's territory.
    /// </summary>
    public IReadOnlyList<string> Later(string code) => later.GetValueOrDefault(code) ?? [];

    /// <summary>Historical codes restated onto this comune (not including itself).</summary>
    public IReadOnlyList<string> PredecessorsOf(string code) => predecessors.GetValueOrDefault(code) ?? [];

    internal static Crosswalk Build(TerritorialRegistry registry, DateOnly date)
    {
        var current = registry.ValidAt(date).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        var valid = current.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

        // Successor edges: a code that ceased goes to the comune that took its territory.
        bool IsEdge(TerritorialChange c) => c.FromCode != c.ToCode && c.Kind switch
        {
            ChangeKind.Extinction or ChangeKind.ProvinceChange => true,
            ChangeKind.Constitution => registry.Find(c.FromCode) is { } from && !from.IsValidAt(c.Date),
            _ => false,
        };

        var next = new Dictionary<string, (DateOnly Date, string To)>(StringComparer.Ordinal);
        foreach (var c in registry.Changes.Where(c => c.Date <= date))
        {
            if (IsEdge(c) && (!next.TryGetValue(c.FromCode, out var existing) || existing.Date <= c.Date))
            {
                next[c.FromCode] = (c.Date, c.ToCode);
            }
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var comune in registry.AllComuni)
        {
            var code = comune.Code;
            for (var hops = 0; hops < 32 && !valid.Contains(code); hops++)
            {
                if (!next.TryGetValue(code, out var step))
                {
                    break;
                }

                code = step.To;
            }

            if (valid.Contains(code))
            {
                map[comune.Code] = code;
            }
        }

        // Codes born after the date: follow the later changes backwards to the configuration's comuni they took territory from.
        var earlier = registry.Changes.Where(c => c.Date > date && IsEdge(c)).ToLookup(c => c.ToCode, c => c.FromCode, StringComparer.Ordinal);
        var spread = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var comune in registry.AllComuni.Where(c => !map.ContainsKey(c.Code)))
        {
            var found = new SortedSet<string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal) { comune.Code };
            var queue = new Queue<string>([comune.Code]);
            while (queue.Count > 0)
            {
                foreach (var from in earlier[queue.Dequeue()])
                {
                    if (map.TryGetValue(from, out var at))
                    {
                        found.Add(at);
                    }
                    else if (seen.Add(from))
                    {
                        queue.Enqueue(from);
                    }
                }
            }

            if (found.Count > 0)
            {
                spread[comune.Code] = [.. found];
            }
        }

        // Comuni of the configuration that ceased afterwards: the chain of codes that took their territory.
        var after = new Dictionary<string, (DateOnly Date, string To)>(StringComparer.Ordinal);
        foreach (var c in registry.Changes.Where(c => c.Date > date && IsEdge(c)))
        {
            if (!after.TryGetValue(c.FromCode, out var existing) || existing.Date <= c.Date)
            {
                after[c.FromCode] = (c.Date, c.ToCode);
            }
        }

        var later = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var comune in current)
        {
            var chain = new List<string>();
            for (var code = comune.Code; chain.Count < 32 && after.TryGetValue(code, out var step) && !chain.Contains(step.To) && step.To != comune.Code; code = step.To)
            {
                chain.Add(step.To);
            }

            if (chain.Count > 0)
            {
                later[comune.Code] = chain;
            }
        }

        return new Crosswalk(date, current, map, spread, later);
    }
}
