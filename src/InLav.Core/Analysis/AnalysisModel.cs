namespace InLav.Core.Analysis;

public sealed record ScatterPoint(string UnitCode, string UnitName, double X, double Y, double Residual, double ResidualZ, bool Outlier);

/// <summary>Two indicators across the units of a level: correlations with p-values, the regression line, outliers.</summary>
public sealed record CorrelationResult(
    string X,
    string Y,
    string Level,
    string PeriodX,
    string PeriodY,
    string Configuration,
    int N,
    int ExcludedSuppressed,
    int ExcludedMissing,
    double Pearson,
    double PearsonP,
    double Spearman,
    double SpearmanP,
    double Slope,
    double Intercept,
    double RSquared,
    double OutlierZ,
    IReadOnlyList<ScatterPoint> Points,
    IReadOnlyList<Note> Notes)
{
    /// <summary>True when a pair rests on generated values: the result (and its p-values) is labelled SYNTHETIC.</summary>
    public bool Synthetic { get; init; }
}

/// <summary>A component of a composite risk signal: an indicator and its weight (catalogue/risk/*.json).</summary>
public sealed record RiskComponent
{
    public required string Indicator { get; init; }

    public required double Weight { get; init; }
}

/// <summary>A documented composite signal of undeclared-work risk: standardised proxies, weighted.</summary>
public sealed record RiskSignalDefinition
{
    public required string Code { get; init; }

    public required string TitleIt { get; init; }

    public required string TitleEn { get; init; }

    public required string DescriptionIt { get; init; }

    public required string DescriptionEn { get; init; }

    public required IReadOnlyList<RiskComponent> Components { get; init; }

    public string? MethodologyIt { get; init; }

    public string? MethodologyEn { get; init; }
}

public sealed record RiskRow(string UnitCode, string UnitName, double Score, int Rank, IReadOnlyDictionary<string, double> ComponentZ);

/// <summary>How the ranking moves when one weight changes (×0.5 or ×1.5, the others unchanged).</summary>
public sealed record Sensitivity(string Indicator, double Factor, double SpearmanWithBase, int MaxRankShift, int Top10Kept);

public sealed record RiskResult(
    RiskSignalDefinition Definition,
    string Level,
    string Configuration,
    IReadOnlyDictionary<string, string> PeriodsUsed,
    IReadOnlyList<RiskRow> Rows,
    int Excluded,
    IReadOnlyList<Sensitivity> Sensitivity,
    IReadOnlyList<Note> Notes)
{
    /// <summary>True when SYNTHETIC inputs were asked for and used: the result is labelled SYNTHETIC.</summary>
    public bool Synthetic { get; init; }

    /// <summary>Units left out because an input is SYNTHETIC (real inputs only, the default).</summary>
    public int SyntheticLeftOut { get; init; }

    /// <summary>The reliability flags the request excluded.</summary>
    public IReadOnlyList<string> ExcludedFlags { get; init; } = [];

    /// <summary>Units left out for those flags (in any component), named.</summary>
    public IReadOnlyList<Indicators.ExcludedUnit> ExcludedUnreliable { get; init; } = [];
}
