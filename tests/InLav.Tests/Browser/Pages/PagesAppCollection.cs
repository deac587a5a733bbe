using System.Diagnostics;
using InLav.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InLav.Tests.Browser.Pages;

/// <summary>One Chromium per test class, and the checks every page gets: it loads, axe-core finds nothing, a screenshot is kept.</summary>
public abstract class PageTestBase(InLavAppFactory app, ITestOutputHelper output) : IAsyncLifetime
{
    protected InLavAppFactory App => app;

    protected ITestOutputHelper Output => output;

    protected Support.Browser Chromium { get; private set; } = default!;

    public async Task InitializeAsync() => Chromium = await Support.Browser.LaunchAsync();

    public async Task DisposeAsync() => await Chromium.DisposeAsync();

    protected string Url(string path) => new Uri(app.BaseAddress, path).ToString();

    /// <summary>Opens a page, waits for its charts (if any), checks axe-core and keeps a screenshot; logs the time.</summary>
    protected async Task<IPage> OpenAsync(string path, string screenshot, int width = 1280, bool waitForCharts = true)
    {
        var page = await Chromium.NewPageAsync(width);
        var clock = Stopwatch.StartNew();
        var response = await page.GotoAsync(Url(path));
        Assert.True(response is { Ok: true }, $"{path}: HTTP {response?.Status}");
        var served = clock.ElapsedMilliseconds;
        if (waitForCharts)
        {
            await WaitForChartsAsync(page);
        }

        output.WriteLine(FormattableString.Invariant($"{path} @{width}px: served in {served} ms, charts drawn after {clock.ElapsedMilliseconds} ms"));
        var violations = await Support.Browser.AxeViolationsAsync(page);
        Assert.True(violations.Length == 0, path + " axe-core: " + string.Join("; ", violations));
        await Support.Browser.ScreenshotAsync(page, screenshot);
        return page;
    }

    /// <summary>Every chart of the page is drawn (data-rendered) and none fell back to its failure message.</summary>
    protected static async Task WaitForChartsAsync(IPage page)
    {
        // Each chart ends drawn (data-rendered) or with its failure message (an alert in place of the chart).
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-chart]')].every(e => e.dataset.rendered === 'true' || e.querySelector('.alert'))");
        Assert.Equal(await page.Locator("[data-chart]").CountAsync(), await page.Locator("[data-chart][data-rendered='true']").CountAsync());
    }
}
