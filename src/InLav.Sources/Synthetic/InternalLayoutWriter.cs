using System.Globalization;
using System.Text;
using InLav.Sources.Cob;
using InLav.Sources.Parsers;

namespace InLav.Sources.Synthetic;

/// <summary>
/// Writes contracts in the internal comune-level layout (the header of CobParsers.CobInternal.Columns; comma, UTF-8 without
/// BOM, LF, dates yyyy-MM-dd, fine blank when open), in files of at most RowsPerFile rows named {prefix}_0001.csv… The same
/// contracts give byte-identical files.
/// </summary>
public static class InternalLayoutWriter
{
    public const int DefaultRowsPerFile = 1_000_000;

    public static IReadOnlyList<string> Write(IEnumerable<CobContract> contracts, Func<string, string> belfiore, string folder, string prefix, int rowsPerFile = DefaultRowsPerFile)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        StreamWriter? writer = null;
        var rows = 0;
        var header = string.Join(',', CobParsers.CobInternal.Columns);
        try
        {
            foreach (var c in contracts)
            {
                if (writer is null || rows == rowsPerFile)
                {
                    writer?.Dispose();
                    var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{prefix}_{files.Count + 1:D4}.csv"));
                    files.Add(path);
                    writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
                    writer.WriteLine(header);
                    rows = 0;
                }

                writer.WriteLine(Line(c, belfiore(c.Comune)));
                rows++;
            }
        }
        finally
        {
            writer?.Dispose();
        }

        return files;
    }

    public static string Line(CobContract c, string belfiore) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Id},{c.Start:yyyy-MM-dd},{(c.End is { } e ? e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")},{c.Contract},{belfiore},{c.Age},{c.Sex},{c.Country ?? "ITA"},{c.Ateco}");
}
