using System.Net;
using System.Text.RegularExpressions;
using InLav.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace InLav.Tests.Browser;

/// <summary>
/// Issue 11 item 4: the embed snippet of docs/interoperability.md, served by a second Kestrel host on another port and
/// host name (another origin, another site), shows the map and the chart drawn inside their frames, with the attribution.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class Issue11EmbedTests(InLavAppFactory app, ClassBrowser chromium) : IClassFixture<ClassBrowser>
{
    private const string Placeholder = "https://cruscotto.example.it/";

    /// <summary>The html block after the embed-snippet marker of docs/interoperability.md, pointing at the test app.</summary>
    private string Snippet()
    {
        var doc = File.ReadAllText(Path.Combine(Support.Browser.RepositoryRoot, "docs", "interoperability.md"));
        var block = Regex.Match(doc, @"<!-- embed-snippet[^>]*-->\s*```html\n(?<html>.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "docs/interoperability.md has no embed snippet");
        return block.Groups["html"].Value.Replace(Placeholder, app.BaseAddress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue11_the_documented_embed_snippet_draws_the_map_and_the_chart_in_a_page_of_another_origin()
    {
        var html = $"<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>Pagina di un altro sito</title></head><body><h1>Osservatorio</h1>{Snippet()}</body></html>";
        var (host, hostUrl) = await OtherOriginAsync(html);
        await using var stop = host;
        Assert.NotEqual(app.BaseAddress.Authority, hostUrl.Authority);

        var page = await chromium.Browser.NewPageAsync(height: 1600);
        var failures = new List<string>();
        // Every answer of the page and its frames but the other site's favicon (it has none) must succeed; no script error.
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                failures.Add($"{r.Status} {r.Url}");
            }
        };
        page.PageError += (_, e) => failures.Add(e);
        var response = await page.GotoAsync(hostUrl.ToString());
        Assert.Equal(200, response!.Status);

        var frames = page.Locator("iframe");
        Assert.Equal(2, await frames.CountAsync());
        var map = page.FrameLocator("iframe >> nth=0");
        await map.Locator("#explorer-map[data-rendered='true'], #explorer-map[data-error='true']").WaitForAsync();
        Assert.Null(await map.Locator("#explorer-map").GetAttributeAsync("data-error"));
        Assert.True(await map.Locator("#explorer-map canvas, #explorer-map svg").CountAsync() > 0);
        var frameText = await map.Locator("body").InnerTextAsync();
        Assert.Contains("CC BY 4.0", frameText, StringComparison.Ordinal);
        Assert.Contains("mef-irpef", frameText, StringComparison.Ordinal);

        var chart = page.FrameLocator("iframe >> nth=1");
        await chart.Locator("#explorer-ranking[data-rendered='true'], #explorer-ranking[data-error='true']").WaitForAsync();
        Assert.Null(await chart.Locator("#explorer-ranking").GetAttributeAsync("data-error"));

        // The frames are of the app's origin, the page of the other host's; the attribution stays under the frame.
        var origins = page.Frames.Where(f => f != page.MainFrame).Select(f => new Uri(f.Url).GetLeftPart(UriPartial.Authority)).ToList();
        Assert.All(origins, o => Assert.Equal(app.BaseAddress.GetLeftPart(UriPartial.Authority), o));
        Assert.Contains("Fonte: InLav Cruscotto", await page.InnerTextAsync("p.attribution"), StringComparison.Ordinal);
        Assert.Empty(failures);
        await Support.Browser.ScreenshotAsync(page, "embed-other-origin");
        await page.CloseAsync();
    }

    /// <summary>A second Kestrel host on localhost (the app listens on 127.0.0.1) and another port, serving one HTML page.</summary>
    private static async Task<(WebApplication Host, Uri Url)> OtherOriginAsync(string html)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var host = builder.Build();
        host.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        await host.StartAsync();
        var address = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return (host, new Uri($"http://localhost:{address.Port}/"));
    }
}
