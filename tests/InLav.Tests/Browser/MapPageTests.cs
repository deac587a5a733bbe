using System.Diagnostics;
using InLav.Tests.Support;
using Xunit.Abstractions;

namespace InLav.Tests.Browser;

/// <summary>The population map page in a real Chromium against the real app, in Italian and English.</summary>
[Collection(WebAppCollection.Name)]
public sealed class MapPageTests(InLavAppFactory app, ClassBrowser chromium, ITestOutputHelper output) : IClassFixture<ClassBrowser>
{
    [Fact]
    public async Task Choosing_the_province_level_shows_twelve_rows_and_draws_the_map()
    {
        var page = await chromium.Browser.NewPageAsync();
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(PageSteps.Url(app, "/mappa?livello=comune"));
        await PageSteps.DrawnAsync(page, "map");
        output.WriteLine(FormattableString.Invariant($"/mappa?livello=comune ({await page.Locator("table tbody tr").CountAsync()} rows): map drawn after {clock.ElapsedMilliseconds} ms"));
        clock.Restart();
        await page.SelectOptionAsync("#livello", "provincia");
        await page.WaitForURLAsync(url => url.Contains("livello=provincia", StringComparison.Ordinal));

        Assert.Equal(12, await page.Locator("table tbody tr").CountAsync());
        Assert.Equal("provincia", await page.Locator("#livello").InputValueAsync());
        await PageSteps.DrawnAsync(page, "map");
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
        Assert.StartsWith("Note sui confini (", await page.Locator("#geo-notes summary").InnerTextAsync(), StringComparison.Ordinal);
        output.WriteLine(FormattableString.Invariant($"provincia chosen: page and map drawn after {clock.ElapsedMilliseconds} ms"));
        await PageSteps.NoAxeViolationsAsync(page);
        await Support.Browser.ScreenshotAsync(page, "mappa-provincia");

        await page.GoBackAsync();
        await page.WaitForURLAsync(url => url.Contains("livello=comune", StringComparison.Ordinal));
        Assert.Equal("comune", await page.Locator("#livello").InputValueAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task In_english_the_page_its_form_its_map_and_its_table_speak_english_and_keep_the_language()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, "/mappa?livello=provincia&lang=en"));
        await PageSteps.DrawnAsync(page, "map");

        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Population map", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(["Code", "Name", "Value", "Notes"], await page.Locator("table thead th[scope=col]").AllInnerTextsAsync());
        Assert.StartsWith("Registered residents (ANPR), monthly by province", await page.Locator("#map-title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches(@"^\d{1,3}(,\d{3})+$", await page.Locator("table tbody tr td.text-end").First.InnerTextAsync());
        Assert.StartsWith("Notes on the boundaries (", await page.Locator("#geo-notes summary").InnerTextAsync(), StringComparison.Ordinal);

        await page.SelectOptionAsync("#livello", "regione");
        await page.WaitForURLAsync(url => url.Contains("livello=regione", StringComparison.Ordinal) && url.Contains("lang=en", StringComparison.Ordinal));
        Assert.Equal("Population map", await page.Locator("h1").InnerTextAsync());
        await PageSteps.NoAxeViolationsAsync(page);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Without_JavaScript_the_form_and_the_table_still_work()
    {
        var page = await chromium.Browser.NewPageAsync(javaScript: false);
        await page.GotoAsync(PageSteps.Url(app, "/mappa"));
        await page.SelectOptionAsync("#livello", "regione");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("livello=regione", StringComparison.Ordinal));

        Assert.Equal(1, await page.Locator("table tbody tr").CountAsync());
        Assert.Equal("Lombardia", await page.Locator("table tbody tr td").First.InnerTextAsync());
        Assert.Equal("it", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(["Codice", "Nome", "Valore", "Note"], await page.Locator("table thead th[scope=col]").AllInnerTextsAsync());
        await page.CloseAsync();
    }
}
