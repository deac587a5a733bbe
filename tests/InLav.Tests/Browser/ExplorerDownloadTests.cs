using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using InLav.Tests.Support;
using Microsoft.Playwright;

namespace InLav.Tests.Browser;

/// <summary>Every download of the explorer produces a valid file: CSV, XLSX, GeoJSON with values, PNG and SVG of the map and charts; the embed page.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ExplorerDownloadTests(InLavAppFactory app, ClassBrowser chromium) : IClassFixture<ClassBrowser>
{
    private const string View = "/esplora?indicator=mean_taxable_income&level=provincia&period=2021";

    private static async Task<byte[]> DownloadAsync(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task The_data_downloads_are_a_parsable_csv_an_xlsx_workbook_and_geojson_with_the_values()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, View));

        var csv = Encoding.UTF8.GetString(await DownloadAsync(page, "#download-csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("indicator,level,configuration,unit_code", csv[0], StringComparison.Ordinal);
        Assert.Equal(13, csv.Length);
        var milano = csv.Single(l => l.Contains(",215,", StringComparison.Ordinal)).Split(',');
        var valueColumn = Array.IndexOf(csv[0].Split(','), "value");
        var value = double.Parse(milano[valueColumn], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(app.Store.Indicators.Compute(new("mean_taxable_income", "provincia", null, ["2021"], Units: ["215"])).Rows[0].Value!.Value, value, 6);

        using (var zip = new ZipArchive(new MemoryStream(await DownloadAsync(page, "#download-xlsx"))))
        {
            Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
            using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
            XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            var rows = XDocument.Load(sheet).Descendants(ns + "row").ToList();
            Assert.Equal(13, rows.Count);
            Assert.Contains(rows.Skip(1).SelectMany(r => r.Elements(ns + "c")), c => c.Element(ns + "v")?.Value == milano[valueColumn]);
        }

        using var geo = JsonDocument.Parse(await DownloadAsync(page, "#download-geojson"));
        Assert.Equal("FeatureCollection", geo.RootElement.GetProperty("type").GetString());
        var features = geo.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(12, features.Count);
        var milanoFeature = features.Single(f => f.GetProperty("properties").GetProperty("code").GetString() == "215");
        Assert.Equal(value, milanoFeature.GetProperty("properties").GetProperty("value").GetDouble(), 6);
        Assert.Equal("CC BY 4.0", geo.RootElement.GetProperty("indicator").GetProperty("licence").GetString());
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_map_and_the_chart_save_as_png_and_svg()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, View));
        await PageSteps.DrawnAsync(page, "explorer-map");
        var png = await DownloadAsync(page, "#download-png");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var svg = XDocument.Parse(Encoding.UTF8.GetString(await DownloadAsync(page, "#download-svg")));
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.True(svg.Descendants().Count(e => e.Name.LocalName == "path") >= 12);

        await page.GotoAsync(PageSteps.Url(app, View + "&tab=chart"));
        await PageSteps.DrawnAsync(page, "explorer-ranking");
        png = await DownloadAsync(page, "#download-png");
        Assert.Equal(0x89, png[0]);
        svg = XDocument.Parse(Encoding.UTF8.GetString(await DownloadAsync(page, "#download-svg")));
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value.Contains("Brescia", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_embed_code_opens_a_page_with_only_the_map_its_title_source_and_licence()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, View));
        var code = await page.InputValueAsync("#embed-code");
        var src = System.Text.RegularExpressions.Regex.Match(code, "src=\"([^\"]+)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        Assert.Contains("/incorpora?", src, StringComparison.Ordinal);

        await page.GotoAsync(src);
        await PageSteps.DrawnAsync(page, "explorer-map");
        Assert.Equal(0, await page.Locator("header, footer, #explorer-form").CountAsync());
        var text = await page.InnerTextAsync("body");
        Assert.Contains("CC BY 4.0", text, StringComparison.Ordinal);
        Assert.Contains("mef-irpef", text, StringComparison.Ordinal);
        await PageSteps.NoAxeViolationsAsync(page);
        await Support.Browser.ScreenshotAsync(page, "embed-map");
        await page.CloseAsync();
    }
}
