using System.Diagnostics;
using InLav.Core.Territory;
using InLav.Store;
using InLav.Web.Hosting;

namespace InLav.Web.Geo;

/// <summary>
/// Once the startup import is done, builds the map layer of every level (provinces and comuni first, the default and the
/// costliest), so no visitor waits for them; the server log shows the steps done, the elapsed time and the time left.
/// </summary>
public sealed class GeoWarmup(GeoLayers layers, InLavStore store, ImportState state, ILogger<GeoWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await state.StartupImport.WaitAsync(stoppingToken).ConfigureAwait(false);
        var levels = new[] { BuiltInLevel.Provincia, BuiltInLevel.Comune }
            .Concat(store.Reader.Snapshot().LevelIds).Distinct(StringComparer.Ordinal).ToList();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < levels.Count; i++)
        {
            stoppingToken.ThrowIfCancellationRequested();
            try
            {
                await Task.Run(() => layers.Get(levels[i], null), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A warm-up failure must not stop the host: the request that asks for the layer reports the error.
                logger.LogWarning(e, "Could not prepare the geometry of level {Level}", levels[i]);
            }

            var done = i + 1;
            var left = clock.Elapsed.TotalSeconds / done * (levels.Count - done);
            logger.LogInformation("Geometry: {Done}/{Total} levels ({Level}), {Rate:N1} levels/s, {Elapsed:N1} s elapsed, ~{Left:N1} s left",
                done, levels.Count, levels[i], done / Math.Max(clock.Elapsed.TotalSeconds, 0.001), clock.Elapsed.TotalSeconds, left);
        }
    }
}
