using InLav.Core.Measures;
using InLav.Sources.Catalogue;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>Parsers of population sources.</summary>
public static class PopulationParsers
{
    /// <summary>ANPR monthly residents per comune (popolazione_residente_YYYY_export.csv): measure residents_anpr, period YYYY-MM.</summary>
    public sealed class AnprResidents : ISourceParser
    {
        public string Id => "anpr-residents";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var measure = source.Option("measure", "residents_anpr");
            foreach (var r in ParserHelpers.Records(path, source, context, ["MESE", "ANNO", "COD_ISTAT_COMUNE", "RESIDENTI"]))
            {
                into.RowsRead++;
                var month = ParserHelpers.Int(r, "MESE");
                var year = ParserHelpers.Int(r, "ANNO");
                if (month is < 1 or > 12)
                {
                    into.Errors.Add(new ImportIssue(r.At("MESE"), $"month {month} is not 1..12"));
                    continue;
                }

                var code = context.RequireComune(r["COD_ISTAT_COMUNE"], r.At("COD_ISTAT_COMUNE"), into);
                var value = Numbers.Count(r, "RESIDENTI", NumberStyle.Plain);
                if (code is null)
                {
                    continue;
                }

                var period = FormattableString.Invariant($"{year:D4}-{month:D2}");
                into.AddFact(Fact.ForComune(measure, code, period, DimensionKey.Total, value), r.At("RESIDENTI"));
            }
        }
    }
}
