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

    private readonly string? nature;

    /// <summary>What kind of number the indicator gives (<see cref="ValueNature"/>): by default a count for a sum of people or taxpayers, else a rate.</summary>
    public string Nature
    {
        get => nature ?? (Kind == IndicatorKind.Sum && Unit is "persone" or "contribuenti" ? ValueNature.Count : ValueNature.Rate);
        init => nature = value;
    }

    public IEnumerable<IndicatorTerm> Terms => Numerator.Concat(Denominator);
}
