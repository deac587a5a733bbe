using InLav.Core.Territory;
using InLav.Store;
using InLav.Web.Warmup;

namespace InLav.Web.Profiles;

/// <summary>
/// Computes every indicator for the region, the provinces and the comuni (all periods, derived views) into the profile
/// cache once the startup import is done, with the composite risk signals and the age structures of each level, so the
/// first visitor of a profile does not wait.
/// </summary>
public sealed class IndicatorWarmup(InLavStore store, ImportState state, ILogger<IndicatorWarmup> logger) : LevelWarmup(state, logger)
{
    protected override string Name => "Indicators";

    protected override IReadOnlyList<string> Levels() => [BuiltInLevel.Regione, BuiltInLevel.Provincia, BuiltInLevel.Comune];

    protected override string? Prepare(string level) =>
        FormattableString.Invariant($"{IndicatorCache.AllAt(store, level).Count} indicators, {RiskCache.Warm(store, level)} risk signals, {AgeStructures.PeriodsAt(store, level).Count} age structures");
}
