using System.Diagnostics;
using System.Globalization;
using ModelContextProtocol.Client;

namespace InLav.Bench;

/// <summary>
/// Issue 11: the latency of each MCP tool call, warm, against a running server's /mcp (streamable HTTP, the C# SDK's
/// client, one session, calls one after another): 5 warm-up calls, then the measured ones; median, p95 and max per tool.
/// </summary>
public static class McpMeasurement
{
    private static readonly (string Tool, Dictionary<string, object?> Arguments)[] Calls =
    [
        ("search_territories", new() { ["query"] = "Bergamo", ["limit"] = 10 }),
        ("list_indicators", new() { ["level"] = "comune" }),
        ("describe_indicator", new() { ["code"] = "wp2_mef_istat_gap" }),
        ("get_values", new() { ["indicator"] = "wp2_mef_istat_gap", ["level"] = "comune", ["limit"] = 100 }),
        ("get_values", new() { ["indicator"] = "wp2_mef_istat_gap", ["level"] = "comune", ["limit"] = 500, ["offset"] = 1000 }),
        ("get_time_series", new() { ["indicator"] = "wp2_mef_istat_gap", ["level"] = "provincia", ["units"] = new[] { "016", "017", "012" } }),
        ("rank_territories", new() { ["indicator"] = "wp2_mef_istat_gap", ["level"] = "comune", ["limit"] = 20 }),
        ("compare_territories", new() { ["level"] = "comune", ["units"] = new[] { "016024", "017029" }, ["indicators"] = new[] { "wp2_mef_istat_gap", "mean_taxable_income", "foreign_residents_share" } }),
        ("correlate_indicators", new() { ["x"] = "wp2_mef_istat_gap", ["y"] = "mean_taxable_income", ["level"] = "comune" }),
        ("territory_profile", new() { ["level"] = "comune", ["code"] = "016024" }),
        ("list_sources", new()),
    ];

    public static async Task<int> RunAsync(string baseUrl, int repetitions)
    {
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(baseUrl + "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }));
        Console.WriteLine(FormattableString.Invariant($"{(await client.ListToolsAsync()).Count} tools at {baseUrl}/mcp; {repetitions} calls each after 5 warm-up calls"));
        Console.WriteLine();
        Console.WriteLine("| tool call | median | p95 | max | answer size |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var failed = 0;
        foreach (var (tool, arguments) in Calls)
        {
            var times = new List<double>();
            var size = 0;
            for (var i = 0; i < repetitions + 5; i++)
            {
                var clock = Stopwatch.StartNew();
                var result = await client.CallToolAsync(tool, arguments);
                clock.Stop();
                if (result.IsError == true)
                {
                    failed++;
                    Console.Error.WriteLine($"{tool}: {string.Join(" ", result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(t => t.Text))}");
                    break;
                }

                size = result.StructuredContent?.ToString().Length ?? 0;
                if (i >= 5)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            if (times.Count == 0)
            {
                continue;
            }

            times.Sort();
            var label = tool + (arguments.TryGetValue("offset", out var offset) ? $" (offset {offset})" : arguments.TryGetValue("limit", out var limit) ? $" (limit {limit})" : "");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {times[times.Count / 2]:F1} ms | {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:F1} ms | {times[^1]:F1} ms | {size / 1024.0:F0} KiB |"));
        }

        return failed == 0 ? 0 : 1;
    }
}
