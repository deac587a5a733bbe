using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using InLav.Core.Indicators;
using InLav.Tests.Support;
using InLav.Application.Explorer;
using InLav.Web.Explorer;
using Microsoft.Playwright;

namespace InLav.Tests.Browser;

/// <summary>
/// Issue 7 in the explorer and the pages around it: SYNTHETIC impossible to miss (map, legend, banner, menu, chart exports,
/// embed, downloads, scatter, open data), low-reliability units hatched or excluded and counted, the composite signal's map
/// with every excluded unit named, levels and periods only where there are values, a true time axis, percentage points.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class Issue7ExplorerTests(InLavAppFactory app, ClassBrowser chromium) : IClassFixture<ClassBrowser>
{
    private const string Synthetic = "/esplora?indicator=wp2_cob_turnover&level=provincia";
    private const string Real = "/esplora?indicator=mean_taxable_income&level=provincia";

    private static async Task<byte[]> DownloadAsync(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static Task<string> OptionAsync(IPage page, string id, string path) =>
        page.EvaluateAsync<string>($"() => JSON.stringify(echarts.getInstanceByDom(document.getElementById('{id}')).getOption(){path} ?? null)");

    private static IEnumerable<string> SvgTexts(byte[] svg) =>
        XDocument.Parse(Encoding.UTF8.GetString(svg)).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value);

    [Fact]
    public async Task Issue7_a_synthetic_map_says_SINTETICO_in_its_title_legend_banner_menu_and_in_its_png_and_svg()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, Synthetic));
        await PageSteps.DrawnAsync(page, "explorer-map");

        Assert.StartsWith("SINTETICO – ", await page.InnerTextAsync("#view-title"), StringComparison.Ordinal);
        Assert.Contains("SINTETICO", await page.InnerTextAsync("#synthetic-banner"), StringComparison.Ordinal);
        Assert.Equal("SINTETICO", await page.InnerTextAsync("#legend-synthetic"));
        Assert.Contains("SINTETICO", await OptionAsync(page, "explorer-map", ".title[0].text"), StringComparison.Ordinal);
        Assert.Contains("SINTETICO", await OptionAsync(page, "explorer-map", ".visualMap[0].text[0]"), StringComparison.Ordinal);
        Assert.Contains("SINTETICO", await OptionAsync(page, "explorer-map", ".graphic[0].elements.map(e => e.style && e.style.text).join(' | ')"), StringComparison.Ordinal);

        // The menu: every indicator built on the generated source says it, the others do not.
        var catalogue = app.Store.Indicators.Catalogue.Indicators;
        foreach (var d in catalogue)
        {
            var label = await page.Locator($"#f-indicator option[value='{d.Code}']").InnerTextAsync();
            Assert.Equal(SyntheticMarks.HasGeneratedSource(d, app.Store.Catalogue), label.EndsWith("SINTETICO", StringComparison.Ordinal));
        }

        Assert.Contains(catalogue, d => SyntheticMarks.HasGeneratedSource(d, app.Store.Catalogue));

        await PageSteps.NoAxeViolationsAsync(page);
        await Support.Browser.ScreenshotAsync(page, "issue7-synthetic-map");
        var png = await DownloadAsync(page, "#download-png");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.Contains(SvgTexts(await DownloadAsync(page, "#download-svg")), t => t.Contains("SINTETICO", StringComparison.Ordinal));

        await page.GotoAsync(PageSteps.Url(app, Synthetic + "&tab=chart"));
        await PageSteps.DrawnAsync(page, "explorer-ranking");
        Assert.StartsWith("SINTETICO – ", await page.InnerTextAsync("#ranking-title"), StringComparison.Ordinal);
        Assert.Contains(SvgTexts(await DownloadAsync(page, "#download-svg")), t => t.Contains("SINTETICO", StringComparison.Ordinal));
        await PageSteps.DrawnAsync(page, "explorer-series");
        Assert.Contains("SINTETICO", await OptionAsync(page, "explorer-series", ".title[0].text"), StringComparison.Ordinal);

        // English says SYNTHETIC; a real indicator says neither.
        await page.GotoAsync(PageSteps.Url(app, Synthetic + "&lang=en"));
        await PageSteps.DrawnAsync(page, "explorer-map");
        Assert.StartsWith("SYNTHETIC – ", await page.InnerTextAsync("#view-title"), StringComparison.Ordinal);
        await page.GotoAsync(PageSteps.Url(app, Real));
        await PageSteps.DrawnAsync(page, "explorer-map");
        Assert.Equal(0, await page.Locator("#synthetic-banner, #legend-synthetic").CountAsync());
        Assert.DoesNotContain("SINTETICO", await OptionAsync(page, "explorer-map", ".title[0].text"), StringComparison.Ordinal);
        Assert.DoesNotContain(SvgTexts(await DownloadAsync(page, "#download-svg")), t => t.Contains("SINTETICO", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Issue7_the_embed_of_a_synthetic_map_says_SINTETICO_in_its_heading_banner_and_chart()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, Synthetic));
        var code = await page.InputValueAsync("#embed-code");
        var src = System.Text.RegularExpressions.Regex.Match(code, "src=\"([^\"]+)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        Assert.Contains("SINTETICO", System.Text.RegularExpressions.Regex.Match(code, "title=\"([^\"]+)\"").Groups[1].Value, StringComparison.Ordinal);

        await page.GotoAsync(src);
        await PageSteps.DrawnAsync(page, "explorer-map");
        Assert.StartsWith("SINTETICO – ", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Contains("SINTETICO", await page.InnerTextAsync("#synthetic-banner"), StringComparison.Ordinal);
        Assert.Equal("SINTETICO", await page.InnerTextAsync("#legend-synthetic"));
        Assert.Contains("SINTETICO", await OptionAsync(page, "explorer-map", ".title[0].text"), StringComparison.Ordinal);
        await PageSteps.NoAxeViolationsAsync(page);
        await Support.Browser.ScreenshotAsync(page, "issue7-embed-synthetic");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Issue7_the_explorer_downloads_of_generated_values_carry_a_synthetic_title_line_column_and_metadata()
    {
        using var http = app.NewClient();
        var query = "/api/v1/explorer/download?indicator=wp2_cob_turnover&level=provincia&format=";
        var lines = (await http.GetStringAsync(query + "csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("# SYNTHETIC – ", lines[0], StringComparison.Ordinal);
        var header = lines[1].Split(',');
        var column = Array.IndexOf(header, "synthetic");
        Assert.True(column > 0);
        Assert.Equal(12, lines.Length - 2);
        Assert.All(lines.Skip(2), l => Assert.Equal("synthetic", l.Split(',')[^1]));

        using var geo = JsonDocument.Parse(await http.GetByteArrayAsync(query + "geojson"));
        var indicator = geo.RootElement.GetProperty("indicator");
        Assert.True(indicator.GetProperty("synthetic").GetBoolean());
        Assert.StartsWith("SINTETICO – ", indicator.GetProperty("titleIt").GetString(), StringComparison.Ordinal);
        Assert.All(geo.RootElement.GetProperty("features").EnumerateArray(), f => Assert.True(f.GetProperty("properties").GetProperty("synthetic").GetBoolean()));

        using var zip = new ZipArchive(new MemoryStream(await http.GetByteArrayAsync(query + "xlsx")));
        using (var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()))
        {
            Assert.Contains("name=\"SYNTHETIC values\"", await workbook.ReadToEndAsync(), StringComparison.Ordinal);
        }

        using (var metadata = new StreamReader(zip.GetEntry("xl/worksheets/sheet2.xml")!.Open()))
        {
            Assert.Contains("SYNTHETIC – ", await metadata.ReadToEndAsync(), StringComparison.Ordinal);
        }

        // Observed values: the header is the first line, and nothing says synthetic.
        var real = (await http.GetStringAsync("/api/v1/explorer/download?indicator=mean_taxable_income&level=provincia&format=csv")).Split('\n')[0];
        Assert.StartsWith("indicator,", real, StringComparison.Ordinal);
        using var realGeo = JsonDocument.Parse(await http.GetByteArrayAsync("/api/v1/explorer/download?indicator=mean_taxable_income&level=provincia&format=geojson"));
        Assert.False(realGeo.RootElement.GetProperty("indicator").GetProperty("synthetic").GetBoolean());
    }

    [Fact]
    public async Task Issue7_the_scatter_of_a_synthetic_indicator_labels_its_title_and_every_p_value_and_the_open_data_page_marks_its_rows()
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, "/relazioni?x=low_income_share&y=wp2_cob_turnover&livello=provincia"));
        await page.Locator("#relations-scatter[data-rendered='true']").WaitForAsync();
        Assert.Contains("SINTETICO", await page.InnerTextAsync("#synthetic-banner"), StringComparison.Ordinal);
        Assert.Contains("SINTETICO", await page.InnerTextAsync("[data-stat='pearson-p']"), StringComparison.Ordinal);
        Assert.Contains("SINTETICO", await page.InnerTextAsync("[data-stat='spearman-p']"), StringComparison.Ordinal);
        Assert.StartsWith("SINTETICO – ", await page.InnerTextAsync("#scatter-title"), StringComparison.Ordinal);
        Assert.Contains("SINTETICO", await OptionAsync(page, "relations-scatter", ".title[0].text"), StringComparison.Ordinal);
        Assert.EndsWith("SINTETICO", await page.Locator("#y option[value='wp2_cob_turnover']").InnerTextAsync(), StringComparison.Ordinal);
        await PageSteps.NoAxeViolationsAsync(page);

        await page.GotoAsync(PageSteps.Url(app, "/relazioni?x=low_income_share&y=wp2_mef_istat_gap&livello=provincia"));
        await page.Locator("#relations-scatter[data-rendered='true']").WaitForAsync();
        Assert.Equal(0, await page.Locator("#synthetic-banner").CountAsync());
        Assert.DoesNotContain("SINTETICO", await page.InnerTextAsync("[data-stat='pearson-p']"), StringComparison.Ordinal);

        await page.GotoAsync(PageSteps.Url(app, "/dati-aperti"));
        var expected = app.Store.Indicators.Catalogue.Indicators.Where(d => SyntheticMarks.HasGeneratedSource(d, app.Store.Catalogue)).Select(d => d.Code).Order().ToList();
        var marked = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#opendata-indicators [data-synthetic]')].map(b => b.closest('tr').querySelector('code').textContent)");
        Assert.Equal(expected, marked.Order());
        Assert.Contains("SINTETICO", await page.InnerTextAsync("#opendata-synthetic"), StringComparison.Ordinal);
        await PageSteps.NoAxeViolationsAsync(page);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Issue7_low_reliability_units_are_hatched_or_excluded_by_a_choice_in_the_url_and_counted_and_listed()
    {
        var result = app.Store.Indicators.Compute(new("wp2_mef_istat_gap", "comune"));
        var flagged = result.Rows.Where(r => r.Value is not null && ReliabilityFlag.SetsApart(r.Reliability)).Select(r => r.UnitCode).Order(StringComparer.Ordinal).ToList();

        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, "/esplora?indicator=wp2_mef_istat_gap&level=comune"));
        await PageSteps.DrawnAsync(page, "explorer-map");
        Assert.Equal(flagged.Count.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#reliability-count", "data-count"));
        Assert.Equal("hatch", await page.InputValueAsync("#f-reliability"));

        await page.SelectOptionAsync("#f-reliability", "exclude");
        await page.WaitForURLAsync(url => url.Contains("reliability=exclude", StringComparison.Ordinal));
        await PageSteps.DrawnAsync(page, "explorer-map");
        Assert.Equal(flagged.Count.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#reliability-count", "data-count"));
        var map = JsonDocument.Parse(await page.InnerTextAsync("#explorer-map-data")).RootElement;
        var excluded = map.GetProperty("values").EnumerateArray().Where(v => v.GetProperty("reliability").ValueKind == JsonValueKind.String)
            .Select(v => (Code: v.GetProperty("code").GetString()!, Mode: v.GetProperty("reliability").GetString()!)).ToList();
        Assert.Equal(flagged, excluded.Select(e => e.Code).Order(StringComparer.Ordinal));
        Assert.All(excluded, e => Assert.Equal("excluded", e.Mode));
        Assert.Equal(flagged.Count > 0 ? 1 : 0, await page.Locator("#legend-excluded").CountAsync());
        // The ranking (chart tab) leaves them out; the list names every one of them.
        await page.ClickAsync("#tab-chart");
        await page.WaitForURLAsync(url => url.Contains("tab=chart", StringComparison.Ordinal) && url.Contains("reliability=exclude", StringComparison.Ordinal));
        var ranked = JsonDocument.Parse(await page.InnerTextAsync("#explorer-ranking-data")).RootElement.GetProperty("names").EnumerateArray().Select(n => n.GetString()).ToHashSet();
        Assert.DoesNotContain(result.Rows.Where(r => flagged.Contains(r.UnitCode)).Select(r => r.UnitName), ranked.Contains);
        Assert.Equal(flagged, (await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#reliability-units li')].map(li => li.dataset.code)")).Order(StringComparer.Ordinal));

        await PageSteps.NoAxeViolationsAsync(page);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Issue7_the_explorer_maps_the_composite_risk_signal_of_real_inputs_and_names_every_unit_it_leaves_out()
    {
        var risk = app.Store.Analysis.Risk("risk_undeclared_work", "comune");
        var units = app.Store.Reader.Snapshot().Level("comune").Units;
        var left = units.Select(u => u.Code).Except(risk.Rows.Select(r => r.UnitCode)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(risk.Excluded, left.Count);

        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, "/esplora"));
        await page.ClickAsync("#risk-map-link");
        await page.WaitForURLAsync(url => url.Contains("/esplora/rischio", StringComparison.Ordinal));
        await PageSteps.DrawnAsync(page, "explorer-map");
        Assert.Equal(left.Count.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#risk-excluded", "data-incomplete"));
        var named = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#risk-excluded-units li[data-reason=incomplete]')].map(li => li.dataset.code)");
        Assert.Equal(left, named.Order(StringComparer.Ordinal));
        Assert.Contains(left.Count.ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("#risk-excluded-count"), StringComparison.Ordinal);
        // Real inputs: no SYNTHETIC mark; the map draws every scored unit with its score.
        Assert.Equal(1, await page.Locator("#risk-real").CountAsync());
        Assert.Equal(0, await page.Locator("#synthetic-banner").CountAsync());
        var map = JsonDocument.Parse(await page.InnerTextAsync("#explorer-map-data")).RootElement;
        var scored = map.GetProperty("values").EnumerateArray().Where(v => v.GetProperty("value").ValueKind == JsonValueKind.Number).ToList();
        Assert.Equal(risk.Rows.Count, scored.Count);
        var top = risk.Rows[0];
        Assert.Equal(top.Score, scored.Single(v => v.GetProperty("code").GetString() == top.UnitCode).GetProperty("value").GetDouble(), 9);
        await PageSteps.NoAxeViolationsAsync(page);
        await Support.Browser.ScreenshotAsync(page, "issue7-risk-map");

        await page.SelectOptionAsync("#f-reliability", "exclude");
        await page.WaitForURLAsync(url => url.Contains("reliability=exclude", StringComparison.Ordinal));
        var view = app.Door.RiskView(InLav.Application.Caller.Public, "risk_undeclared_work", "comune", excludeLowReliability: true);
        Assert.Equal(view.Unreliable.Count.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#risk-excluded", "data-unreliable"));
        Assert.Equal(view.Unreliable.Count, await page.Locator("#risk-excluded-units li[data-reason=reliability]").CountAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task Issue7_levels_and_periods_are_offered_only_where_the_indicator_has_values_and_series_sit_on_a_time_axis_with_gaps()
    {
        var def = app.Store.Indicators.Catalogue.Get("mean_taxable_income");
        var periods = app.Door.PeriodsWithValues(InLav.Application.Caller.Public, def, "provincia");
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, Real + "&tab=chart"));
        var offered = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#f-period option')].map(o => o.value)");
        Assert.Equal(periods.Reverse(), offered);
        var levels = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#f-level option')].map(o => o.value)");
        Assert.Equal(app.Door.LevelsWithValues(InLav.Application.Caller.Public, def, "provincia"), levels);
        foreach (var level in levels.Where(l => l is "regione" or "provincia" or "comune"))
        {
            Assert.Contains(app.Store.Indicators.Compute(new(def.Code, level)).Rows, r => r.Value is not null);
        }

        await PageSteps.DrawnAsync(page, "explorer-series");
        Assert.Equal("\"time\"", await OptionAsync(page, "explorer-series", ".xAxis[0].type"));
        var axis = TimeAxis.Points(periods);
        var data = JsonDocument.Parse(await OptionAsync(page, "explorer-series", ".series[0].data")).RootElement.EnumerateArray().ToList();
        Assert.Equal(axis.Select(p => (double)p.Milliseconds), data.Select(d => d[0].GetDouble()));
        Assert.Equal(axis.Select(p => p.Period is null), data.Select(d => d[1].ValueKind == JsonValueKind.Null));
        Assert.Equal("false", await OptionAsync(page, "explorer-series", ".series[0].connectNulls"));
        var gaps = axis.Where(p => p.Period is null).Select(p => DateTimeOffset.FromUnixTimeMilliseconds(p.Milliseconds).Year.ToString(CultureInfo.InvariantCulture)).ToList();
        if (gaps.Count > 0)
        {
            var caption = await page.InnerTextAsync("#series-gaps");
            Assert.All(gaps, g => Assert.Contains(g, caption, StringComparison.Ordinal));
        }

        await PageSteps.NoAxeViolationsAsync(page);
        await Support.Browser.ScreenshotAsync(page, "issue7-series-time-axis");
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("wp2_mef_istat_gap", "", " p.p.")]
    [InlineData("wp2_mef_istat_gap", "&lang=en", " pp")]
    [InlineData("population", "", " %)")]
    public async Task Issue7_the_change_of_a_rate_is_in_percentage_points_and_of_a_count_also_in_percent(string indicator, string extra, string ending)
    {
        var def = app.Store.Indicators.Catalogue.Get(indicator);
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(PageSteps.Url(app, $"/esplora?indicator={indicator}&level=provincia&tab=table{extra}"));
        var cells = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('table.inlav-values tbody tr')].map(tr => tr.querySelectorAll('td')[3].textContent.trim())");
        Assert.Equal(12, cells.Length);
        Assert.All(cells.Where(c => c != "–"), c => Assert.EndsWith(ending, c, StringComparison.Ordinal));
        Assert.Contains(cells, c => c != "–");
        Assert.Equal(ValueNature.IsExtensive(def.Nature), ending == " %)");
        await page.CloseAsync();
    }
}
