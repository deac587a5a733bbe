using System.Net;
using InLav.Tests.Support;

namespace InLav.Tests.Web;

/// <summary>Notes of the core show in the page's language: Italian by default, English with ?lang=en; the API keeps the English text.</summary>
[Collection(WebAppCollection.Name)]
public sealed class NotePagesTests(InLavAppFactory app)
{
    private const string SyntheticIt = "SINTETICO: le righe segnate come sintetiche sono dati generati per simulazione";
    private const string SyntheticEn = "SYNTHETIC: rows marked synthetic are generated figures";
    private const string ProxyIt = "Proxy: un segnale indiretto del lavoro sommerso, non una sua misura.";
    private const string ProxyEn = "Proxy: an indirect signal of undeclared work, not a measurement of it.";

    [Fact]
    public async Task The_explorer_shows_the_synthetic_and_proxy_notes_in_italian_and_with_lang_en_in_english_while_the_api_keeps_english()
    {
        using var client = app.NewClient();
        const string Page = "/esplora?indicator=cob_short_contracts_1day&level=provincia&period=2025-Q3&tab=table";

        var italian = await GetPageAsync(client, Page);
        Assert.Contains(SyntheticIt, italian, StringComparison.Ordinal);
        Assert.Contains(ProxyIt, italian, StringComparison.Ordinal);
        Assert.DoesNotContain(SyntheticEn, italian, StringComparison.Ordinal);
        Assert.DoesNotContain(ProxyEn, italian, StringComparison.Ordinal);

        var english = await GetPageAsync(client, Page + "&lang=en");
        Assert.Contains(SyntheticEn, english, StringComparison.Ordinal);
        Assert.Contains(ProxyEn, english, StringComparison.Ordinal);
        Assert.DoesNotContain(SyntheticIt, english, StringComparison.Ordinal);

        var json = await client.GetStringAsync("/api/v1/indicators/cob_short_contracts_1day/values?level=provincia&period=2025-Q3");
        Assert.Contains(SyntheticEn, json, StringComparison.Ordinal);
        Assert.Contains(ProxyEn, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_relations_page_says_that_an_indicator_is_a_proxy_in_the_pages_language()
    {
        using var client = app.NewClient();
        const string Page = "/relazioni?x=low_income_share&y=wp2_mef_istat_gap&livello=provincia";

        var italian = await GetPageAsync(client, Page);
        Assert.Contains("Almeno uno dei due indicatori è un proxy del lavoro sommerso, non una sua misura.", italian, StringComparison.Ordinal);
        Assert.DoesNotContain("At least one indicator is a proxy", italian, StringComparison.Ordinal);

        var english = await GetPageAsync(client, Page + "&lang=en");
        Assert.Contains("At least one indicator is a proxy of undeclared work, not a measurement.", english, StringComparison.Ordinal);
    }

    /// <summary>The server-rendered page with its HTML entities decoded.</summary>
    private static async Task<string> GetPageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));
}
