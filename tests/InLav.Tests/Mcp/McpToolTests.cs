using System.Text.Json;
using InLav.Tests.Support;
using static InLav.Tests.Mcp.McpSession;

namespace InLav.Tests.Mcp;

/// <summary>
/// Issue 11 item 3: the MCP server at /mcp, asked by the C# SDK's client over streamable HTTP. Every tool is listed and
/// called and gives the same numbers as the REST API (the tool's citation names the REST call, which is asked here).
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class McpToolTests(InLavAppFactory app)
{
    /// <summary>Every tool the server lists, each called by a test of this class.</summary>
    private static readonly string[] Tools =
    [
        "search_territories", "list_indicators", "describe_indicator", "get_values", "get_time_series", "rank_territories", "compare_territories",
        "correlate_indicators", "territory_profile", "list_sources",
    ];

    [Fact]
    public async Task Issue11_the_server_lists_every_tool_with_a_description_and_input_and_output_schemas()
    {
        await using var client = await ConnectAsync(app);
        var tools = await client.ListToolsAsync();

        Assert.Equal(Tools.Order(StringComparer.Ordinal), tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(tools, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Description));
            Assert.Equal("object", t.ProtocolTool.InputSchema.GetProperty("type").GetString());
            Assert.NotNull(t.ProtocolTool.OutputSchema);
            Assert.True(t.ProtocolTool.Annotations?.ReadOnlyHint, t.Name);
        });
        foreach (var name in new[] { "get_values", "get_time_series", "rank_territories", "compare_territories", "correlate_indicators", "territory_profile" })
        {
            var description = tools.Single(t => t.Name == name).Description!;
            Assert.Contains("NOT measurements", description, StringComparison.Ordinal);
            Assert.Contains("confidential", description, StringComparison.Ordinal);
            Assert.Contains("SYNTHETIC", description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Issue11_search_territories_answers_as_rest()
    {
        await using var client = await ConnectAsync(app);
        var (json, text) = await CallAsync(client, "search_territories", new() { ["query"] = "Bergamo", ["limit"] = 5 });
        var rest = await RestAsync(app, json.GetProperty("citation").GetProperty("restUrl").GetString()!);

        Assert.Equal(rest.EnumerateArray().Select(u => u.GetProperty("level") + ":" + u.GetProperty("code")),
            json.GetProperty("territories").EnumerateArray().Select(u => u.GetProperty("level") + ":" + u.GetProperty("code")));
        Assert.Contains("016024", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue11_list_and_describe_indicators_answer_as_rest()
    {
        await using var client = await ConnectAsync(app);
        var (list, _) = await CallAsync(client, "list_indicators", new() { ["level"] = "provincia" });
        var rest = await RestAsync(app, "/api/v1/indicators?level=provincia");
        Assert.Equal(rest.EnumerateArray().Select(i => i.GetProperty("code").GetString() + "|" + i.GetProperty("periods").EnumerateArray().Last().GetString()),
            list.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString() + "|" + i.GetProperty("latestPeriod").GetString()));

        var (described, text) = await CallAsync(client, "describe_indicator", new() { ["code"] = "wp2_mef_istat_gap" });
        var meta = await RestAsync(app, described.GetProperty("citation").GetProperty("restUrl").GetString()!);
        var definition = meta.GetProperty("definition");
        Assert.Equal(definition.GetProperty("minCount").GetInt32(), described.GetProperty("reliability").GetProperty("minCount").GetInt32());
        Assert.Equal(definition.GetProperty("minDenominator").GetInt32(), described.GetProperty("reliability").GetProperty("minDenominator").GetInt32());
        Assert.Equal(definition.GetProperty("methodologyEn").GetString(), described.GetProperty("methodologyEn").GetString());
        Assert.Equal(meta.GetProperty("periodsByLevel").GetRawText(), described.GetProperty("periodsByLevel").GetRawText());
        Assert.True(described.GetProperty("indicator").GetProperty("proxy").GetBoolean());
        Assert.StartsWith("PROXY – ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue11_get_values_pages_through_the_same_rows_as_rest_with_a_citation()
    {
        await using var client = await ConnectAsync(app);
        var rows = new List<JsonElement>();
        JsonElement first = default;
        int? offset = 0;
        while (offset is not null)
        {
            var (json, _) = await CallAsync(client, "get_values", new() { ["indicator"] = "wp2_mef_istat_gap", ["level"] = "comune", ["period"] = "2021", ["limit"] = 500, ["offset"] = offset });
            first = rows.Count == 0 ? json : first;
            rows.AddRange(json.GetProperty("rows").EnumerateArray());
            offset = json.GetProperty("nextOffset").ValueKind == JsonValueKind.Null ? null : json.GetProperty("nextOffset").GetInt32();
        }

        var citation = first.GetProperty("citation");
        var rest = await RestAsync(app, citation.GetProperty("restUrl").GetString()!);
        Assert.Equal(rest.GetProperty("rows").EnumerateArray().Select(Key), rows.Select(Key));
        Assert.True(rows.Count > 1000);
        Assert.Equal(rows.Count, first.GetProperty("total").GetInt32());
        Assert.Equal("%", first.GetProperty("indicator").GetProperty("unit").GetString());
        Assert.Contains("/esplora?indicator=wp2_mef_istat_gap&level=comune&period=2021", citation.GetProperty("explorerUrl").GetString(), StringComparison.Ordinal);
        Assert.Contains(citation.GetProperty("sources").EnumerateArray(), s => s.GetProperty("id").GetString()!.StartsWith("mef-irpef", StringComparison.Ordinal) && s.GetProperty("publishedRun").ValueKind == JsonValueKind.Number);
        Assert.NotEmpty(citation.GetProperty("importRuns").EnumerateArray());
        using var http = app.NewClient();
        Assert.True((await http.GetAsync(new Uri(citation.GetProperty("explorerUrl").GetString()!))).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Issue11_get_values_with_a_breakdown_answers_as_rest()
    {
        await using var client = await ConnectAsync(app);
        var (json, _) = await CallAsync(client, "get_values", new() { ["indicator"] = "activity_rate_2011", ["level"] = "provincia", ["breakdown"] = "sex" });
        var rest = await RestAsync(app, json.GetProperty("citation").GetProperty("restUrl").GetString()!);

        Assert.Equal(rest.GetProperty("rows").EnumerateArray().Select(Key), json.GetProperty("rows").EnumerateArray().Select(Key));
        Assert.Contains(json.GetProperty("rows").EnumerateArray(), r => r.GetProperty("sex").GetString() == "F");
    }

    [Fact]
    public async Task Issue11_time_series_ranking_and_comparison_answer_as_rest()
    {
        await using var client = await ConnectAsync(app);
        var (series, _) = await CallAsync(client, "get_time_series", new() { ["indicator"] = "wp2_mef_istat_gap", ["level"] = "provincia", ["units"] = new[] { "016", "017" } });
        var restSeries = await RestAsync(app, series.GetProperty("citation").GetProperty("restUrl").GetString()!);
        Assert.Equal(restSeries.GetProperty("rows").EnumerateArray().Select(Key).Order(StringComparer.Ordinal),
            series.GetProperty("series").EnumerateArray().SelectMany(s => s.GetProperty("points").EnumerateArray()).Select(Key).Order(StringComparer.Ordinal));
        Assert.Equal(2, series.GetProperty("series").GetArrayLength());

        var (ranking, _) = await CallAsync(client, "rank_territories", new() { ["indicator"] = "wp2_mef_istat_gap", ["level"] = "provincia", ["limit"] = 5 });
        var restRanking = await RestAsync(app, ranking.GetProperty("citation").GetProperty("restUrl").GetString()!);
        Assert.Equal(restRanking.GetProperty("rows").EnumerateArray().Select(Key), ranking.GetProperty("rows").EnumerateArray().Select(Key));
        Assert.Equal(5, ranking.GetProperty("rows").GetArrayLength());

        var (compared, text) = await CallAsync(client, "compare_territories",
            new() { ["level"] = "provincia", ["units"] = new[] { "016", "017" }, ["indicators"] = new[] { "wp2_mef_istat_gap", "activity_rate_2011" } });
        var restCompare = await RestAsync(app, "/api/v1/compare?level=provincia&unit=016,017&indicator=wp2_mef_istat_gap,activity_rate_2011");
        var cells = compared.GetProperty("indicators").EnumerateArray().SelectMany(i => i.GetProperty("cells").EnumerateArray()
            .Select(c => i.GetProperty("indicator").GetProperty("code").GetString() + "|" + c.GetProperty("unitCode").GetString() + "|" + c.GetProperty("period").GetString() + "|" + c.GetProperty("value").GetRawText()
                + "|" + c.GetProperty("flags").GetRawText() + "|" + i.GetProperty("region").GetProperty("value").GetRawText()));
        Assert.Equal(restCompare.EnumerateArray().Select(r => r.GetProperty("indicator").GetString() + "|" + r.GetProperty("unitCode").GetString() + "|" + r.GetProperty("period").GetString() + "|"
            + r.GetProperty("value").GetRawText() + "|" + r.GetProperty("flags").GetRawText() + "|" + r.GetProperty("regionValue").GetRawText()), cells);
        Assert.Contains("Lombardia", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue11_correlation_answers_as_rest()
    {
        await using var client = await ConnectAsync(app);
        var (json, text) = await CallAsync(client, "correlate_indicators", new() { ["x"] = "wp2_mef_istat_gap", ["y"] = "activity_rate_2011", ["level"] = "comune" });
        var rest = await RestAsync(app, json.GetProperty("restUrl").GetString()!);

        foreach (var name in new[] { "n", "excludedSuppressed", "excludedMissing", "pearson", "pearsonP", "spearman", "spearmanP", "slope", "intercept", "rSquared", "synthetic", "periodX", "periodY" })
        {
            Assert.Equal(rest.GetProperty(name).GetRawText(), json.GetProperty(name).GetRawText());
        }

        Assert.Equal(rest.GetProperty("points").EnumerateArray().Count(p => p.GetProperty("outlier").GetBoolean()), json.GetProperty("outliersTotal").GetInt32());
        Assert.Contains("not causation", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue11_territory_profile_gives_each_indicators_latest_value_as_rest()
    {
        await using var client = await ConnectAsync(app);
        var (json, text) = await CallAsync(client, "territory_profile", new() { ["level"] = "comune", ["code"] = "016024" });

        Assert.Equal("Bergamo", json.GetProperty("unit").GetProperty("name").GetString());
        var indicators = json.GetProperty("indicators").EnumerateArray().ToList();
        Assert.True(indicators.Count >= 10);
        foreach (var indicator in indicators.Take(6))
        {
            var rest = await RestAsync(app, indicator.GetProperty("restUrl").GetString()!);
            var row = rest.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("sex").GetString() == "T" && r.GetProperty("age").GetString() == "T" && r.GetProperty("citizenship").GetString() == "T");
            Assert.Equal(Key(row), Key(indicator.GetProperty("latest")));
        }

        Assert.Contains("/territorio/comune/016024", json.GetProperty("citation").GetProperty("explorerUrl").GetString(), StringComparison.Ordinal);
        Assert.Contains("Bergamo", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue11_list_sources_gives_each_sources_published_run_as_rest()
    {
        await using var client = await ConnectAsync(app);
        var (json, text) = await CallAsync(client, "list_sources", []);
        var rest = await RestAsync(app, "/api/v1/sources");

        Assert.Equal(rest.EnumerateArray().Select(s => s.GetProperty("id").GetString() + "|" + s.GetProperty("publishedRun").GetRawText()),
            json.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("source").GetProperty("id").GetString() + "|" + s.GetProperty("source").GetProperty("publishedRun").GetRawText()));
        var (one, _) = await CallAsync(client, "list_sources", new() { ["id"] = "anpr-residenti" });
        var source = one.GetProperty("sources")[0];
        var run = await RestAsync(app, "/api/v1/import-runs/" + source.GetProperty("source").GetProperty("publishedRun").GetInt64());
        Assert.Equal(run.GetRawText(), source.GetProperty("published").GetRawText());
        Assert.Contains("SYNTHETIC – ", text, StringComparison.Ordinal);
    }
}
