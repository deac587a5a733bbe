using InLav.Sources.Catalogue;
using InLav.Store;

namespace InLav.Tests.Docs;

public sealed class IndicatorsDocTests
{
    [Fact]
    public void Docs_indicators_md_is_generated_from_the_current_indicator_catalogue()
    {
        var sources = SourceCatalogue.Load();
        var indicators = IndicatorFiles.Load(sources.Measures);
        var path = Path.Combine(StoreOptions.FindHome(AppContext.BaseDirectory), "docs", "indicators.md");

        // The figures measured on real data are written by GapMeasuresTests; the generator keeps them.
        var measures = File.Exists(path) ? IndicatorDocs.MeasuresBlock(File.ReadAllText(path)) : null;
        var expected = IndicatorDocs.Markdown(indicators, IndicatorFiles.LoadSignals(indicators), sources, measures);
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected,
            "docs/indicators.md is stale: run UPDATE_DOCS=1 dotnet test tests/InLav.Tests --filter IndicatorsDoc");
    }
}
