using System.Globalization;
using System.Text;
using InLav.Tests.Support;

namespace InLav.Tests.Imports;

/// <summary>
/// Reads a raw data file with the simplest code that works (quotes, embedded newlines), independently of the parsers under test,
/// so that expected figures come straight from the source rows.
/// </summary>
public static class RawCsv
{
    public static List<Dictionary<string, string>> Read(string relative, char delimiter, int skipLines = 0, Encoding? encoding = null)
    {
        var text = File.ReadAllText(TestData.File(relative), encoding ?? Encoding.UTF8).TrimStart('\uFEFF');
        var records = Split(text, delimiter).Skip(skipLines).ToList();
        var header = records[0].Select(h => string.Join(' ', h.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        return records.Skip(1).Where(r => r.Count > 1)
            .Select(r => header.Select((h, i) => (h, v: r[i])).GroupBy(p => p.h).ToDictionary(g => g.Key, g => g.First().v))
            .ToList();
    }

    public static double Num(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The province (UTS code, 215 for Milano) of a comune code, written with or without leading zeros.</summary>
    public static string Uts(string code)
    {
        var p = code.Trim().PadLeft(6, '0')[..3];
        return p == "015" ? "215" : p;
    }

    private static IEnumerable<List<string>> Split(string text, char delimiter)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(sb.ToString().TrimEnd('\r'));
                sb.Clear();
                yield return fields;
                fields = [];
            }
            else
            {
                sb.Append(c);
            }
        }

        if (sb.Length > 0 || fields.Count > 0)
        {
            fields.Add(sb.ToString());
            yield return fields;
        }
    }
}
