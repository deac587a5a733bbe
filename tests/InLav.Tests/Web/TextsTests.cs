using InLav.Sources.Catalogue;
using InLav.Web.Components.Shell;

namespace InLav.Tests.Web;

public sealed class TextsTests
{
    [Fact]
    public void Every_text_of_the_interface_exists_in_italian_and_in_english()
    {
        var texts = new Texts();
        var italian = texts.Keys(Texts.Italian).Order(StringComparer.Ordinal).ToList();
        var english = texts.Keys(Texts.English).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(italian);
        Assert.Equal(italian, english);
        Assert.All(italian, k => Assert.False(string.IsNullOrWhiteSpace(texts.Get(Texts.English, k)), k));
    }

    [Fact]
    public void A_missing_key_shows_as_the_key_in_brackets_and_english_falls_back_to_italian_only_for_missing_keys()
    {
        var texts = new Texts();
        Assert.Equal("[no.such.key]", texts.Get(Texts.English, "no.such.key"));
        Assert.Equal("Home", texts.Get(Texts.English, "nav.home"));
        Assert.Equal("Esplora gli indicatori", texts.Get(Texts.Italian, "nav.explorer"));
        Assert.Equal(Texts.Italian, Texts.Normalize("fr"));
    }

    [Fact]
    public void Every_unit_of_the_shipped_measures_and_indicators_has_an_italian_and_an_english_text()
    {
        var texts = new Texts();
        var sources = SourceCatalogue.Load();
        var units = sources.Measures.Select(m => m.Unit).Concat(IndicatorFiles.Load(sources.Measures).Indicators.Select(i => i.Unit))
            .Distinct(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(units);
        Assert.All(units, u => Assert.NotNull(texts.Find(Texts.Italian, "unit." + u)));
        Assert.All(units, u => Assert.NotNull(texts.Find(Texts.English, "unit." + u)));
        Assert.Equal("taxpayers", texts.Find(Texts.English, "unit.contribuenti"));
    }
}
