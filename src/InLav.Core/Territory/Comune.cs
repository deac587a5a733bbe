namespace InLav.Core.Territory;

/// <summary>A closed interval of days in which a code was valid.</summary>
public readonly record struct Validity(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => From <= date && date <= To;
}

/// <summary>
/// One comune code and the intervals in which it was valid. A code that changed name keeps one record
/// (with its latest name); a comune that moved province gets a new code. A code can be valid more than once
/// (Torre de' Busi 016215 until 1992 and again from 2018; Baranzate 015250 in 2001-2003 and from 2004).
/// ProvinceCode is the historical province code (e.g. "015"), the first three digits of the code.
/// </summary>
public sealed record Comune(
    string Code,
    string Name,
    string ProvinceCode,
    IReadOnlyList<Validity> Intervals)
{
    public static readonly DateOnly OpenEnd = new(9999, 12, 31);
    public static readonly DateOnly DistantPast = new(1861, 3, 17);

    public DateOnly ValidFrom => Intervals.Count == 0 ? DistantPast : Intervals[0].From;

    public DateOnly ValidTo => Intervals.Count == 0 ? OpenEnd : Intervals[^1].To;

    public bool IsValidAt(DateOnly date) => Intervals.Any(i => i.Contains(date));
}

/// <summary>What the sources say about one comune code: either an interval (ANPR archive) or presence in a dated list.</summary>
public sealed record ComuneEvidence(
    string Code,
    string Name,
    string ProvinceCode,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    DateOnly? ListedAt);

public enum ChangeKind
{
    /// <summary>The comune ceased; its territory went to ToCode (merger or incorporation).</summary>
    Extinction,

    /// <summary>A new comune ToCode was created; FromCode is one of the comuni it came from.</summary>
    Constitution,

    /// <summary>The comune moved province and got the code ToCode.</summary>
    ProvinceChange,

    /// <summary>The comune changed name; the code stays.</summary>
    Rename,

    /// <summary>Part of the territory moved from FromCode to ToCode; both comuni go on.</summary>
    TerritoryTransfer,
}

/// <summary>An administrative change, dated: the day from which the new state holds.</summary>
public sealed record TerritorialChange(DateOnly Date, ChangeKind Kind, string FromCode, string ToCode, string? NewName = null);

/// <summary>The 12 Lombardy provinces with their UTS (statistical) codes and names.</summary>
public sealed record Province(string Code, string UtsCode, string Abbreviation, string Name)
{
    public const string RegionCode = "03";
    public const string RegionName = "Lombardia";

    public static readonly IReadOnlyList<Province> Lombardy =
    [
        new("012", "012", "VA", "Varese"),
        new("013", "013", "CO", "Como"),
        new("014", "014", "SO", "Sondrio"),
        new("015", "215", "MI", "Città metropolitana di Milano"),
        new("016", "016", "BG", "Bergamo"),
        new("017", "017", "BS", "Brescia"),
        new("018", "018", "PV", "Pavia"),
        new("019", "019", "CR", "Cremona"),
        new("020", "020", "MN", "Mantova"),
        new("097", "097", "LC", "Lecco"),
        new("098", "098", "LO", "Lodi"),
        new("108", "108", "MB", "Monza e della Brianza"),
    ];

    public static Province? ByCode(string code) =>
        Lombardy.FirstOrDefault(p => p.Code == code || p.UtsCode == code || string.Equals(p.Abbreviation, code, StringComparison.OrdinalIgnoreCase));

    public static bool IsLombardComuneCode(string code) =>
        code.Length == 6 && Lombardy.Any(p => code.StartsWith(p.Code, StringComparison.Ordinal));
}
