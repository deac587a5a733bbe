using System.Globalization;

namespace InLav.Sources.Reading;

/// <summary>Typed cells of a delimited record; a bad cell is an error naming file, line and column.</summary>
public static class RecordValues
{
    /// <summary>A date in one of <paramref name="formats"/> (default yyyy-MM-dd).</summary>
    public static DateOnly Date(DelimitedRecord record, string column, params string[] formats)
    {
        var raw = record[column];
        if (DateOnly.TryParseExact(raw, formats.Length == 0 ? ["yyyy-MM-dd"] : formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        throw new SourceFormatException(record.At(column), $"'{raw}' in '{column}' is not a date ({string.Join(" or ", formats.Length == 0 ? ["yyyy-MM-dd"] : formats)})");
    }

    /// <summary>A whole number without sign or separators.</summary>
    public static int Int(DelimitedRecord record, string column)
    {
        var raw = record[column];
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new SourceFormatException(record.At(column), $"'{raw}' in '{column}' is not a whole number");
    }
}
