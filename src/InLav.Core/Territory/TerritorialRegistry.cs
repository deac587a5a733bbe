namespace InLav.Core.Territory;

/// <summary>
/// Every comune code ever seen, with its validity interval, and the dated changes between codes.
/// Built from the evidence of several sources (the ANPR archive, the ISTAT lists, the SITUAS variations).
/// </summary>
public sealed class TerritorialRegistry
{
    private readonly Dictionary<string, Comune> byCode;
    private readonly Dictionary<DateOnly, Crosswalk> crosswalks = [];
    private readonly Lock gate = new();

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

    public Comune? Find(string code) => byCode.GetValueOrDefault(code);

    public bool IsKnown(string code) => byCode.ContainsKey(code);

    public IEnumerable<Comune> ValidAt(DateOnly date) => byCode.Values.Where(c => c.IsValidAt(date));

    /// <summary>The crosswalk to the comuni valid at the given date (default: the latest configuration).</summary>
    public Crosswalk CrosswalkAt(DateOnly? configuration = null)
    {
        var date = configuration ?? LatestDate;
        lock (gate)
        {
            if (!crosswalks.TryGetValue(date, out var cw))
            {
                cw = Crosswalk.Build(this, date);
                crosswalks[date] = cw;
            }

            return cw;
        }
    }

    public static TerritorialRegistry Build(IEnumerable<ComuneEvidence> evidence, IEnumerable<TerritorialChange> changes)
    {
        var changeList = changes.Distinct().OrderBy(c => c.Date).ThenBy(c => c.Kind).ThenBy(c => c.FromCode, StringComparer.Ordinal).ToList();
        var warnings = new List<string>();
        var byCode = new Dictionary<string, Comune>(StringComparer.Ordinal);
        var evidenceByCode = evidence.GroupBy(e => e.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var codes = new HashSet<string>(evidenceByCode.Keys, StringComparer.Ordinal);
        foreach (var c in changeList)
        {
            codes.Add(c.FromCode);
            codes.Add(c.ToCode);
        }

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
            DateOnly? from = ev.Where(e => e.ValidFrom is not null).Select(e => e.ValidFrom).Min();
            DateOnly? to = ev.Where(e => e.ValidTo is not null).Select(e => e.ValidTo).Max();

            foreach (var c in changeList)
            {
                if (c.FromCode == code && c.Kind is ChangeKind.Extinction or ChangeKind.ProvinceChange && c.FromCode != c.ToCode)
                {
                    to = c.Date.AddDays(-1);
                }
                else if (c.ToCode == code && c.Kind is ChangeKind.Constitution or ChangeKind.ProvinceChange && c.FromCode != c.ToCode)
                {
                    if (from is null || from < c.Date)
                    {
                        from = c.Date;
                    }
                }
            }

            var listed = ev.Where(e => e.ListedAt is not null).Select(e => e.ListedAt!.Value).ToList();
            foreach (var d in listed)
            {
                if (from is { } f && d < f)
                {
                    warnings.Add(FormattableString.Invariant($"{code} is listed at {d:yyyy-MM-dd} but valid only from {f:yyyy-MM-dd}"));
                }

                if (to is { } t && d > t)
                {
                    warnings.Add(FormattableString.Invariant($"{code} is listed at {d:yyyy-MM-dd} but ceased on {t:yyyy-MM-dd}"));
                }
            }

            var name = NameOf(code, ev, changeList);
            byCode[code] = new Comune(code, name, ComuneCode.ProvinceOf(code), from ?? Comune.DistantPast, to ?? Comune.OpenEnd);
        }

        return new TerritorialRegistry(byCode, changeList, latest == DateOnly.MinValue ? DateOnly.FromDateTime(DateTime.UnixEpoch) : latest, warnings);
    }

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
