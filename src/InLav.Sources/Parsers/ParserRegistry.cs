using System.Diagnostics.CodeAnalysis;

namespace InLav.Sources.Parsers;

/// <summary>Every parser of this assembly, by id (each ISourceParser class with a parameterless constructor). A catalogue entry names one.</summary>
public static class ParserRegistry
{
    private static readonly Dictionary<string, ISourceParser> Parsers = typeof(ISourceParser).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISourceParser).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (ISourceParser)Activator.CreateInstance(t)!)
        .ToDictionary(p => p.Id, StringComparer.Ordinal);

    public static ISourceParser Get(string id) => Parsers.TryGetValue(id, out var p)
        ? p
        : throw new InvalidOperationException($"No parser '{id}'. Known: {string.Join(", ", Parsers.Keys.Order(StringComparer.Ordinal))}.");

    public static bool TryGet(string id, [NotNullWhen(true)] out ISourceParser? parser) => Parsers.TryGetValue(id, out parser);

    public static IReadOnlyCollection<string> Ids => Parsers.Keys;
}
