using System.Text;

namespace InLav.Store.Export;

/// <summary>
/// A CSV dialect. <see cref="Standard"/>: RFC 4180, comma, dot decimals, UTF-8 without BOM (for programs).
/// <see cref="Excel"/>: semicolon, decimal comma and a UTF-8 BOM, which is what Excel in an Italian locale opens by
/// double-click with numbers as numbers and accents intact (there the list separator is ';' because ',' is the decimal mark).
/// </summary>
public sealed record CsvDialect(char Separator, char Decimal, bool Bom)
{
    public static readonly CsvDialect Standard = new(',', '.', false);
    public static readonly CsvDialect Excel = new(';', ',', true);

    /// <summary>The bytes of a CSV text in this dialect (UTF-8, with the BOM when the dialect asks for it).</summary>
    public byte[] Encode(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        return Bom ? [.. Encoding.UTF8.Preamble, .. body] : body;
    }
}

/// <summary>The CSV writers of a download table: the tidy long layout and the wide one (units × periods).</summary>
public static class CsvDownload
{
    public static readonly IReadOnlyList<string> TidyHeader =
        ["dataset", "level", "configuration", "unit_code", "unit_name", "period", "sex", "age", "citizenship", "value", "numerator", "denominator", "unit",
         "flags", "reliability", "synthetic", "import_runs"];

    /// <summary>What the synthetic column holds for a row built from generated figures.</summary>
    public const string SyntheticMark = "SYNTHETIC";

    public static string Tidy(DownloadTable table, CsvDialect? dialect = null)
    {
        var d = dialect ?? CsvDialect.Standard;
        var sb = new StringBuilder();
        TextCells.Line(sb, d.Separator, TidyHeader);
        var configuration = table.ConfigurationDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var r in table.Rows)
        {
            TextCells.Line(sb, d.Separator,
            [
                T(table.Code, d), T(table.Level, d), configuration, T(r.UnitCode, d), T(r.UnitName, d), T(r.Period, d), T(r.Sex, d), T(r.Age, d), T(r.Citizenship, d),
                TextCells.Number(r.Value, d.Decimal), TextCells.Number(r.Numerator, d.Decimal), TextCells.Number(r.Denominator, d.Decimal), T(table.Unit, d),
                T(r.FlagText, d), T(r.ReliabilityText, d), r.Synthetic ? SyntheticMark : "", r.ImportRunText,
            ]);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The wide layout: unit_code, unit_name, the breakdown columns the table has, then for each period a value column named by
    /// the period and a flags column "{period} flags", and a last synthetic column.
    /// </summary>
    public static string Wide(WideTable wide, CsvDialect? dialect = null)
    {
        var d = dialect ?? CsvDialect.Standard;
        var table = wide.Source;
        var dims = InLav.Core.Measures.Dimension.All.Where(table.Has).ToList();
        var sb = new StringBuilder();
        TextCells.Line(sb, d.Separator,
            ["unit_code", "unit_name", .. dims, .. wide.Periods.SelectMany(p => new[] { T(p, d), T(p + " flags", d) }), "synthetic"]);
        foreach (var r in wide.Rows)
        {
            var first = new List<string> { T(r.UnitCode, d), T(r.UnitName, d) };
            first.AddRange(dims.Select(x => T(x switch { "sex" => r.Sex, "age" => r.Age, _ => r.Citizenship }, d)));
            TextCells.Line(sb, d.Separator,
                [.. first, .. r.Cells.SelectMany(c => new[] { TextCells.Number(c?.Value, d.Decimal), T(c?.FlagText, d) }), r.Synthetic ? SyntheticMark : ""]);
        }

        return sb.ToString();
    }

    private static string T(string? text, CsvDialect d) => TextCells.Csv(text, d.Separator);
}
