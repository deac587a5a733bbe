using System.Globalization;

namespace InLav.Sources.Reading;

/// <summary>Number formats of the official files.</summary>
public enum NumberStyle
{
    /// <summary>"1234", "1234.0", "12.5": a dot is the decimal separator.</summary>
    Plain,

    /// <summary>"5.292" = 5292: a dot groups thousands, a comma separates decimals (Italian).</summary>
    Italian,

    /// <summary>"0.0299999993", "9.99e-06": a dot is the decimal separator, an exponent is allowed.</summary>
    Float,
}

public static class Numbers
{
    /// <summary>A count of people, taxpayers, contracts: a whole number ≥ 0. Blank gives null (suppressed at source) when allowed.</summary>
    public static double? Count(DelimitedRecord record, string column, NumberStyle style, bool blankIsSuppressed = false)
    {
        var value = Number(record, column, style, blankIsSuppressed);
        if (value is { } v)
        {
            if (v < 0)
            {
                throw new SourceFormatException(record.At(column), FormattableString.Invariant($"negative count {v} in '{column}'"));
            }

            if (Math.Abs(v - Math.Round(v)) > 1e-9)
            {
                throw new SourceFormatException(record.At(column), FormattableString.Invariant($"'{record[column]}' in '{column}' is not a whole number"));
            }
        }

        return value;
    }

    /// <summary>Any number (a rate, an amount in euro, which may be negative).</summary>
    public static double? Number(DelimitedRecord record, string column, NumberStyle style, bool blankIsSuppressed = false)
    {
        var raw = record[column];
        if (raw.Length == 0)
        {
            return blankIsSuppressed
                ? null
                : throw new SourceFormatException(record.At(column), $"blank value in '{column}'");
        }

        if (TryParse(raw, style, out var v))
        {
            return v;
        }

        throw new SourceFormatException(record.At(column), $"'{Shorten(raw)}' in '{column}' is not a number");
    }

    public static bool TryParse(string raw, NumberStyle style, out double value)
    {
        var s = raw.Trim();
        if (style == NumberStyle.Italian)
        {
            s = s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }

        var styles = style == NumberStyle.Float ? NumberStyles.Float : NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        return double.TryParse(s, styles, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    private static string Shorten(string s) => s.Length <= 30 ? s : string.Concat(s.AsSpan(0, 30), "…");
}
