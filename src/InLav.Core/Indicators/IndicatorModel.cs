using InLav.Core.Query;

namespace InLav.Core.Indicators;

/// <summary>A question for an indicator: like a measure query, plus a base period for the index view.</summary>
public sealed record IndicatorRequest(
    string Code,
    string Level,
    string? Configuration = null,
    IReadOnlyList<string>? Periods = null,
    IReadOnlyDictionary<string, string>? Filters = null,
    IReadOnlyList<string>? Breakdowns = null,
    IReadOnlyList<string>? Units = null,
    Audience Audience = Audience.Public,
    string? BasePeriod = null);

/// <summary>One summed component of an indicator value: which measure, which period, with which coefficient.</summary>
public sealed record IndicatorComponent(string Role, string Measure, string Period, double Coefficient, double? Value, IReadOnlyList<string> Flags, bool Synthetic = false);

/// <summary>
/// Views derived from the values of a level: change on the previous period, index on a base period, rank and percentile
/// among the units of the level and of the same parent, difference from the parent's and the region's value, z-score.
/// </summary>
public sealed record DerivedViews(
    string? PreviousPeriod,
    double? Change,
    double? ChangePercent,
    string? BasePeriod,
    double? Index,
    int? Rank,
    int? RankOf,
    double? Percentile,
    string? ParentCode,
    int? RankInParent,
    int? RankInParentOf,
    double? ParentValue,
    double? DifferenceFromParent,
    double? RegionValue,
    double? DifferenceFromRegion,
    double? ZScore);

public sealed record IndicatorRow(
    string UnitCode,
    string UnitName,
    string Period,
    string Sex,
    string Age,
    string Citizenship,
    double? Value,
    double? Numerator,
    double? Denominator,
    IReadOnlyList<IndicatorComponent> Components,
    IReadOnlyList<string> Flags,
    IReadOnlyList<long> ImportRuns,
    DerivedViews? Derived = null,
    bool Synthetic = false)
{
    /// <summary>Reliability codes of the value (<see cref="ReliabilityFlag"/>); empty when nothing calls for caution.</summary>
    public IReadOnlyList<string> Reliability { get; init; } = [];
}

public sealed record IndicatorResult(
    IndicatorDefinition Definition,
    string Level,
    string LevelName,
    DateOnly ConfigurationDate,
    string Configuration,
    IReadOnlyList<string> Periods,
    IReadOnlyList<IndicatorRow> Rows,
    IReadOnlyList<Note> Notes);
