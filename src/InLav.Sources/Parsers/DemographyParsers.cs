using System.Globalization;
using InLav.Core.Measures;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>Parsers of ISTAT demographic tables (demo.istat.it): demographic balances P2/P3 and STRASA by province.</summary>
public static class DemographyParsers
{
    /// <summary>
    /// ISTAT demographic balance per comune (P2 all residents, P3 foreign citizens): for Maschi, Femmine and Totale, the population
    /// on 1 January, births, deaths and the population on 31 December. Options: year; citizenship ("T" or "FOR");
    /// load: a list among "start" (residents at year-01-01), "end" (residents at year-12-31), "births", "deaths" (period year);
    /// default all four. Rows marked "p" in "Informazioni" (provisional) are flagged "e". Males + females must equal the total.
    /// </summary>
    public sealed class IstatBalance : ISourceParser
    {
        private static readonly (string Key, string Measure, string Column, string PeriodSuffix)[] Items =
        [
            ("start", "residents", "Popolazione censita al 1° gennaio", "-01-01"),
            ("end", "residents", "Popolazione al 31 dicembre", "-12-31"),
            ("births", "births", "Nati vivi", ""),
            ("deaths", "deaths", "Morti", ""),
        ];

        public string Id => "istat-balance";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var year = source.RequiredOption("year");
            var citizenship = source.Option("citizenship", Dimension.Total);
            if (!CitizenshipCode.Values.Contains(citizenship, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Source '{source.Id}': citizenship must be one of {string.Join(", ", CitizenshipCode.Values)}.");
            }

            var load = (source.ListOption("load") ?? [.. Items.Select(i => i.Key)]).ToHashSet(StringComparer.Ordinal);
            var items = Items.Where(i => load.Contains(i.Key)).ToList();
            if (items.Count != load.Count)
            {
                throw new ArgumentException($"Source '{source.Id}': load accepts only {string.Join(", ", Items.Select(i => i.Key))}.");
            }

            var columns = new List<string> { "Codice comune", "Informazioni" };
            columns.AddRange(items.SelectMany(i => new[] { i.Column + " - Maschi", i.Column + " - Femmine", i.Column + " - Totale" }));
            foreach (var r in ParserHelpers.Records(path, source, context, columns))
            {
                into.RowsRead++;
                var code = context.RequireComune(r["Codice comune"], r.At("Codice comune"), into);
                var flag = r["Informazioni"] switch
                {
                    "p" => FactFlag.Estimated,
                    "" => null,
                    var other => throw new SourceFormatException(r.At("Informazioni"), $"unknown status '{other}' (expected 'p' or blank)"),
                };
                foreach (var item in items)
                {
                    PopulationParsers.AddBySex(into, code, item.Measure, year + item.PeriodSuffix, citizenship, flag, r,
                        item.Column + " - Totale", item.Column + " - Maschi", item.Column + " - Femmine");
                }
            }
        }
    }

    /// <summary>
    /// ISTAT STRASA, resident foreigners on 1 January by single year of age and sex, per province (English edition: "Province code",
    /// "Province", "Age", "Males", "Females"; age 999 = all ages, 100 = 100 and over). Stored at the native level provincia
    /// (unit = the province's UTS code), measure residents, citizenship FOR: M and F for each age (Y0-0 … Y99-99, Y100+) and for
    /// all ages, and T = M + F for each age. The all-ages, both-sexes cell is not stored: the per-comune FJAN series gives that
    /// cell for every province (identical in 2022), and two sources must never give the same cell. Ages must sum to the 999 row.
    /// </summary>
    public sealed class StrasaProvinces : ISourceParser
    {
        public string Id => "strasa-provinces";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var period = source.RequiredOption("period");
            var sums = new Dictionary<string, (double M, double F, DelimitedRecord? Total)>(StringComparer.Ordinal);
            foreach (var r in ParserHelpers.Records(path, source, context, ["Province code", "Age", "Males", "Females"]))
            {
                into.RowsRead++;
                if (Province.ByCode(r["Province code"]) is not { } province || !r["Province code"].All(char.IsAsciiDigit))
                {
                    into.Errors.Add(new ImportIssue(r.At("Province code"), $"'{r["Province code"]}' is not a Lombardy province code"));
                    continue;
                }

                var age = ParserHelpers.Int(r, "Age");
                var band = age switch
                {
                    999 => Dimension.Total,
                    100 => AgeBand.Of(100, null),
                    >= 0 and < 100 => AgeBand.Of(age, age),
                    _ => throw new SourceFormatException(r.At("Age"), FormattableString.Invariant($"age {age} is not 0..100 or 999")),
                };
                var males = Numbers.Count(r, "Males", NumberStyle.Plain)!.Value;
                var females = Numbers.Count(r, "Females", NumberStyle.Plain)!.Value;
                var unit = province.UtsCode;
                var sum = sums.GetValueOrDefault(unit);
                sums[unit] = band == Dimension.Total ? sum with { Total = r } : (sum.M + males, sum.F + females, sum.Total);

                Fact Make(string sex, double value) => new(Measures.Residents, NativeLevel.Provincia, unit, period, new DimensionKey(sex, band, CitizenshipCode.Foreign), value);
                into.AddFact(Make(SexCode.Male, males), r.At("Males"));
                into.AddFact(Make(SexCode.Female, females), r.At("Females"));
                if (band != Dimension.Total)
                {
                    into.AddFact(Make(Dimension.Total, males + females), r.At("Age"));
                }
            }

            foreach (var (unit, (m, f, total)) in sums)
            {
                if (total is null)
                {
                    into.Errors.Add(new ImportIssue(new SourcePosition(Path.GetFileName(path), 0, 0), $"province {unit} has no all-ages row (999)"));
                }
                else if (Numbers.Count(total, "Males", NumberStyle.Plain) != m || Numbers.Count(total, "Females", NumberStyle.Plain) != f)
                {
                    into.Errors.Add(new ImportIssue(total.At("Males"), string.Create(CultureInfo.InvariantCulture,
                        $"province {unit}: the single ages sum to {m} males and {f} females, the 999 row says {total["Males"]} and {total["Females"]}")));
                }
            }
        }
    }

    private static class Measures
    {
        public const string Residents = "residents";
    }
}
