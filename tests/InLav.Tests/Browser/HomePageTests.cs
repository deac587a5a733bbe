using InLav.Tests.Support;
using Microsoft.Playwright;

namespace InLav.Tests.Browser;

/// <summary>The home page in a real Chromium: key figures, territory search with and without JavaScript, accessibility, phone width.</summary>
[Collection(WebAppCollection.Name)]
public sealed class HomePageTests(InLavAppFactory app, ClassBrowser chromium) : IClassFixture<ClassBrowser>
{
    [Fact]
    public async Task The_key_figures_of_Lombardy_show_latest_value_change_and_sparkline_and_the_gap_is_marked_as_proxy()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, "/"));

        var tiles = page.Locator("#key-figures article");
        Assert.Equal(6, await tiles.CountAsync());
        var population = await page.Locator("#key-figures article", new() { Has = page.Locator("#fig-population") }).InnerTextAsync();
        Assert.Matches(@"\d{1,3}(\.\d{3})+", population);
        Assert.Contains("rispetto a", population, StringComparison.Ordinal);
        Assert.True(await page.Locator("#key-figures svg polyline").CountAsync() >= 4);
        var gap = await page.Locator("#key-figures article", new() { Has = page.Locator("#fig-wp2_mef_istat_gap") }).InnerTextAsync();
        Assert.Contains("Proxy", gap, StringComparison.Ordinal);
        Assert.Equal("/esplora?indicator=wp2_mef_istat_gap&level=comune", await page.GetAttributeAsync("#fig-wp2_mef_istat_gap a", "href"));

        await PageSteps.NoAxeViolationsAsync(page);
        await Support.Browser.ScreenshotAsync(page, "home");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Typing_in_the_search_box_suggests_territories_and_the_keyboard_reaches_a_profile()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, "/?lang=en"));
        await page.FillAsync("#search-q", "bergam");
        var province = page.Locator("#search-results a[href='/territorio/provincia/016?lang=en']");
        await province.WaitForAsync();
        Assert.Contains("territories found", await page.InnerTextAsync("#search-status"), StringComparison.Ordinal);

        await page.Keyboard.PressAsync("ArrowDown");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        Assert.StartsWith("/territorio/", focused, StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/territorio/", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Without_JavaScript_the_search_form_lists_the_results_from_the_server()
    {
        var page = await chromium.Browser.NewPageAsync(javaScript: false);
        await page.GotoAsync(PageSteps.Url(app, "/"));
        await page.FillAsync("#search-q", "Milano");
        await page.ClickAsync("#territory-search button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("q=Milano", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator("#search-results a[href='/territorio/comune/015146']").CountAsync());
        Assert.Contains("territori trovati", await page.InnerTextAsync("#search-status"), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task At_a_phone_width_the_home_page_fits_and_has_no_accessibility_violations()
    {
        var page = await chromium.Browser.NewPageAsync(width: 360, height: 800);
        await page.GotoAsync(PageSteps.Url(app, "/?lang=en"));
        await PageSteps.NoSidewaysScrollAsync(page);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await PageSteps.NoAxeViolationsAsync(page);
        await Support.Browser.ScreenshotAsync(page, "home-phone-en");
        await page.CloseAsync();
    }
}
