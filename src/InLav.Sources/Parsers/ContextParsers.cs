using System.Globalization;
using System.Text.Json;
using InLav.Core.Measures;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>
/// Parsers of context indicators published as rates or indices (ISTAT "A misura di comune", BES, ANAC): non-additive measures,
/// stored at the level the source gives them and shown only there.
/// </summary>
public static class ContextParsers
{
    /// <summary>
    /// ISTAT "A misura di comune", one indicator per table, one column per year (options measure, firstYear, lastYear). Per-comune
    /// tables (with "Codice Comune Istat") are stored at level comune; the province tables at level provincia (unit = UTS code,
    /// by the province's name) and their "TOTALE" row, Lombardy, at level regione (unit 03). Period = the year.
    /// </summary>
    public sealed class AMisuraDiComune : ISourceParser
    {
        public string Id => "istat-amc";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var measure = source.RequiredOption("measure");
            var years = Enumerable.Range(source.IntOption("firstYear", 0), source.IntOption("lastYear", -1) - source.IntOption("firstYear", 0) + 1)
                .Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
            if (years.Count == 0)
            {
                throw new ArgumentException($"Source '{source.Id}' needs the options firstYear and lastYear.");
            }

            var columns = new List<string> { "Ripartizione", "Codice Regione", "Denominazione Regione", "Provincia" };
            columns.AddRange(years);
            foreach (var r in ParserHelpers.Records(path, source, context, columns, allowExtra: true))
            {
                into.RowsRead++;
                if (r["Codice Regione"] != Province.RegionCode)
                {
                    into.Errors.Add(new ImportIssue(r.At("Codice Regione"), $"region '{r["Codice Regione"]}' is not Lombardy (03)"));
                    continue;
                }

                string level, unit;
                if (r.Has("Codice Comune Istat"))
                {
                    (level, unit) = (NativeLevel.Comune, context.RequireComune(r["Codice Comune Istat"], r.At("Codice Comune Istat"), into) ?? "");
                }
                else if (r["Provincia"] == "TOTALE")
                {
                    (level, unit) = (NativeLevel.Regione, Province.RegionCode);
                }
                else
                {
                    (level, unit) = (NativeLevel.Provincia, ProvinceUnit(r, "Provincia", into) ?? "");
                }

                if (unit.Length == 0)
                {
                    continue;
                }

                foreach (var year in years)
                {
                    into.AddFact(new Fact(measure, level, unit, year, DimensionKey.Total, Numbers.Number(r, year, NumberStyle.Plain)), r.At(year));
                }
            }
        }
    }

    /// <summary>
    /// BES regional indicators compiled per NUTS2 region (one row per region, one column per indicator). Options: region (NUTS2
    /// code, default ITC4 = Lombardy; the other regions are read and left out), period, flag (e.g. "e" when the reference year
    /// is not stated), measures: [{ "column", "measure" }]. Stored at level regione, unit 03. Cells may carry trailing spaces.
    /// </summary>
    public sealed class BesRegional : ISourceParser
    {
        public string Id => "bes-regional";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var region = source.Option("region", "ITC4");
            var period = source.RequiredOption("period");
            var flag = source.Option("flag", "");
            var measures = ColumnMeasures(source);
            var found = 0;
            foreach (var r in ParserHelpers.Records(path, source, context, ["NUTS2", "NOME_NUTS2", .. measures.Keys]))
            {
                into.RowsRead++;
                if (r["NUTS2"] != region)
                {
                    continue;
                }

                found++;
                foreach (var (column, measure) in measures)
                {
                    into.AddFact(new Fact(measure, NativeLevel.Regione, Province.RegionCode, period, DimensionKey.Total,
                        Numbers.Number(r, column, NumberStyle.Plain), flag.Length == 0 ? null : flag), r.At(column));
                }
            }

            if (found != 1)
            {
                into.Errors.Add(new ImportIssue(new SourcePosition(Path.GetFileName(path), 0, 0), FormattableString.Invariant($"expected one row for {region}, found {found}")));
            }
        }
    }

    /// <summary>
    /// ANAC context indicators per province and year ("Provincia SA", "Anno SA", one column per indicator; option measures:
    /// [{ "column", "measure" }], every column must be listed). Stored at level provincia (unit = UTS code, by name), period =
    /// the year, values exactly as published (float32 artefacts such as 0.0299999993 kept; exponents such as 9.99e-06 read).
    /// An empty cell is an indicator not computed for that year: nothing is stored (it is not a suppressed value).
    /// </summary>
    public sealed class AnacProvinces : ISourceParser
    {
        public string Id => "anac-context";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var measures = ColumnMeasures(source);
            foreach (var r in ParserHelpers.Records(path, source, context, ["Provincia SA", "Anno SA", .. measures.Keys]))
            {
                into.RowsRead++;
                var year = ParserHelpers.Int(r, "Anno SA");
                if (ProvinceUnit(r, "Provincia SA", into) is not { } unit)
                {
                    continue;
                }

                foreach (var (column, measure) in measures.Where(m => r[m.Key].Length > 0))
                {
                    if (!Numbers.TryParse(r[column], NumberStyle.Float, out var value))
                    {
                        throw new SourceFormatException(r.At(column), $"'{r[column]}' in '{column}' is not a number");
                    }

                    into.AddFact(new Fact(measure, NativeLevel.Provincia, unit, year.ToString(CultureInfo.InvariantCulture), DimensionKey.Total, value), r.At(column));
                }
            }
        }
    }

    /// <summary>The UTS code of a Lombardy province written by name ("Milano", "Monza e della Brianza"), or an error.</summary>
    private static string? ProvinceUnit(DelimitedRecord r, string column, ParsedDataset into)
    {
        var name = r[column];
        var province = ProvinceNames.UtsCodeOf(name);
        if (province is null)
        {
            into.Errors.Add(new ImportIssue(r.At(column), $"'{name}' is not a Lombardy province"));
        }

        return province;
    }

    /// <summary>The option "measures": [{ "column", "measure" }], in order, with header-normalised column names.</summary>
    private static Dictionary<string, string> ColumnMeasures(SourceDefinition source)
    {
        if (source.Options.ValueKind != JsonValueKind.Object || !source.Options.TryGetProperty("measures", out var array))
        {
            throw new ArgumentException($"Source '{source.Id}' needs the option \"measures\": [{{ \"column\", \"measure\" }}].");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in array.EnumerateArray())
        {
            var column = item.GetProperty("column").GetString() ?? "";
            var measure = item.GetProperty("measure").GetString() ?? "";
            if (!map.TryAdd(DelimitedReader.NormalizeHeader(column), measure) || measure.Length == 0)
            {
                throw new ArgumentException($"Source '{source.Id}': the column '{column}' is listed twice or has no measure.");
            }
        }

        return map;
    }
}
