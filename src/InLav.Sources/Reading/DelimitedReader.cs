using System.Text;

namespace InLav.Sources.Reading;

/// <summary>
/// How a delimited file is laid out (from the catalogue entry's options). FooterAfterBlankLine: a blank line (or a line of empty
/// cells) ends the records and what follows are notes with text in the first cell only (ISTAT demo tables end with a footnote);
/// a record with more there is an error.
/// </summary>
public sealed record DelimitedLayout(
    char Delimiter,
    string Encoding,
    int SkipLines,
    IReadOnlyList<string> RequiredColumns,
    bool AllowExtraColumns = false,
    bool AllowTrailingEmptyField = false,
    bool FooterAfterBlankLine = false)
{
    public static char ParseDelimiter(string text) => text switch
    {
        ";" or "semicolon" => ';',
        "," or "comma" => ',',
        "\t" or "tab" => '\t',
        "|" => '|',
        _ => throw new ArgumentException($"Unknown delimiter '{text}'."),
    };
}

/// <summary>One record of a delimited file, with its position for error messages.</summary>
public sealed class DelimitedRecord(string file, int line, string[] fields, IReadOnlyDictionary<string, int> columns)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public IReadOnlyList<string> Fields => fields;

    public bool Has(string column) => columns.ContainsKey(column);

    public int ColumnIndex(string column) => columns.TryGetValue(column, out var i)
        ? i
        : throw new SourceFormatException(new SourcePosition(File, Line, 0), $"missing column '{column}'");

    /// <summary>The cell, trimmed.</summary>
    public string this[string column] => fields[ColumnIndex(column)].Trim();

    public SourcePosition At(string column) => new(File, Line, ColumnIndex(column) + 1);
}

/// <summary>
/// Reads the official delimited layouts: declared delimiter and encoding (UTF-8 with or without BOM, Latin-1),
/// title lines before the header, RFC 4180 quoting with newlines inside cells, strict header and field counts,
/// a size limit, and a guard against spreadsheet formula injection. Every error names file, line and column.
/// </summary>
public static class DelimitedReader
{
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    public static IEnumerable<DelimitedRecord> Read(string path, DelimitedLayout layout, long maxBytes = DefaultMaxBytes, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        CheckSize(path, maxBytes, name);
        var text = Decode(File.ReadAllBytes(path), layout.Encoding, name);
        return Parse(text, layout, name);
    }

    /// <summary>Refuses a source file larger than the limit (before reading it).</summary>
    public static void CheckSize(string path, long maxBytes, string name)
    {
        var length = new FileInfo(path).Length;
        if (length > maxBytes)
        {
            throw new SourceFormatException(new SourcePosition(name, 0, 0),
                FormattableString.Invariant($"the file is {length:N0} bytes, over the limit of {maxBytes:N0} bytes"));
        }
    }

