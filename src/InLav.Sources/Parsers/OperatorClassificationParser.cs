using System.Globalization;
using System.Text.Json;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>
/// Classifications supplied by an operator (Ambiti Territoriali Sociali, Unioni di Comuni, Comunità Montane, Distretti…):
/// one CSV per classification, named &lt;id&gt;.csv, with the columns codice_gruppo, nome_gruppo, codice_comune
/// (';' or ',' as delimiter, UTF-8), and an optional &lt;id&gt;.json beside it with nameIt, nameEn, edition, referenceDate
/// (yyyy-MM-dd), notesIt, notesEn. Comune codes may be those valid at the reference date; the crosswalk restates them.
/// </summary>
public sealed class OperatorClassificationParser : ISourceParser
{
    private static readonly string[] Columns = ["codice_gruppo", "nome_gruppo", "codice_comune"];

    public string Id => "operator-classification";

    public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
    {
        var name = Path.GetFileName(path);
        var id = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        if (id.Length is 0 or > 60 || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new SourceFormatException(new SourcePosition(name, 0, 0), "the file name must be the classification id: lower-case letters, digits and '-' (e.g. ambiti-sociali.csv)");
        }

        if (BuiltInLevel.Comune == id || BuiltInLevel.Provincia == id || BuiltInLevel.Regione == id)
        {
            throw new SourceFormatException(new SourcePosition(name, 0, 0), $"'{id}' is a built-in level and cannot be redefined");
        }

        var meta = ReadMetadata(Path.ChangeExtension(path, ".json"));
        DelimitedReader.CheckSize(path, context.MaxFileBytes, name);
        var text = DelimitedReader.Decode(File.ReadAllBytes(path), "utf-8", name);
        var firstLine = text.AsSpan(0, text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length);
        var delimiter = firstLine.Contains(';') ? ';' : ',';
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in DelimitedReader.Parse(text, new DelimitedLayout(delimiter, "utf-8", 0, Columns), name))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            into.RowsRead++;
            var group = r["codice_gruppo"];
            var groupName = r["nome_gruppo"];
            if (group.Length == 0 || groupName.Length == 0)
            {
                into.Errors.Add(new ImportIssue(r.At(group.Length == 0 ? "codice_gruppo" : "nome_gruppo"), "blank group code or name"));
                continue;
            }

            var code = context.RequireComune(r["codice_comune"], r.At("codice_comune"), into);
            if (code is null)
            {
                continue;
            }

            if (seen.TryGetValue(code, out var line))
            {
                into.Errors.Add(new ImportIssue(r.At("codice_comune"), FormattableString.Invariant($"duplicate row: comune {code} was already assigned at line {line}")));
                continue;
            }

            seen[code] = r.Line;
            into.Memberships.Add(new Membership(id, code, group, groupName));
        }

        into.Classifications.Add(new ClassificationDefinition(id, meta.NameIt ?? id, meta.NameEn ?? meta.NameIt ?? id, meta.Edition ?? "operator",
            meta.ReferenceDate is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null, source.Id, meta.NotesIt, meta.NotesEn));
    }

    private sealed record Metadata(string? NameIt, string? NameEn, string? Edition, string? ReferenceDate, string? NotesIt, string? NotesEn);

    private static Metadata ReadMetadata(string path)
    {
        if (!File.Exists(path))
        {
            return new Metadata(null, null, null, null, null, null);
        }

        try
        {
            return JsonSerializer.Deserialize<Metadata>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? new Metadata(null, null, null, null, null, null);
        }
        catch (JsonException e)
        {
            throw new SourceFormatException(new SourcePosition(Path.GetFileName(path), (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1), $"invalid metadata: {e.Message}");
        }
    }
}
