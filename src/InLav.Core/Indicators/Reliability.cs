namespace InLav.Core.Indicators;

/// <summary>
/// Why an indicator value should be read with caution. Computed by the indicator service for every row and carried by every
/// channel (REST, CSV, XLSX, GeoJSON, CLI, dashboard). Unlike <see cref="Measures.FactFlag"/>s these do not say the value is
/// missing or wrong: they say how far a proxy can be trusted.
/// </summary>
public static class ReliabilityFlag
{
    /// <summary>The denominator is below the indicator's <see cref="IndicatorDefinition.MinDenominator"/> (default 500).</summary>
    public const string SmallDenominator = "small-denominator";

    /// <summary>Numerator and denominator periods are more than <see cref="IndicatorDefinition.MaxYearsApart"/> years apart (default 5).</summary>
    public const string PeriodsApart = "periods-apart";

    /// <summary>The unit is (or contains) a comune of the cross-border frontier classification (residents may work abroad).</summary>
    public const string Frontier = "frontier";

    /// <summary>Every reliability flag, in the order channels list them.</summary>
    public static readonly IReadOnlyList<string> All = [SmallDenominator, PeriodsApart, Frontier];

    /// <summary>
    /// Whether the flags set a unit apart from its peers: a small denominator or the frontier. periods-apart is a property of the
    /// indicator and period (every unit's terms come from the same periods), so maps, rankings and profiles hatch, exclude or
    /// re-rank units by these two only and show periods-apart as it is.
    /// </summary>
    public static bool SetsApart(IReadOnlyList<string> flags) => flags.Any(f => f is SmallDenominator or Frontier);
}

/// <summary>
/// What kind of number an indicator gives, which decides the right arithmetic: counts and amounts are extensive (they grow with
/// the unit's size: a relative % change is meaningful, a rank or a comparison with the parent's total is not); rates, shares,
/// ratios and signed gaps are intensive (their change is in percentage points or in their unit; ranks and z-scores are
/// meaningful when the indicator declares it).
/// </summary>
public static class ValueNature
{
    public const string Count = "count";

    public const string Amount = "amount";

    public const string Rate = "rate";

    public static bool IsExtensive(string nature) => nature is Count or Amount;
}
