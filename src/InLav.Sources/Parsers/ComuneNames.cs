using System.Text.Json;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>
/// Finds Lombardy comuni by the name a list writes, for the lists that give no ISTAT code (the Canton Ticino frontier list,
/// the ATS Montagna page). Names are compared folded: case, accents and every character that is not a letter or a digit are
/// ignored ("CANTU'" = "Cantù", "Cerano d’Intelvi" = "CERANO D'INTELVI", "UGGIATE-TREVANO" = "Uggiate Trevano"). A name is
/// looked up among the comuni valid at the list's date; a name found only among comuni that ceased before that date (a list
/// still written with pre-merger names) gives the comune that took its territory by that date. Aliases (folded name → code)
/// cover abbreviations the folding cannot ("San Bartolomeo V.C."). Never the postal code: one CAP serves several comuni.
/// </summary>
public sealed class ComuneNames
{
    private readonly TerritorialRegistry registry;
    private readonly DateOnly date;
    private readonly Dictionary<string, string> aliases;
    private readonly ILookup<string, Comune> byName;
    private readonly Lazy<Crosswalk> crosswalk;

    public ComuneNames(TerritorialRegistry registry, DateOnly date, IReadOnlyDictionary<string, string>? aliases = null)
    {
        this.registry = registry;
        this.date = date;
        this.aliases = (aliases ?? new Dictionary<string, string>()).ToDictionary(a => Key(a.Key), a => a.Value, StringComparer.Ordinal);
        byName = registry.AllComuni.ToLookup(c => Key(c.Name), StringComparer.Ordinal);
        crosswalk = new(() => registry.CrosswalkAt(date));
    }

    /// <summary>The catalogue option "aliases": { "name as the list writes it": "comune code" } (empty when absent).</summary>
    public static IReadOnlyDictionary<string, string> Aliases(SourceDefinition source) =>
        source.Options.ValueKind == JsonValueKind.Object && source.Options.TryGetProperty("aliases", out var map) && map.ValueKind == JsonValueKind.Object
            ? map.EnumerateObject().ToDictionary(p => p.Name, p => ComuneCode.Normalize(p.Value.GetString())
                ?? throw new ArgumentException($"Source '{source.Id}': the alias '{p.Name}' names '{p.Value}', not a comune code."), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The comparison key of a name: lower case, no accents, letters and digits only.</summary>
    public static string Key(string name) => new([.. TerritorialSnapshot.Fold(name).Where(char.IsLetterOrDigit)]);

    /// <summary>A comune matched by name: the code valid at the list's date, and the code the name stands for when it is a pre-merger name.</summary>
    public sealed record Match(string Code, string Name, string? FormerCode);

    /// <summary>The comune of a name, or null with the reason (no comune of that name, or several).</summary>
    public (Match? Match, string? Error) Find(string name)
    {
        var key = Key(name);
        if (aliases.TryGetValue(key, out var aliased))
        {
            return registry.Find(aliased) is { } c && c.IsValidAt(date)
                ? (new Match(c.Code, c.Name, null), null)
                : (null, $"the alias of '{name}' names {aliased}, which is not a comune valid on {date:yyyy-MM-dd}");
        }

        var candidates = byName[key].ToList();
        var valid = candidates.Where(c => c.IsValidAt(date)).ToList();
        if (valid.Count == 1)
        {
            return (new Match(valid[0].Code, valid[0].Name, null), null);
        }

        if (valid.Count > 1)
        {
            return (null, $"'{name}' matches several comuni valid on {date:yyyy-MM-dd}: {string.Join(", ", valid.Select(c => c.Code))}");
        }

        var ceased = candidates.Where(c => c.ValidTo < date).Select(c => (Former: c, Now: crosswalk.Value.Map(c.Code))).Where(x => x.Now is not null).ToList();
        if (ceased.Count == 1 && registry.Find(ceased[0].Now!) is { } successor)
        {
            return (new Match(successor.Code, successor.Name, ceased[0].Former.Code), null);
        }

        return ceased.Count > 1
            ? (null, $"'{name}' matches several former comuni: {string.Join(", ", ceased.Select(x => x.Former.Code))}")
            : (null, $"'{name}' is not the name of a Lombardy comune valid on {date:yyyy-MM-dd} or before (compared without case, accents and punctuation)");
    }

    /// <summary><see cref="Find"/>, recording an import error at the cell when the name matches no comune or several.</summary>
    public Match? Require(string name, SourcePosition at, ParsedDataset into)
    {
        var (match, error) = Find(name);
        if (match is null)
        {
            into.Errors.Add(new ImportIssue(at, error!));
        }

        return match;
    }
}
