using System.Text.Json;
using InLav.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace InLav.Tests.Mcp;

/// <summary>The C# MCP SDK's client over streamable HTTP against the shared app's /mcp, and the REST answers to compare with.</summary>
public static class McpSession
{
    public static async Task<McpClient> ConnectAsync(InLavAppFactory app) =>
        await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(app.BaseAddress, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            Name = "test",
        }));

    /// <summary>Calls a tool and returns its result, failing when the tool answered an error.</summary>
    public static async Task<(JsonElement Json, string Text)> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments);
        var text = TextOf(result);
        Assert.True(result.IsError != true, $"{tool} answered an error: {text}");
        Assert.NotNull(result.StructuredContent);
        var json = JsonSerializer.SerializeToElement(result.StructuredContent);
        // The second text block is the structured answer as JSON, for clients that read text only.
        Assert.Equal(json.GetRawText(), JsonDocument.Parse(((TextContentBlock)result.Content[1]).Text).RootElement.GetRawText());
        return (json, text);
    }

    public static string TextOf(CallToolResult result) => result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text ?? "";

    /// <summary>The REST answer at an absolute or relative URL of the app.</summary>
    public static async Task<JsonElement> RestAsync(InLavAppFactory app, string url)
    {
        using var http = app.NewClient();
        using var response = await http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>What must agree between a tool's row and a REST row: unit, period, cell, value, numerator, denominator, flags, reliability, SYNTHETIC, runs.</summary>
    public static string Key(JsonElement row) => string.Join('|', Text(row, "unitCode"), Text(row, "period"), Text(row, "sex"), Text(row, "age"), Text(row, "citizenship"),
        Raw(row, "value"), Raw(row, "numerator"), Raw(row, "denominator"), Raw(row, "flags"), Raw(row, "reliability"), Raw(row, "synthetic"), Raw(row, "importRuns"));

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ToString() : "~";

    private static string Raw(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetRawText() : "~";
}
