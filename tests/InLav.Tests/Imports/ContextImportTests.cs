using System.Globalization;
using InLav.Core.Query;
using InLav.Store.Engine;
using InLav.Tests.Support;

namespace InLav.Tests.Imports;

/// <summary>
/// Context indicators given as rates (ISTAT "A misura di comune", BES, ANAC), on both engines: each value equals its raw cell at
/// the level the source publishes, and no other level answers with a row.
/// </summary>
[Collection(ImportedStoreCollection.Name)]
public sealed class ContextImportTests(ImportedStore imported)
{
    private static readonly string[] Years = ["2014", "2015", "2016", "2017", "2018", "2019", "2020"];

    /// <summary>Province names as written by ISTAT and ANAC → UTS code (Milano is 215), written out here.</summary>
    private static readonly Dictionary<string, string> UtsByName = new(StringComparer.Ordinal)
    {
        ["Varese"] = "012",
        ["Como"] = "013",
        ["Sondrio"] = "014",
        ["Milano"] = "215",
        ["Bergamo"] = "016",
        ["Brescia"] = "017",
        ["Pavia"] = "018",
        ["Cremona"] = "019",
        ["Mantova"] = "020",
        ["Lecco"] = "097",
        ["Lodi"] = "098",
        ["Monza e della Brianza"] = "108",
    };

