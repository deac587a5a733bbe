namespace InLav.Core.Measures;

/// <summary>
/// The socio-demographic dimensions every fact carries: sex, age band and citizenship.
/// A source that lacks a dimension stores its total, "T". Totals are stored explicitly,
/// so a question for a total never sums a breakdown and a breakdown never double counts.
/// </summary>
public static class Dimension
{
    public const string Total = "T";

    public const string Sex = "sex";
    public const string Age = "age";
    public const string Citizenship = "citizenship";

    public static readonly IReadOnlyList<string> All = [Sex, Age, Citizenship];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}

public static class SexCode
{
    public const string Male = "M";
    public const string Female = "F";
    public static readonly IReadOnlyList<string> Values = [Dimension.Total, Male, Female];
}

public static class CitizenshipCode
{
    public const string Italian = "ITA";
    public const string Foreign = "FOR";
    public static readonly IReadOnlyList<string> Values = [Dimension.Total, Italian, Foreign];
}

/// <summary>Age bands are written "Y{from}-{to}" or "Y{from}+" (years, inclusive), or "T".</summary>
public static class AgeBand
{
    public static string Of(int from, int? to) => to is null
        ? FormattableString.Invariant($"Y{from}+")
        : FormattableString.Invariant($"Y{from}-{to}");

    /// <summary>The standard bands of the dashboard (DOMAIN.md).</summary>
    public static readonly IReadOnlyList<string> Standard =
        [Of(0, 14), Of(15, 24), Of(25, 34), Of(35, 44), Of(45, 54), Of(55, 64), Of(65, null)];

    public static bool TryParse(string code, out int from, out int? to)
    {
        from = 0;
        to = null;
        if (code.Length < 3 || code[0] != 'Y')
        {
            return false;
        }

        var body = code.AsSpan(1);
        if (body[^1] == '+')
        {
            return int.TryParse(body[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out from);
        }

        var dash = body.IndexOf('-');
        if (dash <= 0 || !int.TryParse(body[..dash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out from)
            || !int.TryParse(body[(dash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var upper))
        {
            return false;
        }

        to = upper;
        return upper >= from;
    }

    /// <summary>Every age the band covers is inside the range [from, to] (to null = no upper end).</summary>
    public static bool Within(int bandFrom, int? bandTo, int from, int? to) =>
        bandFrom >= from && (to is null || (bandTo is { } bt && bt <= to));

    /// <summary>
    /// The bands among <paramref name="available"/> that cover the range [from, to] exactly, without overlap and without gap,
    /// widest bands first (fewest cells); null when they cannot. Codes that are not bands (the total "T") are ignored.
    /// </summary>
    public static IReadOnlyList<string>? Tile(int from, int? to, IEnumerable<string> available)
    {
        var bands = new List<(string Code, int From, int? To)>();
        foreach (var code in available.Distinct(StringComparer.Ordinal))
        {
            if (TryParse(code, out var f, out var t) && Within(f, t, from, to))
            {
                bands.Add((code, f, t));
            }
        }

        var byStart = bands.ToLookup(b => b.From);
        var dead = new HashSet<int>();
        var path = new List<string>();

        bool Walk(int cursor)
        {
            if (dead.Contains(cursor))
            {
                return false;
            }

            // Widest first: an open band, then the highest upper end.
            foreach (var band in byStart[cursor].OrderByDescending(b => b.To ?? int.MaxValue))
            {
                path.Add(band.Code);
                if (band.To is not { } end ? to is null : (to == end || (end < int.MaxValue && Walk(end + 1))))
                {
                    return true;
                }

                path.RemoveAt(path.Count - 1);
            }

            dead.Add(cursor);
            return false;
        }

        return Walk(from) ? path : null;
    }

    /// <summary>Orders band codes by their lower end (then the total), for messages and listings.</summary>
    public static IEnumerable<string> Ordered(IEnumerable<string> codes) => codes.Distinct(StringComparer.Ordinal)
        .OrderBy(c => TryParse(c, out var f, out _) ? f : int.MaxValue).ThenBy(c => TryParse(c, out _, out var t) ? t ?? int.MaxValue : int.MaxValue)
        .ThenBy(c => c, StringComparer.Ordinal);
}

/// <summary>One combination of the three dimensions.</summary>
public readonly record struct DimensionKey(string Sex, string Age, string Citizenship)
{
    public static readonly DimensionKey Total = new(Dimension.Total, Dimension.Total, Dimension.Total);

    public string Get(string dimension) => dimension switch
    {
        Dimension.Sex => Sex,
        Dimension.Age => Age,
        Dimension.Citizenship => Citizenship,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown dimension."),
    };
}
