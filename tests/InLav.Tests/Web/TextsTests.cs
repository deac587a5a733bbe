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
}
