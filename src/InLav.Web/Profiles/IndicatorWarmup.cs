using InLav.Application;
using InLav.Core.Territory;
using InLav.Web.Access;
using InLav.Web.Warmup;

namespace InLav.Web.Profiles;

/// <summary>
/// Computes every indicator for the region, the provinces and the comuni (all periods, derived views) into the profile
/// cache once the startup import is done, with the composite risk signals and the age structures of each level, so the
/// first visitor of a profile does not wait.
/// </summary>
public sealed class IndicatorWarmup(Door door, ImportState state, ILogger<IndicatorWarmup> logger) : LevelWarmup(state, logger)
{
    protected override string Name => "Indicators";

    protected override IReadOnlyList<string> Levels() => [BuiltInLevel.Regione, BuiltInLevel.Provincia, BuiltInLevel.Comune];

    protected override string? Prepare(string level) =>
        door.Warm(Callers.Of(null), level);
}

/// <summary>The warm-up of the profile answers after the startup import.</summary>
public static class ProfilesSetup
{
    public static void AddInLavProfiles(this WebApplicationBuilder builder) => builder.Services.AddHostedService<IndicatorWarmup>();
}
