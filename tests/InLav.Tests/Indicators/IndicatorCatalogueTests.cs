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
    public void Every_indicator_computes_for_every_level_it_declares()
    {
        var service = imported.Store.Indicators;
        var snapshot = imported.Store.Reader.Snapshot();
        foreach (var def in service.Catalogue.Indicators)
        {
            Assert.NotEmpty(service.Periods(def));
            foreach (var level in def.Levels.Count > 0 ? def.Levels : snapshot.LevelIds)
            {
                var result = service.Compute(new IndicatorRequest(def.Code, level), derived: false);
                Assert.True(result.Rows.Any(r => r.Value is not null), $"{def.Code} at {level}: no value");
            }
        }
    }
}
