using System.Globalization;
using System.Text.Json;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;

namespace InLav.Sources.Parsers;

/// <summary>One classification declared in a catalogue entry's options (see <see cref="ClassificationParsers.ColumnsClassification"/>).</summary>
internal sealed record ClassificationSpec(
    string Id,
    string NameIt,
    string NameEn,
    string Edition,
    DateOnly? ReferenceDate,
    string CodeColumn,
    string GroupColumn,
    string? GroupNameColumn,
    IReadOnlyDictionary<string, string>? GroupNames,
    string? NotesIt,
    string? NotesEn,
    bool MainOfficeRule,
    bool BlankIsNone)
{
    public ClassificationDefinition Definition(string sourceId) =>
        new(Id, NameIt, NameEn, Edition, ReferenceDate, sourceId, NotesIt, NotesEn);

    public static IReadOnlyList<ClassificationSpec> FromOptions(SourceDefinition source)
    {
        var options = source.Options;
        if (options.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Source '{source.Id}': the classification-columns parser needs options.");
        }

        var sharedCode = Str(options, "codeColumn");
        var duplicates = Str(options, "duplicates") ?? "error";
        if (duplicates is not ("error" or "main-office"))
        {
            throw new ArgumentException($"Source '{source.Id}': duplicates must be \"error\" or \"main-office\", not '{duplicates}'.");
        }

        var blank = Str(options, "blankGroup") ?? "error";
        var items = options.TryGetProperty("classifications", out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().ToList()
            : [options];
        var specs = items.Select(item => Read(source.Id, item, sharedCode, duplicates == "main-office", blank == "none")).ToList();
        var dup = specs.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return dup is null
            ? specs
            : throw new ArgumentException($"Source '{source.Id}': the classification '{dup.Key}' is declared twice.");
    }

    private static ClassificationSpec Read(string sourceId, JsonElement item, string? sharedCode, bool mainOffice, bool blankIsNone)
    {
        string Required(string name) => Str(item, name) ?? throw new ArgumentException($"Source '{sourceId}': a classification needs the option '{name}'.");

        var id = Required("classificationId");
        var reference = Str(item, "referenceDate") is { } d
            ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : (DateOnly?)null;
        Dictionary<string, string>? groupNames = null;
        if (item.TryGetProperty("groupNames", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            groupNames = map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? p.Name, StringComparer.Ordinal);
        }

        var nameColumn = Str(item, "groupNameColumn");
        if (nameColumn is null && groupNames is null)
        {
            throw new ArgumentException($"Source '{sourceId}': classification '{id}' needs groupNameColumn or groupNames.");
        }

        return new ClassificationSpec(id, Required("nameIt"), Required("nameEn"), Required("edition"), reference,
            Str(item, "codeColumn") ?? sharedCode ?? throw new ArgumentException($"Source '{sourceId}': codeColumn is missing."),
            Required("groupColumn"), nameColumn, groupNames, Str(item, "notesIt"), Str(item, "notesEn"), mainOffice, blankIsNone);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
