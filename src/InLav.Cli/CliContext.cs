using System.CommandLine;
using System.Data.Common;
using System.Net.Sockets;
using System.Text.Json;
using InLav.Core;
using InLav.Core.Query;

namespace InLav.Cli;

/// <summary>What every command shares: the output streams, the global options and the guard that turns failures into one line and an exit code.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Err { get; } = stderr;

    public Option<string?> Db { get; } = new("--db")
    {
        Description = "The DuckDB store file (default: env INLAV_DB, else data/inlav.duckdb under the repository).",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "The folder of the official source files (default: env INLAV_DATA_DIR, else ../shared/data).",
        HelpName = "DIR",
        Recursive = true,
    };

    /// <summary>True when progress may rewrite its line with a carriage return (stderr is the console, not redirected).</summary>
    public bool ErrIsTerminal => ReferenceEquals(Err, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Writes a command's answer (text ending in a newline) to stdout and flushes it.</summary>
    public async Task WriteOutAsync(string text, CancellationToken ct)
    {
        await Out.WriteAsync(text.AsMemory(), ct).ConfigureAwait(false);
        await Out.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A command action that opens the store (directly or through the running server) and maps failures to exit codes.</summary>
    public Func<ParseResult, CancellationToken, Task<int>> Action(StoreAccess access, Func<IStoreClient, ParseResult, CancellationToken, Task<int>> body) =>
        async (parse, ct) =>
        {
            try
            {
                await using var client = await StoreConnector.ConnectAsync(this, parse, access, ct).ConfigureAwait(false);
                return await body(client, parse, ct).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                var (message, code) = Describe(e);
                Err.WriteLine($"inlav: {message}");
                return code;
            }
        };

    private static (string Message, int Code) Describe(Exception e) => e switch
    {
        CliException c => (c.Message, c.ExitCode),
        QueryException q => ($"{q.Title}: {q.Message}", ExitCode.Usage),
        ArgumentException a => (a.Message, ExitCode.Usage),
        OperationCanceledException => ("cancelled.", ExitCode.Error),
        HttpRequestException or SocketException => ($"the server did not answer: {OneLine(e.Message)}", ExitCode.Error),
        InvalidOperationException or IOException or UnauthorizedAccessException or DbException or JsonException or InvalidDataException => (OneLine(e.Message), ExitCode.Error),
        _ => ($"unexpected error ({e.GetType().Name}): {OneLine(e.Message)}", ExitCode.Error),
    };

    public static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
