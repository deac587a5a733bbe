using System.Globalization;
using InLav.Core.Measures;
using InLav.Sources.Catalogue;
using InLav.Sources.Cob;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>
/// The Regione Lombardia open data "Rapporti di lavoro attivati / cessati / prorogati / trasformati" (dati.lombardia.it,
/// one row per event, one file per dataset; MANIFEST §7.2). The dataset is told by the file name (…attivati…, …cessati…,
/// …prorogati…, …trasformati…). Columns read: DATA (event date: Socrata's MM/dd/yyyy hh:mm:ss AM, or yyyy-MM-dd), GENERE (M/F),
/// ETA, CONTRATTO (ministry description → code where the list has it), PROVINCIAIMPRESA (upper-case province name of the
/// workplace), ITALIANO (country of citizenship: ITALIA → ITA, any other → FOR), SETTOREECONOMICODETTAGLIO (ATECO text).
/// The workplace is known to the province only, and contracts have no start or end: flows only, no durations, no stock.
/// </summary>
public sealed class CobOpenDataParser : ISourceParser
{
    public static readonly IReadOnlyList<string> Columns = ["DATA", "GENERE", "ETA", "CONTRATTO", "PROVINCIAIMPRESA", "ITALIANO", "SETTOREECONOMICODETTAGLIO"];

    private static readonly string[] DateFormats = ["MM/dd/yyyy hh:mm:ss tt", "MM/dd/yyyy", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fff"];

    private static readonly (string Word, string Type)[] Datasets =
        [("attivati", CobEventType.Hiring), ("cessati", CobEventType.Termination), ("prorogati", CobEventType.Extension), ("trasformati", CobEventType.Transformation)];

    public string Id => "cob-open-data";

    public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
    {
        var name = Path.GetFileName(path);
        var type = Datasets.FirstOrDefault(d => name.Contains(d.Word, StringComparison.OrdinalIgnoreCase)).Type
            ?? throw new SourceFormatException(new SourcePosition(name, 0, 0), "the file name does not say the dataset (attivati, cessati, prorogati or trasformati)");
        var contracts = ContractTypes.Load(context.ReferenceFile(source, "contractTypes"));
        var sink = context.RequireEvents();
        var unmapped = new Dictionary<string, int>(StringComparer.Ordinal);
        DateOnly? first = null, last = null;
        var errorsBefore = into.Errors.Count;
        foreach (var r in ParserHelpers.Records(path, source, context, Columns, allowExtra: true))
        {
            into.RowsRead++;
            var errors = into.Errors.Count;
            var date = DateOnly.TryParseExact(r["DATA"], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
            if (date is null)
            {
                into.Errors.Add(new ImportIssue(r.At("DATA"), $"'{r["DATA"]}' is not a date ({string.Join(" or ", DateFormats)})"));
            }

            var sex = r["GENERE"].ToUpperInvariant() switch { "M" or "MASCHIO" => SexCode.Male, "F" or "FEMMINA" => SexCode.Female, _ => null };
            if (sex is null)
            {
                into.Errors.Add(new ImportIssue(r.At("GENERE"), $"sex '{r["GENERE"]}' is not M or F"));
            }

            var age = CobParsers.Age(r["ETA"], r.At("ETA"), into);

            var province = ProvinceNames.UtsCodeOf(r["PROVINCIAIMPRESA"]);
            if (province is null)
            {
                into.Errors.Add(new ImportIssue(r.At("PROVINCIAIMPRESA"), $"'{r["PROVINCIAIMPRESA"]}' is not the name of a Lombard province"));
            }

            var country = r["ITALIANO"];
            if (country.Length == 0)
            {
                into.Errors.Add(new ImportIssue(r.At("ITALIANO"), "blank citizenship"));
            }

            if (into.Errors.Count > errors)
            {
                if (CobParsers.StopAtErrorCap(into, errorsBefore, name, r.Line))
                {
                    return;
                }

                continue;
            }

            var text = r["CONTRATTO"];
            var code = contracts.CodeOfDescription(text);
            if (code is null)
            {
                unmapped[text] = unmapped.GetValueOrDefault(text) + 1;
            }

            var italian = string.Equals(country, "ITALIA", StringComparison.OrdinalIgnoreCase);
            var ateco = r["SETTOREECONOMICODETTAGLIO"];
            sink.Add(new CobEvent(type, date!.Value, null, province!, code, null, null, sex!, age,
                italian ? CitizenshipCode.Italian : CitizenshipCode.Foreign, italian ? null : country, ateco.Length == 0 ? null : ateco));
            into.EventCount++;
            first = first is null || date < first ? date : first;
            last = last is null || date > last ? date : last;
        }

        if (first is { } f && last is { } l)
        {
            var from = new DateOnly(f.Year, (f.Month - 1) / 3 * 3 + 1, 1);
            var to = new DateOnly(l.Year, (l.Month - 1) / 3 * 3 + 1, 1).AddMonths(3).AddDays(-1);
            var window = into.EventWindow;
            into.EventWindow = new CobWindow(window is null || from < window.From ? from : window.From, window is null || to > window.To ? to : window.To, HasStock: false);
        }

        if (unmapped.Count > 0)
        {
            into.Warnings.Add($"{name}: {unmapped.Values.Sum()} events with a contract description not in the ministry list (stored without a code): "
                + string.Join(", ", unmapped.OrderByDescending(kv => kv.Value).Take(5).Select(kv => FormattableString.Invariant($"'{kv.Key}' ({kv.Value})"))));
        }
    }
}
