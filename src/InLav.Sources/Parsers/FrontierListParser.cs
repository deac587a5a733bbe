using System.Globalization;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>
/// The Canton Ticino list of Italian "comuni di frontiera" (imposta alla fonte, 2024 lists under the 2020 Italy–Switzerland
/// agreement on cross-border workers) as converted to CSV: fixed-width cells padded with spaces, ',' as delimiter, columns
/// "Nap" (the Italian postal code, not an ISTAT code: never used), "Località" (the name, upper case), "Inizio validità" and
/// "Fine validità" (US m/d/yyyy; 12/31/9999 = open), "Fascia 1" and "Fascia 1A" ("x" or blank); after a line of empty cells,
/// notes in the first cell (catalogue option footer). The rows of other regions must be filtered out beforehand.
/// Each name is matched to a comune by <see cref="ComuneNames"/> at the row's start date: an unmatched or ambiguous name is an
/// error at its cell. Pre-merger names (Ronago, Uggiate-Trevano → 013256 Uggiate con Ronago) count for the comune that took
/// their territory, and a warning names them. One classification (options classificationId, nameIt, nameEn, edition, notesIt,
/// notesEn), reference date = the latest start date, valid from each row's start date: every listed comune is in fascia 1;
/// group "fascia-1a" = also in fascia 1A (the "vecchi frontalieri" list), group "fascia-1" = fascia 1 only. Comuni not listed
/// belong to no group. A comune listed twice must get the same group from both rows, and only through a pre-merger name.
/// </summary>
public sealed class FrontierListParser : ISourceParser
{
    public const string Fascia1 = "fascia-1";
    public const string Fascia1A = "fascia-1a";

    private const string Name = "Località";
    private const string From = "Inizio validità";
    private const string To = "Fine validità";
    private const string Band1 = "Fascia 1";
    private const string Band1A = "Fascia 1A";

    public string Id => "ti-frontier-list";

    public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
    {
        var registry = context.RequireRegistry();
        var id = source.RequiredOption("classificationId");
        var aliases = ComuneNames.Aliases(source);
        var matchers = new Dictionary<DateOnly, ComuneNames>();
        var seen = new Dictionary<string, (string Group, int Line, bool Former)>(StringComparer.Ordinal);
        var former = new List<string>();
        DateOnly? reference = null;
        foreach (var r in ParserHelpers.Records(path, source, context, ["Nap", Name, From, To, Band1, Band1A]))
        {
            into.RowsRead++;
            var from = ParserHelpers.Date(r, From, "M/d/yyyy");
            var to = ParserHelpers.Date(r, To, "M/d/yyyy");
            if (to < from)
            {
                into.Errors.Add(new ImportIssue(r.At(To), $"'{r[To]}' is before the start '{r[From]}'"));
                continue;
            }

            var band1 = Mark(r, Band1, into);
            var band1A = Mark(r, Band1A, into);
            if (band1 is null || band1A is null)
            {
                continue;
            }

            if (band1 != true)
            {
                into.Errors.Add(new ImportIssue(r.At(Band1), "the comune is not marked in fascia 1: every comune of the list must be"));
                continue;
            }

            if (!matchers.TryGetValue(from, out var names))
            {
                matchers[from] = names = new ComuneNames(registry, from, aliases);
            }

            var match = names.Require(r[Name], r.At(Name), into);
            if (match is null)
            {
                continue;
            }

            var group = band1A == true ? Fascia1A : Fascia1;
            if (seen.TryGetValue(match.Code, out var first))
            {
                if (first.Group != group || !(first.Former || match.FormerCode is not null))
                {
                    into.Errors.Add(new ImportIssue(r.At(Name), FormattableString.Invariant(
                        $"duplicate row: '{r[Name]}' is comune {match.Code}, already listed at line {first.Line}{(first.Group != group ? $" in {first.Group}" : "")}")));
                }

                if (match.FormerCode is not null)
                {
                    former.Add(FormattableString.Invariant($"{r[Name]} ({match.FormerCode})"));
                }

                continue;
            }

            seen[match.Code] = (group, r.Line, match.FormerCode is not null);
            if (match.FormerCode is not null)
            {
                former.Add(FormattableString.Invariant($"{r[Name]} ({match.FormerCode})"));
            }

            reference = reference is { } d && d > from ? d : from;
            into.Memberships.Add(new Membership(id, match.Code, group, group == Fascia1A ? "Fascia 1 e 1A" : "Solo fascia 1",
                from, to == Comune.OpenEnd ? null : to));
        }

        if (former.Count > 0)
        {
            into.Warnings.Add($"{Path.GetFileName(path)}: names of comuni that ceased before the list's date count for the comune that took their territory: {string.Join(", ", former)}");
        }

        into.Classifications.Add(new ClassificationDefinition(id, source.RequiredOption("nameIt"), source.RequiredOption("nameEn"),
            source.Option("edition", reference?.Year.ToString(CultureInfo.InvariantCulture) ?? ""), reference, source.Id,
            source.Option("notesIt", ""), source.Option("notesEn", "")));
    }

    /// <summary>"x" (any case) = marked, blank = not marked, anything else = an error (null).</summary>
    private static bool? Mark(DelimitedRecord r, string column, ParsedDataset into)
    {
        var cell = r[column];
        if (cell.Length == 0)
        {
            return false;
        }

        if (cell is "x" or "X")
        {
            return true;
        }

        into.Errors.Add(new ImportIssue(r.At(column), $"'{cell}' in '{column}': expected 'x' or blank"));
        return null;
    }
}
