using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>Parsers of the territorial registry: lists of comuni, the ANPR archive, the SITUAS variations.</summary>
public static class TerritoryParsers
{
    /// <summary>
    /// A list of the comuni valid at a date (SITUAS report 61, ISTAT Elenco comuni, the classification files).
    /// Options: codeColumn, nameColumn, listedAt (yyyy-MM-dd).
    /// </summary>
    public sealed class SituasComuniList : ISourceParser
    {
        public string Id => "comuni-list";

        public bool BuildsRegistry => true;

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var codeColumn = source.RequiredOption("codeColumn");
            var nameColumn = source.RequiredOption("nameColumn");
            var listedAt = DateOnly.ParseExact(source.RequiredOption("listedAt"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in ParserHelpers.Records(path, source, context, [codeColumn, nameColumn]))
            {
                into.RowsRead++;
                var code = ComuneCode.Normalize(r[codeColumn]);
                if (code is null || !Province.IsLombardComuneCode(code))
                {
                    into.Errors.Add(new ImportIssue(r.At(codeColumn), $"'{r[codeColumn]}' is not a Lombardy comune code"));
                    continue;
                }

                if (!seen.Add(code))
                {
                    into.Errors.Add(new ImportIssue(r.At(codeColumn), $"duplicate row: comune {code} is listed twice"));
                    continue;
                }

                into.Comuni.Add(new ComuneEvidence(code, r[nameColumn], ComuneCode.ProvinceOf(code), null, null, listedAt));
            }
        }
    }

    /// <summary>ANPR_archivio_comuni.csv: every comune record since 1861 with its validity window.</summary>
    public sealed class AnprArchive : ISourceParser
    {
        public string Id => "anpr-archive";

        public bool BuildsRegistry => true;

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            foreach (var r in ParserHelpers.Records(path, source, context, ["CODISTAT", "DENOMINAZIONE_IT", "DATAISTITUZIONE", "DATACESSAZIONE", "IDREGIONE"]))
            {
                into.RowsRead++;
                var code = ComuneCode.Normalize(r["CODISTAT"]);
                if (code is null)
                {
                    into.Errors.Add(new ImportIssue(r.At("CODISTAT"), $"'{r["CODISTAT"]}' is not a comune code"));
                    continue;
                }

                var from = ParserHelpers.Date(r, "DATAISTITUZIONE");
                var to = ParserHelpers.Date(r, "DATACESSAZIONE");
                if (to < from)
                {
                    into.Errors.Add(new ImportIssue(r.At("DATACESSAZIONE"), "the record ceases before it starts"));
                    continue;
                }

                into.Comuni.Add(new ComuneEvidence(code, TitleCase(r["DENOMINAZIONE_IT"]), ComuneCode.ProvinceOf(code), from, to, null));
            }
        }

        /// <summary>ANPR names are upper case; the lists give the official spelling, which wins where present.</summary>
        private static string TitleCase(string upper) =>
            System.Globalization.CultureInfo.GetCultureInfo("it-IT").TextInfo.ToTitleCase(upper.ToLower(System.Globalization.CultureInfo.GetCultureInfo("it-IT")));
    }

    /// <summary>ISTAT SITUAS "Variazioni amministrative e territoriali dei comuni dal 1991".</summary>
    public sealed class SituasVariations : ISourceParser
    {
        public string Id => "situas-variations";

        public bool BuildsRegistry => true;

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            string[] cols = ["Tipo variazione", "Codice Comune", "Comune", "Codice Comune associato", "Comune associato", "Data evento"];
            foreach (var r in ParserHelpers.Records(path, source, context, cols))
            {
                into.RowsRead++;
                var type = r["Tipo variazione"];
                var kind = type.Split('-')[0] switch
                {
                    "ES" => ChangeKind.Extinction,
                    "CS" => ChangeKind.Constitution,
                    "AP" => ChangeKind.ProvinceChange,
                    "CD" => ChangeKind.Rename,
                    "CE" => ChangeKind.TerritoryTransfer,
                    "AQ" or "AQES" or "CECS" => (ChangeKind?)null, // the mirror rows of ES/CE/CS events
                    _ => throw new SourceFormatException(r.At("Tipo variazione"), $"unknown variation type '{type}'"),
                };
                if (kind is null)
                {
                    continue;
                }

                var code = ComuneCode.Normalize(r["Codice Comune"]);
                var other = ComuneCode.Normalize(r["Codice Comune associato"]);
                if (code is null || other is null)
                {
                    into.Errors.Add(new ImportIssue(r.At(code is null ? "Codice Comune" : "Codice Comune associato"), "not a comune code"));
                    continue;
                }

                var date = ParserHelpers.Date(r, "Data evento", "dd/MM/yyyy");
                var change = kind switch
                {
                    ChangeKind.Constitution => new TerritorialChange(date, ChangeKind.Constitution, other, code, r["Comune"]),
                    ChangeKind.Rename => new TerritorialChange(date, ChangeKind.Rename, code, other, r["Comune associato"]),
                    _ => new TerritorialChange(date, kind.Value, code, other, r["Comune associato"]),
                };
                into.Changes.Add(change);
            }
        }
    }
}
