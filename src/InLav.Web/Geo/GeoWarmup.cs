using InLav.Core.Territory;
using InLav.Web.Hosting;

namespace InLav.Web.Geo;

/// <summary>
/// Once the startup import is done, builds the layers the map opens with (provinces, the default, and comuni, the costliest),
/// so the first visitor does not wait for them.
/// </summary>
public sealed class GeoWarmup(GeoLayers layers, ImportState state, ILogger<GeoWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await state.StartupImport.WaitAsync(stoppingToken).ConfigureAwait(false);
        foreach (var level in new[] { BuiltInLevel.Provincia, BuiltInLevel.Comune })
        {
            stoppingToken.ThrowIfCancellationRequested();
            try
            {
                layers.Get(level, null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A warm-up failure must not stop the host: the request that asks for the layer reports the error.
                logger.LogWarning(e, "Could not prepare the geometry of level {Level}", level);
            }
        }
    }
}
