using System.Globalization;
using System.Text;
using InLav.Core.Indicators;

namespace InLav.Store.Export;

/// <summary>The CSV form of an indicator answer, shared by every channel that writes one (REST, CLI).</summary>
public static class IndicatorCsv
{
    public const string Header = "indicator,level,configuration,unit_code,unit_name,period,sex,age,citizenship,value,numerator,denominator,flags,reliability,proxy,rank,rank_of,percentile,change,change_percent,index,parent_value,region_value,z_score,import_runs,synthetic";

    public static string ToCsv(IndicatorResult result)
    {
        var sb = new StringBuilder();
        sb.Append(Header).Append('\n');
        foreach (var r in result.Rows)
        {
            var d = r.Derived;
            sb.Append(CultureInfo.InvariantCulture, $"{Q(result.Definition.Code)},{Q(result.Level)},{result.ConfigurationDate:yyyy-MM-dd},{Q(r.UnitCode)},{Q(r.UnitName)},{Q(r.Period)},{Q(r.Sex)},{Q(r.Age)},{Q(r.Citizenship)},")
              .Append(CultureInfo.InvariantCulture, $"{N(r.Value)},{N(r.Numerator)},{N(r.Denominator)},{Q(string.Join(' ', r.Flags))},{Q(string.Join(' ', r.Reliability))},{(result.Definition.Proxy ? "proxy" : "")},")
              .Append(CultureInfo.InvariantCulture, $"{d?.Rank},{d?.RankOf},{N(d?.Percentile)},{N(d?.Change)},{N(d?.ChangePercent)},{N(d?.Index)},{N(d?.ParentValue)},{N(d?.RegionValue)},{N(d?.ZScore)},{string.Join(' ', r.ImportRuns)},{(r.Synthetic ? "synthetic" : "")}\n");
        }

        return sb.ToString();
    }

    private static string Q(string text) => TextCells.Csv(text);

    private static string N(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";
}
