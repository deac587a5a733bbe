using InLav.Core.Territory;

namespace InLav.Sources.Parsers;

/// <summary>
/// The UTS code of a Lombardy province from its name as sources write it: any case, accents and hyphens optional ("BERGAMO",
/// "Monza e della Brianza", "MONZA E DELLA BRIANZA"); Milano also without "Città metropolitana di"; any name starting with
/// "Monza" is Monza e della Brianza. The folded names are built once.
/// </summary>
public static class ProvinceNames
{
    private const string MetropolitanCity = "CITTA METROPOLITANA DI ";

    private static readonly Dictionary<string, string> UtsByName = Province.Lombardy
        .SelectMany(p => Key(p.Name) is var key && key.StartsWith(MetropolitanCity, StringComparison.Ordinal)
            ? new[] { (key, p.UtsCode), (key[MetropolitanCity.Length..], p.UtsCode) }
            : [(key, p.UtsCode)])
        .ToDictionary(n => n.Item1, n => n.Item2, StringComparer.Ordinal);

    public static string? UtsCodeOf(string name)
    {
        var key = Key(name);
        return key.StartsWith("MONZA", StringComparison.Ordinal) ? "108" : UtsByName.GetValueOrDefault(key);
    }

    private static string Key(string name) => TerritorialSnapshot.Fold(name).ToUpperInvariant().Replace('-', ' ');
}
