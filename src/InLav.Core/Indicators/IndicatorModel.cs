using InLav.Core;
using InLav.Core.Query;

namespace InLav.Core.Indicators;

/// <summary>
/// A question for an indicator: like a measure query, plus a base period for the index view, and the reliability flags
/// (<see cref="ReliabilityFlag"/>) whose units are left out of the answer and of the ranks (named and counted in
/// <see cref="IndicatorResult.Excluded"/>).
/// </summary>
public sealed record IndicatorRequest(
    string Code,
    string Level,
    string? Configuration = null,
    IReadOnlyList<string>? Periods = null,
    IReadOnlyDictionary<string, string>? Filters = null,
    IReadOnlyList<string>? Breakdowns = null,
    IReadOnlyList<string>? Units = null,
    AccessScope? Scope = null,
    string? BasePeriod = null,
    IReadOnlyList<string>? Exclude = null);

/// <summary>
/// One summed component of an indicator value: which measure, which period, with which coefficient. A term carried forward
/// (<see cref="IndicatorTerm.ScaleBy"/>) is an estimate at Period (flag e) and says its Basis, e.g.
/// "employed 2011-10-09 × residents 2022-01-01 / residents 2011-10-09, per comune".
/// </summary>
public sealed record IndicatorComponent(string Role, string Measure, string Period, double Coefficient, double? Value, IReadOnlyList<string> Flags, bool Synthetic = false,
    string? Basis = null);

/// <summary>
/// Views derived from the values of a level, by the indicator's <see cref="IndicatorDefinition.Nature"/>: Change on the
/// previous period is in the indicator's unit (percentage points for a % rate or gap); ChangePercent, the relative change,
/// only for counts and amounts; Index on a base period (not for signed gaps, kind complement); rank, percentile and z-score
/// only for comparable indicators; the parent's and the region's value and the differences from them only for rates
/// (a count is not compared with its parent's total: ShareOfParent gives its share of it instead).
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
    double? ZScore,
    double? ShareOfParent = null);

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
    /// <summary>Why the value should be read with caution (<see cref="ReliabilityFlag"/> codes, in their order); empty when none.</summary>
    public IReadOnlyList<string> Reliability { get; init; } = [];
}

/// <summary>A unit left out of an answer (and of its ranks) because of reliability flags the request excluded.</summary>
public sealed record ExcludedUnit(string UnitCode, string UnitName, string Period, IReadOnlyList<string> Reliability);

public sealed record IndicatorResult(
    IndicatorDefinition Definition,
    string Level,
    string LevelName,
    DateOnly ConfigurationDate,
    string Configuration,
    IReadOnlyList<string> Periods,
    IReadOnlyList<IndicatorRow> Rows,
    IReadOnlyList<Note> Notes)
{
    /// <summary>The reliability flags the request excluded (empty: none).</summary>
    public IReadOnlyList<string> ExcludedFlags { get; init; } = [];

    /// <summary>Every unit and period left out for the excluded flags, named.</summary>
    public IReadOnlyList<ExcludedUnit> Excluded { get; init; } = [];

    /// <summary>How many distinct units were left out.</summary>
    public int ExcludedUnits => Excluded.Select(e => e.UnitCode).Distinct(StringComparer.Ordinal).Count();
}
