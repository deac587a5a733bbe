using System.Text;
using InLav.Core.Measures;

namespace InLav.Store.Export;

/// <summary>
/// The SDMX-CSV 1.0 download (the format of ISTAT's SDMX 2.1 web service): RFC 4180, header DATAFLOW, then the dimensions of our
/// structure (TERRITORIAL_LEVEL, REF_AREA, SEX, AGE, CITIZENSHIP, TIME_PERIOD: all of them always, totals as T), OBS_VALUE, then the
/// attributes: OBS_STATUS (the first flag of the cell in the order of the legend: c s p m e n x), OBS_FLAGS (every flag, space
/// separated), RELIABILITY, SYNTHETIC, UNIT_MEASURE, NUMERATOR, DENOMINATOR, IMPORT_RUNS, and the custom column REF_AREA_NAME.
/// The dataflow is INLAV:{CODE}(1.0), the code upper-cased with any character outside A-Z 0-9 _ made '_'. Media type
/// <see cref="MediaType"/>. The ';' dialect (with decimal comma) is allowed by the guide for locales that use it.
/// </summary>
public static class SdmxCsvDownload
{
    public const string MediaType = "application/vnd.sdmx.data+csv; version=1.0.0";
    public const string Agency = "INLAV";
    public const string Version = "1.0";

    public static readonly IReadOnlyList<string> Dimensions = ["TERRITORIAL_LEVEL", "REF_AREA", "SEX", "AGE", "CITIZENSHIP", "TIME_PERIOD"];

    public static readonly IReadOnlyList<string> Attributes = ["OBS_STATUS", "OBS_FLAGS", "RELIABILITY", "SYNTHETIC", "UNIT_MEASURE", "NUMERATOR", "DENOMINATOR", "IMPORT_RUNS"];

    public static IReadOnlyList<string> Header => ["DATAFLOW", .. Dimensions, "OBS_VALUE", .. Attributes, "REF_AREA_NAME"];

    public static string Dataflow(string code)
    {
        var id = new StringBuilder(code.Length);
        foreach (var ch in code.ToUpperInvariant())
        {
            id.Append(ch is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' ? ch : '_');
        }

        return $"{Agency}:{id}({Version})";
    }

    /// <summary>The first flag of a cell in the order of <see cref="FactFlag.All"/>, or empty.</summary>
    public static string Status(IReadOnlyList<string> flags) => FactFlag.All.FirstOrDefault(flags.Contains) ?? flags.FirstOrDefault() ?? "";

    public static string Write(DownloadTable table, CsvDialect? dialect = null)
    {
        var d = dialect ?? CsvDialect.Standard;
        var sb = new StringBuilder();
        TextCells.Line(sb, d.Separator, Header);
        var flow = T(Dataflow(table.Code), d);
        foreach (var r in table.Rows)
        {
            TextCells.Line(sb, d.Separator,
            [
                flow, T(table.Level, d), T(r.UnitCode, d), T(r.Sex, d), T(r.Age, d), T(r.Citizenship, d), T(r.Period, d),
                TextCells.Number(r.Value, d.Decimal),
                T(Status(r.Flags), d), T(r.FlagText, d), T(r.ReliabilityText, d), r.Synthetic ? CsvDownload.SyntheticMark : "", T(table.Unit, d),
                TextCells.Number(r.Numerator, d.Decimal), TextCells.Number(r.Denominator, d.Decimal), r.ImportRunText, T(r.UnitName, d),
            ]);
        }

        return sb.ToString();
    }

    private static string T(string? text, CsvDialect d) => TextCells.Csv(text, d.Separator);
}
