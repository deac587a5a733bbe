using InLav.Tests.Support;
using Microsoft.Playwright;

namespace InLav.Tests.Browser;

/// <summary>axe-core on every tab of the explorer, the keyboard path through the tabs, the phone width; screenshots of each view.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ExplorerAccessibilityTests(InLavAppFactory app, ClassBrowser chromium) : IClassFixture<ClassBrowser>
{
    [Theory]
    [InlineData("map", "wp2_mef_istat_gap", "comune", "")]
    [InlineData("chart", "population", "provincia", "&sex=F")]
    [InlineData("table", "mean_taxable_income", "provincia", "&lang=en")]
    public async Task Every_tab_has_no_axe_violations(string tab, string indicator, string level, string extra)
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, $"/esplora?indicator={indicator}&level={level}&tab={tab}{extra}"));
        if (tab != "table")
        {
            await PageSteps.DrawnAsync(page, tab == "map" ? "explorer-map" : "explorer-ranking");
        }

        Assert.Equal("page", await page.GetAttributeAsync($"#tab-{tab}", "aria-current"));
        await PageSteps.NoAxeViolationsAsync(page);
        await Support.Browser.ScreenshotAsync(page, $"explorer-{tab}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_keyboard_reaches_the_form_the_tabs_and_the_downloads()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, "/esplora?indicator=mean_taxable_income&level=provincia"));
        var reached = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.tagName"));
        }

        Assert.Contains("f-indicator", reached);
        Assert.Contains("f-level", reached);
        Assert.Contains("tab-table", reached);
        while (await page.EvaluateAsync<string>("() => document.activeElement.id") != "tab-table")
        {
            await page.Keyboard.PressAsync("Shift+Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("tab=table", StringComparison.Ordinal));
        Assert.Equal(12, await page.Locator("table.inlav-values tbody tr").CountAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task At_a_phone_width_the_explorer_fits_and_draws_the_map()
    {
        var page = await chromium.Browser.NewPageAsync(width: 360, height: 800);
        await page.GotoAsync(PageSteps.Url(app, "/esplora?indicator=foreign_residents_share&level=provincia"));
        await PageSteps.DrawnAsync(page, "explorer-map");
        await PageSteps.NoSidewaysScrollAsync(page);
        await PageSteps.NoAxeViolationsAsync(page);
        await Support.Browser.ScreenshotAsync(page, "explorer-phone");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Without_JavaScript_the_form_and_the_tables_still_work()
    {
        var page = await chromium.Browser.NewPageAsync(javaScript: false);
        await page.GotoAsync(PageSteps.Url(app, "/esplora?indicator=mean_taxable_income&tab=table"));
        await page.SelectOptionAsync("#f-level", "provincia");
        await page.ClickAsync("#f-submit");
        await page.WaitForURLAsync(url => url.Contains("level=provincia", StringComparison.Ordinal));
        Assert.Equal(12, await page.Locator("table.inlav-values tbody tr").CountAsync());
        Assert.Equal(0, await page.Locator("#download-png").CountAsync());
        await page.CloseAsync();
    }
}
