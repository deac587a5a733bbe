using InLav.Tests.Support;
using Microsoft.Playwright;

namespace InLav.Tests.Browser;

/// <summary>One Chromium per test class (the machine has two cores): each test opens its own page.</summary>
public sealed class ClassBrowser : IAsyncLifetime
{
    public Support.Browser Browser { get; private set; } = default!;

    public async Task InitializeAsync() => Browser = await Support.Browser.LaunchAsync();

    public async Task DisposeAsync() => await Browser.DisposeAsync();
}

public static class PageSteps
{
    public static string Url(InLavAppFactory app, string path) => new Uri(app.BaseAddress, path).ToString();

    /// <summary>Waits until the element's chart is drawn (the script sets data-rendered) and fails on a drawing error.</summary>
    public static async Task DrawnAsync(IPage page, string id)
    {
        await page.Locator($"#{id}[data-rendered='true'], #{id}[data-error='true']").WaitForAsync();
        Assert.Null(await page.GetAttributeAsync("#" + id, "data-error"));
    }

    /// <summary>
    /// Where, on the page, a chart draws a data point (ECharts' own conversion, offset by the chart's canvas): so a
    /// test hovers or clicks a known unit, whatever the canvas size and the font.
    /// </summary>
    public static async Task<(float X, float Y)> PointAsync(IPage page, string chartSelector, int seriesIndex, double[] value)
    {
        var canvas = page.Locator(chartSelector + " canvas").First;
        await canvas.ScrollIntoViewIfNeededAsync();
        var xy = await page.EvaluateAsync<double[]>(
            "([selector, series, value]) => echarts.getInstanceByDom(document.querySelector(selector)).convertToPixel({ seriesIndex: series }, value)",
            new object[] { chartSelector, seriesIndex, value });
        var box = (await canvas.BoundingBoxAsync())!;
        return (box.X + (float)xy[0], box.Y + (float)xy[1]);
    }

    public static async Task NoAxeViolationsAsync(IPage page)
    {
        var violations = await Support.Browser.AxeViolationsAsync(page);
        Assert.True(violations.Length == 0, "axe-core: " + string.Join("; ", violations));
    }

    /// <summary>The page does not scroll sideways (wide tables scroll inside their own box); measured once fonts are in.</summary>
    public static async Task NoSidewaysScrollAsync(IPage page)
    {
        await page.EvaluateAsync("() => document.fonts.ready");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 1, $"the page scrolls sideways by {overflow} px");
    }
}
