using InLav.Tests.Support;
using Xunit.Abstractions;

namespace InLav.Tests.Browser.Pages;

/// <summary>The relations page (scatter, correlations, outliers) and the composite risk signal.</summary>
[Collection(WebAppCollection.Name)]
public sealed class RelationsPageTests(InLavAppFactory app, ITestOutputHelper output) : PageTestBase(app, output)

{
    [Fact]
    public async Task The_scatter_of_comuni_lists_its_outliers_and_a_click_opens_a_profile()
    {
        var page = await OpenAsync("/relazioni?x=low_income_share&y=wp2_mef_istat_gap&livello=comune", "relazioni-comuni");
        var result = App.Store.Analysis.Correlate("low_income_share", "wp2_mef_istat_gap", "comune");
        Assert.Equal(result.N.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-stat='n']").InnerTextAsync());
        Assert.Equal(result.Points.Count(p => p.Outlier), await page.Locator("#relations-outliers tbody tr").CountAsync());

        var first = page.Locator("#relations-outliers tbody tr a").First;
        var name = await first.InnerTextAsync();
        await first.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/territorio/comune/", StringComparison.Ordinal));
        Assert.Equal(name, await page.Locator("h1").InnerTextAsync());

        await page.GoBackAsync();
        await page.WaitForURLAsync(u => u.Contains("/relazioni", StringComparison.Ordinal));
        await WaitForChartsAsync(page);
        var clicked = await page.EvaluateAsync<string?>("""
            () => {
              const chart = echarts.getInstanceByDom(document.querySelector('[data-chart=scatter]'));
              const series = chart.getOption().series[1];
              const point = series.data[0];
              const [x, y] = chart.convertToPixel({ seriesIndex: 1 }, point.value);
              return JSON.stringify({ x, y, link: point.link });
            }
            """);
        var target = System.Text.Json.JsonDocument.Parse(clicked!).RootElement;
        await page.Locator("[data-chart=scatter]").ScrollIntoViewIfNeededAsync();
        var box = await page.Locator("[data-chart=scatter]").BoundingBoxAsync();
        await page.Mouse.ClickAsync(box!.X + (float)target.GetProperty("x").GetDouble(), box.Y + (float)target.GetProperty("y").GetDouble());
        await page.WaitForURLAsync(u => u.Contains("/territorio/comune/", StringComparison.Ordinal));
        Output.WriteLine($"clicked the point of {target.GetProperty("link").GetString()}, opened {page.Url}");
    }

    [Fact]
    public async Task Provinces_in_english_and_the_risk_signal_with_its_sensitivity()
    {
        var page = await OpenAsync("/relazioni?livello=provincia&lang=en", "relazioni-province-en");
        Assert.Equal("12", await page.Locator("[data-stat='n']").InnerTextAsync());

        await page.ClickAsync("#risk-link");
        await page.WaitForURLAsync(u => u.Contains("/relazioni/rischio", StringComparison.Ordinal));
        var risk = await OpenAsync("/relazioni/rischio?livello=provincia", "rischio-province");
        Assert.Equal(12, await risk.Locator("#risk-ranking tbody tr").CountAsync());
        Assert.Equal(6, await risk.Locator("#risk-sensitivity tbody tr").CountAsync());

        var phone = await OpenAsync("/relazioni?livello=sll-2001", "relazioni-sll-360", width: 360);
        await AssertNoSidewaysScrollAsync(phone);
    }
}
