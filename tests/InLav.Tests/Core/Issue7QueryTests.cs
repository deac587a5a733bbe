using System.Globalization;
using InLav.Core;
using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Store.Export;
using InLav.Tests.Imports;
using InLav.Tests.Support;

namespace InLav.Tests.Core;

/// <summary>
/// Issue 7 on the real data: age ranges answered from the bands that tile them, unknown filter values refused, every listed
/// period answered or explained, filtered rows labelled with the filter, and totals kept when restating onto earlier configurations.
/// </summary>
[Collection(ImportedStoreCollection.Name)]
public sealed class Issue7QueryTests(ImportedStore imported)
{
    private const string Census = "2011-10-09";

    /// <summary>The census bands that make 15–64, written out here rather than taken from the code under test.</summary>
    private static readonly string[] WorkingAgeBands = ["Y15-19", "Y20-24", "Y25-29", "Y30-34", "Y35-39", "Y40-44", "Y45-49", "Y50-54", "Y55-59", "Y60-64"];

    private static Dictionary<string, string> Filter(string dimension, string value) => new(StringComparer.Ordinal) { [dimension] = value };

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Issue7_residents_aged_15_64_in_2011_are_the_sum_of_the_census_bands_that_tile_the_range(string engine)
    {
        var query = imported.For(engine).Query;
        foreach (var level in new[] { "comune", "provincia", "regione" })
        {
            var bands = query.Run(new QueryRequest("residents", level, Periods: [Census], Breakdowns: [Dimension.Age], Scope: AccessScope.Internal)).Rows;
            var expected = bands.Where(r => WorkingAgeBands.Contains(r.Age)).GroupBy(r => r.UnitCode)
                .ToDictionary(g => g.Key, g => (Bands: g.Count(), Sum: g.Sum(r => r.Value!.Value)));

            var rows = query.Run(new QueryRequest("residents", level, Periods: [Census], Filters: Filter(Dimension.Age, "Y15-64"), Scope: AccessScope.Internal)).Rows;

            Assert.Equal(expected.Count, rows.Count);
            Assert.All(rows, r =>
            {
                Assert.Equal("Y15-64", r.Age);
                Assert.Equal((10, expected[r.UnitCode].Sum), (expected[r.UnitCode].Bands, r.Value!.Value));
            });
        }

        // A list of ranges is one row per range; the three make the total.
        var region = query.Run(new QueryRequest("residents", "regione", Periods: [Census], Filters: Filter(Dimension.Age, "Y0-14,Y15-64,Y65+"))).Rows;
        var total = Assert.Single(query.Run(new QueryRequest("residents", "regione", Periods: [Census])).Rows).Value;
        Assert.Equal(["Y0-14", "Y15-64", "Y65+"], region.Select(r => r.Age));
        Assert.Equal(total, region.Sum(r => r.Value));
        Assert.True(total > 9_000_000);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Issue7_foreign_residents_of_any_age_range_are_the_sum_of_the_single_ages_of_the_raw_STRASA_rows(string engine)
    {
        var raw = RawCsv.Read("popolazione/STRASA_2022_stranieri_eta_sesso_province_Lombardia.csv", ',', skipLines: 1);
        double Raw(string province, int from, int to, string sex) => raw
            .Where(r => (r["Province code"] == "015" ? "215" : r["Province code"]) == province)
            .Where(r => int.Parse(r["Age"], CultureInfo.InvariantCulture) is var a && a >= from && a <= to)
            .Sum(r => (sex == "F" ? 0 : RawCsv.Num(r["Males"])) + (sex == "M" ? 0 : RawCsv.Num(r["Females"])));

        var query = imported.For(engine).Query;
        var filters = new Dictionary<string, string>(StringComparer.Ordinal) { [Dimension.Citizenship] = "FOR", [Dimension.Age] = "Y16-64,Y80+" };
        var rows = query.Run(new QueryRequest("residents", "provincia", Periods: ["2022-01-01"], Filters: filters, Breakdowns: [Dimension.Sex], Scope: AccessScope.Internal)).Rows;

        Assert.Equal(12 * 2 * 2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(r.Age == "Y16-64" ? Raw(r.UnitCode, 16, 64, r.Sex) : Raw(r.UnitCode, 80, 100, r.Sex), r.Value);
            Assert.Equal("FOR", r.Citizenship);
            Assert.Empty(r.Flags);
        });
        Assert.True(rows.Single(r => r.UnitCode == "215" && r.Sex == "F" && r.Age == "Y16-64").Value > 100_000);
    }

