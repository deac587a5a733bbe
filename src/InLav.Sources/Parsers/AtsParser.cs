using System.Text.Json;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>
/// The 8 ATS (Agenzie di Tutela della Salute) of Lombardy by the province rule of L.R. 23/2015, with exception areas.
/// Every file of the source is a list of comuni with a code column (option codeColumn, default PRO_COM_T): each comune
/// listed goes to the ATS of its province. Exception areas (option "areas": [{ "name", "ats", "province", "cpi"?, "comuni"? }])
/// move comuni to another ATS: those listed under the CPI code "cpi" in a file that has the column cpiColumn (default "cpi"),
/// or those listed in "comuni". An area's comune outside its "province" is an error. An exception wins over the province rule
/// whatever the order of the files. The rule and the areas describe the current membership.
/// <para>Dated reassignments make the classification versioned: a file of the source with the column of option
/// reassignmentNameColumn (default "comune_come_pubblicato") in its header, and da_ats, ad_ats, decorrenza (yyyy-MM-dd), delimited
/// by option reassignmentDelimiter (default ";"), names comuni (matched
/// by <see cref="ComuneNames"/> at the date; option "aliases" for abbreviations) that moved from one ATS to another on that date
/// (the ATS Montagna page on the Medio Lario: 29 comuni to ATS Insubria from 1/1/2019). It must come after the comune lists.
/// Its comune's current membership must be the ATS it moved to; it becomes two memberships: the former ATS until the day
/// before, the new one from the date, so configurations before the date keep the old membership.</para>
/// </summary>
public sealed class AtsParser : ISourceParser
{
    public const string ClassificationId = "ats";

    private static readonly (string Code, string Name, string[] Provinces)[] Agencies =
    [
        ("321", "ATS della Città Metropolitana di Milano", ["015", "098"]),
        ("322", "ATS dell'Insubria", ["012", "013"]),
        ("323", "ATS della Montagna", ["014"]),
        ("324", "ATS della Brianza", ["108", "097"]),
        ("325", "ATS di Bergamo", ["016"]),
        ("326", "ATS di Brescia", ["017"]),
        ("327", "ATS della Val Padana", ["019", "020"]),
        ("328", "ATS di Pavia", ["018"]),
    ];

    public string Id => "ats-rule";

    public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
    {
        var reassignmentColumn = source.Option("reassignmentNameColumn", "comune_come_pubblicato");
        DelimitedReader.CheckSize(path, context.MaxFileBytes, Path.GetFileName(path));
        if (File.ReadLines(path).FirstOrDefault() is { } header && header.Contains(reassignmentColumn, StringComparison.Ordinal))
        {
            Reassign(path, source, reassignmentColumn, into, context);
            return;
        }

        var codeColumn = source.Option("codeColumn", "PRO_COM_T");
        var cpiColumn = source.Option("cpiColumn", "cpi");
        var areas = Areas(source);
        foreach (var unknown in areas.SelectMany(a => a.Comuni).Where(c => !context.IsKnownComune(c)))
        {
            into.Errors.Add(new ImportIssue(new SourcePosition(Path.GetFileName(path), 0, 0), $"the catalogue's exception areas list the unknown comune {unknown}"));
        }

        if (!into.Classifications.Any(c => c.Id == ClassificationId))
        {
            into.Classifications.Add(new ClassificationDefinition(ClassificationId, "Agenzie di Tutela della Salute (ATS)", "Health protection agencies (ATS)",
                source.Option("edition", "2016"), new DateOnly(2016, 1, 1), source.Id, source.Option("notesIt", ""), source.Option("notesEn", "")));
        }

        var current = into.Memberships.Where(m => m.ClassificationId == ClassificationId).ToDictionary(m => m.ComuneCode, StringComparer.Ordinal);
        foreach (var r in ParserHelpers.Records(path, source, context, [codeColumn], allowExtra: true))
        {
            into.RowsRead++;
            var code = context.RequireComune(r[codeColumn], r.At(codeColumn), into);
            if (code is null)
            {
                continue;
            }

            var province = ComuneCode.ProvinceOf(code);
            var byProvince = Agencies.FirstOrDefault(a => a.Provinces.Contains(province, StringComparer.Ordinal));
            if (byProvince.Code is null)
            {
                into.Errors.Add(new ImportIssue(r.At(codeColumn), $"comune {code} is not in a Lombardy province"));
                continue;
            }

            var cpi = r.Has(cpiColumn) ? r[cpiColumn] : null;
            var area = areas.FirstOrDefault(a => a.Comuni.Contains(code) || (a.Cpi is not null && a.Cpi == cpi));
            if (area is not null && area.Province != province)
            {
                into.Errors.Add(new ImportIssue(r.At(codeColumn), $"comune {code} of province {province} falls in the exception area '{area.Name}', declared for province {area.Province}"));
                continue;
            }

            var ats = area is null ? byProvince : Agencies.First(a => a.Code == area.Ats);
            var isException = area is not null;
            if (current.TryGetValue(code, out var existing))
            {
                var existingIsException = existing.GroupCode != byProvince.Code;
                if (existing.GroupCode == ats.Code || (existingIsException && !isException))
                {
                    continue;
                }

                if (existingIsException)
                {
                    into.Errors.Add(new ImportIssue(r.At(codeColumn), $"comune {code} falls in two exception areas ({existing.GroupCode}, {ats.Code})"));
                    continue;
                }

                into.Memberships.Remove(existing);
            }

            var membership = new Membership(ClassificationId, code, ats.Code, ats.Name);
            into.Memberships.Add(membership);
            current[code] = membership;
        }
    }

