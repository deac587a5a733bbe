using InLav.Core;
using InLav.Core.Measures;
using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Tests.Imports;
using InLav.Tests.Support;

namespace InLav.Tests.Indicators;

[Collection(ImportedStoreCollection.Name)]
public sealed class IndicatorValueTests(ImportedStore imported)
{
    private const string Mef2021 = "redditi_mef/Redditi_e_principali_variabili_IRPEF_su_base_comunale_CSV_2021_Lombardia.csv";
    private const string Census = "censimento_2011/R03_indicatori_2011_comuni_DERIVED_from_localita.csv";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void The_wp2_gap_of_each_province_is_one_minus_its_summed_mef_employee_taxpayers_over_its_summed_census_employed(string engine)
    {
        var mef = RawCsv.Read(Mef2021, ';').GroupBy(r => RawCsv.Uts(r["Codice Istat Comune"]))
            .ToDictionary(g => g.Key, g => g.Sum(r => r["Reddito da lavoro dipendente e assimilati - Frequenza"] is { Length: > 0 } v ? RawCsv.Num(v) : 0));
        var census = RawCsv.Read(Census, ';').GroupBy(r => RawCsv.Uts(TorreDeBusi(r["PROCOM"])))
            .ToDictionary(g => g.Key, g => g.Sum(r => RawCsv.Num(r["P61"])));

        var result = imported.For(engine).Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap", "provincia", Periods: ["2021"]));
        Assert.Equal(12, result.Rows.Count);
        foreach (var row in result.Rows)
        {
            Assert.Equal(mef[row.UnitCode], row.Numerator);
            Assert.Equal(census[row.UnitCode], row.Denominator);
            Assert.Equal(100 * (1 - (mef[row.UnitCode] / census[row.UnitCode])), row.Value!.Value, 9);
            Assert.Contains(row.Components, c => c is { Measure: "employed", Period: "2011-10-09" });
        }

        Assert.Contains(result.Notes, n => n.Text.StartsWith("Proxy", StringComparison.Ordinal));
    }

    /// <summary>Torre de' Busi was in Lecco in 2011 and is in Bergamo today: the census restated on today's comuni puts it in BG.</summary>
    private static string TorreDeBusi(string code) => code.PadLeft(6, '0') == "097080" ? "016215" : code;

    [Fact]
    public void Derived_views_rank_the_provinces_and_compare_each_with_the_region()
    {
        var result = imported.Store.Indicators.Compute(new IndicatorRequest("mean_taxable_income", "provincia", Periods: ["2021"]));
        var region = imported.Store.Indicators.Compute(new IndicatorRequest("mean_taxable_income", "regione", Periods: ["2021"]), derived: false).Rows.Single().Value;
        var ranked = result.Rows.OrderBy(r => r.Derived!.Rank).ToList();
        Assert.Equal(Enumerable.Range(1, 12), ranked.Select(r => r.Derived!.Rank!.Value));
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.Value >= p.Second.Value));
        Assert.Equal(100, ranked[0].Derived!.Percentile);
        Assert.Equal(0, ranked[^1].Derived!.Percentile);
        Assert.All(result.Rows, r =>
        {
            Assert.Equal(region, r.Derived!.RegionValue);
            Assert.Equal((r.Value - region)!.Value, r.Derived.DifferenceFromRegion!.Value, 9);
            Assert.Equal("2020", r.Derived.PreviousPeriod);
            Assert.Equal("2018", r.Derived.BasePeriod);
        });
        Assert.Equal(0, result.Rows.Sum(r => r.Derived!.ZScore!.Value), 9);
    }

    [Fact]
    public void A_comune_is_ranked_among_the_comuni_of_its_province_and_compared_with_it()
    {
        var result = imported.Store.Indicators.Compute(new IndicatorRequest("employee_taxpayers_share", "comune", Periods: ["2021"], Units: ["015146"]));
        var milano = Assert.Single(result.Rows);
        Assert.Equal("215", milano.Derived!.ParentCode);
        Assert.Equal(133, milano.Derived.RankInParentOf);
        var province = imported.Store.Indicators.Compute(new IndicatorRequest("employee_taxpayers_share", "provincia", Periods: ["2021"], Units: ["215"]), derived: false);
        Assert.Equal(province.Rows.Single().Value, milano.Derived.ParentValue);
    }

    [Fact]
    public void The_cob_turnover_uses_the_real_mlps_flows_for_the_region_and_is_marked_synthetic_where_generated_figures_enter()
    {
        var raw = RawCsv.Read("comunicazioni_obbligatorie/mlps_co_regionale_trimestrale_avviamenti_cessazioni_2017_2025.csv", ';')
            .Where(r => r["regione"] == "Lombardia" && r["anno"] == "2025" && r["trimestre"] == "3").Sum(r => RawCsv.Num(r["rapporti"]));
        var region = imported.Store.Indicators.Compute(new IndicatorRequest("wp2_cob_turnover", "regione", Periods: ["2025-Q3"]), derived: false);
        var row = region.Rows.Single();
        Assert.Equal(raw, row.Numerator);
        Assert.All(row.Components.Where(c => c.Role == "numerator"), c => Assert.False(c.Synthetic));
        Assert.True(row.Synthetic);
        Assert.StartsWith("SYNTHETIC", region.Notes[0].Text, StringComparison.Ordinal);

        var comuni = imported.Store.Indicators.Compute(new IndicatorRequest("wp2_cob_turnover", "comune", Periods: ["2025-Q3"], Scope: AccessScope.Internal), derived: false);
        Assert.All(comuni.Rows, r => Assert.True(r.Synthetic));
        Assert.All(comuni.Rows, r => Assert.Contains(FactFlag.Synthetic, r.Flags));
        Assert.Equal(raw, comuni.Rows.Sum(r => r.Numerator!.Value), 6);
    }

    [Fact]
    public void A_rate_published_by_the_source_is_refused_at_a_level_it_does_not_have()
    {
        var e = Assert.Throws<QueryException>(() => imported.Store.Indicators.Compute(new IndicatorRequest("entrepreneurship_rate", "cpi")));
        Assert.Equal("Level not meaningful", e.Title);
        var comune = imported.Store.Indicators.Compute(new IndicatorRequest("entrepreneurship_rate", "comune", Periods: ["2020"], Units: ["015146"]), derived: false);
        var raw = RawCsv.Read("istat_a_misura_di_comune/AMC_7a_Tav1.1_tasso_imprenditorialita_comuni_2014_2020_Lombardia.csv", ';').Single(r => r["Codice Comune Istat"] == "015146");
        Assert.Equal(RawCsv.Num(raw["2020"]), comune.Rows.Single().Value);
    }
}
