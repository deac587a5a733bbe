using InLav.Web.Hosting;
using InLav.Web.Warmup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InLav.Tests.Api;

/// <summary>
/// The real host (in-memory test server) on a data directory of the test's own (a few real files, imported on start),
/// with settings of the test's own (e.g. a low rate limit).
/// </summary>
public sealed class SmallHost(string dataDirectory, string folder, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public InLav.Store.InLavStore Store => Services.GetRequiredService<InLav.Store.InLavStore>();

    /// <summary>A client, once the start-up import is over.</summary>
    public new HttpClient CreateClient()
    {
        var client = base.CreateClient();
        if (!Services.GetRequiredService<ImportState>().StartupImport.Wait(TimeSpan.FromMinutes(5)))
        {
            throw new TimeoutException("the start-up import did not end within 5 minutes");
        }

        return client;
    }

    /// <summary>A client at once, while the start-up import may still run.</summary>
    public HttpClient CreateClientNow() => base.CreateClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("InLav:DatabasePath", Path.Combine(folder, "web.duckdb"));
        builder.UseSetting("InLav:DataDirectory", dataDirectory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
