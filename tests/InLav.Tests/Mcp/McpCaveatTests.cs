using System.Text.Json;
using InLav.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static InLav.Tests.Mcp.McpSession;

namespace InLav.Tests.Mcp;

/// <summary>
/// Issue 11 item 3: what an agent must be told (SYNTHETIC, low reliability), tool errors for bad arguments, the metadata
/// resources, and the CLI's stdio bridge to the running server.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class McpCaveatTests(InLavAppFactory app)
{
    [Fact]
    public async Task Issue11_a_synthetic_value_is_said_synthetic_in_the_text_the_rows_and_the_warnings()
    {
        await using var client = await ConnectAsync(app);
        var (json, text) = await CallAsync(client, "get_values", new() { ["indicator"] = "cob_short_contracts_1day", ["level"] = "provincia", ["period"] = "2025-Q3" });

        Assert.StartsWith("SYNTHETIC – ", text, StringComparison.Ordinal);
        Assert.Contains("not real", text, StringComparison.Ordinal);
        Assert.True(json.GetProperty("caveats").GetProperty("synthetic").GetBoolean());
        Assert.All(json.GetProperty("rows").EnumerateArray(), r => Assert.True(r.GetProperty("synthetic").GetBoolean()));
        Assert.Contains(json.GetProperty("caveats").GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("SYNTHETIC: ", StringComparison.Ordinal));
        Assert.Contains(json.GetProperty("citation").GetProperty("sources").EnumerateArray(), s => s.GetProperty("synthetic").GetBoolean());

        var (ranking, rankText) = await CallAsync(client, "rank_territories", new() { ["indicator"] = "cob_short_contracts_1day", ["level"] = "provincia", ["limit"] = 3 });
        Assert.StartsWith("SYNTHETIC – ", rankText, StringComparison.Ordinal);
        Assert.True(ranking.GetProperty("caveats").GetProperty("synthetic").GetBoolean());

        var (described, describedText) = await CallAsync(client, "describe_indicator", new() { ["code"] = "cob_short_contracts_1day" });
        Assert.True(described.GetProperty("mayBeSynthetic").GetBoolean());
        Assert.Contains("SYNTHETIC", describedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue11_a_low_reliability_value_is_said_so_in_its_row_and_the_text()
    {
        // A comune whose value REST marks with a reliability flag (a small denominator, or periods apart).
        var rest = await RestAsync(app, "/api/v1/indicators/wp2_mef_istat_gap_adjusted/values?level=comune&period=2021");
        var flagged = rest.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("reliability").GetArrayLength() > 0 && r.GetProperty("value").ValueKind == JsonValueKind.Number);
        var code = flagged.GetProperty("unitCode").GetString()!;

        await using var client = await ConnectAsync(app);
        var (json, text) = await CallAsync(client, "get_values", new() { ["indicator"] = "wp2_mef_istat_gap_adjusted", ["level"] = "comune", ["period"] = "2021", ["units"] = new[] { code } });

        var row = Assert.Single(json.GetProperty("rows").EnumerateArray());
        Assert.Equal(flagged.GetProperty("reliability").GetRawText(), row.GetProperty("reliability").GetRawText());
        Assert.Contains("low reliability: " + flagged.GetProperty("reliability")[0].GetString(), text, StringComparison.Ordinal);
        Assert.Contains("LOW RELIABILITY", text, StringComparison.Ordinal);
        Assert.Equal(1, json.GetProperty("caveats").GetProperty("lowReliability").GetInt32());
        Assert.True(json.GetProperty("caveats").GetProperty("flags").TryGetProperty(flagged.GetProperty("reliability")[0].GetString()!, out _));
        Assert.StartsWith("PROXY – ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("get_values", """{"indicator":"no_such_indicator"}""", "indicator", "Known codes")]
    [InlineData("get_values", """{"indicator":"wp2_mef_istat_gap","level":"nowhere"}""", "level", "Levels: regione, provincia, comune")]
    [InlineData("get_values", """{"indicator":"wp2_mef_istat_gap","level":"provincia","period":"1900"}""", "period", "Periods with values")]
    [InlineData("get_values", """{"indicator":"wp2_mef_istat_gap","configuration":"yesterday"}""", "configuration", "yyyy-MM-dd")]
    [InlineData("get_values", """{"indicator":"wp2_mef_istat_gap","breakdown":"colour"}""", "breakdown", "cannot be broken down")]
    [InlineData("get_values", """{"indicator":"wp2_mef_istat_gap","limit":100000}""", "limit", "from 1 to 500")]
    [InlineData("get_values", """{"indicator":"wp2_mef_istat_gap","offset":-1}""", "offset", "negative")]
    [InlineData("get_time_series", """{"indicator":"wp2_mef_istat_gap","level":"provincia","units":["999"]}""", "units", "no unit '999'")]
    [InlineData("rank_territories", """{"indicator":"wp2_mef_istat_gap","exclude":["tiny"]}""", "exclude", "unknown reliability flag")]
    [InlineData("compare_territories", """{"level":"provincia","units":["016","017"],"indicators":["nope"]}""", "indicators", "no indicator 'nope'")]
    [InlineData("correlate_indicators", """{"x":"wp2_mef_istat_gap","y":"nope"}""", "y", "no indicator 'nope'")]
    [InlineData("territory_profile", """{"level":"comune","code":"000000"}""", "code", "no unit '000000'")]
    [InlineData("search_territories", """{"query":"a"}""", "query", "two characters")]
    [InlineData("describe_indicator", """{"code":"nope"}""", "code", "no indicator 'nope'")]
    [InlineData("list_sources", """{"id":"nope"}""", "id", "no source 'nope'")]
    public async Task Issue11_a_bad_argument_is_a_tool_error_naming_it(string tool, string arguments, string argument, string says)
    {
        await using var client = await ConnectAsync(app);
        var args = JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)!;

        var result = await client.CallToolAsync(tool, args);

        Assert.True(result.IsError);
        var text = TextOf(result);
        Assert.StartsWith($"Bad argument '{argument}': ", text, StringComparison.Ordinal);
        Assert.Contains(says, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue11_the_resources_give_indicator_and_source_metadata_as_rest()
    {
        await using var client = await ConnectAsync(app);
        var resources = await client.ListResourcesAsync();
        var templates = await client.ListResourceTemplatesAsync();
        Assert.Equal(["inlav://indicators", "inlav://sources"], resources.Select(r => r.Uri).Order(StringComparer.Ordinal));
        Assert.Equal(["inlav://indicators/{code}", "inlav://sources/{id}"], templates.Select(t => t.UriTemplate).Order(StringComparer.Ordinal));

        var catalogue = Read(await client.ReadResourceAsync("inlav://indicators"));
        var rest = await RestAsync(app, "/api/v1/indicators");
        Assert.Equal(rest.EnumerateArray().Select(i => i.GetProperty("code").GetString()), catalogue.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()));

        var indicator = Read(await client.ReadResourceAsync("inlav://indicators/wp2_mef_istat_gap"));
        var meta = await RestAsync(app, "/api/v1/indicators/wp2_mef_istat_gap");
        Assert.Equal(meta.GetProperty("definition").GetProperty("caveatsEn").GetString(), indicator.GetProperty("caveatsEn").GetString());

        var sources = Read(await client.ReadResourceAsync("inlav://sources"));
        Assert.Equal((await RestAsync(app, "/api/v1/sources")).GetArrayLength(), sources.GetProperty("sources").GetArrayLength());
        var source = Read(await client.ReadResourceAsync("inlav://sources/mef-irpef-comuni-2021"));
        var restSource = await RestAsync(app, "/api/v1/sources/mef-irpef-comuni-2021");
        Assert.Equal(restSource.GetProperty("publishedRun").GetRawText(), source.GetProperty("sources")[0].GetProperty("source").GetProperty("publishedRun").GetRawText());
        Assert.Equal(restSource.GetProperty("licence").GetString(), source.GetProperty("sources")[0].GetProperty("source").GetProperty("licence").GetString());

        var error = await Assert.ThrowsAnyAsync<McpException>(async () => await client.ReadResourceAsync("inlav://indicators/nope"));
        Assert.Contains("no indicator 'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue11_the_cli_serves_mcp_on_stdio_through_the_running_server()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "inlav.dll");
        Assert.True(File.Exists(cli), cli);
        var errors = new List<string>();
        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = "dotnet",
            Arguments = [cli, "mcp", "--db", app.Store.Options.DatabasePath!],
            Name = "inlav-cli",
            StandardErrorLines = line => { lock (errors) { errors.Add(line); } },
        }));

        Assert.Equal("inlav-cruscotto", client.ServerInfo?.Name);
        var tools = await client.ListToolsAsync();
        Assert.Contains(tools, t => t.Name == "get_values");
        var result = await client.CallToolAsync("rank_territories", new Dictionary<string, object?> { ["indicator"] = "wp2_mef_istat_gap", ["level"] = "provincia", ["limit"] = 3 });
        Assert.True(result.IsError != true, TextOf(result));
        var json = JsonSerializer.SerializeToElement(result.StructuredContent);
        var rest = await RestAsync(app, "/api/v1/indicators/wp2_mef_istat_gap/ranking?level=provincia&limit=3");
        Assert.Equal(rest.GetProperty("rows").EnumerateArray().Select(Key), json.GetProperty("rows").EnumerateArray().Select(Key));
        lock (errors)
        {
            Assert.Contains(errors, l => l.Contains($"via the running server at {app.BaseAddress}", StringComparison.Ordinal));
        }
    }

    private static JsonElement Read(ReadResourceResult result)
    {
        var text = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents));
        Assert.Equal("application/json", text.MimeType);
        return JsonDocument.Parse(text.Text).RootElement.Clone();
    }
}
