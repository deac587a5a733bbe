using Microsoft.Playwright;
using InLav.Tests.Support;
using Xunit.Abstractions;

namespace InLav.Tests.Browser.Pages;

/// <summary>The relations page (scatter, correlations, outliers) and the composite risk signal.</summary>
[Collection(WebAppCollection.Name)]
public sealed class RelationsPageTests(InLavAppFactory app, ITestOutputHelper output) : PageTestBase(app, output)
{
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    [Fact]
    public async Task The_scatter_of_comuni_lists_its_outliers_and_a_click_opens_a_profile()
    {
        var page = await OpenAsync("/relazioni?x=low_income_share&y=wp2_mef_istat_gap&livello=comune", "relazioni-comuni");
        var result = App.Store.Analysis.Correlate("low_income_share", "wp2_mef_istat_gap", "comune");
        Assert.Equal(result.N.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-stat='n']").InnerTextAsync());
        Assert.Equal(result.Points.Count(p => p.Outlier), await page.Locator("#relations-outliers tbody tr").CountAsync());

        var first = page.Locator("#relations-outliers tbody tr a").First;
        var name = await first.InnerTextAsync();
        // Navigations wait for the committed page and then for its content, not for its load event: twice the first
        // browser test of a run timed out waiting for a load event after the document was in and the network idle.
        await first.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/territorio/comune/", StringComparison.Ordinal), Committed);
        Assert.Equal(name, await page.Locator("h1").InnerTextAsync());

        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync(u => u.Contains("/relazioni", StringComparison.Ordinal), Committed);
        await WaitForChartsAsync(page);
        var clicked = await page.EvaluateAsync<string?>("""
            () => {
              const outliers = echarts.getInstanceByDom(document.querySelector('[data-chart=scatter]')).getOption().series[1].data;
              const point = outliers[outliers.length - 1]; // drawn last, so on top of any other
              return JSON.stringify({ value: point.value, link: point.link });
            }
            """);
        var target = System.Text.Json.JsonDocument.Parse(clicked!).RootElement;
        var value = target.GetProperty("value").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var (x, y) = await PageSteps.PointAsync(page, "[data-chart=scatter]", 1, value);
        await page.Mouse.ClickAsync(x, y);
        var link = target.GetProperty("link").GetString()!;
        await page.WaitForURLAsync(u => u.EndsWith(link, StringComparison.Ordinal), Committed);
    }

    [Fact]
    public async Task Provinces_in_english_and_the_risk_signal_with_its_sensitivity()
    {
        var page = await OpenAsync("/relazioni?livello=provincia&lang=en", "relazioni-province-en");
        Assert.Equal("12", await page.Locator("[data-stat='n']").InnerTextAsync());

        // The link leads to the risk page (the page itself is opened and checked next).
        await page.ClickAsync("#risk-link");
        await page.WaitForURLAsync(u => u.Contains("/relazioni/rischio", StringComparison.Ordinal), Committed);
        var risk = await OpenAsync("/relazioni/rischio?livello=provincia", "rischio-province");
        Assert.Equal(12, await risk.Locator("#risk-ranking tbody tr").CountAsync());
        Assert.Equal(6, await risk.Locator("#risk-sensitivity tbody tr").CountAsync());

        var phone = await OpenAsync("/relazioni?livello=sll-2001", "relazioni-sll-360", width: 360);
        await PageSteps.NoSidewaysScrollAsync(phone);
    }
}
