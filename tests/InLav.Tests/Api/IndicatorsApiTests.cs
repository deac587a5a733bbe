using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InLav.Core.Indicators;
using InLav.Store.Export;
using InLav.Tests.Support;

namespace InLav.Tests.Api;

[Collection(WebAppCollection.Name)]
public sealed class IndicatorsApiTests(InLavAppFactory app)
{
    [Fact]
    public async Task The_catalogue_lists_every_indicator_with_its_periods_and_proxy_flag()
    {
        using var client = app.NewClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicators"));
        var codes = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Equal(app.Store.Indicators.Catalogue.Indicators.Select(i => i.Code), codes);
        var gap = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("code").GetString() == "wp2_mef_istat_gap");
        Assert.True(gap.GetProperty("proxy").GetBoolean());
        Assert.Equal(["2018", "2019", "2020", "2021", "2022", "2023"], gap.GetProperty("periods").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Values_in_csv_are_the_indicator_service_answer_and_metadata_carries_the_formula_and_caveats()
    {
        using var client = app.NewClient();
        var csv = await client.GetStringAsync("/api/v1/indicators/wp2_mef_istat_gap/values?level=provincia&period=2021&format=csv");
        Assert.Equal(IndicatorCsv.ToCsv(app.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap", "provincia", Periods: ["2021"]))), csv);

        using var meta = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicators/wp2_mef_istat_gap"));
        var def = meta.RootElement.GetProperty("definition");
        Assert.Equal("complement", def.GetProperty("kind").GetString());
        Assert.Contains("proxy", def.GetProperty("caveatsEn").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Series_ranking_comparison_correlation_and_risk_answer()
    {
        using var client = app.NewClient();
        using var series = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicators/mean_taxable_income/series?level=provincia&unit=215"));
        Assert.Equal(6, series.RootElement.GetProperty("rows").GetArrayLength()); // tax years 2018–2023

        using var rankingDoc = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicators/low_income_share/ranking?level=provincia&period=2021"));
        var ranking = rankingDoc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(12, ranking.Count);
        Assert.Equal(0, rankingDoc.RootElement.GetProperty("excludedUnits").GetInt32());
        var values = ranking.Select(r => r.GetProperty("value").GetDouble()).ToList();
        Assert.Equal(values.OrderDescending(), values);

        var compare = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/compare?indicator=mean_taxable_income,employee_taxpayers_share&level=provincia&unit=215,016&period=2021");
        Assert.Equal(4, compare!.Length);

        using var correlation = JsonDocument.Parse(await client.GetStringAsync("/api/v1/analysis/correlation?x=mean_taxable_income&y=low_income_share&level=provincia"));
        Assert.Equal(12, correlation.RootElement.GetProperty("n").GetInt32());

        using var risk = JsonDocument.Parse(await client.GetStringAsync("/api/v1/analysis/risk?level=provincia"));
        Assert.Equal(6, risk.RootElement.GetProperty("sensitivity").GetArrayLength());
    }

    [Fact]
    public async Task Issue7_a_ranking_can_leave_out_small_denominators_and_says_how_many_and_which_and_reliability_reaches_json_and_csv()
    {
        using var client = app.NewClient();
        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicators/wp2_mef_istat_gap_adjusted/values?level=comune&period=2021"));
        var small = all.RootElement.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("reliability").EnumerateArray().Any(f => f.GetString() == ReliabilityFlag.SmallDenominator)).Select(r => r.GetProperty("unitCode").GetString()).ToList();
        Assert.Contains("097055", small);

        using var ranking = JsonDocument.Parse(await client.GetStringAsync("/api/v1/indicators/wp2_mef_istat_gap_adjusted/ranking?level=comune&period=2021&limit=5000&exclude=small-denominator"));
        Assert.Equal(small.Count, ranking.RootElement.GetProperty("excludedUnits").GetInt32());
        Assert.Equal(small.Order(StringComparer.Ordinal), ranking.RootElement.GetProperty("excluded").EnumerateArray().Select(e => e.GetProperty("unitCode").GetString()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(ranking.RootElement.GetProperty("rows").EnumerateArray(), r => small.Contains(r.GetProperty("unitCode").GetString()));

        var csv = await client.GetStringAsync("/api/v1/indicators/wp2_mef_istat_gap/values?level=comune&period=2021&unit=097055&format=csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var column = Array.IndexOf(lines[0].Split(','), "reliability");
        Assert.Equal("small-denominator periods-apart", lines[1].Split(',')[column]);

        var bad = await client.GetAsync("/api/v1/indicators/wp2_mef_istat_gap/ranking?exclude=tiny");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var synthetic = await client.GetAsync("/api/v1/analysis/risk?level=provincia&synthetic=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, synthetic.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/indicators/nope/values", HttpStatusCode.BadRequest, "Unknown indicator")]
    [InlineData("/api/v1/indicators/entrepreneurship_rate/values?level=cpi", HttpStatusCode.BadRequest, "Level not meaningful")]
    [InlineData("/api/v1/indicators/mean_taxable_income/values?period=1999", HttpStatusCode.BadRequest, "Unknown period")]
    [InlineData("/api/v1/indicators/mean_taxable_income/values?breakdown=sex", HttpStatusCode.BadRequest, "Breakdown not available")]
    public async Task Bad_questions_get_problem_details(string url, HttpStatusCode status, string title)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, doc.RootElement.GetProperty("title").GetString());
    }
}
