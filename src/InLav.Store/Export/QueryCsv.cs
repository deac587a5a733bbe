using System.Globalization;
using System.Text;
using InLav.Core.Query;

namespace InLav.Store.Export;

/// <summary>The CSV form of a query answer, shared by every channel that writes one (REST, CLI).</summary>
public static class QueryCsv
{
    public const string Header = "measure,level,configuration,unit_code,unit_name,period,sex,age,citizenship,value,flags,source_units,suppressed_units,comuni_in_unit,comuni_missing,import_runs,synthetic";

    /// <summary>
    /// The answer as CSV (comma, dot decimals, UTF-8), with the configuration and source runs in columns; the last column says
    /// SYNTHETIC for values built from synthetic sources.
    /// </summary>
    public static string ToCsv(QueryResult result)
    {
        var sb = new StringBuilder();
        sb.Append(Header).Append('\n');
        foreach (var r in result.Rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{result.Measure},{result.Level},{result.ConfigurationDate:yyyy-MM-dd},{r.UnitCode},{Quote(r.UnitName)},{r.Period},{r.Sex},{r.Age},{r.Citizenship},")
              .Append(r.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "")
              .Append(CultureInfo.InvariantCulture, $",{string.Join(' ', r.Flags)},{r.Components.SourceUnits},{r.Components.Suppressed},{r.Components.ComuniInUnit},{r.Components.ComuniMissing},{string.Join(' ', r.ImportRuns)},{(r.Synthetic ? "SYNTHETIC" : "")}\n");
        }

        return sb.ToString();
    }

    /// <summary>Quotes a text cell; a cell a spreadsheet would run as a formula gets a leading apostrophe.</summary>
    public static string Quote(string text)
    {
        var safe = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 || safe != text ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
