namespace InLav.Sources.Synthetic;

/// <summary>
/// The assumed mixes of the SYNTHETIC COB generator (docs/synthetic-cob.md states their basis). They are plausible orders of
/// magnitude for Lombardy, not estimates: the generator exists to exercise the pipeline and the benchmarks, and its figures
/// below the region are labelled SYNTHETIC everywhere.
/// </summary>
public static class CobMixes
{
    /// <summary>How a contract type's planned duration is drawn.</summary>
    public enum DurationKind
    {
        /// <summary>Open-ended: no planned end; it ends only when picked to match the real terminations.</summary>
        Open,

        /// <summary>Fixed-term: the FixedTerm duration classes.</summary>
        FixedTerm,

        /// <summary>Intermittent (on call): the Intermittent duration classes.</summary>
        Intermittent,

        /// <summary>Traineeships and collaborations: 1 to 12 months.</summary>
        Months,
    }

    /// <summary>Hirings by ministry contract code: weight and duration kind.</summary>
    public static readonly IReadOnlyList<(string Code, double Weight, DurationKind Duration)> Hirings =
    [
        ("A.02.00", 0.50, DurationKind.FixedTerm),   // tempo determinato
        ("A.02.01", 0.04, DurationKind.FixedTerm),   // tempo determinato per sostituzione
        ("A.01.00", 0.15, DurationKind.Open),        // tempo indeterminato
        ("A.06.01", 0.14, DurationKind.FixedTerm),   // somministrazione a tempo determinato
        ("A.06.00", 0.01, DurationKind.Open),        // somministrazione a tempo indeterminato
        ("A.05.02", 0.07, DurationKind.Intermittent), // lavoro intermittente
        ("A.03.09", 0.04, DurationKind.Open),        // apprendistato professionalizzante
        ("A.04.01", 0.015, DurationKind.FixedTerm),  // lavoro domestico a tempo determinato
        ("A.04.00", 0.015, DurationKind.Open),       // lavoro domestico a tempo indeterminato
        ("C.01.00", 0.015, DurationKind.Months),     // tirocinio
        ("B.03.00", 0.015, DurationKind.Months),     // collaborazione coordinata e continuativa
    ];

    /// <summary>Contracts active before the window (the opening stock), all open-ended by assumption.</summary>
    public static readonly IReadOnlyList<(string Code, double Weight)> Stock =
        [("A.01.00", 0.86), ("A.02.00", 0.08), ("A.03.09", 0.03), ("A.04.00", 0.03)];

    /// <summary>Fixed-term durations in days (inclusive classes): one day, up to a week, a month, 3, 6, 12 and 24 months.</summary>
    public static readonly IReadOnlyList<(int MinDays, int MaxDays, double Weight)> FixedTerm =
        [(1, 1, 0.11), (2, 7, 0.10), (8, 30, 0.15), (31, 90, 0.23), (91, 180, 0.20), (181, 365, 0.16), (366, 730, 0.05)];

    /// <summary>Intermittent contracts: many one-day and one-week calls; a tenth stay open.</summary>
    public static readonly IReadOnlyList<(int MinDays, int MaxDays, double Weight)> Intermittent =
        [(1, 1, 0.25), (2, 7, 0.20), (8, 30, 0.20), (31, 180, 0.25), (0, 0, 0.10)];

    /// <summary>Share of men among hirings.</summary>
    public const double MaleShare = 0.54;

    /// <summary>Ages at hiring by band (years, inclusive): weight.</summary>
    public static readonly IReadOnlyList<(int From, int To, double Weight)> Ages =
        [(15, 24, 0.22), (25, 34, 0.28), (35, 44, 0.21), (45, 54, 0.18), (55, 64, 0.09), (65, 75, 0.02)];

    /// <summary>Share of foreign citizens among hirings, and their countries (ISO 3166 alpha-3).</summary>
    public const double ForeignShare = 0.22;

    public static readonly IReadOnlyList<(string Country, double Weight)> Countries =
    [
        ("ROU", 0.17), ("MAR", 0.09), ("ALB", 0.09), ("EGY", 0.08), ("CHN", 0.05), ("UKR", 0.05), ("PER", 0.05), ("IND", 0.05),
        ("PAK", 0.05), ("SEN", 0.04), ("PHL", 0.04), ("BGD", 0.04), ("LKA", 0.03), ("ECU", 0.03), ("NGA", 0.03), ("MDA", 0.03),
        ("TUN", 0.03), ("BRA", 0.02), ("GHA", 0.02),
    ];

    /// <summary>ATECO 2007 groups of the workplace: weight (domestic work is always 97.0).</summary>
    public static readonly IReadOnlyList<(string Group, double Weight)> Ateco =
    [
        ("56.1", 0.12), ("55.1", 0.03), ("56.3", 0.03), ("85.3", 0.06), ("85.2", 0.03), ("78.2", 0.03), ("81.2", 0.05), ("47.1", 0.06),
        ("46.9", 0.04), ("52.2", 0.05), ("49.4", 0.04), ("41.2", 0.05), ("43.3", 0.03), ("25.6", 0.04), ("28.9", 0.03), ("10.7", 0.02),
        ("86.1", 0.04), ("88.1", 0.03), ("62.0", 0.03), ("70.2", 0.02), ("82.9", 0.03), ("90.0", 0.03), ("93.2", 0.02), ("01.1", 0.03),
        ("84.1", 0.02), ("64.1", 0.02), ("45.2", 0.02), ("71.1", 0.02),
    ];

    public const string DomesticAteco = "97.0";
}
