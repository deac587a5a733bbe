using System.Globalization;

namespace InLav.Web.Explorer;

/// <summary>A point of a time axis: a period placed at its start (milliseconds since 1970, UTC); <see cref="Period"/> is null for a gap (a period the source does not have).</summary>
public sealed record TimePoint(string? Period, long Milliseconds);

/// <summary>
/// Periods on a true time axis: each at its start in time, and every period missing between two of the same cadence
/// (years, quarters, months, or dates a year apart) added as a gap, so a chart leaves it empty and does not join across it.
/// </summary>
public static class TimeAxis
{
    public const string Year = "year";
    public const string Quarter = "quarter";
    public const string Month = "month";
    public const string Date = "date";

    /// <summary>The cadence of the periods: year, quarter, month, or date (dates, including 1 January of each year).</summary>
    public static string Granularity(IReadOnlyList<string> periods)
    {
        var kinds = periods.Select(p => Parse(p)?.Kind).Distinct().ToList();
        return kinds.Count == 1 && kinds[0] is { } k ? k : Date;
    }

    /// <summary>The periods (oldest first) with the gaps between them, each at its start in time; periods that are not ISO periods are left out.</summary>
    public static IReadOnlyList<TimePoint> Points(IReadOnlyList<string> periods)
    {
        var parsed = periods.Select(p => (Period: p, Parsed: Parse(p))).Where(p => p.Parsed is not null).Select(p => (p.Period, Start: p.Parsed!.Value.Start, p.Parsed.Value.Kind))
            .OrderBy(p => p.Start).ToList();
        var points = new List<TimePoint>();
        if (parsed.Count == 0)
        {
            return points;
        }

        var kind = parsed.Select(p => p.Kind).Distinct().Count() == 1 ? parsed[0].Kind : null;
        // Dates on the same day of the year (1 January of each year) have a yearly cadence; other dates have none.
        Func<DateOnly, DateOnly>? step = kind switch
        {
            Year => d => d.AddYears(1),
            Quarter => d => d.AddMonths(3),
            Month => d => d.AddMonths(1),
            Date when parsed.Select(p => (p.Start.Month, p.Start.Day)).Distinct().Count() == 1 => d => d.AddYears(1),
            _ => null,
        };
        for (var i = 0; i < parsed.Count; i++)
        {
            if (i > 0 && step is not null)
            {
                for (var gap = step(parsed[i - 1].Start); gap < parsed[i].Start; gap = step(gap))
                {
                    points.Add(new TimePoint(null, Milliseconds(gap)));
                }
            }

            points.Add(new TimePoint(parsed[i].Period, Milliseconds(parsed[i].Start)));
        }

        return points;
    }

    private static long Milliseconds(DateOnly d) => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static (DateOnly Start, string Kind)? Parse(string period)
    {
        if (DateOnly.TryParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date, Date);
        }

        if (period.Length == 4 && int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            return (new DateOnly(year, 1, 1), Year);
        }

        if (period.Length == 7 && period[4] == '-' && period[5] == 'Q' && period[6] is >= '1' and <= '4'
            && int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= 1)
        {
            return (new DateOnly(year, ((period[6] - '1') * 3) + 1, 1), Quarter);
        }

        if (period.Length == 7 && period[4] == '-' && int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= 1
            && int.TryParse(period.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            return (new DateOnly(year, month, 1), Month);
        }

        return null;
    }
}
