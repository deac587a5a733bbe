using InLav.Core.Query;
using InLav.Tests.Support;

namespace InLav.Tests.Imports;

/// <summary>MEF IRPEF statistics read from the real files, on both engines: every expected figure is recomputed here from the raw rows.</summary>
[Collection(ImportedStoreCollection.Name)]
public sealed class IncomeImportTests(ImportedStore imported)
{
    private const string EmployeeN = "Reddito da lavoro dipendente e assimilati - Frequenza";

    /// <summary>Sigla Provincia → UTS code of the province (Milano is 215), written out here rather than taken from the code under test.</summary>
    private static readonly Dictionary<string, string> UtsBySigla = new(StringComparer.Ordinal)
    {
        ["VA"] = "012",
        ["CO"] = "013",
        ["SO"] = "014",
        ["MI"] = "215",
        ["BG"] = "016",
        ["BS"] = "017",
        ["PV"] = "018",
        ["CR"] = "019",
        ["MN"] = "020",
        ["LC"] = "097",
        ["LO"] = "098",
        ["MB"] = "108",
    };

    /// <summary>The per-comune file of a tax year, split by hand: no quotes, and the records have 0, 1 or 2 empty fields past the header.</summary>
    private static List<Dictionary<string, string>> Mef(int year)
    {
        var lines = File.ReadAllLines(TestData.File(FormattableString.Invariant($"redditi_mef/Redditi_e_principali_variabili_IRPEF_su_base_comunale_CSV_{year}_Lombardia.csv")));
        var header = lines[0].Split(';').Select(h => string.Join(' ', h.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Where(h => h.Length > 0).ToList();
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(';')).Select(f => header.Select((h, i) => (h, f[i])).ToDictionary(p => p.h, p => p.Item2)).ToList();
    }

    private static string Code(Dictionary<string, string> row) => row["Codice Istat Comune"].PadLeft(6, '0');

    private static double Cell(Dictionary<string, string> row, string column) => row[column].Length == 0 ? 0 : RawCsv.Num(row[column]);

    private QueryResult Run(string engine, string measure, string level, string period, IReadOnlyList<string>? units = null, string configuration = "latest") =>
        imported.For(engine).Query.Run(new QueryRequest(measure, level, configuration, [period], null, null, units));

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Employee_taxpayers_of_2021_in_every_province_equal_the_sum_of_its_raw_rows_by_Sigla_Provincia(string engine)
    {
        var expected = Mef(2021).GroupBy(r => UtsBySigla[r["Sigla Provincia"]])
            .ToDictionary(g => g.Key, g => (double?)g.Sum(r => Cell(r, EmployeeN)));

        var actual = Run(engine, "irpef_employee_n", "provincia", "2021").Rows.ToDictionary(r => r.UnitCode, r => r.Value);

        Assert.Equal(12, expected.Count);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.True(actual["215"] > 1_000_000);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Taxpayers_of_Lombardy_in_each_tax_year_equal_the_sum_of_the_raw_rows(string engine)
    {
        foreach (var year in new[] { 2018, 2020, 2021 })
        {
            var raw = Mef(year);
            var row = Assert.Single(Run(engine, "irpef_taxpayers", "regione", year.ToString(System.Globalization.CultureInfo.InvariantCulture)).Rows);

            Assert.Equal(year == 2018 ? 1507 : 1506, raw.Count);
            Assert.Equal(raw.Sum(r => RawCsv.Num(r["Numero contribuenti"])), row.Value);
            Assert.Equal("03", row.UnitCode);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Merged_comuni_get_the_sum_of_the_comuni_they_replaced_in_every_MEF_year(string engine)
    {
        var merged = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["012144"] = ["012009", "012018", "012095"], // Bardello con Malgesso e Bregano
            ["013256"] = ["013199", "013228"], // Uggiate con Ronago
        };
        foreach (var year in new[] { 2020, 2021 })
        {
            var raw = Mef(year).ToDictionary(Code, StringComparer.Ordinal);
            var period = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (today, before) in merged)
            {
                Assert.DoesNotContain(today, raw.Keys);
                foreach (var (measure, column) in new[] { ("irpef_taxpayers", "Numero contribuenti"), ("irpef_employee_eur", "Reddito da lavoro dipendente e assimilati - Ammontare in euro") })
                {
                    var row = Assert.Single(Run(engine, measure, "comune", period, [today]).Rows);
                    Assert.Equal(before.Sum(c => RawCsv.Num(raw[c][column])), row.Value);
                    Assert.Equal(before.Length, row.Components.SourceUnits);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void A_blank_MEF_cell_is_suppressed_at_source_for_its_comune_and_makes_its_province_a_partial_sum(string engine)
    {
        const string column = "Reddito di spettanza dell'imprenditore in contabilita' ordinaria (comprensivo dei valori nulli) - Frequenza";
        var raw = Mef(2021);
        var blank = raw.First(r => r[column].Length == 0 && r["Sigla Provincia"] == "LO");
        var lodi = raw.Where(r => r["Sigla Provincia"] == "LO").ToList();

        var comune = Assert.Single(Run(engine, "irpef_entrepreneur_ordinary_n", "comune", "2021", [Code(blank)]).Rows);
        Assert.Null(comune.Value);
        Assert.Equal(["s"], comune.Flags);

        var province = Assert.Single(Run(engine, "irpef_entrepreneur_ordinary_n", "provincia", "2021", ["098"]).Rows);
        Assert.Contains("p", province.Flags);
        Assert.Equal(lodi.Sum(r => Cell(r, column)), province.Value);
        Assert.Equal(lodi.Count(r => r[column].Length == 0), province.Components.Suppressed);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Negative_amounts_of_the_class_of_income_at_or_below_zero_are_kept(string engine)
    {
        const string column = "Reddito complessivo minore o uguale a zero euro - Ammontare in euro";
        var negative = Mef(2018).First(r => r[column].StartsWith('-'));

        var row = Assert.Single(Run(engine, "irpef_class_le0_eur", "comune", "2018", [Code(negative)], "2018-12-31").Rows);

        Assert.Equal(RawCsv.Num(negative[column]), row.Value);
        Assert.True(row.Value < 0);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void The_regional_tables_give_the_class_distribution_and_the_totals_over_the_classes_at_region_level_only(string engine)
    {
        static double Italian(string s) => s.Length == 0 ? 0 : RawCsv.Num(s.Replace(".", "", StringComparison.Ordinal));
        var calcolo = RawCsv.Read("redditi_mef/REG_calcolo_irpef_2024_Lombardia.csv", ';');
        var tipo = RawCsv.Read("redditi_mef/REG_tipo_reddito_2024_Lombardia.csv", ';');
        double Region(string measure) => Assert.Single(Run(engine, measure, "regione", "2023").Rows).Value!.Value;

        Assert.Equal(34, calcolo.Count);
        Assert.Equal(Italian(calcolo.Single(r => r["Classi di reddito complessivo in euro"] == "da 20.000 a 26.000")["Numero contribuenti"]), Region("irpef_reg_class_20000_26000_n"));
        Assert.Equal(Italian(calcolo.Single(r => r["Classi di reddito complessivo in euro"] == "oltre 300.000")["Reddito complessivo - Ammontare in euro"]), Region("irpef_reg_class_gt300000_eur"));
        Assert.Equal(calcolo.Sum(r => Italian(r["Numero contribuenti"])), Region("irpef_reg_taxpayers"));
        Assert.Equal(calcolo.Sum(r => Italian(r["Imposta netta - Ammontare in euro"])), Region("irpef_reg_net_tax_eur"));
        Assert.Equal(tipo.Sum(r => Italian(r[EmployeeN])), Region("irpef_reg_employee_n"));

        // A class cell is blank: the total is a lower bound, flagged "p".
        Assert.Contains(tipo, r => r[EmployeeN].Length == 0);
        Assert.Equal(["p"], Assert.Single(Run(engine, "irpef_reg_employee_n", "regione", "2023").Rows).Flags);
        Assert.Empty(Run(engine, "irpef_reg_employee_n", "provincia", "2023").Rows);
    }
}
