using InLav.Sources.Reading;

namespace InLav.Sources.Cob;

/// <summary>
/// The ministry's classification of contract types (MLPS "Classificazioni Standard", sheet ST-TIPO CONTRATTI; the subset of
/// main codes in comunicazioni_obbligatorie/mlps_tipologie_contrattuali_subset.csv): code → description.
/// </summary>
public sealed class ContractTypes
{
    private readonly Dictionary<string, string> byCode;
    private readonly Dictionary<string, string> byDescription;

    public ContractTypes(IEnumerable<(string Code, string Description)> entries)
    {
        var list = entries.ToList();
        byCode = list.ToDictionary(e => e.Code, e => e.Description, StringComparer.Ordinal);
        byDescription = list.GroupBy(e => Normalize(e.Description), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);
    }

    public bool IsKnown(string code) => byCode.ContainsKey(code);

    /// <summary>The code of a description as the open data write it ("LAVORO INTERMITTENTE"), case and spacing ignored.</summary>
    public string? CodeOfDescription(string description) => byDescription.GetValueOrDefault(Normalize(description));

    public static ContractTypes Load(string path)
    {
        var layout = new DelimitedLayout(',', "utf-8", 0, ["cod_tipologia_contrattuale", "des_tipologia_contrattuale"]);
        var entries = new List<(string, string)>();
        foreach (var r in DelimitedReader.Read(path, layout))
        {
            var code = r["cod_tipologia_contrattuale"];
            if (!System.Text.RegularExpressions.Regex.IsMatch(code, @"^[A-Z]\.[0-9]{2}\.[0-9]{2}$"))
            {
                throw new SourceFormatException(r.At("cod_tipologia_contrattuale"), $"'{code}' is not a ministry contract code (X.00.00)");
            }

            entries.Add((code, r["des_tipologia_contrattuale"]));
        }

        return new ContractTypes(entries);
    }

    private static string Normalize(string text) =>
        string.Join(' ', text.ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