    [Fact]
    public void Issue7_a_range_the_census_bands_cannot_tile_is_an_error_naming_the_bands_there_are()
    {
        var query = imported.Store.Query;
        var e = Assert.Throws<QueryException>(() => query.Run(new QueryRequest("residents", "provincia", Periods: [Census], Filters: Filter(Dimension.Age, "Y16-64"))));

        Assert.Equal("Age range not available", e.Title);
        Assert.Contains("Y16-64", e.Message, StringComparison.Ordinal);
        Assert.Contains("Y0-4, Y5-9, Y10-14, Y15-19", e.Message, StringComparison.Ordinal);
        Assert.Contains("Y75+", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sex", "X", "T, M, F")]
    [InlineData("citizenship", "ZZ", "T, ITA, FOR")]
    [InlineData("age", "foo", "Y{from}-{to}")]
    [InlineData("age", "Y64-15", "Y{from}+")]
    public void Issue7_an_unknown_filter_value_is_an_error_naming_the_allowed_values_for_measures_and_indicators(string dimension, string value, string allowed)
    {
        var store = imported.Store;
        var measure = Assert.Throws<QueryException>(() => store.Query.Run(new QueryRequest("residents", "comune", Periods: [Census], Filters: Filter(dimension, value))));
        var indicator = Assert.Throws<QueryException>(() => store.Indicators.Compute(new IndicatorRequest("population", "comune", Filters: Filter(dimension, value))));

        foreach (var e in new[] { measure, indicator })
        {
            Assert.Equal("Unknown filter value", e.Title);
            Assert.Contains($"'{value}'", e.Message, StringComparison.Ordinal);
            Assert.Contains(allowed, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Issue7_every_listed_period_of_every_measure_answers_with_rows_or_a_note_saying_why_at_every_built_in_level()
    {
        var store = imported.Store;
        var explained = 0;
        foreach (var measure in store.Reader.Measures())
        {
            foreach (var level in new[] { "comune", "provincia", "regione" })
            {
                var result = store.Query.Run(new QueryRequest(measure.Id, level, Periods: ["all"]));
                Assert.Equal(store.Reader.Periods(measure.Id), result.Periods);
                foreach (var period in result.Periods.Where(p => !result.Rows.Any(r => r.Period == p)))
                {
                    Assert.True(result.Notes.Any(n => n.Code.StartsWith("measure.", StringComparison.Ordinal) && n.Args.Contains(period)),
                        $"{measure.Id} at {level}: period {period} has no rows and no note ({string.Join(" | ", result.Notes)})");
                    explained++;
                }
            }
        }

        // The regional BES shares exist only at the region; the census-era rates are not summed: both are said, not left blank.
        Assert.True(explained > 0);
        var bes = store.Query.Run(new QueryRequest("bes_irregular_employment_share", "provincia", Periods: ["all"]));
        Assert.Empty(bes.Rows);
        Assert.Contains(bes.Notes, n => n.Code == "measure.other-level" && n.Args[2] == "regione");
    }

    [Fact]
    public void Issue7_a_valid_value_the_measure_has_no_cells_for_answers_with_a_note_naming_the_values_there_are()
    {
        var result = imported.Store.Query.Run(new QueryRequest("irpef_taxpayers", "regione", Periods: ["2021"], Filters: Filter(Dimension.Sex, "M")));

        Assert.Empty(result.Rows);
        var note = Assert.Single(result.Notes, n => n.Code == "measure.no-cells");
        Assert.Equal(["irpef_taxpayers", "2021", "sex=M"], note.Args.Take(3));
        Assert.Contains("sex T", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue7_an_indicator_filtered_by_sex_labels_its_rows_and_its_csv_with_the_filter_not_T()
    {
        var store = imported.Store;
        var result = store.Indicators.Compute(new IndicatorRequest("population", "provincia", Periods: [Census], Filters: Filter(Dimension.Sex, "F")));
        var census = store.Query.Run(new QueryRequest("residents", "provincia", Periods: [Census], Filters: Filter(Dimension.Sex, "F"))).Rows.ToDictionary(r => r.UnitCode, r => r.Value);

        Assert.Equal(12, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.Equal(("F", "T", "T", census[r.UnitCode]), (r.Sex, r.Age, r.Citizenship, r.Numerator)));
        var csv = IndicatorCsv.ToCsv(result).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var sex = Array.IndexOf(csv[0].Split(','), "sex");
        Assert.All(csv.Skip(1), line => Assert.Equal("F", line.Split(',')[sex]));

        // A measure filtered by citizenship and age is labelled with both.
        var filters = new Dictionary<string, string>(StringComparer.Ordinal) { [Dimension.Citizenship] = "for", [Dimension.Age] = "y0-29" };
        var foreigners = store.Query.Run(new QueryRequest("residents", "regione", Periods: [Census], Filters: filters));
        var row = Assert.Single(foreigners.Rows);
        Assert.Equal(("T", "Y0-29", "FOR"), (row.Sex, row.Age, row.Citizenship));
        Assert.Contains(",T,Y0-29,FOR,", QueryCsv.ToCsv(foreigners), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Issue7_ANPR_2026_and_MEF_2021_restated_on_earlier_configurations_keep_the_region_and_province_totals_of_the_raw_rows(string engine)
    {
        var anpr = RawCsv.Read("popolazione/ANPR_popolazione_residente_2026_Lombardia.csv", ',').Where(r => r["MESE"] == "1" && r["ANNO"] == "2026")
            .Select(r => (Code: r["COD_ISTAT_COMUNE"], Value: RawCsv.Num(r["RESIDENTI"]))).ToList();
        var mef = RawCsv.Read("redditi_mef/Redditi_e_principali_variabili_IRPEF_su_base_comunale_CSV_2021_Lombardia.csv", ';')
            .Select(r => (Code: r["Codice Istat Comune"].PadLeft(6, '0'), Value: RawCsv.Num(r["Numero contribuenti"]))).ToList();
        var store = imported.For(engine);

        foreach (var (measure, period, raw) in new[] { ("residents_anpr", "2026-01", anpr), ("irpef_taxpayers", "2021", mef) })
        {
            foreach (var configuration in new[] { "2011-10-09", "2018-01-01" })
            {
                QueryResult Run(string level) => store.Query.Run(new QueryRequest(measure, level, configuration, [period], Scope: AccessScope.Internal));
                var region = Assert.Single(Run("regione").Rows);
                Assert.Equal(raw.Sum(r => r.Value), region.Value);
                Assert.Empty(region.Flags);
                Assert.Equal(0, region.Components.ComuniMissing);

                var provinces = Run("provincia").Rows;
                Assert.All(provinces, p => Assert.Empty(p.Flags));
                // Torre de' Busi (016215) moved from Lecco to Bergamo in 2018, after both configurations: there it counts in Lecco.
                var byProvince = raw.GroupBy(r => r.Code == "016215" ? "097" : RawCsv.Uts(r.Code)).ToDictionary(g => g.Key, g => (double?)g.Sum(r => r.Value));
                Assert.Equal(byProvince.OrderBy(p => p.Key, StringComparer.Ordinal), provinces.ToDictionary(r => r.UnitCode, r => r.Value).OrderBy(p => p.Key, StringComparer.Ordinal));

                // Every ATS holds whole merged areas (the classification restated onto the older comuni): the groups add up to the region.
                var ats = Run("ats").Rows;
                Assert.Equal(raw.Sum(r => r.Value), ats.Sum(r => r.Value));
                Assert.All(ats, a => Assert.Empty(a.Flags));

                // Only the comuni of the configuration that a later merger replaced are left without a value, flagged m, and named in a note.
                var comuni = Run("comune");
                var unsplit = comuni.Rows.Where(r => r.Value is null).ToList();
                Assert.NotEmpty(unsplit);
                Assert.All(unsplit, r => Assert.Equal([FactFlag.Missing], r.Flags));
                Assert.All(unsplit, r => Assert.False(store.Reader.Snapshot().Registry.Find(r.UnitCode)!.IsValidAt(new DateOnly(2026, 1, 31))));
                Assert.Contains(comuni.Notes, n => n.Code == "crosswalk.unsplit");
                Assert.Equal(raw.Sum(r => r.Value), comuni.Rows.Sum(r => r.Value) + raw.Where(r => store.Reader.Snapshot().Level("comune", DateOnly.Parse(configuration, CultureInfo.InvariantCulture)).Crosswalk.Map(r.Code) is null).Sum(r => r.Value));
            }
        }
    }
}
