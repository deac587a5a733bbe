using System.Globalization;

namespace InLav.Core.Indicators;

/// <summary>Periods are ISO strings of several granularities; this places each at a point in time.</summary>
public static class PeriodMath
{
    /// <summary>The middle of a period: "2021" → 2 July 2021, "2024-Q1" → mid February, "2025-01" → 16 January, a date → itself.</summary>
    private static DateOnly Midpoint(string period)
    {
        if (DateOnly.TryParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (period.Length == 4 && int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return new DateOnly(year, 7, 2);
        }

        if (period.Length == 7 && period[4] == '-' && period[5] == 'Q' && int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && period[6] is >= '1' and <= '4')
        {
            return new DateOnly(year, ((period[6] - '1') * 3) + 2, 15);
        }

        if (period.Length == 7 && period[4] == '-' && int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(period.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            return new DateOnly(year, month, 16);
        }

        throw new FormatException($"'{period}' is not a period (yyyy, yyyy-Qn, yyyy-MM or yyyy-MM-dd).");
    }

    /// <summary>How many years lie between the midpoints of two periods (always ≥ 0).</summary>
    public static double YearsApart(string a, string b) => Math.Abs(Midpoint(a).DayNumber - Midpoint(b).DayNumber) / 365.25;

    /// <summary>The available periods from the nearest in time to the target to the farthest (ties: the earlier first).</summary>
    public static IEnumerable<string> ByDistance(string target, IReadOnlyList<string> available)
    {
        var t = Midpoint(target).DayNumber;
        return available.OrderBy(p => Math.Abs(Midpoint(p).DayNumber - t)).ThenBy(p => p, StringComparer.Ordinal);
    }
}
