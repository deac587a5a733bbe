namespace InLav.Core.Measures;

/// <summary>The territorial level a fact is stored at. Most facts are per comune; some sources publish only higher levels.</summary>
public static class NativeLevel
{
    public const string Comune = "comune";
    public const string Provincia = "provincia";
    public const string Regione = "regione";
}

/// <summary>Why a value is not a plain published number.</summary>
public static class FactFlag
{
    /// <summary>Blank at source (e.g. MEF cells under 3 taxpayers). The value is unknown.</summary>
    public const string SuppressedAtSource = "s";

    /// <summary>Confidential: suppressed by our own disclosure control.</summary>
    public const string Confidential = "c";

    /// <summary>Provisional or estimated at source.</summary>
    public const string Estimated = "e";

    /// <summary>Some or all of the units of a group have no value for this period.</summary>
    public const string Missing = "m";

    /// <summary>Part of an aggregate is suppressed at source: the sum is a lower bound.</summary>
    public const string PartiallySuppressed = "p";

    /// <summary>Not computable: a denominator is zero or a component is missing.</summary>
    public const string NotComputable = "n";

    /// <summary>SYNTHETIC: built from generated figures (docs/synthetic-cob.md), not from observations.</summary>
    public const string Synthetic = "x";

    /// <summary>Every flag a value can carry.</summary>
    public static readonly IReadOnlyList<string> All = [Confidential, SuppressedAtSource, PartiallySuppressed, Missing, Estimated, NotComputable, Synthetic];
}

/// <summary>
/// One stored number: a measure for a territorial unit, a period and a combination of dimensions.
/// Value is null when the source left the cell blank (Flag = "s").
/// Periods are ISO strings: a date "2025-01-01" for stocks, "2025" for years, "2025-Q1" for quarters, "2025-01" for months.
/// </summary>
public sealed record Fact(
    string Measure,
    string Level,
    string UnitCode,
    string Period,
    DimensionKey Dimensions,
    double? Value,
    string? Flag = null)
{
    public static Fact ForComune(string measure, string comune, string period, DimensionKey dims, double? value, string? flag = null)
        => new(measure, NativeLevel.Comune, comune, period, dims, value, value is null && flag is null ? FactFlag.SuppressedAtSource : flag);
}

/// <summary>
/// A fact as read back from the store, with the import run it came from. Synthetic is true when that run loaded a source the
/// catalogue marks synthetic (generated figures, not observations): every channel must label such values SYNTHETIC.
/// </summary>
public sealed record StoredFact(Fact Fact, long RunId, bool Synthetic = false);
