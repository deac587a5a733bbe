using InLav.Tests.Support;
using Xunit.Abstractions;

namespace InLav.Tests.Browser.Pages;

/// <summary>The compare page: add and remove territories, permalinks, back and forward, no JavaScript needed.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ComparePageTests(InLavAppFactory app, ITestOutputHelper output) : PageTestBase(app, output)
{
    [Fact]
    public async Task Adding_and_removing_territories_keeps_the_state_in_the_url_and_back_returns_to_it()
    {
        var page = await OpenAsync("/confronta?u=comune:015146&u=provincia:215&i=mean_taxable_income&i=wp2_mef_istat_gap", "confronta");
        Assert.Equal(2, await page.Locator("#compare-units a").CountAsync());
        Assert.Equal(2, await page.Locator("#compare-table tbody tr").CountAsync());
        Assert.Equal(4, await page.Locator("#compare-table thead th").CountAsync() - 1);

        await page.FillAsync("#add", "sll-2001:57");
        await page.ClickAsync("#compare-submit");
        await page.WaitForURLAsync(u => u.Contains("u=sll-2001%3A57", StringComparison.Ordinal) && !u.Contains("add=", StringComparison.Ordinal));
        Assert.Equal(3, await page.Locator("#compare-units a").CountAsync());
        Assert.Contains("MILANO", await page.Locator("#compare-table thead").InnerTextAsync(), StringComparison.Ordinal);
        await WaitForChartsAsync(page);

        await page.FillAsync("#add", "Bergamo");
        await page.ClickAsync("#compare-submit");
        await page.WaitForURLAsync(u => u.Contains("add=Bergamo", StringComparison.Ordinal));
        Assert.True(await page.Locator("#compare-candidates a").CountAsync() >= 2);
        await page.Locator("#compare-candidates a").First.ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("add=", StringComparison.Ordinal));
        Assert.Equal(4, await page.Locator("#compare-units a").CountAsync());

        await page.Locator("#compare-units a[data-unit='provincia:215']").ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("provincia%3A215", StringComparison.Ordinal) && !u.Contains("provincia:215", StringComparison.Ordinal));
        Assert.Equal(3, await page.Locator("#compare-units a").CountAsync());
        var permalink = page.Url;

        await page.GoBackAsync();
        await page.WaitForURLAsync(u => u.Contains("provincia:215", StringComparison.Ordinal) || u.Contains("provincia%3A215", StringComparison.Ordinal));
        Assert.Equal(4, await page.Locator("#compare-units a").CountAsync());
        await page.GoForwardAsync();
        Assert.Equal(3, await page.Locator("#compare-units a").CountAsync());

        var again = await Chromium.NewPageAsync(javaScript: false);
        await again.GotoAsync(permalink);
        Assert.Equal(await page.Locator("#compare-table").InnerTextAsync(), await again.Locator("#compare-table").InnerTextAsync());
    }

    [Fact]
    public async Task Without_territories_the_page_says_what_to_do_and_at_phone_width_it_fits()
    {
        var empty = await OpenAsync("/confronta?u=&lang=en", "confronta-vuoto-en", waitForCharts: false);
        Assert.Contains("No territory chosen", await empty.Locator("#no-data").InnerTextAsync(), StringComparison.Ordinal);

        var phone = await OpenAsync("/confronta", "confronta-360", width: 360);
        await PageSteps.NoSidewaysScrollAsync(phone);
    }
}
