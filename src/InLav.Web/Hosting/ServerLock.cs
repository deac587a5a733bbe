using System.Security.Cryptography;
using System.Text.Json;
using InLav.Store;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace InLav.Web.Hosting;

/// <summary>
/// The file beside the database that tells the CLI a server holds it: address, process id and an admin token
/// (readable by the owner only). The CLI then goes through the server instead of opening the file.
/// </summary>
public sealed class ServerLock(InLavStore store, IServer server, IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<ServerLock> logger)
{
    public string Token { get; } = configuration["InLav:AdminToken"] is { Length: >= 16 } t ? t : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string PathFor(string databasePath) => databasePath + ".server.json";

    public void Write()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.Select(a => a.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal))
            .OrderBy(a => a.StartsWith("https", StringComparison.Ordinal)).FirstOrDefault();
        if (url is null)
        {
            return;
        }

        logger.LogInformation("InLav Cruscotto is running: open {Url}/ (store: {Db})", url.TrimEnd('/'), store.Engine.Location);
        Console.WriteLine($"InLav Cruscotto: open {url.TrimEnd('/')}/ in your browser");
        if (store.Engine.Name != "duckdb")
        {
            return; // Only DuckDB has a single writer; with PostgreSQL the CLI connects to the server database itself.
        }

        // Written whole under another name, made owner-only, then moved in place: a reader never sees half a file
        // or a token readable by others.
        var path = PathFor(store.Options.DatabasePath!);
        var written = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(written, JsonSerializer.Serialize(new ServerInfo(url, Environment.ProcessId, Token)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(written, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(written, path, overwrite: true);

        lifetime.ApplicationStopping.Register(() =>
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
        });
    }
}

/// <summary>What the server lock file holds.</summary>
public sealed record ServerInfo(string Url, int Pid, string Token);
