using InLav.Core;
using System.Collections.Concurrent;
using InLav.Core.Query;

namespace InLav.Core.Territory;

/// <summary>One unit of a level: a comune, a province, a CPI, an SLL…</summary>
public sealed record TerritorialUnit(string Level, string Code, string Name);

/// <summary>A level as it applies to one configuration: which group each current comune belongs to.</summary>
public sealed class LevelMapping
{
    private readonly Dictionary<string, TerritorialUnit> groupOfComune;
    private readonly Dictionary<string, TerritorialUnit> unitByCode;

    public LevelMapping(string level, string nameIt, string nameEn, Crosswalk crosswalk, Dictionary<string, TerritorialUnit> groupOfComune, IReadOnlyList<Note> notes)
    {
        Level = level;
        NameIt = nameIt;
        NameEn = nameEn;
        Crosswalk = crosswalk;
        this.groupOfComune = groupOfComune;
        Notes = notes;
        Units = groupOfComune.Values.DistinctBy(u => u.Code).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        unitByCode = Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        MembersOf = groupOfComune.GroupBy(kv => kv.Value.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        Unassigned = crosswalk.Comuni.Where(c => !groupOfComune.ContainsKey(c.Code)).Select(c => c.Code).ToList();
    }

    public string Level { get; }

    public string NameIt { get; }

    public string NameEn { get; }

    public Crosswalk Crosswalk { get; }

    public IReadOnlyList<TerritorialUnit> Units { get; }

    /// <summary>Group code → the configuration's comuni in it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> MembersOf { get; }

    /// <summary>Comuni of the configuration that belong to no group of this level.</summary>
    public IReadOnlyList<string> Unassigned { get; }

    /// <summary>How the level was restated on this configuration (conflicts, comuni left out).</summary>
    public IReadOnlyList<Note> Notes { get; }

    public TerritorialUnit? Unit(string code) => unitByCode.GetValueOrDefault(code);

    public TerritorialUnit? GroupOf(string currentComune) => groupOfComune.GetValueOrDefault(currentComune);

    /// <summary>
    /// The configuration's comuni that make a unit of this level: at comune level the unit itself, else the group's members
    /// (none for a code that is no unit of the level). The one answer to "which comuni make this unit" for access scopes.
    /// </summary>
    public IReadOnlyList<string> ComuniOf(string unitCode) =>
        Level == BuiltInLevel.Comune ? (unitByCode.ContainsKey(unitCode) ? [unitCode] : []) : MembersOf.GetValueOrDefault(unitCode) ?? [];

    /// <summary>
    /// True when a caller of this scope sees the unit's cells unprotected: the internal scope always; a limited scope when the unit
    /// is made only of the scope's comuni (<see cref="ComuniOf"/>; a unit mixing comuni in and out of the scope, or with no comuni,
    /// is not covered); the public never.
    /// </summary>
    public bool CoveredBy(string unitCode, AccessScope? scope) => scope switch
    {
        null => false,
        { SeesEverything: true } => true,
        { IsPublic: true } => false,
        _ => ComuniOf(unitCode) is { Count: > 0 } comuni && scope.Covers(comuni),
    };
}

/// <summary>
/// The published territorial state: the registry, the classifications and their memberships.
/// Immutable; the store builds a new one after each import.
/// </summary>
public sealed class TerritorialSnapshot
{
    private readonly Dictionary<string, ClassificationDefinition> classifications;
    private readonly ILookup<string, Membership> memberships;
    private readonly ConcurrentDictionary<(string Level, DateOnly Date), Lazy<LevelMapping>> levels = new();
    private readonly Lazy<List<(TerritorialUnit Unit, string Name)>> foldedUnits;