    private static void Reassign(string path, SourceDefinition source, string nameColumn, ParsedDataset into, ParseContext context)
    {
        const string from = "da_ats", to = "ad_ats", date = "decorrenza";
        var registry = context.RequireRegistry();
        var aliases = ComuneNames.Aliases(source);
        var matchers = new Dictionary<DateOnly, ComuneNames>();
        var layout = new DelimitedLayout(DelimitedLayout.ParseDelimiter(source.Option("reassignmentDelimiter", ";")), source.Option("encoding", "utf-8"), 0,
            [nameColumn, from, to, date], AllowExtraColumns: true);
        foreach (var r in DelimitedReader.Read(path, layout, context.MaxFileBytes))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            into.RowsRead++;
            var day = ParserHelpers.Date(r, date);
            var before = Agency(r, from, into);
            var after = Agency(r, to, into);
            if (!matchers.TryGetValue(day, out var names))
            {
                matchers[day] = names = new ComuneNames(registry, day, aliases);
            }

            var match = names.Require(r[nameColumn], r.At(nameColumn), into);
            if (match is null || before is null || after is null)
            {
                continue;
            }

            var existing = into.Memberships.Where(m => m.ClassificationId == ClassificationId && m.ComuneCode == match.Code).ToList();
            if (existing.Count != 1 || existing[0].ValidFrom is not null || existing[0].ValidTo is not null)
            {
                into.Errors.Add(new ImportIssue(r.At(nameColumn), existing.Count == 0
                    ? $"comune {match.Code} ({r[nameColumn]}) has no ATS yet: list the reassignment file after the comune lists"
                    : $"comune {match.Code} ({r[nameColumn]}) is reassigned twice"));
                continue;
            }

            if (existing[0].GroupCode != after.Value.Code)
            {
                into.Errors.Add(new ImportIssue(r.At(to), $"comune {match.Code} ({r[nameColumn]}) moved to {after.Value.Name} on {day:yyyy-MM-dd}, but the province rule and the exception areas put it in {existing[0].GroupName} today"));
                continue;
            }

            into.Memberships.Remove(existing[0]);
            into.Memberships.Add(new Membership(ClassificationId, match.Code, before.Value.Code, before.Value.Name, null, day.AddDays(-1)));
            into.Memberships.Add(new Membership(ClassificationId, match.Code, after.Value.Code, after.Value.Name, day, null));
        }
    }

    /// <summary>The agency named in a cell (compared without case, accents and punctuation), or an error at the cell.</summary>
    private static (string Code, string Name)? Agency(DelimitedRecord r, string column, ParsedDataset into)
    {
        var key = ComuneNames.Key(r[column]);
        var agency = Agencies.FirstOrDefault(a => ComuneNames.Key(a.Name) == key);
        if (agency.Code is null)
        {
            into.Errors.Add(new ImportIssue(r.At(column), $"'{r[column]}' is not one of the 8 ATS ({string.Join(", ", Agencies.Select(a => a.Name))})"));
            return null;
        }

        return (agency.Code, agency.Name);
    }

    private sealed record Area(string Name, string Ats, string Province, string? Cpi, HashSet<string> Comuni);

    private static List<Area> Areas(SourceDefinition source)
    {
        if (source.Options.ValueKind != JsonValueKind.Object || !source.Options.TryGetProperty("areas", out var array))
        {
            return [];
        }

        var areas = new List<Area>();
        foreach (var item in array.EnumerateArray())
        {
            string? S(string name) => item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var name = S("name") ?? "?";
            var ats = S("ats") ?? throw new ArgumentException($"Source '{source.Id}': area '{name}' needs \"ats\".");
            if (!Agencies.Any(a => a.Code == ats))
            {
                throw new ArgumentException($"Source '{source.Id}': area '{name}' names the unknown ATS '{ats}'.");
            }

            var comuni = item.TryGetProperty("comuni", out var list)
                ? list.EnumerateArray().Select(e => ComuneCode.Normalize(e.GetString()) ?? throw new ArgumentException($"Source '{source.Id}': area '{name}' lists '{e}', not a comune code.")).ToHashSet(StringComparer.Ordinal)
                : [];
            areas.Add(new Area(name, ats, S("province") ?? throw new ArgumentException($"Source '{source.Id}': area '{name}' needs \"province\"."), S("cpi"), comuni));
        }

        return areas;
    }
}
