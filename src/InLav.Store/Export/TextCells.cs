using System.Globalization;
using System.Text;

namespace InLav.Store.Export;

/// <summary>
/// Text cells for files a spreadsheet opens (CSV, the Excel CSV, SDMX-CSV, XLSX). Every text field goes through
/// <see cref="Inert"/>: a field whose first character that is not a space, tab or quote is = + - @ (or that starts with a tab,
/// carriage return or line feed) would be run as a formula, so it gets a leading apostrophe and reads as text. Codes too: a group
/// code like <c>a,=HYPERLINK("x")</c> stays one inert cell. Numbers are written as numbers (a negative number is not text).
/// Inert is idempotent: a text that already starts with an apostrophe is left as it is.
/// </summary>
public static class TextCells
{
    /// <summary>The text with a leading apostrophe when a spreadsheet would take it for a formula.</summary>
    public static string Inert(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text[0] is '\t' or '\r' or '\n')
        {
            return "'" + text;
        }

        foreach (var ch in text)
        {
            if (ch is ' ' or '\t' or '"' or '\u00A0')
            {
                continue;
            }

            return ch is '=' or '+' or '-' or '@' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20' ? "'" + text : text;
        }

        return text;
    }

    /// <summary>
    /// A CSV field (RFC 4180) of a text: made <see cref="Inert"/>, then quoted when it holds the separator, a quote, a line break
    /// or a leading or trailing space, with quotes doubled.
    /// </summary>
    public static string Csv(string? text, char separator = ',')
    {
        var safe = Inert(text);
        var quote = safe.Length > 0 && (safe.IndexOfAny([separator, '"', '\n', '\r']) >= 0 || safe[0] == ' ' || safe[^1] == ' ' || safe != (text ?? ""));
        return quote ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    /// <summary>A number as CSV: shortest round-trip form with a dot, or a comma for the Excel (Italian) dialect; empty when null.</summary>
    public static string Number(double? value, char decimalSeparator = '.')
    {
        if (value is not { } v)
        {
            return "";
        }

        var text = v.ToString("R", CultureInfo.InvariantCulture);
        return decimalSeparator == '.' ? text : text.Replace('.', decimalSeparator);
    }

    /// <summary>Joins fields into one CSV line (without the line end).</summary>
    public static void Line(StringBuilder sb, char separator, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first)
            {
                sb.Append(separator);
            }

            sb.Append(f);
            first = false;
        }

        sb.Append("\r\n");
    }
}
