using System.Diagnostics;
using InLav.Tests.Support;

namespace InLav.Tests.Cli;

/// <summary>A store file held by another process that announced no server: the CLI must refuse clearly, not hang or crash.</summary>
public sealed class CliLockedStoreTests
{
    [Fact]
    public async Task A_store_locked_by_another_process_without_a_server_file_fails_with_a_clear_message_and_exit_code_1()
    {
        var db = Cli.ImportFew("cli-locked");
        // Another process: the web host on this store, without its import; its server file is then removed.
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "InLav.Web.dll"), "--urls", "http://127.0.0.1:0", "--InLav:DatabasePath", db, "--InLav:ImportOnStart", "false" })
        {
            start.ArgumentList.Add(arg);
        }

        using var server = Process.Start(start)!;
        try
        {
            var lockFile = db + ".server.json";
            var waited = Stopwatch.StartNew();
            while (!File.Exists(lockFile) && waited.Elapsed < TimeSpan.FromSeconds(60) && !server.HasExited)
            {
                await Task.Delay(100);
            }

            Assert.True(File.Exists(lockFile), "the web host did not start");
            File.Delete(lockFile);

            var result = Cli.Run("runs", "--db", db);

            Assert.Equal(1, result.Code);
            Assert.Contains($"the store file {db} is locked by another process", result.Err, StringComparison.Ordinal);
            Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }
}
