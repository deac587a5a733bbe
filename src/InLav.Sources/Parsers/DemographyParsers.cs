using System.Globalization;
using InLav.Core.Measures;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>Parsers of ISTAT demographic tables (demo.istat.it): demographic balances P2/P3, STRASA and POSAS by province.</summary>
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

    /// <summary>
    /// ISTAT POSAS (demo.istat.it), residents on 1 January by single year of age, sex and marital status, per province: "Codice
    /// provincia", "Provincia", "Età" (0…100, 100 = 100 and over, "Totale" = all ages), seven marital-status columns and "Totale
    /// Maschi" per sex, the same for Femmine; no M+F column. A title line before the header and, after a blank line, a footnote
    /// (catalogue options skipLines and footer). Option period. Stored at the native level provincia (unit = the UTS code), measure
    /// residents, citizenship T: M, F and T = M + F for each age (Y0-0 … Y99-99, Y100+) and for all ages (age T). Checked while
    /// reading: each sex's total equals the sum of its marital-status columns, each province has one row per age and one Totale
    /// row, and the single ages of each sex sum to its Totale row; otherwise an error names the cell.
    /// </summary>
    public sealed class PosasProvinces : ISourceParser
    {
        private const string ProvinceColumn = "Codice provincia";
        private const string Age = "Età";

        private static readonly string[] MaleStatuses =
            ["celibi", "coniugati", "divorziati", "vedovi", "uniti civilmente", "già in unione civile (per scioglimento)", "già in unione civile (per decesso del partner)"];

        private static readonly string[] FemaleStatuses =
            ["nubili", "coniugate", "divorziate", "vedove", "unite civilmente", "già in unione civile (per scioglimento)", "già in unione civile (per decesso del partner)"];

        public string Id => "posas-provinces";

        public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
        {
            var period = source.RequiredOption("period");
            var sexes = new[] { (Sex: SexCode.Male, Total: "Totale Maschi", Parts: MaleStatuses.Select(x => "Maschi " + x).ToArray()), (Sex: SexCode.Female, Total: "Totale Femmine", Parts: FemaleStatuses.Select(x => "Femmine " + x).ToArray()) };
            var columns = new List<string> { ProvinceColumn, "Provincia", Age };
            foreach (var sex in sexes)
            {
                columns.AddRange(sex.Parts);
                columns.Add(sex.Total);
            }

            var sums = new Dictionary<string, (double M, double F, int Ages, DelimitedRecord? Total)>(StringComparer.Ordinal);
            foreach (var r in ParserHelpers.Records(path, source, context, columns))
            {
                into.RowsRead++;
                if (Province.ByCode(r[ProvinceColumn]) is not { } province || r[ProvinceColumn].Length != 3 || !r[ProvinceColumn].All(char.IsAsciiDigit))
                {
                    into.Errors.Add(new ImportIssue(r.At(ProvinceColumn), $"'{r[ProvinceColumn]}' is not a Lombardy province code"));
                    continue;
                }

                var band = r[Age] switch
                {
                    "Totale" => Dimension.Total,
                    "100" => AgeBand.Of(100, null),
                    var a when int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 100 => AgeBand.Of(n, n),
                    var a => throw new SourceFormatException(r.At(Age), $"age '{a}' is not 0…100 or 'Totale'"),
                };
                var values = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var (sex, total, parts) in sexes)
                {
                    var value = Numbers.Count(r, total, NumberStyle.Plain)!.Value;
                    var sumOfParts = parts.Sum(c => Numbers.Count(r, c, NumberStyle.Plain)!.Value);
                    if (sumOfParts != value)
                    {
                        into.Errors.Add(new ImportIssue(r.At(total), string.Create(CultureInfo.InvariantCulture, $"'{total}' is {value} but its marital-status columns sum to {sumOfParts}")));
                    }

                    values[sex] = value;
                }

                var unit = province.UtsCode;
                var sum = sums.GetValueOrDefault(unit);
                if (band == Dimension.Total)
                {
                    if (sum.Total is not null)
                    {
                        into.Errors.Add(new ImportIssue(r.At(Age), FormattableString.Invariant($"province {unit} has a second 'Totale' row (the first is at line {sum.Total.Line})")));
                        continue;
                    }

                    sums[unit] = sum with { Total = r };
                }
                else
                {
                    sums[unit] = (sum.M + values[SexCode.Male], sum.F + values[SexCode.Female], sum.Ages + 1, sum.Total);
                }

                Fact Make(string sex, double value) => new(Measures.Residents, NativeLevel.Provincia, unit, period, new DimensionKey(sex, band, Dimension.Total), value);
                into.AddFact(Make(SexCode.Male, values[SexCode.Male]), r.At("Totale Maschi"));
                into.AddFact(Make(SexCode.Female, values[SexCode.Female]), r.At("Totale Femmine"));
                into.AddFact(Make(Dimension.Total, values[SexCode.Male] + values[SexCode.Female]), r.At(Age));
            }

            foreach (var (unit, (m, f, ages, total)) in sums)
            {
                if (total is null)
                {
                    into.Errors.Add(new ImportIssue(new SourcePosition(Path.GetFileName(path), 0, 0), $"province {unit} has no 'Totale' row"));
                    continue;
                }

                if (ages != 101)
                {
                    into.Errors.Add(new ImportIssue(total.At(Age), FormattableString.Invariant($"province {unit} has {ages} single-age rows, expected 101 (0…100)")));
                }

                var (totalM, totalF) = (Numbers.Count(total, "Totale Maschi", NumberStyle.Plain), Numbers.Count(total, "Totale Femmine", NumberStyle.Plain));
                if (totalM != m || totalF != f)
                {
                    into.Errors.Add(new ImportIssue(total.At(totalM != m ? "Totale Maschi" : "Totale Femmine"), string.Create(CultureInfo.InvariantCulture,
                        $"province {unit}: the single ages sum to {m} males and {f} females, the 'Totale' row says {totalM} and {totalF}")));
                }
            }
        }
    }

    private static class Measures
    {
        public const string Residents = "residents";
    }
}
