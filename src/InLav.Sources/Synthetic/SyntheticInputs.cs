using InLav.Core.Territory;
using InLav.Sources.Cob;
using InLav.Sources.Reading;

namespace InLav.Sources.Synthetic;

/// <summary>A workplace comune of the generator: ISTAT code, Belfiore code, province (UTS) and its share of the events.</summary>
public sealed record SyntheticComune(string Code, string Belfiore, string Province, double Weight);

/// <summary>
/// The real inputs of the SYNTHETIC COB generator: the MLPS Lombardy quarterly series (totals to match exactly), the comuni of
/// the SITUAS list (ISTAT and Belfiore codes), and their weights = half the comune's share of employed residents (2011
/// census, P61) plus half its share of residents (ISTAT POSAS). Census codes of comuni merged since 2011 are not in the list
/// and lose their employment share (their successors keep their population share).
/// </summary>
public sealed record SyntheticInputs(IReadOnlyList<MlpsQuarter> Series, IReadOnlyList<SyntheticComune> Comuni)
{
    public static SyntheticInputs Load(string seriesPath, string comuniPath, string employedPath, string populationPath)
    {
        var series = MlpsSeries.ReadLombardy(seriesPath);
        var comuni = new List<(string Code, string Belfiore)>();
        foreach (var r in DelimitedReader.Read(comuniPath, new DelimitedLayout(',', "utf-8", 0, ["PRO_COM_T", "COD_CATASTO"], AllowExtraColumns: true)))
        {
            var code = ComuneCode.Normalize(r["PRO_COM_T"]) ?? throw new SourceFormatException(r.At("PRO_COM_T"), $"'{r["PRO_COM_T"]}' is not a comune code");
            comuni.Add((code, r["COD_CATASTO"]));
        }

        var employed = Counts(employedPath, ';', "PROCOM", "P61");
        var population = Counts(populationPath, ',', "codice_comune", "totale");
        double employedTotal = comuni.Sum(c => employed.GetValueOrDefault(c.Code));
        double populationTotal = comuni.Sum(c => population.GetValueOrDefault(c.Code));
        if (employedTotal <= 0 || populationTotal <= 0)
        {
            throw new SourceFormatException(new SourcePosition(Path.GetFileName(employedPath), 0, 0), "no employed or no residents for the comuni of the list");
        }

        var weighted = comuni
            .Select(c => new SyntheticComune(c.Code, c.Belfiore, Province.ByCode(ComuneCode.ProvinceOf(c.Code))?.UtsCode ?? ComuneCode.ProvinceOf(c.Code),
                0.5 * employed.GetValueOrDefault(c.Code) / employedTotal + 0.5 * population.GetValueOrDefault(c.Code) / populationTotal))
            .Where(c => c.Weight > 0)
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return new SyntheticInputs(series, weighted);
    }

    private static Dictionary<string, double> Counts(string path, char delimiter, string codeColumn, string valueColumn)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in DelimitedReader.Read(path, new DelimitedLayout(delimiter, "utf-8", 0, [codeColumn, valueColumn], AllowExtraColumns: true)))
        {
            if (ComuneCode.Normalize(r[codeColumn]) is { } code && Numbers.Count(r, valueColumn, NumberStyle.Plain) is { } v)
            {
                counts[code] = counts.GetValueOrDefault(code) + v;
            }
        }

        return counts;
    }
}
