using System.CommandLine;
using InLav.Store;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace InLav.Cli;

/// <summary>
/// inlav mcp: an MCP server on stdin/stdout for agents that start tools as processes (Claude Desktop, IDEs). It is a bridge
/// to the running server's streamable HTTP endpoint /mcp: every list and call is forwarded as it is, so the answers
/// (numbers, flags, citations, disclosure control) are the server's. Without a running server it stops with exit code 1.
/// </summary>
public static class McpCommand
{
    public static Command Create(CliContext cli)
    {
        var server = new Option<Uri?>("--server")
        {
            Description = "The server's base URL (default: the running server announced beside the store file).",
            HelpName = "URL",
        };
        var command = new Command("mcp", "Serve the MCP tools of the running server on stdin/stdout (Model Context Protocol, JSON-RPC lines).") { server };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var url = parse.GetValue(server) ?? await AnnouncedAsync(cli, parse, ct).ConfigureAwait(false);
                await BridgeAsync(new Uri(url, "mcp"), ct).ConfigureAwait(false);
                return ExitCode.Ok;
            }
            catch (Exception e) when (e is CliException or HttpRequestException or ModelContextProtocol.McpException or IOException or TimeoutException)
            {
                cli.Err.WriteLine($"inlav: {CliContext.OneLine(e.Message)}");
                return e is CliException c ? c.ExitCode : ExitCode.Error;
            }
        });
        return command;
    }

    private static async Task<Uri> AnnouncedAsync(CliContext cli, ParseResult parse, CancellationToken ct)
    {
        var database = StoreOptions.FromEnvironment(parse.GetValue(cli.Db), parse.GetValue(cli.DataDir)).DatabasePath!;
        await using var running = await StoreConnector.FindServerAsync(database, ct).ConfigureAwait(false)
            ?? throw new CliException($"no running server is announced beside {database}: start the server (./run) or pass --server URL.");
        cli.Err.WriteLine($"inlav: MCP {running.Description}");
        return running.Url;
    }

    /// <summary>Serves stdio with handlers that forward tools and resources to the HTTP endpoint until stdin closes.</summary>
    private static async Task BridgeAsync(Uri endpoint, CancellationToken ct)
    {
        await using var remote = await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp, Name = "inlav-server" }),
            cancellationToken: ct).ConfigureAwait(false);
        var options = new McpServerOptions
        {
            ServerInfo = remote.ServerInfo,
            ServerInstructions = remote.ServerInstructions,
            Capabilities = new ServerCapabilities { Tools = new ToolsCapability(), Resources = new ResourcesCapability() },
            Handlers = new McpServerHandlers
            {
                ListToolsHandler = (request, token) => remote.ListToolsAsync(request.Params ?? new(), token),
                CallToolHandler = (request, token) => remote.CallToolAsync(request.Params!, token),
                ListResourcesHandler = (request, token) => remote.ListResourcesAsync(request.Params ?? new(), token),
                ListResourceTemplatesHandler = (request, token) => remote.ListResourceTemplatesAsync(request.Params ?? new(), token),
                ReadResourceHandler = (request, token) => remote.ReadResourceAsync(request.Params!, token),
            },
        };
        await using var stdio = McpServer.Create(new StdioServerTransport(options), options);
        await stdio.RunAsync(ct).ConfigureAwait(false);
    }
}
