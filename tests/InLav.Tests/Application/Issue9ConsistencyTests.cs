using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using InLav.Tests.Support;

namespace InLav.Tests.Application;

/// <summary>
/// Issue 9: every entry point of the door answers the same numbers and flags for the same question through REST, the
/// UI and the CLI. The questions cover the catalogue, levels, measure values, indicator values at several levels,
/// ranking, compare, profile, analyses, sources and runs, geometry and downloads. The UI is read from what a page
/// sends (the map's data, the data-value of table cells), the CLI from its output on the running server's store.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed partial class Issue9ConsistencyTests(InLavAppFactory app)
{
    private readonly HttpClient http = app.NewClient();

    private string Db => app.Store.Options.DatabasePath!;

    /// <summary>Indicator questions: indicator, level, period (null: latest).</summary>
    public static TheoryData<string, string> IndicatorQuestions() => new()
    {
        { "foreign_residents_share", "comune" },
        { "foreign_residents_share", "provincia" },
        { "mean_taxable_income", "comune" },
        { "wp2_mef_istat_gap", "provincia" },
        { "employment_rate_2011", "comune" },
        { "population", "ats" },
    };

    [Theory]
    [MemberData(nameof(IndicatorQuestions))]
    public async Task Issue9_indicator_values_are_the_same_through_rest_the_explorer_page_and_the_cli(string code, string level)
    {
        var rest = await Json($"/api/v1/indicators/{code}/values?level={level}");
        var period = rest.GetProperty("periods")[0].GetString()!;
        var restRows = Totals(rest).ToDictionary(r => r.GetProperty("unitCode").GetString()!, r => (Value: Number(r, "value"), Flags: Strings(r, "flags")));
        Assert.NotEmpty(restRows);

        // The explorer page (UI): the map's values as the page sends them to the browser.
        var page = await http.GetStringAsync(new Uri($"/esplora?indicator={code}&level={level}&period={Uri.EscapeDataString(period)}", UriKind.Relative));
        var map = ScriptJson(page, "\"values\"");
        var uiRows = map.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("code").GetString()!,
            v => (Value: Number(v, "value"), Flags: v.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!.Split(':')[0]).Where(f => !f.StartsWith('⚠')).ToList()));
        Assert.Equal(restRows.Keys.Order(StringComparer.Ordinal), uiRows.Keys.Order(StringComparer.Ordinal));
        foreach (var (unit, r) in restRows)
        {
            Assert.True(r.Value == uiRows[unit].Value, $"{code} {level} {unit}: REST {r.Value}, page {uiRows[unit].Value}");
            Assert.Equal(r.Flags, uiRows[unit].Flags);
        }

        // The CLI on the server's store file (it goes through the running server), as JSON.
        var cli = InLav.Tests.Cli.Cli.Run("indicator", code, "--db", Db, "--level", level, "--period", period, "--format", "json");
        Assert.True(cli.Code == 0, cli.ToString());
        using var cliJson = JsonDocument.Parse(cli.Out);
        var cliRows = Totals(cliJson.RootElement).ToDictionary(r => r.GetProperty("unitCode").GetString()!, r => (Value: Number(r, "value"), Flags: Strings(r, "flags")));
        Assert.Equal(restRows.Count, cliRows.Count);
        Assert.All(restRows, kv => Assert.True(kv.Value.Value == cliRows[kv.Key].Value && kv.Value.Flags.SequenceEqual(cliRows[kv.Key].Flags), $"{code} {kv.Key}"));

        // The door answers the same object to the same question: no channel recomputes it.
        var selection = new InLav.Application.Selection { Level = level, Periods = [period] };
        Assert.Same(app.Door.IndicatorValues(InLav.Application.Caller.Public, code, selection), app.Door.IndicatorValues(InLav.Application.Caller.Public, code, selection));
    }

    [Fact]
    public async Task Issue9_measure_values_are_the_same_through_rest_the_map_page_and_the_cli()
    {
        const string Measure = "residents_anpr";
        var rest = await http.GetStringAsync(new Uri($"/api/v1/query?measure={Measure}&level=provincia&period=all&format=csv", UriKind.Relative));
        var cli = InLav.Tests.Cli.Cli.Run("query", "--db", Db, "--measure", Measure, "--level", "provincia", "--period", "all");
        Assert.True(cli.Code == 0, cli.ToString());
        Assert.Equal(rest, cli.Out);

        var latest = await Json($"/api/v1/query?measure={Measure}&level=provincia");
        var restValues = latest.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("unitCode").GetString()!, r => Number(r, "value"));
        var period = latest.GetProperty("periods")[0].GetString()!;
        var page = await http.GetStringAsync(new Uri($"/mappa?livello=provincia&misura={Measure}&periodo={period}", UriKind.Relative));
        var map = ScriptJson(page, "\"values\"");
        var uiValues = map.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("code").GetString()!, v => Number(v, "value"));
        Assert.Equal(restValues.OrderBy(kv => kv.Key, StringComparer.Ordinal), uiValues.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Issue9_the_catalogue_levels_and_sources_are_the_same_through_rest_and_the_cli()
    {
        var indicators = (await Json("/api/v1/indicators")).EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        Assert.Equal(indicators, FirstColumn(InLav.Tests.Cli.Cli.Run("indicators", "--db", Db)));

        var levels = (await Json("/api/v1/levels")).EnumerateArray().Select(l => l.GetProperty("id").GetString()!).ToList();
        Assert.Equal(levels, FirstColumn(InLav.Tests.Cli.Cli.Run("levels", "--db", Db)));
        Assert.Equal(levels, app.Door.Levels(InLav.Application.Caller.Public).Select(l => l.Id));

        // The methodology page (UI) has a card per indicator of the catalogue.
        var page = await http.GetStringAsync(new Uri("/metodologia", UriKind.Relative));
        Assert.All(indicators, code => Assert.Contains($"id=\"ind-{code}\"", page, StringComparison.Ordinal));

        var sources = (await Json("/api/v1/sources")).EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("publishedRun").ValueKind == JsonValueKind.Number ? s.GetProperty("publishedRun").GetInt64().ToString(CultureInfo.InvariantCulture) : "-");
        var cliSources = InLav.Tests.Cli.Cli.Run("sources", "--db", Db).Out.Split('\n').Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(sources.OrderBy(kv => kv.Key, StringComparer.Ordinal), cliSources.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Issue9_the_compare_page_shows_the_numbers_of_the_compare_endpoint()
    {
        string[] indicators = ["mean_taxable_income", "foreign_residents_share", "wp2_mef_istat_gap"];
        var rest = (await Json($"/api/v1/compare?level=comune&unit=015146&unit=017029&{string.Join('&', indicators.Select(i => "indicator=" + i))}")).EnumerateArray()
            .ToDictionary(r => (r.GetProperty("indicator").GetString()!, r.GetProperty("unitCode").GetString()!), r => (Value: Number(r, "value"), Region: Number(r, "regionValue")));
        Assert.Equal(6, rest.Count);

        var page = await http.GetStringAsync(new Uri($"/confronta?u=comune:015146&u=comune:017029&{string.Join('&', indicators.Select(i => "i=" + i))}", UriKind.Relative));
        foreach (var code in indicators)
        {
            var row = RowOf(page, code);
            var values = DataValues().Matches(row).Select(m => Parse(m.Groups[1].Value)).ToList();
            Assert.Equal([rest[(code, "015146")].Value, rest[(code, "017029")].Value], values);
            Assert.Equal(rest[(code, "015146")].Region, Parse(DataRegion().Match(row).Groups[1].Value));
        }
    }

    [Fact]
    public async Task Issue9_a_profile_shows_the_latest_value_of_each_indicator_as_rest_answers_it()
    {
        var page = await http.GetStringAsync(new Uri("/territorio/comune/015146", UriKind.Relative));
        var rows = IndicatorRows().Matches(page).ToList();
        Assert.True(rows.Count >= 10, $"{rows.Count} indicator rows on the profile");
        foreach (var m in rows.Take(12))
        {
            var code = m.Groups[1].Value;
            var series = await Json($"/api/v1/indicators/{code}/series?level=comune&unit=015146");
            var latest = Totals(series).OrderBy(r => r.GetProperty("period").GetString(), StringComparer.Ordinal).Last();
            Assert.True(Number(latest, "value") == Parse(DataValues().Match(m.Groups[2].Value).Groups[1].Value), code);
        }
    }

    [Fact]
    public async Task Issue9_ranking_analyses_geometry_and_downloads_agree_with_the_values_they_are_made_of()
    {
        // Ranking: the order of the ranks in the values answer.
        var values = await Json("/api/v1/indicators/foreign_residents_share/values?level=provincia");
        var ranks = Totals(values).Where(r => r.GetProperty("derived").ValueKind == JsonValueKind.Object)
            .ToDictionary(r => r.GetProperty("unitCode").GetString()!, r => r.GetProperty("derived").GetProperty("rank").GetInt32());
        var ranking = (await Json("/api/v1/indicators/foreign_residents_share/ranking?level=provincia")).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("unitCode").GetString()!).ToList();
        Assert.Equal(ranking, ranks.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList());

        // Analyses: the correlation and the risk signal through REST and the CLI.
        var correlation = await Json("/api/v1/analysis/correlation?x=mean_taxable_income&y=foreign_residents_share&level=provincia");
        var cli = InLav.Tests.Cli.Cli.Run("correlate", "mean_taxable_income", "foreign_residents_share", "--db", Db, "--level", "provincia");
        Assert.True(cli.Code == 0, cli.ToString());
        using (var c = JsonDocument.Parse(cli.Out))
        {
            Assert.Equal(correlation.GetProperty("n").GetInt32(), c.RootElement.GetProperty("n").GetInt32());
            Assert.Equal(correlation.GetProperty("pearson").GetDouble(), c.RootElement.GetProperty("pearson").GetDouble());
        }

        var risk = await Json("/api/v1/analysis/risk?level=provincia");
        var cliRisk = InLav.Tests.Cli.Cli.Run("risk", "--db", Db, "--level", "provincia");
        Assert.True(cliRisk.Code == 0, cliRisk.ToString());
        using (var r = JsonDocument.Parse(cliRisk.Out))
        {
            Assert.Equal(Scores(risk), Scores(r.RootElement));
        }

        // Geometry and downloads: the explorer's GeoJSON has the level's features with the values of the values answer.
        var geo = await Json("/api/v1/geo/provincia");
        var download = await Json("/api/v1/explorer/download?indicator=foreign_residents_share&level=provincia&format=geojson");
        var codes = geo.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("code").GetString()!).ToList();
        Assert.Equal(codes, download.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("code").GetString()!).ToList());
        var byCode = Totals(values).ToDictionary(r => r.GetProperty("unitCode").GetString()!, r => Number(r, "value"));
        Assert.All(download.GetProperty("features").EnumerateArray(), f =>
            Assert.Equal(byCode[f.GetProperty("properties").GetProperty("code").GetString()!], Number(f.GetProperty("properties"), "value")));

        var csv = await http.GetStringAsync(new Uri("/api/v1/explorer/download?indicator=foreign_residents_share&level=provincia", UriKind.Relative));
        var restCsv = await http.GetStringAsync(new Uri("/api/v1/indicators/foreign_residents_share/values?level=provincia&format=csv", UriKind.Relative));
        Assert.Equal(restCsv, csv);
    }

    private static List<(string, double)> Scores(JsonElement risk) =>
        [.. risk.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("unitCode").GetString()!, r.GetProperty("score").GetDouble())).OrderBy(x => x.Item1, StringComparer.Ordinal)];

    private async Task<JsonElement> Json(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The rows of a values answer without breakdown (sex, age and citizenship totals).</summary>
    private static IEnumerable<JsonElement> Totals(JsonElement result) => result.GetProperty("rows").EnumerateArray()
        .Where(r => r.GetProperty("sex").GetString() == "T" && r.GetProperty("age").GetString() == "T" && r.GetProperty("citizenship").GetString() == "T");

    private static double? Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static List<string> Strings(JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!)];

    private static double? Parse(string text) => text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);

    private static List<string> FirstColumn(InLav.Tests.Cli.CliResult result)
    {
        Assert.True(result.Code == 0, result.ToString());
        return [.. result.Out.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(' ', 2)[0])];
    }

    /// <summary>The JSON of the page's first data script that holds <paramref name="marker"/>.</summary>
    private static JsonElement ScriptJson(string page, string marker)
    {
        var script = Scripts().Matches(page).Select(m => m.Groups[1].Value).FirstOrDefault(s => s.Contains(marker, StringComparison.Ordinal));
        Assert.NotNull(script);
        return JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(script)).RootElement.Clone();
    }

    private static string RowOf(string page, string code)
    {
        var m = Regex.Match(page, $"<tr data-indicator=\"{Regex.Escape(code)}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(m.Success, code);
        return m.Groups[1].Value;
    }

    [GeneratedRegex("<script type=\"application/json\"[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex("<tr data-indicator=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex IndicatorRows();

    [GeneratedRegex("data-value=\"([^\"]*)\"")]
    private static partial Regex DataValues();

    [GeneratedRegex("data-region=\"([^\"]*)\"")]
    private static partial Regex DataRegion();
}
