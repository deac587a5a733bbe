using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace InLav.Bench;

/// <summary>
/// Speed of the explorer in a real Chromium against a running, warm server: time from navigation to the comune map being
/// interactive (the script marks it data-rendered after drawing and binding its events), and bytes transferred
/// (compressed bodies and headers), on a first visit and on later views that find the geometry in the browser cache.
/// </summary>
public static class UiMeasurement
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private static readonly string[] Views =
    [
        "/esplora?indicator=wp2_mef_istat_gap&level=comune",
        "/esplora?indicator=foreign_residents_share&level=comune",
        "/esplora?indicator=mean_taxable_income&level=comune&legend=jenks",
        "/esplora?indicator=population&level=comune&sex=F",
    ];

    public static async Task<int> RunAsync(string baseUrl, int repetitions)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var first = new List<(double Ms, long Bytes)>();
        var later = new List<(double Ms, long Bytes)>();
        for (var r = 0; r < repetitions + 1; r++)
        {
            // A new context is a new browser profile: empty cache, so the first view fetches everything.
            await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(60_000);
            for (var v = 0; v < Views.Length; v++)
            {
                var (ms, bytes) = await VisitAsync(page, baseUrl + Views[v]);
                if (r == 0)
                {
                    continue; // warm-up of the server's caches
                }

                (v == 0 ? first : later).Add((ms, bytes));
                Console.WriteLine(FormattableString.Invariant($"run {r} view {v}: interactive after {ms:F0} ms, {bytes / 1024.0:F0} KiB transferred  {Views[v]}"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| visit | time to interactive, median (min–max) | bytes transferred, median |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine(Row("first view, empty cache", first));
        Console.WriteLine(Row("later views, same browser", later));
        return 0;
    }

    private static string Row(string label, List<(double Ms, long Bytes)> runs)
    {
        var ms = runs.Select(x => x.Ms).Order().ToList();
        var bytes = runs.Select(x => x.Bytes).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"| {label} | {ms[ms.Count / 2]:F0} ms ({ms[0]:F0}–{ms[^1]:F0}) | {bytes[bytes.Count / 2] / 1024.0:F0} KiB |");
    }

    private static async Task<(double Ms, long Bytes)> VisitAsync(IPage page, string url)
    {
        var sizes = new List<Task<long>>();
        void Finished(object? sender, IRequest request) => sizes.Add(SizeAsync(request));
        page.RequestFinished += Finished;
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url);
        await page.Locator("#explorer-map[data-rendered='true']").WaitForAsync();
        var ms = clock.Elapsed.TotalMilliseconds;
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.RequestFinished -= Finished;
        var bytes = (await Task.WhenAll(sizes)).Sum();
        return (ms, bytes);
    }

    private static async Task<long> SizeAsync(IRequest request)
    {
        var response = await request.ResponseAsync();
        if (response is null || response.FromServiceWorker)
        {
            return 0;
        }

        var sizes = await request.SizesAsync();
        return sizes.ResponseBodySize + sizes.ResponseHeadersSize;
    }
}
