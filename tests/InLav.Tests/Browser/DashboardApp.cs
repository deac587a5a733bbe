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

    public static async Task NoAxeViolationsAsync(IPage page)
    {
        var violations = await Support.Browser.AxeViolationsAsync(page);
        Assert.True(violations.Length == 0, "axe-core: " + string.Join("; ", violations));
    }

    /// <summary>The page fits the viewport's width (no horizontal scrolling).</summary>
    public static async Task FitsWidthAsync(IPage page, int width)
    {
        var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scroll <= width + 1, $"the page is {scroll} px wide at a {width} px viewport");
    }
}
