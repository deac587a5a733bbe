using InLav.Core;
using InLav.Core.Territory;

namespace InLav.Application;

/// <summary>A territorial level of a configuration: its names, kind, edition, units and the notes of its reconstruction.</summary>
public sealed record LevelInfo(string Id, string NameIt, string NameEn, string Kind, string? Edition, int Units, int Unassigned, string Configuration, IReadOnlyList<string> Notes);

/// <summary>A unit of a level with its number of comuni.</summary>
public sealed record UnitInfo(string Level, string Code, string Name, int Comuni);

/// <summary>One unit with the groups it belongs to, its comuni and (for a comune) its predecessors.</summary>
public sealed record UnitDetail(string Level, string Code, string Name, string Configuration, IReadOnlyList<TerritorialUnit> Parents, IReadOnlyList<TerritorialUnit> Children, IReadOnlyList<string> Predecessors);

/// <summary>The validity and the administrative changes of a comune code, and the code it maps to in the configuration.</summary>
public sealed record ComuneHistory(string Code, string Name, string ProvinceCode, DateOnly ValidFrom, DateOnly ValidTo, IReadOnlyList<TerritorialChange> Changes, string? CurrentCode);

/// <summary>Territories and levels: the one level listing every channel shows.</summary>
public sealed partial class Door
{
    /// <summary>The levels of a configuration ('latest' or yyyy-MM-dd), in the snapshot's order.</summary>
    public IReadOnlyList<LevelInfo> Levels(Caller caller, string? configuration = null)
    {
        var s = Territory();
        var date = ConfigurationOf(s, configuration);
        return Answers.Get(caller, "levels|" + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), () =>
            (IReadOnlyList<LevelInfo>)[.. s.LevelIds.Select(id =>
            {
                var m = s.Level(id, date);
                var def = s.Classifications.FirstOrDefault(c => c.Id == id);
                return new LevelInfo(id, m.NameIt, m.NameEn, def is null ? "built-in" : "classification", def?.Edition, m.Units.Count, m.Unassigned.Count, m.Crosswalk.Label,
                    [.. m.Notes.Select(n => n.Text)]);
            })], l => SizeOfItems(l.Count * 4));
    }

    /// <summary>The units of a level in a configuration; null for an unknown level.</summary>
    public IReadOnlyList<UnitInfo>? Units(Caller caller, string level, string? configuration = null)
    {
        var s = Territory();
        if (!s.HasLevel(level))
        {
            return null;
        }

        var date = ConfigurationOf(s, configuration);
        return Answers.Get(caller, "units|" + level + "|" + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), () =>
        {
            var m = s.Level(level, date);
            return (IReadOnlyList<UnitInfo>)[.. m.Units.Select(u => new UnitInfo(u.Level, u.Code, u.Name, m.MembersOf.GetValueOrDefault(u.Code)?.Count ?? 0))];
        }, l => SizeOfItems(l.Count));
    }

    /// <summary>Comuni and groups whose name holds the words asked, best first.</summary>
    public IReadOnlyList<TerritorialUnit> Search(Caller caller, string text, int limit) =>
        Answers.Get(caller, "search|" + limit + "|" + TerritorialSnapshot.Fold(text), () => (IReadOnlyList<TerritorialUnit>)[.. Territory().Search(text, limit)], l => SizeOfItems(l.Count));

    /// <summary>One unit with its parents and children; null when the level or the unit does not exist in the configuration.</summary>
    public UnitDetail? Unit(Caller caller, string level, string code, string? configuration = null)
    {
        var s = Territory();
        if (!s.HasLevel(level))
        {
            return null;
        }

        var date = ConfigurationOf(s, configuration);
        var m = s.Level(level, date);
        if (m.Unit(code) is not { } unit)
        {
            return null;
        }

        var predecessors = level == BuiltInLevel.Comune ? m.Crosswalk.PredecessorsOf(code) : [];
        return new UnitDetail(level, code, unit.Name, m.Crosswalk.Label, s.ParentsOf(level, code, date), s.MemberUnits(level, code, date), predecessors);
    }

    /// <summary>The loaded classifications with their editions and sources, by id.</summary>
    public IReadOnlyList<ClassificationDefinition> Classifications(Caller caller) => [.. Territory().Classifications.OrderBy(c => c.Id, StringComparer.Ordinal)];

    /// <summary>A comune code's validity and changes; null when no comune has the code.</summary>
    public ComuneHistory? History(Caller caller, string code, string? configuration = null)
    {
        var s = Territory();
        var normalized = ComuneCode.Normalize(code);
        if (normalized is null || s.Registry.Find(normalized) is not { } comune)
        {
            return null;
        }

        var current = s.Registry.CrosswalkAt(ConfigurationOf(s, configuration)).Map(normalized);
        return new ComuneHistory(comune.Code, comune.Name, comune.ProvinceCode, comune.ValidFrom, comune.ValidTo, s.Registry.ChangesOf(normalized), current);
    }

    /// <summary>A configuration date from 'latest' (or nothing) or yyyy-MM-dd; anything else is the query error "Bad configuration".</summary>
    public static DateOnly ConfigurationOf(TerritorialSnapshot snapshot, string? configuration)
    {
        try
        {
            return snapshot.ParseConfiguration(configuration);
        }
        catch (FormatException)
        {
            throw new QueryException("Bad configuration", $"The territorial configuration '{configuration}' is not 'latest' or a date yyyy-MM-dd.");
        }
    }
}