    private Dictionary<(string Unit, string Period), double?> All(string engine, string measure, string level) =>
        imported.For(engine).Query.Run(new QueryRequest(measure, level, "latest", ["all"])).Rows.ToDictionary(r => (r.UnitCode, r.Period), r => r.Value);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void A_misura_di_comune_rates_equal_the_raw_cells_of_comuni_provinces_and_Lombardy(string engine)
    {
        foreach (var (measure, tav, what) in new[] { ("amc_entrepreneurship_rate", 1, "tasso_imprenditorialita"), ("amc_local_unit_density", 2, "densita_unita_locali") })
        {
            var comuni = RawCsv.Read(FormattableString.Invariant($"istat_a_misura_di_comune/AMC_7a_Tav{tav}.1_{what}_comuni_2014_2020_Lombardia.csv"), ';');
            var provinces = RawCsv.Read(FormattableString.Invariant($"istat_a_misura_di_comune/AMC_7a_Tav{tav}.2_{what}_province_regioni_2014_2020_Lombardia.csv"), ';');
            var atComune = All(engine, measure, "comune");
            var atProvince = All(engine, measure, "provincia");
            var atRegion = All(engine, measure, "regione");

            // Comuni unchanged since 2020 show their own rate; a rate is never summed over merged comuni.
            var matched = comuni.Where(r => atComune.TryGetValue((r["Codice Comune Istat"], "2020"), out var v) && v is not null).ToList();
            Assert.True(matched.Count >= 1490, $"{measure}: {matched.Count} comuni matched");
            Assert.All(matched, r => Assert.All(Years, y => Assert.Equal(RawCsv.Num(r[y]), atComune[(r["Codice Comune Istat"], y)])));
            Assert.Null(atComune[("012144", "2020")]);

            var expectedProvinces = provinces.Where(r => r["Provincia"] != "TOTALE")
                .SelectMany(r => Years.Select(y => (Key: (UtsByName[r["Provincia"]], y), Value: (double?)RawCsv.Num(r[y])))).ToDictionary(p => p.Key, p => p.Value);
            Assert.Equal(12 * 7, expectedProvinces.Count);
            Assert.Equal(expectedProvinces.OrderBy(p => p.Key), atProvince.OrderBy(p => p.Key));

            var total = provinces.Single(r => r["Provincia"] == "TOTALE");
            Assert.Equal(Years.ToDictionary(y => ("03", y), y => (double?)RawCsv.Num(total[y])).OrderBy(p => p.Key), atRegion.OrderBy(p => p.Key));
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void BES_indicators_of_Lombardy_are_served_at_region_level_only_as_estimated_2021_values(string engine)
    {
        var lombardy = RawCsv.Read("economia_non_osservata/bes_regionale_poverta_occupati_non_regolari.csv", ',').Single(r => r["NUTS2"] == "ITC4");
        var store = imported.For(engine).Query;
        foreach (var (measure, column) in new[] { ("bes_irregular_employment_share", "Occupatinonregolari"), ("bes_poverty_risk", "Rischiopoverta"), ("bes_low_work_intensity", "Bassaintensitalavoro") })
        {
            var row = Assert.Single(store.Run(new QueryRequest(measure, "regione", "latest", ["all"])).Rows);
            Assert.Equal(("03", "2021", RawCsv.Num(lombardy[column].Trim())), (row.UnitCode, row.Period, row.Value!.Value));
            Assert.Equal(["e"], row.Flags);
            Assert.Empty(store.Run(new QueryRequest(measure, "provincia", "latest", ["all"])).Rows);
            Assert.Empty(store.Run(new QueryRequest(measure, "comune", "latest", ["all"])).Rows);
        }

        Assert.Equal(10.0, Assert.Single(store.Run(new QueryRequest("bes_irregular_employment_share", "regione")).Rows).Value);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ANAC_indicators_equal_the_raw_cells_as_published_per_province_and_year_and_empty_cells_are_not_stored(string engine)
    {
        var raw = RawCsv.Read("contesto_anac/ANAC_indicatori_contesto_provincia_2015_2019_Lombardia.csv", ';');
        var measures = imported.For(engine).Catalogue.Find("anac-indicatori-contesto-province")!.Options.GetProperty("measures").EnumerateArray()
            .Select(e => (Column: e.GetProperty("column").GetString()!, Measure: e.GetProperty("measure").GetString()!)).ToList();
        Assert.Equal(84, raw.Count);
        Assert.Equal(48, measures.Count);

        foreach (var (column, measure) in measures)
        {
            var expected = raw.Where(r => r[column].Length > 0)
                .ToDictionary(r => (UtsByName[r["Provincia SA"]], r["Anno SA"]), r => (double?)double.Parse(r[column], NumberStyles.Float, CultureInfo.InvariantCulture));
            Assert.Equal(expected.OrderBy(p => p.Key), All(engine, measure, "provincia").OrderBy(p => p.Key));
        }

        var (gini, giniMeasure) = measures.Single(m => m.Measure == "anac_employee_income_gini");
        var varese2018 = raw.Single(r => r["Provincia SA"] == "Varese" && r["Anno SA"] == "2018");
        Assert.Equal(0.405576199293137, All(engine, giniMeasure, "provincia")[("012", "2018")]);
        Assert.Equal("0.405576199293137", varese2018[gini]);
        Assert.Empty(imported.For(engine).Query.Run(new QueryRequest(giniMeasure, "regione", "latest", ["all"])).Rows);
        Assert.Empty(imported.For(engine).Query.Run(new QueryRequest(giniMeasure, "comune", "latest", ["all"])).Rows);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Every_income_and_context_measure_of_the_catalogue_has_data_and_every_published_one_is_in_the_catalogue(string engine)
    {
        string[] prefixes = ["irpef_", "amc_", "bes_", "anac_"];
        var store = imported.For(engine);
        var defined = store.Catalogue.Measures.Select(m => m.Id).Where(id => prefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.All(defined, id => Assert.NotEmpty(store.Reader.Periods(id)));

        using var c = store.Engine.Open();
        var published = Sql.Scalar<long>(c, """
            SELECT count(DISTINCT measure) FROM fact f JOIN published p ON p.run_id = f.run_id
            WHERE measure LIKE 'irpef\_%' ESCAPE '\' OR measure LIKE 'amc\_%' ESCAPE '\' OR measure LIKE 'bes\_%' ESCAPE '\' OR measure LIKE 'anac\_%' ESCAPE '\'
            """);
        Assert.Equal(defined.Count, published);
        Assert.Equal(43 + 2 + 1 + (33 * 2) + (34 * 2) + 2 + 7 + 48, defined.Count); // + irpef_total_income_n/_eur (2023 layout)
    }
}