    public static string Decode(byte[] bytes, string encoding, string name)
    {
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        switch (encoding.ToLowerInvariant())
        {
            case "latin1":
            case "iso-8859-1":
                if (hasBom)
                {
                    throw new SourceFormatException(new SourcePosition(name, 1, 1), "expected Latin-1 (ISO-8859-1) but the file starts with a UTF-8 byte-order mark");
                }

                return Encoding.Latin1.GetString(bytes);
            case "utf-8":
            case "utf8":
                var start = hasBom ? 3 : 0;
                try
                {
                    return new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start);
                }
                catch (DecoderFallbackException)
                {
                    var (line, column) = FirstInvalidUtf8(bytes, start);
                    throw new SourceFormatException(new SourcePosition(name, line, column),
                        "the file is not valid UTF-8 (wrong encoding? Latin-1 files must be declared as such)");
                }

            default:
                throw new ArgumentException($"Unknown encoding '{encoding}'.");
        }
    }

    private static (int Line, int Column) FirstInvalidUtf8(byte[] bytes, int start)
    {
        var decoder = new UTF8Encoding(false, true);
        int line = 1, lineStart = start;
        for (var i = start; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (bytes[i] >= 0x80)
            {
                var len = bytes[i] >= 0xF0 ? 4 : bytes[i] >= 0xE0 ? 3 : bytes[i] >= 0xC0 ? 2 : 1;
                try
                {
                    if (i + len > bytes.Length || len == 1)
                    {
                        throw new DecoderFallbackException();
                    }

                    decoder.GetString(bytes, i, len);
                    i += len - 1;
                }
                catch (DecoderFallbackException)
                {
                    return (line, i - lineStart + 1);
                }
            }
        }

        return (line, 1);
    }

    public static IEnumerable<DelimitedRecord> Parse(string text, DelimitedLayout layout, string name)
    {
        var pos = 0;
        var line = 1;
        for (var skipped = 0; skipped < layout.SkipLines; skipped++)
        {
            if (NextRecord(text, ref pos, ref line, layout.Delimiter, name) is null)
            {
                throw new SourceFormatException(new SourcePosition(name, line, 0), "the file ends before its header");
            }
        }

        var headerLine = line;
        var header = NextRecord(text, ref pos, ref line, layout.Delimiter, name)
            ?? throw new SourceFormatException(new SourcePosition(name, headerLine, 0), "the file is empty: no header");
        var headerNames = header.Select(NormalizeHeader).ToList();
        if (layout.AllowTrailingEmptyField && headerNames.Count > 0 && headerNames[^1].Length == 0)
        {
            headerNames.RemoveAt(headerNames.Count - 1);
        }

        CheckHeader(headerNames, layout, name, headerLine);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headerNames.Count; i++)
        {
            columns.TryAdd(headerNames[i], i);
        }

        var footer = false;
        while (true)
        {
            var recordLine = line;
            var fields = NextRecord(text, ref pos, ref line, layout.Delimiter, name);
            if (fields is null)
            {
                yield break;
            }

            if (fields.Length == 1 && fields[0].Length == 0)
            {
                footer = layout.FooterAfterBlankLine;
                continue; // blank line
            }

            if (layout.FooterAfterBlankLine && fields.All(f => f.Trim().Length == 0))
            {
                footer = true;
                continue; // a line of empty cells (",,,,,") also opens the footer
            }

            if (footer)
            {
                if (fields.Skip(1).All(f => f.Trim().Length == 0))
                {
                    continue; // a footnote: text in the first cell only
                }

                throw new SourceFormatException(new SourcePosition(name, recordLine, 1),
                    "a record after the blank line that starts the footer (only notes in the first cell may follow it)");
            }

            // A delimiter at the end of a line (MEF writes one, the 2021 files two) gives empty fields past the header.
            while (layout.AllowTrailingEmptyField && fields.Length > headerNames.Count && fields[^1].Trim().Length == 0)
            {
                fields = fields[..^1];
            }

            if (fields.Length != headerNames.Count)
            {
                var column = Math.Min(fields.Length, headerNames.Count) + 1;
                throw new SourceFormatException(new SourcePosition(name, recordLine, column),
                    FormattableString.Invariant($"the record has {fields.Length} fields, the header has {headerNames.Count} (truncated record, wrong delimiter or an unquoted delimiter inside a value)"));
            }

            for (var i = 0; i < fields.Length; i++)
            {
                if (LooksLikeFormula(fields[i]))
                {
                    throw new SourceFormatException(new SourcePosition(name, recordLine, i + 1),
                        $"the value '{Shorten(fields[i])}' looks like a spreadsheet formula; such values are refused");
                }
            }

            yield return new DelimitedRecord(name, recordLine, fields, columns);
        }
    }

    private static void CheckHeader(List<string> header, DelimitedLayout layout, string name, int line)
    {
        if (header.Count == 1 && layout.RequiredColumns.Count > 1)
        {
            var other = new[] { ';', ',', '\t', '|' }.FirstOrDefault(d => d != layout.Delimiter && header[0].Contains(d, StringComparison.Ordinal));
            throw new SourceFormatException(new SourcePosition(name, line, 1), other == default
                ? $"the header has a single column; expected '{layout.Delimiter}' as delimiter"
                : $"wrong delimiter: expected '{layout.Delimiter}' but the header is separated by '{other}'");
        }

        for (var i = 0; i < layout.RequiredColumns.Count; i++)
        {
            var required = NormalizeHeader(layout.RequiredColumns[i]);
            if (!header.Contains(required, StringComparer.Ordinal))
            {
                throw new SourceFormatException(new SourcePosition(name, line, 0), $"missing column '{required}'");
            }
        }

        if (!layout.AllowExtraColumns)
        {
            var required = layout.RequiredColumns.Select(NormalizeHeader).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                if (!required.Contains(header[i]))
                {
                    throw new SourceFormatException(new SourcePosition(name, line, i + 1), $"unexpected column '{Shorten(header[i])}'");
                }
            }
        }

        var dup = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1 && g.Key.Length > 0);
        if (dup is not null)
        {
            throw new SourceFormatException(new SourcePosition(name, line, header.IndexOf(dup.Key) + 1), $"the column '{Shorten(dup.Key)}' appears twice");
        }
    }

    /// <summary>Header cells: trimmed, inner newlines and runs of spaces folded to one space.</summary>
    public static string NormalizeHeader(string cell)
    {
        var sb = new StringBuilder(cell.Length);
        var space = false;
        foreach (var ch in cell.Trim().TrimStart('\uFEFF'))
        {
            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>Cells that a spreadsheet would run as a formula: "=…", "@…", "+"/"-" not followed by a number, or a leading tab/CR.</summary>
    private static bool LooksLikeFormula(string cell)
    {
        if (cell.Length == 0)
        {
            return false;
        }

        var c = cell[0];
        if (c is '=' or '@' or '\t' or '\r')
        {
            return true;
        }

        if (c is '+' or '-' && cell.Length > 1)
        {
            var rest = cell[1..].Trim();
            return rest.Length > 0 && !char.IsAsciiDigit(rest[0]) && rest[0] != '.' && rest[0] != ',';
        }

        return false;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 40), "…");

    private static string[]? NextRecord(string text, ref int pos, ref int line, char delimiter, string name)
    {
        if (pos >= text.Length)
        {
            return null;
        }

        var fields = new List<string>();
        var sb = new StringBuilder();
        var startLine = line;
        var quoted = false;
        var fieldStart = true;
        while (pos < text.Length)
        {
            var ch = text[pos];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (pos + 1 < text.Length && text[pos + 1] == '"')
                    {
                        sb.Append('"');
                        pos += 2;
                        continue;
                    }

                    quoted = false;
                    pos++;
                    continue;
                }

                if (ch == '\n')
                {
                    line++;
                }

                sb.Append(ch);
                pos++;
                continue;
            }

            if (ch == '"' && fieldStart)
            {
                quoted = true;
                fieldStart = false;
                pos++;
                continue;
            }

            if (ch == delimiter)
            {
                fields.Add(sb.ToString());
                sb.Clear();
                fieldStart = true;
                pos++;
                continue;
            }

            if (ch == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n')
            {
                pos++;
                continue;
            }

            if (ch == '\n')
            {
                pos++;
                line++;
                fields.Add(sb.ToString());
                return [.. fields];
            }

            sb.Append(ch);
            fieldStart = false;
            pos++;
        }

        if (quoted)
        {
            throw new SourceFormatException(new SourcePosition(name, startLine, fields.Count + 1), "a quoted value is not closed before the end of the file (truncated file?)");
        }

        fields.Add(sb.ToString());
        return [.. fields];
    }
}
