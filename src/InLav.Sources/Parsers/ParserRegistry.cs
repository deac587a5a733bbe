namespace InLav.Sources.Parsers;

/// <summary>Every parser, by id. A catalogue entry names one of these.</summary>
public static class ParserRegistry
{
    private static readonly Dictionary<string, ISourceParser> Parsers = new ISourceParser[]
    {
        new TerritoryParsers.SituasComuniList(),
        new TerritoryParsers.AnprArchive(),
        new TerritoryParsers.SituasVariations(),
        new PopulationParsers.AnprResidents(),
    }.ToDictionary(p => p.Id, StringComparer.Ordinal);

    public static ISourceParser Get(string id) => Parsers.TryGetValue(id, out var p)
        ? p
        : throw new InvalidOperationException($"No parser '{id}'. Known: {string.Join(", ", Parsers.Keys.Order(StringComparer.Ordinal))}.");

    public static bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ISourceParser? parser) => Parsers.TryGetValue(id, out parser);

    public static IReadOnlyCollection<string> Ids => Parsers.Keys;
}
