using System.Collections.Frozen;
using System.Text.Json;

namespace InLav.Web.Components.Shell;

/// <summary>
/// Every text of the user interface in Italian (first) and English. Each feature keeps its texts beside its pages in a
/// file named *.texts.json: { "it": { "key": "…" }, "en": { "key": "…" } }, embedded in the assembly. A key missing in
/// English falls back to Italian; a key missing everywhere shows as [key] (a test fails on that).
/// </summary>
public sealed class Texts
{
    public const string Italian = "it";
    public const string English = "en";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> byLanguage;

    public Texts()
    {
        var merged = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal) { [Italian] = [], [English] = [] };
        var assembly = typeof(Texts).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".texts.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                ?? throw new InvalidDataException($"{name} is empty.");
            foreach (var (lang, entries) in file)
            {
                if (!merged.TryGetValue(lang, out var target))
                {
                    throw new InvalidDataException($"{name}: unknown language '{lang}'.");
                }

                foreach (var (key, text) in entries)
                {
                    if (!target.TryAdd(key, text))
                    {
                        throw new InvalidDataException($"{name}: the key '{key}' ({lang}) is defined twice.");
                    }
                }
            }
        }

        byLanguage = merged.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Keys(string lang) => byLanguage[lang].Keys;

    /// <summary>The text of a key in one language, without falling back to Italian; null when that language has no such key.</summary>
    public string? Find(string lang, string key) => byLanguage.GetValueOrDefault(lang)?.GetValueOrDefault(key);

    public string Get(string lang, string key) =>
        byLanguage.GetValueOrDefault(lang)?.GetValueOrDefault(key) ?? byLanguage[Italian].GetValueOrDefault(key) ?? $"[{key}]";

    public static string Normalize(string? lang) => string.Equals(lang, English, StringComparison.OrdinalIgnoreCase) ? English : Italian;

    /// <summary>The language of a page from its address (?lang=en, any case; Italian otherwise).</summary>
    public static string LangOf(string uri) =>
        Normalize(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(uri).Query).TryGetValue("lang", out var l) ? l.ToString() : null);
}
