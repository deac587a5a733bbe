using System.Globalization;
using InLav.Core.Measures;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Sources.Cob;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>Parsers of COB (Comunicazioni Obbligatorie) sources: the MLPS regional series and the two event layouts.</summary>
public static class CobParsers
{
    /// <summary>Errors after which a file is not read further (the first 50 are reported).</summary>
    private const int MaxErrorsPerFile = 1000;

    /// <summary>True, with an error saying so, once a file has given MaxErrorsPerFile errors: the caller stops reading it.</summary>
    public static bool StopAtErrorCap(ParsedDataset into, int errorsBefore, string file, int line)
    {
        if (into.Errors.Count - errorsBefore < MaxErrorsPerFile)
        {
            return false;
        }

        into.Errors.Add(new ImportIssue(new SourcePosition(file, line, 0), FormattableString.Invariant($"{MaxErrorsPerFile} errors: the rest of the file was not read")));
        return true;
    }

    /// <summary>The age of a COB worker: whole years from 14 to 100, else -1 and an error at the cell.</summary>
    public static int Age(string text, SourcePosition at, ParsedDataset into)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age is >= 14 and <= 100)
        {
            return age;
        }

        into.Errors.Add(new ImportIssue(at, $"age '{text}' is not a whole number of years from 14 to 100"));
        return -1;
    }

    /// <summary>Streams a contract's events (hiring, and termination when it has ended) to the sink, counting them.</summary>
    public static void AddEvents(CobContract contract, ICobEventSink sink, ParsedDataset into)
    {
        foreach (var e in contract.Events())
        {
            sink.Add(e);
            into.EventCount++;
        }
    }

    /// <summary>
    /// MLPS quarterly regional hirings and terminations (MlpsSeries). Lombardia rows only, stored at NativeLevel.Regione, unit
    /// "03", period "2024-Q1": cob_hirings and cob_terminations (contracts, rapporti), cob_hirings_workers and
    /// cob_terminations_workers (distinct workers, lavoratori).
    /// </summary>
    public sealed class MlpsRegional : ISourceParser
    {
        public string Id => "mlps-co-regional";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            foreach (var (r, year, quarter, isHiring, contracts, workers) in MlpsSeries.Rows(path, context.MaxFileBytes))
            {
                into.RowsRead++;
                var period = FormattableString.Invariant($"{year:D4}-Q{quarter}");
                var (measure, workersMeasure) = isHiring ? ("cob_hirings", "cob_hirings_workers") : ("cob_terminations", "cob_terminations_workers");
                into.AddFact(new Fact(measure, NativeLevel.Regione, Province.RegionCode, period, DimensionKey.Total, contracts), r.At("rapporti"));
                into.AddFact(new Fact(workersMeasure, NativeLevel.Regione, Province.RegionCode, period, DimensionKey.Total, workers), r.At("lavoratori"));
            }
        }
    }

    /// <summary>
    /// The internal comune-level layout of COB warehouse extracts: one row per contract (docs/synthetic-cob.md, "Internal layout").
    /// Required header columns: id, inizio, fine, cod_tipologia_contrattuale, comune_sede_lavoro, eta, sesso, cittadinanza,
    /// ateco_gruppo (comma-delimited, UTF-8; other warehouse columns are ignored when the catalogue allows extra columns).
    /// Each row gives a hiring event on inizio and, when fine is set (not blank, not 9999-12-31), a termination event on fine.
    /// Options: contractTypes and comuni (reference files: the ministry list, the ANPR archive for Belfiore codes),
    /// observedFrom and observedTo (the extract's window: facts are made for its quarters only).
    /// </summary>
    public sealed class CobInternal : ISourceParser
    {
        public static readonly IReadOnlyList<string> Columns =
            ["id", "inizio", "fine", "cod_tipologia_contrattuale", "comune_sede_lavoro", "eta", "sesso", "cittadinanza", "ateco_gruppo"];

        public string Id => "cob-internal";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var contracts = ContractTypes.Load(context.ReferenceFile(source, "contractTypes"));
            var belfiore = BelfioreCodes.Load(context.ReferenceFile(source, "comuni"));
            into.EventWindow = new CobWindow(DateOption(source, "observedFrom"), DateOption(source, "observedTo"), HasStock: true);
            var reader = new CobRowReader(contracts, belfiore, context);
            var sink = context.RequireEvents();
            var errorsBefore = into.Errors.Count;
            foreach (var r in ParserHelpers.Records(path, source, context, Columns))
            {
                into.RowsRead++;
                if (reader.Read(r, into) is { } contract)
                {
                    AddEvents(contract, sink, into);
                }

                if (StopAtErrorCap(into, errorsBefore, Path.GetFileName(path), r.Line))
                {
                    return;
                }
            }
        }

        private static DateOnly DateOption(SourceDefinition source, string name)
        {
            var raw = source.RequiredOption(name);
            return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw new InvalidOperationException($"Option '{name}' of source '{source.Id}' is not a date yyyy-MM-dd: '{raw}'.");
        }
    }
}
