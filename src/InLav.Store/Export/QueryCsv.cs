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
            sb.Append(CultureInfo.InvariantCulture, $"{Quote(result.Measure)},{Quote(result.Level)},{result.ConfigurationDate:yyyy-MM-dd},{Quote(r.UnitCode)},{Quote(r.UnitName)},{Quote(r.Period)},{Quote(r.Sex)},{Quote(r.Age)},{Quote(r.Citizenship)},")
              .Append(r.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "")
              .Append(CultureInfo.InvariantCulture, $",{Quote(string.Join(' ', r.Flags))},{r.Components.SourceUnits},{r.Components.Suppressed},{r.Components.ComuniInUnit},{r.Components.ComuniMissing},{string.Join(' ', r.ImportRuns)},{(r.Synthetic ? "SYNTHETIC" : "")}\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// A text cell (every text field of the row, codes included): made inert when a spreadsheet would run it as a formula, also
    /// after leading spaces, tabs or quotes, and quoted when it holds a comma, a quote or a line break (<see cref="TextCells.Csv"/>).
    /// </summary>
    public static string Quote(string text) => TextCells.Csv(text);
}
