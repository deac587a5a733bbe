using System.Globalization;
using System.Text.Json;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>Parsers of classifications (comune → group) given as columns of a delimited file or as SITUAS JSON.</summary>
public static class ClassificationParsers
{
    /// <summary>
    /// Generic comune → group mapping read from columns of a delimited file: ISTAT classification files, the CPI catchments,
    /// or an operator's own CSV (e.g. Ambiti Territoriali Sociali with group code, group name, comune code).
    /// <para>Options (besides delimiter, encoding, skipLines, columns, extraColumns):</para>
    /// <list type="bullet">
    /// <item>codeColumn (required): the column of the comune code (leading zeros may be missing; the code must be in the registry).</item>
    /// <item>One classification: classificationId, nameIt, nameEn, edition, referenceDate (yyyy-MM-dd, optional),
    /// groupColumn, and either groupNameColumn (a column with the group's name) or groupNames (a map code → name; a code
    /// missing from the map is an error); optional notesIt, notesEn.</item>
    /// <item>Several classifications from one file: "classifications": an array of objects with the same fields; codeColumn is shared
    /// (an item may override it).</item>
    /// <item>duplicates: "error" (default: a comune listed twice is an error, unless both rows give the same group) or "main-office":
    /// when a comune is listed under several groups the group with the largest catchment in the file (most distinct comuni) is kept,
    /// ties going to the smallest group code (ordinal). A main office covers its branch's comuni as well, so this keeps the main office.</item>
    /// <item>blankGroup: "error" (default) or "none" (a blank group cell means the comune belongs to no group).</item>
    /// </list>
    /// A group code given with two different names is an error.
    /// </summary>
    public sealed class ColumnsClassification : ISourceParser
    {
        public string Id => "classification-columns";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var specs = ClassificationSpec.FromOptions(source);
            var columns = specs.SelectMany(s => new[] { s.CodeColumn, s.GroupColumn, s.GroupNameColumn }).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var rows = specs.ToDictionary(s => s.Id, _ => new List<(string Comune, string Group, string Name, SourcePosition At)>(), StringComparer.Ordinal);
            foreach (var r in ParserHelpers.Records(path, source, context, columns))
            {
                into.RowsRead++;
                foreach (var spec in specs)
                {
                    var code = context.RequireComune(r[spec.CodeColumn], r.At(spec.CodeColumn), into);
                    var group = r[spec.GroupColumn];
                    if (code is null)
                    {
                        continue;
                    }

                    if (group.Length == 0)
                    {
                        if (!spec.BlankIsNone)
                        {
                            into.Errors.Add(new ImportIssue(r.At(spec.GroupColumn), $"blank group in '{spec.GroupColumn}'"));
                        }

                        continue;
                    }

                    string? name = spec.GroupNameColumn is { } nc ? r[nc] : spec.GroupNames!.GetValueOrDefault(group);
                    if (name is null)
                    {
                        into.Errors.Add(new ImportIssue(r.At(spec.GroupColumn), $"group '{group}' has no name in the catalogue's groupNames"));
                        continue;
                    }

                    rows[spec.Id].Add((code, group, name.Length == 0 ? group : name, r.At(spec.GroupColumn)));
                }
            }

            foreach (var spec in specs)
            {
                into.Classifications.Add(spec.Definition(source.Id));
                AddMemberships(spec.Id, rows[spec.Id], spec.MainOfficeRule, into);
            }
        }
    }

    /// <summary>
    /// ISTAT SITUAS Functional Urban Areas (JSON {"resultset":[…]}): two classifications, fua-2011 and fua-2021, from
    /// COD_FUA_2011/DEN_FUA_2011 and COD_FUA_2021/DEN_FUA_2021. A code 0 (number or text) or blank means "in no FUA".
    /// </summary>
    public sealed class SituasFua : ISourceParser
    {
        public string Id => "situas-fua";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var name = Path.GetFileName(path);
            using var doc = ParserHelpers.OpenJson(path, context);
            if (!doc.RootElement.TryGetProperty("resultset", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new SourceFormatException(new SourcePosition(name, 1, 0), "expected an object with a \"resultset\" array");
            }

            var editions = new[] { "2011", "2021" };
            var rows = editions.ToDictionary(e => e, _ => new List<(string Comune, string Group, string Name, SourcePosition At)>(), StringComparer.Ordinal);
            foreach (var (item, index) in ParserHelpers.Items(items, into, context))
            {
                var at = new SourcePosition(name, index, 0);
                var code = context.RequireComune(Text(item, "PRO_COM_T") ?? "", at, into);
                if (code is null)
                {
                    continue;
                }

                foreach (var edition in editions)
                {
                    var group = Text(item, "COD_FUA_" + edition);
                    if (group is null or "" or "0")
                    {
                        continue;
                    }

                    var groupName = Text(item, "DEN_FUA_" + edition);
                    rows[edition].Add((code, group, string.IsNullOrEmpty(groupName) ? group : groupName, at));
                }
            }

            foreach (var edition in editions)
            {
                var id = "fua-" + edition;
                into.Classifications.Add(new ClassificationDefinition(id, $"Aree urbane funzionali (FUA {edition})", $"Functional Urban Areas (FUA {edition})", edition, null, source.Id,
                    "Solo i comuni di una FUA sono elencati; gli altri non appartengono ad alcun gruppo. Posizioni: numero dell'elemento in resultset.",
                    "Only comuni inside a FUA are listed; the others belong to no group. Positions: the item number in resultset."));
                AddMemberships(id, rows[edition], false, into);
            }
        }

        private static string? Text(JsonElement item, string property) =>
            item.TryGetProperty(property, out var v) ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString()!.Trim(),
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.Null => null,
                _ => v.GetRawText(),
            }
            : null;
    }

    /// <summary>Checks names and duplicates, then adds one membership per comune.</summary>
    internal static void AddMemberships(string classificationId, List<(string Comune, string Group, string Name, SourcePosition At)> rows, bool mainOffice, ParsedDataset into)
    {
        var names = new Dictionary<string, (string Name, SourcePosition At)>(StringComparer.Ordinal);
        foreach (var (_, group, name, at) in rows)
        {
            if (!names.TryAdd(group, (name, at)) && !string.Equals(names[group].Name, name, StringComparison.Ordinal))
            {
                into.Errors.Add(new ImportIssue(at, FormattableString.Invariant(
                    $"group '{group}' is named '{name}' here but '{names[group].Name}' at line {names[group].At.Line}")));
            }
        }

        var catchment = rows.GroupBy(r => r.Group, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Comune).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        var resolved = 0;
        foreach (var byComune in rows.GroupBy(r => r.Comune, StringComparer.Ordinal))
        {
            var groups = byComune.Select(r => r.Group).Distinct(StringComparer.Ordinal).ToList();
            if (groups.Count > 1 && !mainOffice)
            {
                var first = byComune.First();
                into.Errors.Add(new ImportIssue(byComune.Skip(1).First(r => r.Group != first.Group).At, FormattableString.Invariant(
                    $"duplicate row: comune {byComune.Key} is already in group '{first.Group}' (line {first.At.Line}); set \"duplicates\": \"main-office\" to keep one")));
                continue;
            }

            var chosen = groups.OrderByDescending(g => catchment[g]).ThenBy(g => g, StringComparer.Ordinal).First();
            resolved += groups.Count > 1 ? 1 : 0;
            into.Memberships.Add(new Membership(classificationId, byComune.Key, chosen, names[chosen].Name));
        }

        if (resolved > 0)
        {
            into.Warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{classificationId}: {resolved} comuni listed under several groups; kept the group with the largest catchment (main office)"));
        }
    }
}