    public TerritorialSnapshot(TerritorialRegistry registry, IEnumerable<ClassificationDefinition> classifications, IEnumerable<Membership> memberships)
    {
        Registry = registry;
        this.classifications = classifications.ToDictionary(c => c.Id, StringComparer.Ordinal);
        this.memberships = memberships.ToLookup(m => m.ClassificationId, StringComparer.Ordinal);
        LevelIds = [BuiltInLevel.Regione, BuiltInLevel.Provincia, BuiltInLevel.Comune, .. this.classifications.Keys.Order(StringComparer.Ordinal)];
        foldedUnits = new(() => [.. LevelIds.SelectMany(id => Level(id).Units).Select(u => (u, Fold(u.Name)))]);
    }

    public TerritorialRegistry Registry { get; }

    public IReadOnlyCollection<ClassificationDefinition> Classifications => classifications.Values;

    public IEnumerable<Membership> MembershipsOf(string classificationId) => memberships[classificationId];

    /// <summary>Every level id: the built-in ones, then each classification.</summary>
    public IReadOnlyList<string> LevelIds { get; }

    public bool HasLevel(string level) => level is BuiltInLevel.Regione or BuiltInLevel.Provincia or BuiltInLevel.Comune || classifications.ContainsKey(level);

    /// <summary>Throws the query error "Unknown level" unless the level exists.</summary>
    public void RequireLevel(string level)
    {
        if (!HasLevel(level))
        {
            throw new QueryException("Unknown level", $"There is no territorial level '{level}'. Known: {string.Join(", ", LevelIds)}.");
        }
    }

    /// <summary>
    /// Units of every level whose name contains the text, accent- and case-insensitive ("Canto" finds "Cantù"), or whose
    /// code is the text: names starting with it first, groups before comuni. Every channel searches with this.
    /// </summary>
    public IReadOnlyList<TerritorialUnit> Search(string text, int limit)
    {
        var q = text.Trim();
        var term = Fold(q);
        return foldedUnits.Value
            .Where(x => x.Name.Contains(term, StringComparison.Ordinal) || x.Unit.Code == q)
            .OrderBy(x => x.Name.StartsWith(term, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(x => x.Unit.Level == BuiltInLevel.Comune ? 1 : 0)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(limit).Select(x => x.Unit).ToList();
    }

    /// <summary>Lower case without accents.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        return new string(decomposed.Where(ch => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
    }

    public DateOnly ParseConfiguration(string? configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration) || string.Equals(configuration, "latest", StringComparison.OrdinalIgnoreCase))
        {
            return Registry.LatestDate;
        }

