using InLav.Tests.Geo;
using InLav.Tests.Support;
using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InLav.Tests.Browser;

/// <summary>The map page in a real Chromium against the real app.</summary>
[Collection(WebAppCollection.Name)]
public sealed class MapPageTests(InLavAppFactory app, ITestOutputHelper output)
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    [Fact]
    public async Task Choosing_the_province_level_shows_twelve_rows_and_draws_the_map()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1100 }, Locale = "it-IT" });
        page.SetDefaultTimeout(60_000);

        var clock = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(app.BaseAddress, "/mappa?livello=comune").ToString());
        await page.Locator("#map[data-rendered='true']").WaitForAsync();
        output.WriteLine(FormattableString.Invariant($"/mappa?livello=comune ({await page.Locator("table tbody tr").CountAsync()} rows): map drawn after {clock.ElapsedMilliseconds} ms"));
        clock.Restart();
        await page.SelectOptionAsync("#livello", "provincia");
        await page.WaitForURLAsync(url => url.Contains("livello=provincia", StringComparison.Ordinal));

        Assert.Equal(12, await page.Locator("table tbody tr").CountAsync());
        Assert.Equal("provincia", await page.Locator("#livello").InputValueAsync());
        await page.Locator("#map[data-rendered='true'] canvas").WaitForAsync();
        var painted = await page.EvaluateAsync<int>("""
            () => {
              const c = document.querySelector('#map canvas');
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              const colours = new Set();
              for (let i = 0; i < d.length; i += 4 * 97) { colours.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2]); }
              return colours.size;
            }
            """);
        Assert.True(painted > 5, $"the map canvas has only {painted} colours");
        output.WriteLine(FormattableString.Invariant($"provincia chosen: page and map drawn after {clock.ElapsedMilliseconds} ms"));

        await page.AddScriptTagAsync(new() { Path = Path.Combine(RepositoryRoot(), "node_modules", "axe-core", "axe.min.js") });
        var violations = await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] }))
              .violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))
            """);
        Assert.True(violations.Length == 0, "axe-core: " + string.Join("; ", violations));

        var shots = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "mappa-provincia.png"), FullPage = true });

        await page.GoBackAsync();
        await page.WaitForURLAsync(url => url.Contains("livello=comune", StringComparison.Ordinal));
        Assert.Equal("comune", await page.Locator("#livello").InputValueAsync());
    }

    [Fact]
    public async Task Without_JavaScript_the_form_and_the_table_still_work()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { JavaScriptEnabled = false });
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync(new Uri(app.BaseAddress, "/mappa").ToString());
        await page.SelectOptionAsync("#livello", "regione");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("livello=regione", StringComparison.Ordinal));

        Assert.Equal(1, await page.Locator("table tbody tr").CountAsync());
        Assert.Equal("Lombardia", await page.Locator("table tbody tr td").First.InnerTextAsync());
        Assert.Equal("it", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(4, await page.Locator("table thead th[scope=col]").CountAsync());
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InLav.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("InLav.slnx not found above the test folder.");
    }
}
