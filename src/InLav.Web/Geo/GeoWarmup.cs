using InLav.Core.Territory;
using InLav.Store;
using InLav.Web.Warmup;

namespace InLav.Web.Geo;

/// <summary>Builds the map layer of every level (provinces and comuni first, the default and the costliest) once the startup import is done.</summary>
public sealed class GeoWarmup(GeoLayers layers, InLavStore store, ImportState state, ILogger<GeoWarmup> logger) : LevelWarmup(state, logger)
{
    protected override string Name => "Geometry";

    protected override IReadOnlyList<string> Levels() =>
        [.. new[] { BuiltInLevel.Provincia, BuiltInLevel.Comune }.Concat(store.Reader.Snapshot().LevelIds).Distinct(StringComparer.Ordinal)];

    protected override string? Prepare(string level)
    {
        layers.Get(level, null);
        return null;
    }
}
