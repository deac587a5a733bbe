using InLav.Application.Answers;
using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Store;

namespace InLav.Application.Profiles;

/// <summary>One indicator of a profile: every period of the unit (the sparkline) and the latest with its derived views.</summary>
public sealed record ProfileIndicator(IndicatorDefinition Definition, IReadOnlyList<IndicatorRow> Series, IndicatorRow Latest);

/// <summary>A source named by the profile's figures, with the date its published data were imported.</summary>
public sealed record ProfileSource(SourceDefinition Source, DateTime? Imported, long? Run);

/// <summary>A comune's history: its validity, the administrative changes that touch its code, its predecessors.</summary>
public sealed record ComuneStory(Comune Comune, IReadOnlyList<TerritorialChange> Changes, IReadOnlyList<TerritorialUnit> Predecessors);

/// <summary>Everything the territory profile shows, from the services only.</summary>
public sealed record TerritoryProfile(
    TerritorialUnit Unit,
    string LevelNameIt,
    string LevelNameEn,
    string Configuration,
    IReadOnlyList<ProfileIndicator> Indicators,
    UndeclaredWorkSignal Signal,
    IReadOnlyList<AgeStructure> Ages,
    IReadOnlyList<TerritorialUnit> Parents,
    IReadOnlyList<TerritorialUnit> Members,
    ComuneStory? History,
    IReadOnlyList<ProfileSource> Sources)
{
    public ProfileIndicator? Indicator(string code) => Indicators.FirstOrDefault(i => i.Definition.Code == code);

    /// <summary>The profile of a unit, or null when the level or the unit does not exist in the latest configuration.</summary>
    internal static TerritoryProfile? Build(Door door, Caller caller, string level, string code)
    {
        var store = door.Store;
        var snapshot = store.Reader.Snapshot();
        if (!snapshot.HasLevel(level))
        {
            return null;
        }

        var mapping = snapshot.Level(level);
        if (mapping.Unit(code) is not { } unit)
        {
            return null;
        }

        var indicators = new List<ProfileIndicator>();
        foreach (var result in IndicatorCache.AllAt(door, caller, level))
        {
            var series = TotalsByUnit.GetValue(result, ByUnit)[code].OrderBy(r => r.Period, StringComparer.Ordinal).ToList();
            if (series.Count > 0)
            {
                indicators.Add(new ProfileIndicator(result.Definition, series, series[^1]));
            }
        }

        var parents = snapshot.ParentsOf(level, code);
        var members = snapshot.MemberUnits(level, code);
        var runs = door.RunsPerSource(caller);
        var sourceOfRun = runs.Where(r => r.Value.Published is not null).Select(r => (Run: r.Value.Published!.RunId, Source: store.Catalogue.Find(r.Key)))
            .Where(x => x.Source is not null).ToDictionary(x => x.Run, x => x.Source!);
        var ages = AgeStructures.Of(door, caller, unit, parents, sourceOfRun);
        var sourceIds = indicators.SelectMany(i => i.Definition.Sources).Concat(ages.SelectMany(a => a.Sources).Select(s => s.Id)).Distinct(StringComparer.Ordinal).ToList();
        var sources = sourceIds.Select(store.Catalogue.Find).OfType<SourceDefinition>()
            .Select(s => runs.GetValueOrDefault(s.Id)?.Published is { } run ? new ProfileSource(s, run.StartedAt, run.RunId) : new ProfileSource(s, null, null))
            .ToList();
        return new TerritoryProfile(unit, mapping.NameIt, mapping.NameEn, mapping.Crosswalk.Label, indicators, UndeclaredWorkSignal.Build(door, caller, level, code, indicators), ages,
            parents, members, level == BuiltInLevel.Comune ? Story(snapshot, mapping, code) : null, sources);
    }

    /// <summary>The total rows (no breakdown) of each cached indicator result, by unit: a profile reads one unit's, not every row.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IndicatorResult, ILookup<string, IndicatorRow>> TotalsByUnit = new();

    private static ILookup<string, IndicatorRow> ByUnit(IndicatorResult result) =>
        result.Rows.Where(r => r.Sex == Dimension.Total && r.Age == Dimension.Total && r.Citizenship == Dimension.Total).ToLookup(r => r.UnitCode, StringComparer.Ordinal);

    private static ComuneStory? Story(TerritorialSnapshot snapshot, LevelMapping mapping, string code)
    {
        if (snapshot.Registry.Find(code) is not { } comune)
        {
            return null;
        }

        var changes = snapshot.Registry.ChangesOf(code).OrderBy(c => c.Date).ToList();
        var predecessors = mapping.Crosswalk.PredecessorsOf(code).Where(p => p != code)
            .Select(p => new TerritorialUnit(BuiltInLevel.Comune, p, snapshot.Registry.Find(p)?.Name ?? p)).ToList();
        return new ComuneStory(comune, changes, predecessors);
    }
}
