using System.ComponentModel;
using System.Text.Json;
using InLav.Application;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace InLav.Web.Mcp;

/// <summary>Metadata as MCP resources (JSON): the indicator catalogue and each indicator's description, the source catalogue and each source's freshness.</summary>
[McpServerResourceType]
public static class McpResources
{
    [McpServerResource(UriTemplate = "inlav://indicators", Name = "indicators", Title = "Indicator catalogue", MimeType = "application/json")]
    [Description("Every indicator: code, titles, theme, unit, nature, proxy flag, whether values may be SYNTHETIC, levels and periods with values.")]
    public static string Indicators(Door door, IHttpContextAccessor http, IConfiguration settings) =>
        Json(IndicatorTools.ListIndicators(door, http, settings));

    [McpServerResource(UriTemplate = "inlav://indicators/{code}", Name = "indicator", Title = "Indicator metadata", MimeType = "application/json")]
    [Description("One indicator's metadata: formula, methodology, caveats, sources, reliability rules, periods with values per level.")]
    public static string Indicator(Door door, IHttpContextAccessor http, IConfiguration settings, string code) =>
        Json(IndicatorTools.DescribeIndicator(door, http, settings, code));

    [McpServerResource(UriTemplate = "inlav://sources", Name = "sources", Title = "Source catalogue", MimeType = "application/json")]
    [Description("Every source: publisher, licence, URL, reference period, SYNTHETIC or not, published import run, files and freshness.")]
    public static string Sources(Door door, IHttpContextAccessor http, IConfiguration settings) =>
        Json(TerritoryTools.ListSources(door, http, settings));

    [McpServerResource(UriTemplate = "inlav://sources/{id}", Name = "source", Title = "Source metadata", MimeType = "application/json")]
    [Description("One source: publisher, licence, URL, reference period, SYNTHETIC or not, published import run with its files (SHA-256), latest run.")]
    public static string Source(Door door, IHttpContextAccessor http, IConfiguration settings, string id) =>
        Json(TerritoryTools.ListSources(door, http, settings, id));

    /// <summary>The structured answer of the tool, or the MCP error of its message (an unknown code or id).</summary>
    private static string Json(ModelContextProtocol.Protocol.CallToolResult result) =>
        result.IsError == true || result.StructuredContent is not { } json
            ? throw new McpException(string.Join(" ", result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(t => t.Text)))
            : JsonSerializer.Serialize(json, McpAnswers.Json);
}
