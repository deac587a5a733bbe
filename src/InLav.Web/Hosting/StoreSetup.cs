using InLav.Application;
using InLav.Store;
using InLav.Store.Imports;
using InLav.Web.Warmup;

namespace InLav.Web.Hosting;

/// <summary>Opens the store once per process, imports the data directory on start, and tells the CLI where the server is.</summary>
public static class StoreSetup
{
    public static void AddInLavStore(this WebApplicationBuilder builder)
    {
        // INLAV_DATA_DIR / INLAV_DB / INLAV_POSTGRES override the configuration section "InLav".
        var options = builder.Configuration.GetSection("InLav").Get<StoreOptions>() ?? new StoreOptions();
        if (Environment.GetEnvironmentVariable("INLAV_DATA_DIR") is { Length: > 0 } dataDir)
        {
            options.DataDirectory = dataDir;
        }

        if (Environment.GetEnvironmentVariable("INLAV_DB") is { Length: > 0 } db)
        {
            options.DatabasePath = db;
        }

        if (Environment.GetEnvironmentVariable("INLAV_POSTGRES") is { Length: > 0 } pg)
        {
            options.Engine = "postgres";
            options.PostgresConnectionString = pg;
        }

        builder.Services.AddSingleton(_ => new InLavStore(options));

        // The one door every channel asks; its answers kept within InLav:AnswerCacheMegabytes (default 1024).
        var budget = builder.Configuration.GetValue("InLav:AnswerCacheMegabytes", Door.DefaultAnswerBudgetMegabytes) * 1024L * 1024L;
        builder.Services.AddSingleton(sp => new Door(sp.GetRequiredService<InLavStore>(), budget, sp.GetRequiredService<ILogger<InLav.Application.Geo.GeoLayers>>()));
        builder.Services.AddSingleton<ImportService>();
        builder.Services.AddSingleton<ServerLock>();
        builder.Services.AddSingleton<ImportState>();
        builder.Services.AddHostedService<StartupImport>();
    }
}

/// <summary>Imports every source of the data directory when the server starts (unchanged files are skipped), while serving.</summary>
public sealed class StartupImport(InLavStore store, ImportService imports, ServerLock serverLock, ImportState state, IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<StartupImport> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Run(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            state.MarkDone();
        }
    }

    private async Task Run(CancellationToken stoppingToken)
    {
        await WaitForStart(stoppingToken).ConfigureAwait(false);
        serverLock.Write();
        if (!configuration.GetValue("InLav:ImportOnStart", true))
        {
            return;
        }

        if (store.Options.DataDirectory is null)
        {
            logger.LogWarning("No data directory: set InLav:DataDirectory or INLAV_DATA_DIR (default ../shared/data). Nothing imported.");
            return;
        }

        logger.LogInformation("Importing sources from {Dir}", store.Options.DataDirectory);
        var progress = ProgressLog.For(logger);
        IReadOnlyList<ImportOutcome> outcomes;
        try
        {
            outcomes = await imports.ImportAllAsync(null, "server-start", progress, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // What was published before stays served.
            logger.LogError(e, "The startup import stopped");
            return;
        }

        foreach (var o in outcomes.Where(o => o.Outcome == RunOutcome.Failed))
        {
            logger.LogError("Source {Source} failed: {Messages}", o.SourceId, string.Join(" | ", o.Messages.Take(3)));
        }

        logger.LogInformation("Startup import done: {Published} published, {Unchanged} unchanged, {Failed} failed",
            outcomes.Count(o => o.Outcome == RunOutcome.Published), outcomes.Count(o => o.Outcome == RunOutcome.Unchanged), outcomes.Count(o => o.Outcome == RunOutcome.Failed));
    }

    private Task WaitForStart(CancellationToken ct)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        ct.Register(() => started.TrySetCanceled(ct));
        return started.Task;
    }
}
