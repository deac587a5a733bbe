using System.Net;
using InLav.Store;
using InLav.Web.Hosting;
using InLav.Web.Warmup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InLav.Tests.Support;

/// <summary>
/// The real web host on real Kestrel (loopback, a free port), with its own DuckDB file in a temp folder and the real
/// data directory, imported on start. One per test class or collection; each owns its state.
/// </summary>
public sealed class InLavAppFactory : WebApplicationFactory<Program>
{
    public InLavAppFactory()
    {
        Folder = TestData.NewTempFolder("app");
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        if (!Services.GetRequiredService<ImportState>().StartupImport.Wait(TimeSpan.FromMinutes(10)))
        {
            throw new TimeoutException("the test host's start-up import did not end within 10 minutes");
        }

        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
    }

    public string Folder { get; }

    /// <summary>The real server's address (http://127.0.0.1:PORT/).</summary>
    public Uri BaseAddress { get; }

    public InLavStore Store => Services.GetRequiredService<InLavStore>();

    /// <summary>The door the app's channels ask.</summary>
    public InLav.Application.Door Door => Services.GetRequiredService<InLav.Application.Door>();

    public HttpClient NewClient() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("InLav:DatabasePath", Path.Combine(Folder, "inlav.duckdb"));
        builder.UseSetting("InLav:DataDirectory", TestData.Directory);
        builder.UseEnvironment("Development");
        // Requests are not logged: a CI log keeps what failed, not thousands of request lines.
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
        }
    }
}
