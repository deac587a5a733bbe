using InLav.Application;
using InLav.Core.Territory;
using InLav.Web.Access;
using InLav.Web.Warmup;

namespace InLav.Web.Geo;

/// <summary>Builds the map layer of every level (provinces and comuni first, the default and the costliest) once the startup import is done.</summary>
public sealed class GeoWarmup(Door door, ImportState state, ILogger<GeoWarmup> logger) : LevelWarmup(state, logger)
{
    protected override string Name => "Geometry";

    protected override IReadOnlyList<string> Levels() =>
        [.. new[] { BuiltInLevel.Provincia, BuiltInLevel.Comune }.Concat(door.Territory().LevelIds).Distinct(StringComparer.Ordinal)];

    protected override string? Prepare(string level)
    {
        door.Layer(Callers.Of(null), level);
        return null;
    }
}
