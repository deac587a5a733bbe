using System.Globalization;
using System.Text.Json;
using InLav.Sources.Catalogue;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>Small helpers shared by the parsers.</summary>
public static class ParserHelpers
{
    /// <summary>
    /// The delimited layout of a source: delimiter, encoding and title lines from the catalogue options; the columns the parser
    /// reads plus the official header declared in the catalogue ("columns"); any other column is refused unless
    /// the catalogue says "extraColumns": "allow"; "footer": "after-blank-line" for tables that end with notes after a blank line.
    /// </summary>
    public static DelimitedLayout Layout(SourceDefinition source, IReadOnlyList<string> columns, bool allowExtra = false, bool trailingEmpty = false)
    {
        var declared = source.ListOption("columns") ?? [];
        var all = declared.Concat(columns).Select(DelimitedReader.NormalizeHeader).Distinct(StringComparer.Ordinal).ToList();
        return new(DelimitedLayout.ParseDelimiter(source.Option("delimiter", ";")), source.Option("encoding", "utf-8"), source.IntOption("skipLines", 0),
            all, allowExtra || source.Option("extraColumns", "refuse") == "allow", trailingEmpty || source.Option("trailingEmptyField", "no") == "yes",
            source.Option("footer", "none") == "after-blank-line");
    }

    public static IEnumerable<DelimitedRecord> Records(string path, SourceDefinition source, ParseContext context, IReadOnlyList<string> columns, bool allowExtra = false, bool trailingEmpty = false)
    {
        long n = 0;
        foreach (var record in DelimitedReader.Read(path, Layout(source, columns, allowExtra, trailingEmpty), context.MaxFileBytes))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (++n % 1000 == 0)
            {
                context.RowsProgress?.Report(n);
            }

            yield return record;
        }

        context.RowsProgress?.Report(n);
    }

    /// <summary>A JSON source file, parsed after the size check of the context; invalid JSON is an error at its line.</summary>
    public static JsonDocument OpenJson(string path, ParseContext context)
    {
        var name = Path.GetFileName(path);
        DelimitedReader.CheckSize(path, context.MaxFileBytes, name);
        using var stream = File.OpenRead(path);
        try
        {
            return JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new SourceFormatException(new SourcePosition(name, (int)(e.LineNumber ?? 0) + 1, 0), "not valid JSON: " + e.Message);
        }
    }

    /// <summary>The items of a JSON array with their number (from 1), each counted as a row read; cancellable between items.</summary>
    public static IEnumerable<(JsonElement Item, int Index)> Items(JsonElement array, ParsedDataset into, ParseContext context)
    {
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            into.RowsRead++;
            yield return (item, ++index);
        }
    }

    /// <inheritdoc cref="RecordValues.Date"/>
    public static DateOnly Date(DelimitedRecord record, string column, params string[] formats) => RecordValues.Date(record, column, formats);

    /// <inheritdoc cref="RecordValues.Int"/>
    public static int Int(DelimitedRecord record, string column) => RecordValues.Int(record, column);
}
