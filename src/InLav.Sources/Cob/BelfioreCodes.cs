using InLav.Core.Territory;
using InLav.Sources.Reading;

namespace InLav.Sources.Cob;

/// <summary>
/// Belfiore (cadastral) codes of comuni → ISTAT codes, with the interval in which each pair held, from the ANPR archive of
/// comuni (comuni/ANPR_archivio_comuni_Lombardia.csv: CODCATASTALE, CODISTAT, DATAISTITUZIONE, DATACESSAZIONE). A comune that
/// moved province keeps its Belfiore code and gets a new ISTAT code (A004 Abbadia Cerreto: 015001 until 1992, then 098001).
/// </summary>
public sealed class BelfioreCodes
{
    private readonly Dictionary<string, List<(DateOnly From, DateOnly To, string Istat)>> intervals;

    public BelfioreCodes(IEnumerable<(string Belfiore, DateOnly From, DateOnly To, string Istat)> rows)
    {
        intervals = rows.GroupBy(r => r.Belfiore, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => (r.From, r.To, r.Istat)).OrderBy(r => r.From).ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The ISTAT code the Belfiore code had on the date; a date outside every interval takes the nearest one (events are
    /// sometimes dated a few days off a change). Null when the code is not a Lombard comune's.
    /// </summary>
    public string? IstatAt(string belfiore, DateOnly date)
    {
        if (!intervals.TryGetValue(belfiore, out var list))
        {
            return null;
        }

        foreach (var (from, to, istat) in list)
        {
            if (from <= date && date <= to)
            {
                return istat;
            }
        }

        return date < list[0].From ? list[0].Istat : list[^1].Istat;
    }

    public static BelfioreCodes Load(string path)
    {
        var layout = new DelimitedLayout(',', "utf-8", 0, ["CODISTAT", "CODCATASTALE", "DATAISTITUZIONE", "DATACESSAZIONE"], AllowExtraColumns: true);
        var rows = new List<(string, DateOnly, DateOnly, string)>();
        foreach (var r in DelimitedReader.Read(path, layout))
        {
            var istat = ComuneCode.Normalize(r["CODISTAT"]) ?? throw new SourceFormatException(r.At("CODISTAT"), $"'{r["CODISTAT"]}' is not a comune code");
            var from = RecordValues.Date(r, "DATAISTITUZIONE");
            var to = RecordValues.Date(r, "DATACESSAZIONE");
            rows.Add((r["CODCATASTALE"], from, to, istat));
        }

        return new BelfioreCodes(rows);
    }
}
