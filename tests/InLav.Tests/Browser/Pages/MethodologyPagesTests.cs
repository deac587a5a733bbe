using InLav.Tests.Support;
using Xunit.Abstractions;

namespace InLav.Tests.Browser.Pages;

/// <summary>Methodology and sources, the accessibility statement and the open-data page.</summary>
[Collection(WebAppCollection.Name)]
public sealed class MethodologyPagesTests(InLavAppFactory app, ITestOutputHelper output) : PageTestBase(app, output)
{
    [Fact]
    public async Task Every_indicator_and_every_source_is_documented()
    {
        var page = await OpenAsync("/metodologia", "metodologia");
        Assert.Equal(App.Store.Indicators.Catalogue.Indicators.Count, await page.Locator("article[id^='ind-']").CountAsync());
        Assert.Equal(App.Store.Catalogue.Sources.Count, await page.Locator("#method-sources tbody tr").CountAsync());
        Assert.Contains("÷", await page.Locator("#ind-wp2_mef_istat_gap .inlav-formula").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", await page.Locator("#licenza").Locator("..").InnerTextAsync(), StringComparison.Ordinal);

        var en = await OpenAsync("/metodologia?lang=en", "metodologia-en");
        Assert.Equal("Methodology and sources", await en.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task The_accessibility_statement_and_the_open_data_page_link_what_exists_and_only_that()
    {
        var a11y = await OpenAsync("/accessibilita", "accessibilita");
        Assert.Contains("WCAG 2.1", await a11y.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var open = await OpenAsync("/dati-aperti", "dati-aperti", width: 360);
        await PageSteps.NoSidewaysScrollAsync(open);
        Assert.Equal(App.Store.Indicators.Catalogue.Indicators.Count, await open.Locator("#opendata-indicators tbody tr").CountAsync());
        using var client = App.NewClient();
        foreach (var href in new[] { await open.Locator("#opendata-indicators a").First.GetAttributeAsync("href"), await open.Locator("#opendata-geo a").First.GetAttributeAsync("href"), "/openapi/v1.json" })
        {
            using var response = await client.GetAsync(new Uri(href!, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, href + ": " + response.StatusCode);
        }

        Assert.Contains("OData", await open.Locator("#opendata-coming").InnerTextAsync(), StringComparison.Ordinal);
    }
}
