namespace InLav.Web.Mcp;

/// <summary>
/// The MCP server for AI agents (issue 11): streamable HTTP at /mcp, stateless (every request on its own, so the caller is
/// the request's, like REST), tools over the door (<see cref="IndicatorTools"/>, <see cref="TerritoryTools"/>) and metadata
/// resources (<see cref="McpResources"/>). The CLI's <c>inlav mcp</c> bridges stdio to this endpoint.
/// </summary>
public static class McpSetup
{
    public const string Path = "/mcp";

    public static void AddInLavMcp(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMcpServer(o =>
            {
                o.ServerInfo = new() { Name = "inlav-cruscotto", Title = "InLav Cruscotto – undeclared work in Lombardy", Version = "1.0" };
                o.ServerInstructions = "Public statistics on undeclared work in Lombardy (comuni, provinces, ATS and other groups). Start with search_territories and "
                    + "list_indicators; describe_indicator before interpreting an indicator. Every figure carries units, flags, reliability and SYNTHETIC markers and a "
                    + "citation: quote it. Proxies are not measurements; confidential (flag c) cells must not be estimated; SYNTHETIC values are not real.";
            })
            .WithHttpTransport(o => o.Stateless = true)
            .WithTools([typeof(IndicatorTools), typeof(TerritoryTools)], McpAnswers.Json)
            .WithResources([typeof(McpResources)]);
    }

    public static void MapInLavMcp(this IEndpointRouteBuilder app) => app.MapMcp(Path);
}
