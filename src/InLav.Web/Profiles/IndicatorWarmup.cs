using System.Diagnostics;
using InLav.Core.Territory;
using InLav.Store;
using InLav.Web.Hosting;

namespace InLav.Web.Profiles;

/// <summary>
/// Once the startup import is done, computes every indicator for the region, the provinces and the comuni (all periods,
/// derived views) into the profile cache, so the first visitor of a profile does not wait; the log shows the steps.
/// </summary>
public sealed class IndicatorWarmup(InLavStore store, ImportState state, ILogger<IndicatorWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await state.StartupImport.WaitAsync(stoppingToken).ConfigureAwait(false);
        string[] levels = [BuiltInLevel.Regione, BuiltInLevel.Provincia, BuiltInLevel.Comune];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < levels.Length; i++)
        {
            stoppingToken.ThrowIfCancellationRequested();
            var level = levels[i];
            try
            {
                var count = await Task.Run(() => IndicatorCache.AllAt(store, level).Count, stoppingToken).ConfigureAwait(false);
                var left = clock.Elapsed.TotalSeconds / (i + 1) * (levels.Length - i - 1);
                logger.LogInformation("Indicators: {Done}/{Total} levels ({Level}, {Count} indicators), {Elapsed:N1} s elapsed, ~{Left:N1} s left",
                    i + 1, levels.Length, level, count, clock.Elapsed.TotalSeconds, left);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A warm-up failure must not stop the host: the page that needs the values reports the error.
                logger.LogWarning(e, "Could not prepare the indicators of level {Level}", level);
            }
        }
    }
}
