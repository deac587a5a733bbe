using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using InLav.Store;
using InLav.Store.Engine;

namespace InLav.Cli;

/// <summary>
/// Chooses how to reach the store. When the file beside the database (<c>&lt;db&gt;.server.json</c>) names a live process
/// whose status endpoint answers, the CLI goes through that server; otherwise it opens the DuckDB file itself.
/// </summary>
public static class StoreConnector
{
    public static async Task<IStoreClient> ConnectAsync(CliContext cli, ParseResult parse, StoreAccess access, CancellationToken ct)
    {
        var options = StoreOptions.FromEnvironment(parse.GetValue(cli.Db), parse.GetValue(cli.DataDir));
        var database = options.DatabasePath!;
        var server = await FindServerAsync(database, ct).ConfigureAwait(false);
        if (server is not null)
        {
            cli.Err.WriteLine($"inlav: {server.Description}");
            return server;
        }

        if (access != StoreAccess.Import && !File.Exists(database))
        {
            throw new CliException($"there is no store file at {database}: run 'inlav import' first, or pass --db PATH.");
        }

        if (access == StoreAccess.Import && options.DataDirectory is null)
        {
            throw new CliException("no data directory: pass --data-dir DIR or set INLAV_DATA_DIR (default ../shared/data beside the repository).");
        }

        if (DuckDbEngine.IsLockedByAnotherProcess(database, out var reason))
        {
            throw new CliException($"the store file {database} is locked by another process and no running server is announced beside it "
                + $"({ServerLockPath(database)}); stop that process or pass another --db. DuckDB said: {CliContext.OneLine(reason ?? "locked")}");
        }

        var client = new DirectClient(new InLavStore(options));
        cli.Err.WriteLine($"inlav: {client.Description}");
        return client;
    }

    private static string ServerLockPath(string databasePath) => databasePath + ".server.json";

    /// <summary>The running server announced beside the database whose status endpoint answers; null when there is none.</summary>
    public static async Task<ServerClient?> FindServerAsync(string database, CancellationToken ct)
    {
        var path = ServerLockPath(database);
        if (!File.Exists(path))
        {
            return null;
        }

        ServerFile? info;
        try
        {
            info = JsonSerializer.Deserialize<ServerFile>(await File.ReadAllTextAsync(path, ct).ConfigureAwait(false), ServerClient.Json);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (info is null || string.IsNullOrEmpty(info.Url) || !IsAlive(info.Pid))
        {
            return null;
        }

        var client = new ServerClient(new Uri(info.Url), info.Token);
        if (await client.IsUpAsync(ct).ConfigureAwait(false))
        {
            return client;
        }

        await client.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The server lock file written by the web host (Hosting/ServerLock.cs): address, process id, admin token.</summary>
    private sealed record ServerFile(string Url, int Pid, string Token);
}
