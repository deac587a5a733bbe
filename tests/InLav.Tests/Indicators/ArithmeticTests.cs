using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Sources.Catalogue;
using InLav.Tests.Support;

namespace InLav.Tests.Indicators;

/// <summary>Issue 7: the right arithmetic for each kind of value, on real indicators.</summary>
[Collection(ImportedStoreCollection.Name)]
public sealed class ArithmeticTests(ImportedStore imported)
{
    [Fact]
    public void Issue7_the_change_of_a_rate_is_in_percentage_points_and_it_has_no_relative_change()
    {
        var service = imported.Store.Indicators;
        var now = service.Compute(new IndicatorRequest("employee_taxpayers_share", "provincia", Periods: ["2021"]));
        var before = service.Compute(new IndicatorRequest("employee_taxpayers_share", "provincia", Periods: ["2020"]), derived: false).Rows.ToDictionary(r => r.UnitCode);
        Assert.Equal(ValueNature.Rate, now.Definition.Nature);
        Assert.Equal(12, now.Rows.Count);
        foreach (var r in now.Rows)
        {
            Assert.Equal("2020", r.Derived!.PreviousPeriod);
            Assert.Equal(r.Value!.Value - before[r.UnitCode].Value!.Value, r.Derived.Change!.Value, 9);
            Assert.Null(r.Derived.ChangePercent);
            Assert.NotNull(r.Derived.Rank);
            Assert.NotNull(r.Derived.ZScore);
            Assert.NotNull(r.Derived.DifferenceFromRegion);
            Assert.Null(r.Derived.ShareOfParent);
        }
    }

    [Fact]
    public void Issue7_a_count_gets_a_relative_change_and_its_share_of_the_parent_but_no_rank_percentile_z_score_or_comparison_with_the_parents_total()
    {
        var service = imported.Store.Indicators;
        var result = service.Compute(new IndicatorRequest("population", "comune", Periods: ["2025-01-01"], Units: ["015146", "014047"]));
        var province = service.Compute(new IndicatorRequest("population", "provincia", Periods: ["2025-01-01"]), derived: false).Rows.ToDictionary(r => r.UnitCode);
        var previous = service.Compute(new IndicatorRequest("population", "comune", Periods: ["2024-01-01"], Units: ["015146", "014047"]), derived: false).Rows.ToDictionary(r => r.UnitCode);
        Assert.Equal(ValueNature.Count, result.Definition.Nature);
        Assert.False(result.Definition.Comparable);
        Assert.Equal(2, result.Rows.Count);
        foreach (var r in result.Rows)
        {
            var d = r.Derived!;
            var prev = previous[r.UnitCode].Value!.Value;
            Assert.Equal("2024-01-01", d.PreviousPeriod);
            Assert.Equal(r.Value!.Value - prev, d.Change!.Value, 9);
            Assert.Equal(100 * (r.Value.Value - prev) / prev, d.ChangePercent!.Value, 9);
            Assert.Null(d.Rank);
            Assert.Null(d.RankOf);
            Assert.Null(d.Percentile);
            Assert.Null(d.RankInParent);
            Assert.Null(d.ZScore);
            Assert.Null(d.ParentValue);
            Assert.Null(d.DifferenceFromParent);
            Assert.Null(d.RegionValue);
            Assert.Null(d.DifferenceFromRegion);
            Assert.Equal(100 * r.Value.Value / province[d.ParentCode!].Value!.Value, d.ShareOfParent!.Value, 9);
        }
    }

    [Fact]
    public void Issue7_a_signed_gap_has_no_index_on_a_base_period_and_every_catalogue_indicator_declares_a_nature_that_fits_its_kind()
    {
        var gap = imported.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap", "provincia", Periods: ["2021"]));
        Assert.All(gap.Rows, r => Assert.Null(r.Derived!.Index));
        Assert.All(gap.Rows, r => Assert.NotNull(r.Derived!.Change));

        var catalogue = IndicatorFiles.Load(SourceCatalogue.Load().Measures);
        Assert.All(catalogue.Indicators, i => Assert.True(i.Kind == IndicatorKind.Sum || i.Nature == ValueNature.Rate, i.Code));
        Assert.Equal(["cob_net_balance", "population", "population_anpr"], catalogue.Indicators.Where(i => ValueNature.IsExtensive(i.Nature)).Select(i => i.Code));
        Assert.All(catalogue.Indicators.Where(i => ValueNature.IsExtensive(i.Nature)), i => Assert.False(i.Comparable));

        var bad = catalogue.Get("population") with { Code = "population_ranked", Comparable = true };
        var e = Assert.Throws<InvalidDataException>(() => new IndicatorCatalogue([bad], SourceCatalogue.Load().Measures));
        Assert.Contains("population_ranked: a count cannot be comparable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue7_an_indicator_offers_only_the_levels_and_periods_where_it_has_values()
    {
        var service = imported.Store.Indicators;
        var bes = service.Catalogue.Get("irregular_employment_share");
        Assert.Equal(["regione"], service.LevelsWithValues(bes));
        Assert.Empty(service.PeriodsWithValues(bes, "comune"));

        var employment = service.Catalogue.Get("employment_rate_2011");
        Assert.Equal(["2011-10-09"], service.PeriodsWithValues(employment, "comune"));
        var gap = service.Catalogue.Get("wp2_mef_istat_gap");
        var periods = service.PeriodsWithValues(gap, "comune");
        Assert.Equal(service.Periods(gap), periods);
        Assert.All(periods, p => Assert.Contains(service.Compute(new IndicatorRequest(gap.Code, "comune", Periods: [p]), derived: false).Rows, r => r.Value is not null));
    }

    [Fact]
    public void Issue7_taxpayers_per_working_age_resident_answer_with_values_where_an_age_source_tiles_15_64_and_with_a_note_where_none_does()
    {
        var service = imported.Store.Indicators;
        var def = service.Catalogue.Get("taxpayers_per_100_residents_15_64");
        Assert.Equal("Y15-64", def.Denominator.Single().Filters["age"]);
        foreach (var level in new[] { "comune", "provincia", "regione" })
        {
            var result = service.Compute(new IndicatorRequest(def.Code, level, Periods: ["2021"]), derived: false);
            var valued = result.Rows.Where(r => r.Value is not null).ToList();
            if (valued.Count > 0)
            {
                Assert.All(valued, r => Assert.Equal(100 * r.Numerator!.Value / r.Denominator!.Value, r.Value!.Value, 9));
                Assert.All(valued, r => Assert.Equal("residents", r.Components.Single(c => c.Role == "denominator").Measure));
                Assert.Contains(level, service.LevelsWithValues(def));
            }
            else
            {
                Assert.Contains(result.Notes, n => n.Code == "indicator.term-no-source" && n.Args[0] == "residents" && n.Args[1] == "age=Y15-64" && n.Args[2] == level);
                Assert.Empty(service.PeriodsWithValues(def, level));
            }
        }
    }
}