        return DateOnly.ParseExact(configuration, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary><see cref="ParseConfiguration"/>, failing with the query error "Bad configuration".</summary>
    public DateOnly QueryConfiguration(string? configuration)
    {
        try
        {
            return ParseConfiguration(configuration);
        }
        catch (FormatException)
        {
            throw new QueryException("Bad configuration", $"The territorial configuration '{configuration}' is not 'latest' or a date yyyy-MM-dd.");
        }
    }

    /// <summary>
    /// The groups a unit belongs to on the configuration: for a comune, its group in every other level; for any other
    /// level but the region, the region.
    /// </summary>
    public List<TerritorialUnit> ParentsOf(string level, string code, DateOnly? configuration = null)
    {
        var parents = new List<TerritorialUnit>();
        if (level == BuiltInLevel.Comune)
        {
            parents.AddRange(LevelIds.Where(l => l != BuiltInLevel.Comune).Select(l => Level(l, configuration).GroupOf(code)).OfType<TerritorialUnit>());
        }
        else if (level != BuiltInLevel.Regione)
        {
            parents.Add(new TerritorialUnit(BuiltInLevel.Regione, Province.RegionCode, Province.RegionName));
        }

        return parents;
    }

    /// <summary>The comuni of a group on the configuration, as units (none for a comune).</summary>
    public List<TerritorialUnit> MemberUnits(string level, string code, DateOnly? configuration = null)
    {
        if (level == BuiltInLevel.Comune)
        {
            return [];
        }

        var comuni = Level(BuiltInLevel.Comune, configuration);
        return [.. (Level(level, configuration).MembersOf.GetValueOrDefault(code) ?? []).Select(comuni.Unit).OfType<TerritorialUnit>()];
    }

    public LevelMapping Level(string level, DateOnly? configuration = null)
    {
        if (!HasLevel(level))
        {
            throw new ArgumentException($"Unknown territorial level '{level}'.", nameof(level));
        }

        return levels.GetOrAdd((level, configuration ?? Registry.LatestDate), key => new Lazy<LevelMapping>(() => BuildLevel(key.Level, Registry.CrosswalkAt(key.Date)))).Value;
    }

    private LevelMapping BuildLevel(string level, Crosswalk cw)
    {
        var groups = new Dictionary<string, TerritorialUnit>(StringComparer.Ordinal);
        var notes = new List<Note>();
        switch (level)
        {
            case BuiltInLevel.Comune:
                foreach (var c in cw.Comuni)
                {
                    groups[c.Code] = new TerritorialUnit(level, c.Code, c.Name);
                }

                return new LevelMapping(level, "Comune", "Municipality", cw, groups, notes);
            case BuiltInLevel.Provincia:
                foreach (var c in cw.Comuni)
                {
                    if (Province.ByCode(c.ProvinceCode) is { } p)
                    {
                        groups[c.Code] = new TerritorialUnit(level, p.UtsCode, p.Name);
                    }
                }

                return new LevelMapping(level, "Provincia", "Province", cw, groups, notes);
            case BuiltInLevel.Regione:
                foreach (var c in cw.Comuni)
                {
                    groups[c.Code] = new TerritorialUnit(level, Province.RegionCode, Province.RegionName);
                }

                return new LevelMapping(level, "Regione", "Region", cw, groups, notes);
        }

        var def = classifications[level];

        // Restate memberships onto the configuration's comuni. A current comune whose predecessors sat in
        // different groups takes the group it is itself listed in, else the group most of its predecessors share.
        var votes = new Dictionary<string, List<Membership>>(StringComparer.Ordinal);
        var unknown = 0;
        foreach (var m in memberships[level])
        {
            if ((m.ValidFrom is { } f && f > cw.Date) || (m.ValidTo is { } t && t < cw.Date))
            {
                continue;
            }

            // A comune born after the configuration date (a later merger) lends its group to the comuni it replaced.
            IReadOnlyList<string> targets = cw.Map(m.ComuneCode) is { } current ? [current] : cw.Spread(m.ComuneCode);
            if (targets.Count == 0)
            {
                unknown++;
                continue;
            }

            foreach (var target in targets)
            {
                if (!votes.TryGetValue(target, out var list))
                {
                    votes[target] = list = [];
                }

                list.Add(m);
            }
        }

        foreach (var (current, list) in votes)
        {
            var own = list.FirstOrDefault(m => m.ComuneCode == current);
            var chosen = own ?? list.GroupBy(m => m.GroupCode, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().First();
            if (list.Select(m => m.GroupCode).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                notes.Add(Note.LevelConflict(current, list.Select(m => m.GroupCode).Distinct(StringComparer.Ordinal), chosen.GroupCode));
            }

            groups[current] = new TerritorialUnit(level, chosen.GroupCode, chosen.GroupName);
        }

        // A comune of the configuration absorbed later, listed only under the comune that absorbed it, takes that comune's group.
        var listed = votes.Values.SelectMany(l => l).GroupBy(m => m.ComuneCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var c in cw.Comuni.Where(c => !groups.ContainsKey(c.Code)))
        {
            foreach (var taker in cw.Later(c.Code))
            {
                if (groups.TryGetValue(taker, out var unit) || (listed.TryGetValue(taker, out var m) && (unit = new TerritorialUnit(level, m.GroupCode, m.GroupName)) is not null))
                {
                    groups[c.Code] = unit;
                    break;
                }
            }
        }

        if (unknown > 0)
        {
            notes.Add(Note.LevelUnknownRows(unknown));
        }

        var mapping = new LevelMapping(level, def.NameIt, def.NameEn, cw, groups, notes);
        if (mapping.Unassigned.Count > 0)
        {
            notes.Add(Note.LevelUnassigned(mapping.Unassigned));
        }

        return mapping;
    }
}
