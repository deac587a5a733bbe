using InLav.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InLav.Tests.Browser;

/// <summary>The explorer's state lives in the URL: level, period, breakdown, tab and sort; back, forward and reload; clicks to profiles.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ExplorerStateTests(InLavAppFactory app, ClassBrowser chromium, ITestOutputHelper output) : IClassFixture<ClassBrowser>
{
    [Fact]
    public async Task Changing_level_period_and_breakdown_updates_the_url_the_form_and_the_values()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, "/esplora?indicator=population&level=comune&tab=table"));
        Assert.Equal(1501, await page.Locator("table.inlav-values tbody tr").CountAsync());

        await page.SelectOptionAsync("#f-level", "provincia");
        await page.WaitForURLAsync(url => url.Contains("level=provincia", StringComparison.Ordinal));
        Assert.Equal(12, await page.Locator("table.inlav-values tbody tr").CountAsync());
        Assert.Equal("table", new Uri(page.Url).Query.Contains("tab=table", StringComparison.Ordinal) ? "table" : "lost");
        var total = await page.Locator("table.inlav-values tbody tr").First.Locator("td").Nth(2).InnerTextAsync();

        await page.SelectOptionAsync("#f-period", "2022-01-01");
        await page.WaitForURLAsync(url => url.Contains("period=2022-01-01", StringComparison.Ordinal));
        Assert.Contains("1 gennaio 2022", await page.InnerTextAsync("#view-subtitle"), StringComparison.Ordinal);

        await page.SelectOptionAsync("#f-sex", "F");
        await page.WaitForURLAsync(url => url.Contains("sex=F", StringComparison.Ordinal));
        Assert.Contains("Femmine", await page.InnerTextAsync("#view-subtitle"), StringComparison.Ordinal);
        var women = await page.Locator("table.inlav-values tbody tr").First.Locator("td").Nth(2).InnerTextAsync();
        Assert.NotEqual(total, women);

        // Another indicator: its own latest period with values at the level applies, with no warning.
        var taxYears = app.Door.PeriodsWithValues(InLav.Application.Caller.Public, app.Store.Indicators.Catalogue.Get("mean_taxable_income"), "provincia");
        Assert.Equal(new[] { "2018", "2019", "2020", "2021", "2022", "2023" }, taxYears);
        await page.SelectOptionAsync("#f-indicator", "mean_taxable_income");
        await page.WaitForURLAsync(url => url.Contains("indicator=mean_taxable_income", StringComparison.Ordinal));
        Assert.Equal(taxYears[^1], await page.InputValueAsync("#f-period"));
        Assert.Equal(0, await page.Locator(".alert-warning").CountAsync());

        // The period slider (keyboard): one step left is the previous tax year (2018–2023: 2022 is the fifth).
        Assert.True(await page.Locator("#f-period-slider").IsVisibleAsync());
        await page.FocusAsync("#f-period-slider");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.WaitForURLAsync(url => url.Contains("period=" + taxYears[^2], StringComparison.Ordinal));
        Assert.Equal(taxYears[^2], await page.InputValueAsync("#f-period"));
        Assert.Equal((taxYears.Count - 2).ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InputValueAsync("#f-period-slider"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_permalink_survives_back_forward_and_reload()
    {
        var page = await chromium.Browser.NewPageAsync();
        var start = "/esplora?indicator=mean_taxable_income&level=provincia&period=2020&tab=table&sort=name&dir=asc";
        await page.GotoAsync(PageSteps.Url(app, start));
        Assert.Equal("Bergamo", await page.Locator("table.inlav-values tbody tr th").First.InnerTextAsync());
        Assert.Equal("ascending", await page.GetAttributeAsync("th[aria-sort]", "aria-sort"));

        await page.ClickAsync("th a:has-text('Valore')");
        await page.WaitForURLAsync(url => url.Contains("sort=value", StringComparison.Ordinal) || !url.Contains("sort=", StringComparison.Ordinal));
        await page.SelectOptionAsync("#f-period", "2021");
        await page.WaitForURLAsync(url => url.Contains("period=2021", StringComparison.Ordinal));

        await page.GoBackAsync();
        await page.WaitForURLAsync(url => url.Contains("period=2020", StringComparison.Ordinal));
        Assert.Equal("2020", await page.InputValueAsync("#f-period"));
        await page.GoBackAsync();
        await page.WaitForURLAsync(url => url.EndsWith(start, StringComparison.Ordinal));
        Assert.Equal("Bergamo", await page.Locator("table.inlav-values tbody tr th").First.InnerTextAsync());
        await page.GoForwardAsync();
        await page.GoForwardAsync();
        await page.WaitForURLAsync(url => url.Contains("period=2021", StringComparison.Ordinal));
        Assert.Equal("2021", await page.InputValueAsync("#f-period"));

        await page.ReloadAsync();
        Assert.Equal("2021", await page.InputValueAsync("#f-period"));
        Assert.Equal("provincia", await page.InputValueAsync("#f-level"));
        Assert.Equal("descending", await page.GetAttributeAsync("th[aria-sort]", "aria-sort"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Clicking_a_comune_on_the_map_or_in_the_table_opens_its_profile()
    {
        var page = await chromium.Browser.NewPageAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await page.GotoAsync(PageSteps.Url(app, "/esplora?indicator=foreign_residents_share&level=comune"));
        await PageSteps.DrawnAsync(page, "explorer-map");
        output.WriteLine(FormattableString.Invariant($"comune map interactive after {clock.ElapsedMilliseconds} ms (first load of this browser)"));

        // Milan's centre (longitude, latitude): hovering shows its tooltip, clicking opens its profile.
        var (x, y) = await PageSteps.PointAsync(page, "#explorer-map", 0, [9.19, 45.464]);
        await page.Mouse.MoveAsync(x, y);
        await page.Locator("#explorer-map div:has-text('Milano')").Last.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Mouse.ClickAsync(x, y);
        await page.WaitForURLAsync(url => url.EndsWith("/territorio/comune/015146", StringComparison.Ordinal));

        await page.GoBackAsync();
        await page.Locator("#map-table summary").ClickAsync();
        await page.Locator("#map-table a[href='/territorio/comune/017029']").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/territorio/comune/017029", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_chart_tab_adds_and_removes_units_of_the_time_series()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, "/esplora?indicator=mean_taxable_income&level=provincia&tab=chart&lang=en"));
        await PageSteps.DrawnAsync(page, "explorer-ranking");
        await PageSteps.DrawnAsync(page, "explorer-series");
        Assert.Equal(4, await page.Locator("#series-table thead th").CountAsync());

        await page.SelectOptionAsync("#add-unit", "016");
        await page.ClickAsync("form[aria-label='Add a territory to the chart'] button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("unit=016", StringComparison.Ordinal));
        Assert.Equal(5, await page.Locator("#series-table thead th").CountAsync());
        Assert.Contains("Bergamo", await page.InnerTextAsync("#series-table thead"), StringComparison.Ordinal);

        await page.ClickAsync("a:has-text('Remove Bergamo')");
        await page.WaitForURLAsync(url => !url.Contains("016", StringComparison.Ordinal));
        Assert.DoesNotContain("Bergamo", await page.InnerTextAsync("#series-table thead"), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_level_or_period_the_indicator_lacks_falls_back_with_a_visible_warning()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, "/esplora?indicator=irregular_employment_share&level=comune"));
        Assert.Contains("regione", await page.InputValueAsync("#f-level"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".alert-warning").CountAsync());
        await page.GotoAsync(PageSteps.Url(app, "/esplora?indicator=population&period=1999"));
        Assert.Equal(1, await page.Locator(".alert-warning").CountAsync());
        await page.CloseAsync();
    }
}
