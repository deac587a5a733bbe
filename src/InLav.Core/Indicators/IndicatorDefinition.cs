namespace InLav.Core.Indicators;

/// <summary>How a term's period is chosen for an indicator period.</summary>
public static class PeriodRule
{
    /// <summary>The same period as the indicator (default).</summary>
    public const string Same = "same";

    /// <summary>The term's period nearest in time to the indicator's (MEF 2021 against the 2011 census, or a newer census when loaded).</summary>
    public const string Nearest = "nearest";
}

/// <summary>One measure in a numerator or denominator, with its dimension filters and coefficient (−1 subtracts).</summary>
public sealed record IndicatorTerm
{
    public required string Measure { get; init; }

    /// <summary>Dimension filters (sex, age, citizenship); unset dimensions are totals, or the asked breakdown.</summary>
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();

    public double Coefficient { get; init; } = 1;

    public string Period { get; init; } = PeriodRule.Same;

    /// <summary>
    /// Optional: carry the term forward from its own period to the indicator's, comune by comune, by the change of another
    /// measure (e.g. 2011 census employed × residents now / residents 2011). The products are summed over each unit's comuni
    /// (ratios from summed components); the component is an estimate (flag e).
    /// </summary>
    public TermScaling? ScaleBy { get; init; }
}

/// <summary>
/// Scales a term by the ratio of another (additive) measure between two periods, per comune: value × scale(to) / scale(from),
/// where "from" is the period of the scaling measure nearest to the term's period and "to" the one nearest to the indicator's
/// period (both with values at comune level). When both are the same period (a newer source of the term is loaded) the ratio
/// is 1 and the component is no estimate.
/// </summary>
public sealed record TermScaling
{
    public required string Measure { get; init; }

    /// <summary>Dimension filters of the scaling measure (default: totals).</summary>
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();
}

/// <summary>What the ratio becomes.</summary>
public static class IndicatorKind
{
    /// <summary>scale × numerator / denominator.</summary>
    public const string Ratio = "ratio";

    /// <summary>scale × (1 − numerator / denominator): a gap.</summary>
    public const string Complement = "complement";

    /// <summary>scale × numerator (a sum or a difference of measures; no denominator).</summary>
    public const string Sum = "sum";
}

/// <summary>
/// One indicator of the catalogue (catalogue/indicators/*.json). Always computed as a ratio of summed components,
/// never as an average of ratios. An analyst adds an indicator by adding a file.
/// </summary>
public sealed record IndicatorDefinition
{
    public required string Code { get; init; }

    public required string TitleIt { get; init; }

    public required string TitleEn { get; init; }

    public required string DescriptionIt { get; init; }

    public required string DescriptionEn { get; init; }

    /// <summary>Theme for navigation: undeclared-work, labour, income, population, territory.</summary>
    public required string Theme { get; init; }

    public string Kind { get; init; } = IndicatorKind.Ratio;

    public required IReadOnlyList<IndicatorTerm> Numerator { get; init; }

    public IReadOnlyList<IndicatorTerm> Denominator { get; init; } = [];

    public double Scale { get; init; } = 1;

    public required string Unit { get; init; }

    public int Decimals { get; init; } = 1;

    /// <summary>True when a higher value is worse (map palettes and rankings honour it); null when neutral.</summary>
    public bool? HigherIsWorse { get; init; }

    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Periods where the indicator is meaningful; empty = every period of the first numerator measure.</summary>
    public IReadOnlyList<string> Periods { get; init; } = [];

    /// <summary>Levels where it is meaningful; empty = every level.</summary>
    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>Minimum count of each count component for publication on public channels (Sistan: 3).</summary>
    public int MinCount { get; init; } = 3;

    public string? CaveatsIt { get; init; }

    public string? CaveatsEn { get; init; }

    public string? MethodologyIt { get; init; }

    public string? MethodologyEn { get; init; }

    /// <summary>A proxy of undeclared work, not a measurement: always labelled so.</summary>
    public bool Proxy { get; init; }

    /// <summary>Dimensions the indicator can be broken down by (those all its measures carry).</summary>
    public IReadOnlyList<string> Breakdowns { get; init; } = [];

    /// <summary>A denominator below this (in absolute value) gives the reliability flag small-denominator; 0 disables it.</summary>
    public int MinDenominator { get; init; } = 500;

    /// <summary>Numerator and denominator periods more than this many years apart give the reliability flag periods-apart.</summary>
    public int MaxYearsApart { get; init; } = 5;

    private readonly string? nature;
    private readonly bool? comparable;
    private readonly bool? frontierMatters;

    /// <summary>
    /// Whether units with a comune of the cross-border frontier classification get the reliability flag frontier (residents
    /// who work abroad are in residence-based sources but not in Italian tax or employment records). Default: proxies.
    /// </summary>
    public bool FrontierMatters
    {
        get => frontierMatters ?? Proxy;
        init => frontierMatters = value;
    }

    /// <summary>
    /// What kind of number the indicator gives (<see cref="ValueNature"/>): count, amount or rate. Default: count for a sum
    /// in persone/contribuenti, else rate. Counts and amounts get a relative % change and shares of their parent, never ranks.
    /// </summary>
    public string Nature
    {
        get => nature ?? (Kind == IndicatorKind.Sum && Unit is "persone" or "contribuenti" ? ValueNature.Count : ValueNature.Rate);
        init => nature = value;
    }

    /// <summary>Whether ranks, percentiles and z-scores across units are meaningful. Default: true for rates, false for counts and amounts.</summary>
    public bool Comparable
    {
        get => comparable ?? !ValueNature.IsExtensive(Nature);
        init => comparable = value;
    }

    public IEnumerable<IndicatorTerm> Terms => Numerator.Concat(Denominator);
}
