using Microsoft.Playwright;

namespace InLav.Tests.Support;

/// <summary>Real Chromium (Debian's, /usr/bin/chromium) driven by Playwright, with the flags this machine needs; axe-core and screenshots.</summary>
public sealed class Browser : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        return new Browser(playwright, browser);
    }

    /// <summary>A new page (desktop size by default; pass a phone width to test the responsive layout).</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 1100, bool javaScript = true)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "it-IT", JavaScriptEnabled = javaScript, AcceptDownloads = true });
        page.SetDefaultTimeout(60_000);
        return page;
    }

    /// <summary>Runs axe-core (WCAG 2.1 A and AA rules) in the page and returns the violations, one line each.</summary>
    public static async Task<string[]> AxeViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Path.Combine(RepositoryRoot, "node_modules", "axe-core", "axe.min.js") });
        return await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }))
              .violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))
            """);
    }

    /// <summary>Saves a full-page screenshot under artifacts/screenshots (kept as a test artefact).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public static string RepositoryRoot => InLav.Store.StoreOptions.FindHome(AppContext.BaseDirectory);

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
