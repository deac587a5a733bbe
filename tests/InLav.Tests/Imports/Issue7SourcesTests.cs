using System.Globalization;
using InLav.Core;
using InLav.Core.Query;
using InLav.Store.Imports;
using InLav.Tests.Support;

namespace InLav.Tests.Imports;

/// <summary>
/// The data of issue 7, read from the real files on both engines: MEF per comune for all six tax years 2018–2023 (the 2023 layout
/// adds a pair of columns), the MEF regional tables of tax year 2023, the ATS Medio Lario reassignment of 2019, ISTAT POSAS 2020
/// by province and single year of age, and the Canton Ticino frontier list. Every expected figure is recomputed here from the raw rows.
/// </summary>
[Collection(ImportedStoreCollection.Name)]
public sealed class Issue7SourcesTests(ImportedStore imported)
{
    private const string TotalIncomeN = "Reddito complessivo - Frequenza";
    private const string TotalIncomeEur = "Reddito complessivo - Ammontare in euro";
    private const string EmployeeN = "Reddito da lavoro dipendente e assimilati - Frequenza";
    private const string PosasFile = "popolazione/ISTAT_POSAS_20200101_province_eta_sesso_stato_civile_Lombardia.csv";
    private const string FrontierFile = "classificazioni/comuni-frontiera_Lombardia.csv";

    /// <summary>The 29 Medio Lario comuni as coded by MANIFEST §18.2 (the page gives names only).</summary>
    private static readonly string[] MedioLario =
    [
        "013253", "013011", "013021", "013025", "013047", "013062", "013063", "013254", "013071", "013074", "013077", "013085", "013087", "013111", "013113",
        "013120", "013145", "013184", "013185", "013187", "013189", "013203", "013204", "013207", "013248", "013211", "013252", "013233", "013234",
    ];

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

    public static TheoryData<string, int> EnginesAndMefYears()
    {
        var data = new TheoryData<string, int>();
        foreach (var engine in new[] { Engines.DuckDb, Engines.Postgres })
        {
            foreach (var year in new[] { 2018, 2019, 2020, 2021, 2022, 2023 })
            {
                data.Add(engine, year);
            }
        }

        return data;
    }

