using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Sources.Catalogue;
using InLav.Tests.Support;

namespace InLav.Tests.Indicators;

[Collection(ImportedStoreCollection.Name)]
public sealed class IndicatorCatalogueTests(ImportedStore imported)
{
    [Fact]
    public void The_indicator_catalogue_is_valid_and_names_only_sources_of_the_catalogue()
    {
        var sources = SourceCatalogue.Load();
        var indicators = IndicatorFiles.Load(sources.Measures).Indicators;
        Assert.True(indicators.Count >= 20);
        foreach (var i in indicators)
        {
            Assert.All(i.Sources, s => Assert.True(sources.Find(s) is not null, $"{i.Code}: unknown source '{s}'"));
        }

        Assert.Contains(indicators, i => i.Proxy && i.Code == "wp2_mef_istat_gap");
    }

    [Fact]
    public void An_indicator_naming_an_unknown_measure_is_refused_with_its_code()
    {
        var bad = new IndicatorDefinition
        {
            Code = "broken",
            TitleIt = "x",
            TitleEn = "x",
            DescriptionIt = "x",
            DescriptionEn = "x",
            Theme = "income",
            Unit = "%",
            Sources = [],
            Numerator = [new IndicatorTerm { Measure = "no_such_measure" }],
            Denominator = [new IndicatorTerm { Measure = "residents" }],
        };
        var e = Assert.Throws<InvalidDataException>(() => new IndicatorCatalogue([bad], SourceCatalogue.Load().Measures));
        Assert.Contains("broken: unknown measure 'no_such_measure'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_indicator_computes_for_every_level_it_declares_except_where_no_source_gives_its_age_range()
    {
        var service = imported.Store.Indicators;
        var snapshot = imported.Store.Reader.Snapshot();
        foreach (var def in service.Catalogue.Indicators)
        {
            Assert.NotEmpty(service.Periods(def));
            var needsAges = def.Terms.Any(t => t.Filters.ContainsKey("age") && t.Filters["age"] is "Y15-64");
            foreach (var level in def.Levels.Count > 0 ? def.Levels : snapshot.LevelIds)
            {
                var result = service.Compute(new IndicatorRequest(def.Code, level), derived: false);
                if (needsAges && !result.Rows.Any(r => r.Value is not null))
                {
                    // Helper sources that tile 15–64 from single ages or bands give values; without one the answer says so.
                    Assert.Contains(result.Notes, n => n.Code == "indicator.term-no-source");
                    continue;
                }

                Assert.True(result.Rows.Any(r => r.Value is not null), $"{def.Code} at {level}: no value");
                Assert.Contains(level, service.LevelsWithValues(def));
            }
        }
    }

    [Fact]
    public void Issue7_a_catalogue_term_scaled_by_a_measure_that_does_not_exist_or_without_the_nearest_rule_is_refused()
    {
        var measures = SourceCatalogue.Load().Measures;
        var gap = IndicatorFiles.Load(measures).Get("wp2_mef_istat_gap_adjusted");
        var unknown = gap with { Denominator = [gap.Denominator[0] with { ScaleBy = new TermScaling { Measure = "no_such_measure" } }] };
        var e = Assert.Throws<InvalidDataException>(() => new IndicatorCatalogue([unknown], measures));
        Assert.Contains("wp2_mef_istat_gap_adjusted: unknown measure 'no_such_measure' in scaleBy of 'employed'", e.Message, StringComparison.Ordinal);
        var same = gap with { Denominator = [gap.Denominator[0] with { Period = PeriodRule.Same }] };
        e = Assert.Throws<InvalidDataException>(() => new IndicatorCatalogue([same], measures));
        Assert.Contains("scaleBy of 'employed' needs the period rule 'nearest'", e.Message, StringComparison.Ordinal);
        var rate = gap with { Denominator = [gap.Denominator[0] with { ScaleBy = new TermScaling { Measure = "amc_entrepreneurship_rate" } }] };
        e = Assert.Throws<InvalidDataException>(() => new IndicatorCatalogue([rate], measures));
        Assert.Contains("needs additive measures", e.Message, StringComparison.Ordinal);
    }
}