    /// <summary>
    /// The per-comune file of a tax year, split by hand: no quotes; header cells trimmed (2023 ends with a space), the empty header
    /// cell at the end dropped, and the records' empty fields past the header (none, one or two) ignored.
    /// </summary>
    private static List<Dictionary<string, string>> Mef(int year)
    {
        var lines = File.ReadAllLines(TestData.File(FormattableString.Invariant($"redditi_mef/Redditi_e_principali_variabili_IRPEF_su_base_comunale_CSV_{year}_Lombardia.csv")));
        var header = lines[0].Split(';').Select(h => h.Trim()).Where(h => h.Length > 0).ToList();
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(';')).Select(f => header.Select((h, i) => (h, f[i])).ToDictionary(p => p.h, p => p.Item2)).ToList();
    }

    private static double Cell(Dictionary<string, string> row, string column) => row[column].Length == 0 ? 0 : RawCsv.Num(row[column]);

    private static string Period(int year) => year.ToString(CultureInfo.InvariantCulture);

    private QueryResult Run(string engine, string measure, string level, string period, IReadOnlyList<string>? units = null, string configuration = "latest",
        Dictionary<string, string>? filters = null) =>
        imported.For(engine).Query.Run(new QueryRequest(measure, level, configuration, [period], filters, null, units));

    private static Dictionary<string, double?> ByUnit(QueryResult result) => result.Rows.ToDictionary(r => r.UnitCode, r => r.Value, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(EnginesAndMefYears))]
    public void Issue7_MEF_taxpayers_and_employee_taxpayers_of_every_tax_year_equal_the_raw_sums_per_province_and_region(string engine, int year)
    {
        var raw = Mef(year);
        foreach (var (measure, column) in new[] { ("irpef_taxpayers", "Numero contribuenti"), ("irpef_employee_n", EmployeeN) })
        {
            var expected = raw.GroupBy(r => UtsBySigla[r["Sigla Provincia"]]).ToDictionary(g => g.Key, g => (double?)g.Sum(r => Cell(r, column)), StringComparer.Ordinal);

            Assert.Equal(12, expected.Count);
            Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), ByUnit(Run(engine, measure, "provincia", Period(year))).OrderBy(p => p.Key, StringComparer.Ordinal));
            var region = Assert.Single(Run(engine, measure, "regione", Period(year)).Rows);
            Assert.Equal(raw.Sum(r => Cell(r, column)), region.Value);
        }
    }

    [Fact]
    public void Issue7_the_three_new_MEF_years_have_the_comuni_of_their_tax_year()
    {
        Assert.Equal((1506, 1503, 1502), (Mef(2019).Count, Mef(2022).Count, Mef(2023).Count));
        Assert.Contains(Mef(2022), r => r["Codice Istat Comune"] == "013199"); // Ronago, still separate in 2022
        Assert.DoesNotContain(Mef(2023), r => r["Codice Istat Comune"] == "013199");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Issue7_the_2023_pair_reddito_complessivo_is_read_by_its_column_name_as_a_new_measure(string engine)
    {
        var raw = Mef(2023);
        var header = File.ReadLines(TestData.File("redditi_mef/Redditi_e_principali_variabili_IRPEF_su_base_comunale_CSV_2023_Lombardia.csv")).First().Split(';');

        // The pair sits where the 2022 layout has the first income class: every later column is one pair further on.
        Assert.Equal(TotalIncomeN, header[34]);
        Assert.Equal("Reddito complessivo minore o uguale a zero euro - Frequenza", File.ReadLines(TestData.File("redditi_mef/Redditi_e_principali_variabili_IRPEF_su_base_comunale_CSV_2022_Lombardia.csv")).First().Split(';')[34]);
        Assert.EndsWith("euro ", header[^1], StringComparison.Ordinal);

        foreach (var (measure, column) in new[] { ("irpef_total_income_n", TotalIncomeN), ("irpef_total_income_eur", TotalIncomeEur) })
        {
            var expected = raw.GroupBy(r => UtsBySigla[r["Sigla Provincia"]]).ToDictionary(g => g.Key, g => (double?)g.Sum(r => Cell(r, column)), StringComparer.Ordinal);
            Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), ByUnit(Run(engine, measure, "provincia", "2023")).OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Contains("Available: 2023.", Assert.Throws<QueryException>(() => Run(engine, measure, "provincia", "2022")).Message, StringComparison.Ordinal);
        }

        // The last column (its header cell ends with a space) and a class column after the pair, for one comune.
        var milano = raw.Single(r => r["Codice Istat Comune"] == "015146");
        foreach (var (measure, column) in new[] { ("irpef_class_gt120k_eur", "Reddito complessivo oltre 120000 euro - Ammontare in euro"), ("irpef_class_le0_n", "Reddito complessivo minore o uguale a zero euro - Frequenza") })
        {
            Assert.Equal(RawCsv.Num(milano[column]), Assert.Single(Run(engine, measure, "comune", "2023", ["015146"]).Rows).Value);
        }

        Assert.True(Cell(milano, TotalIncomeN) > Cell(milano, "Numero contribuenti") * 0.9);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Issue7_the_MEF_regional_tables_named_2024_are_tax_year_2023_their_taxpayers_equal_the_2023_per_comune_file(string engine)
    {
        static double Italian(string s) => s.Length == 0 ? 0 : RawCsv.Num(s.Replace(".", "", StringComparison.Ordinal));
        var calcolo = RawCsv.Read("redditi_mef/REG_calcolo_irpef_2024_Lombardia.csv", ';');
        var perComune = Mef(2023).Sum(r => RawCsv.Num(r["Numero contribuenti"]));

        Assert.Equal(perComune, calcolo.Sum(r => Italian(r["Numero contribuenti"])));
        Assert.Equal(perComune, Assert.Single(Run(engine, "irpef_reg_taxpayers", "regione", "2023").Rows).Value);
        Assert.Equal(perComune, Assert.Single(Run(engine, "irpef_taxpayers", "regione", "2023").Rows).Value);
        Assert.Contains("Available: 2023.", Assert.Throws<QueryException>(() => Run(engine, "irpef_reg_taxpayers", "regione", "2024")).Message, StringComparison.Ordinal);
        foreach (var id in new[] { "mef-irpef-regione-tipo-reddito", "mef-irpef-regione-calcolo-irpef" })
        {
            var source = imported.Store.Catalogue.Find(id)!;
            Assert.Equal(("2023", "anno d'imposta 2023"), (source.RequiredOption("period"), source.ReferencePeriod));
            Assert.Contains("tax year 2023", source.TitleEn, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Issue7_a_Medio_Lario_comune_is_in_ATS_Montagna_before_2019_and_in_ATS_Insubria_from_1_January_2019(string engine)
    {
        var snapshot = imported.For(engine).Reader.Snapshot();
        foreach (var code in new[] { "013011", "013047", "013248" })
        {
            Assert.Equal("323", snapshot.Level("ats", new DateOnly(2018, 12, 31)).GroupOf(code)!.Code);
            Assert.Equal("322", snapshot.Level("ats", new DateOnly(2019, 1, 1)).GroupOf(code)!.Code);
            Assert.Equal("322", snapshot.Level("ats").GroupOf(code)!.Code);
        }

        // An Alto Lario comune stays in ATS Montagna, and Como's other comuni stay in Insubria, before and after.
        Assert.Equal(("323", "323"), (snapshot.Level("ats", new DateOnly(2018, 12, 31)).GroupOf("013092")!.Code, snapshot.Level("ats").GroupOf("013092")!.Code));
        Assert.Equal(("322", "322"), (snapshot.Level("ats", new DateOnly(2018, 12, 31)).GroupOf("013075")!.Code, snapshot.Level("ats").GroupOf("013075")!.Code));

        // Through the query service: the 2018 taxpayers of the 29 comuni move from Montagna to Insubria between the two configurations.
        var raw = Mef(2018).ToDictionary(r => r["Codice Istat Comune"], StringComparer.Ordinal);
        var moved = MedioLario.Sum(c => RawCsv.Num(raw[c]["Numero contribuenti"]));
        // (Insubria's sums are not compared: on 2018-12-31 Cagno and Solbiate, merged on 2019-01-01, have no ATS of their own.)
        var before = Run(engine, "irpef_taxpayers", "ats", "2018", ["323"], configuration: "2018-12-31").Rows.Single();
        var after = Run(engine, "irpef_taxpayers", "ats", "2018", ["323"], configuration: "2019-01-01").Rows.Single();
        Assert.Equal(moved, before.Value - after.Value);
        Assert.Equal(MedioLario.Length, before.Components.ComuniInUnit - after.Components.ComuniInUnit);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Issue7_POSAS_2020_residents_by_province_sex_and_single_year_of_age_equal_the_raw_rows_and_sum_to_10027602(string engine)
    {
        var raw = RawCsv.Read(PosasFile, ',', skipLines: 1);
        var totals = raw.Where(r => r["Età"] == "Totale").ToList();
        Assert.Equal(1224, raw.Count);
        Assert.Equal(10_027_602, totals.Sum(r => RawCsv.Num(r["Totale Maschi"]) + RawCsv.Num(r["Totale Femmine"])));
        Assert.Equal(10_027_602, raw.Where(r => r["Età"] != "Totale").Sum(r => RawCsv.Num(r["Totale Maschi"]) + RawCsv.Num(r["Totale Femmine"])));

        var both = ByUnit(Run(engine, "residents", "provincia", "2020-01-01"));
        var males = ByUnit(Run(engine, "residents", "provincia", "2020-01-01", filters: new() { ["sex"] = "M" }));
        Assert.Equal(totals.ToDictionary(r => RawCsv.Uts(r["Codice provincia"] + "000"), r => (double?)(RawCsv.Num(r["Totale Maschi"]) + RawCsv.Num(r["Totale Femmine"]))).OrderBy(p => p.Key, StringComparer.Ordinal),
            both.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(totals.ToDictionary(r => RawCsv.Uts(r["Codice provincia"] + "000"), r => (double?)RawCsv.Num(r["Totale Maschi"])).OrderBy(p => p.Key, StringComparer.Ordinal),
            males.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(10_027_602, both.Values.Sum());

        // 100 means 100 and over; a single age is Y{n}-{n}.
        var como = raw.Where(r => r["Codice provincia"] == "013").ToDictionary(r => r["Età"]);
        Assert.Equal(RawCsv.Num(como["100"]["Totale Femmine"]), Assert.Single(Run(engine, "residents", "provincia", "2020-01-01", ["013"], filters: new() { ["sex"] = "F", ["age"] = "Y100+" }).Rows).Value);
        Assert.Equal(RawCsv.Num(como["40"]["Totale Maschi"]) + RawCsv.Num(como["40"]["Totale Femmine"]),
            Assert.Single(Run(engine, "residents", "provincia", "2020-01-01", ["013"], filters: new() { ["age"] = "Y40-40" }).Rows).Value);
        Assert.DoesNotContain(Run(engine, "residents", "comune", "2020-01-01", ["013075"]).Rows, r => r.Value is not null);
    }

    [Fact]
    public void Issue7_POSAS_single_ages_that_do_not_add_up_to_the_Totale_row_are_refused_naming_the_cell()
    {
        var lines = File.ReadAllText(TestData.File(PosasFile)).Split('\n');
        Assert.Equal("\"012\",\"Varese\",0,3150,0,0,0,0,0,0,3150,3115,0,0,0,0,0,0,3115", lines[2]);
        lines[2] = "\"012\",\"Varese\",0,3151,0,0,0,0,0,0,3151,3115,0,0,0,0,0,0,3115";
        var totalLine = Array.FindIndex(lines, l => l.StartsWith("\"012\",\"Varese\",Totale,", StringComparison.Ordinal)) + 1;

        var (outcome, messages) = ImportEdited("istat-posas-2020-province", PosasFile, string.Join('\n', lines));

        Assert.Equal(RunOutcome.Failed, outcome);
        Assert.Contains(FormattableString.Invariant($"ISTAT_POSAS_20200101_province_eta_sesso_stato_civile_Lombardia.csv, line {totalLine}, column 11: province 012: the single ages sum to 430972 males"), messages, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue7_a_data_row_after_the_POSAS_footnote_is_refused()
    {
        var text = File.ReadAllText(TestData.File(PosasFile)) + "\n\"012\",\"Varese\",0,1,0,0,0,0,0,0,1,1,0,0,0,0,0,0,1";
        var (outcome, messages) = ImportEdited("istat-posas-2020-province", PosasFile, text);

        Assert.Equal(RunOutcome.Failed, outcome);
        Assert.Contains(FormattableString.Invariant($"line {text.Split('\n').Length}, column 1: a record after the blank line that starts the footer"), messages, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Issue7_every_row_of_the_frontier_list_matches_a_comune_all_of_Como_none_of_Milano_and_the_merged_Uggiate_con_Ronago(string engine)
    {
        var raw = RawCsv.Read(FrontierFile, ',').Where(r => r["Località"].Trim().Length > 0).ToList();
        var snapshot = imported.For(engine).Reader.Snapshot();
        var level = snapshot.Level("frontiera");
        var members = level.MembersOf.Values.SelectMany(m => m).ToList();

        // 386 rows; Ronago and Uggiate-Trevano (two rows) are one comune since 2024.
        Assert.Equal(386, raw.Count);
        Assert.Equal(raw.Count - 1, members.Count);
        Assert.Equal(raw.Count(r => r["Fascia 1A"].Trim() == "x") - 1, level.MembersOf["fascia-1a"].Count);
        Assert.Equal(raw.Count(r => r["Fascia 1A"].Trim().Length == 0), level.MembersOf["fascia-1"].Count);
        Assert.Contains(raw, r => r["Località"].Trim() == "RONAGO");
        Assert.Contains(raw, r => r["Località"].Trim() == "UGGIATE-TREVANO");
        Assert.Equal("fascia-1a", level.GroupOf("013256")!.Code);
        Assert.DoesNotContain("013199", members);

        var como = snapshot.Level("comune").Units.Select(u => u.Code).Where(c => c.StartsWith("013", StringComparison.Ordinal)).ToList();
        Assert.Equal(147, como.Count);
        Assert.All(como, c => Assert.Equal("fascia-1a", level.GroupOf(c)?.Code));
        Assert.DoesNotContain(members, c => c.StartsWith("015", StringComparison.Ordinal));
        Assert.Equal(116, members.Count(c => c.StartsWith("012", StringComparison.Ordinal)));

        // Valid from 1 January 2024: configurations before have no frontier comune.
        Assert.Empty(snapshot.Level("frontiera", new DateOnly(2023, 12, 31)).MembersOf);
        var definition = snapshot.Classifications.Single(c => c.Id == "frontiera");
        Assert.Equal((new DateOnly(2024, 1, 1), "ti-comuni-frontiera-2024"), (definition.ReferenceDate, definition.SourceId));
        Assert.Contains("not verified", definition.NotesEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue7_a_frontier_name_that_matches_no_comune_is_an_import_error_naming_file_line_and_column()
    {
        var lines = File.ReadAllText(TestData.File(FrontierFile)).Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(",AGRA ", StringComparison.Ordinal));
        lines[line] = lines[line].Replace("AGRA    ", "AGRAX   ", StringComparison.Ordinal);

        var (outcome, messages) = ImportEdited("ti-comuni-frontiera-2024", FrontierFile, string.Join('\n', lines));

        Assert.Equal(RunOutcome.Failed, outcome);
        Assert.Contains(FormattableString.Invariant($"comuni-frontiera_Lombardia.csv, line {line + 1}, column 2: 'AGRAX' is not the name of a Lombardy comune"), messages, StringComparison.Ordinal);
    }

    /// <summary>Imports one source from an edited copy of its real file into a sandbox that holds the territorial registry.</summary>
    private static (string Outcome, string Messages) ImportEdited(string sourceId, string relative, string text)
    {
        using var sandbox = new ImportSandbox();
        var path = Path.Combine(sandbox.DataDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        var outcome = sandbox.Import(sourceId);
        return (outcome.Outcome, string.Join("\n", outcome.Messages));
    }
}
