using InLav.Sources.Reading;

namespace InLav.Sources.Cob;

/// <summary>One quarter of the MLPS regional series: contracts (rapporti) and distinct workers (lavoratori) hired and terminated.</summary>
public sealed record MlpsQuarter(int Year, int Quarter, long Hirings, long Terminations, long HiringWorkers, long TerminationWorkers)
{
    public string Period => FormattableString.Invariant($"{Year:D4}-Q{Quarter}");

    public DateOnly FirstDay => new(Year, (Quarter - 1) * 3 + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);
}

/// <summary>
/// The MLPS quarterly regional series of hirings (avviamenti) and terminations (cessazioni), 2017 Q1 – 2025 Q3
/// (comunicazioni_obbligatorie/mlps_co_regionale_trimestrale_avviamenti_cessazioni_2017_2025.csv: ';', CRLF, floats "367707.0").
/// Only the Lombardia rows are read; each quarter must have both flows, once.
/// </summary>
public static class MlpsSeries
{
    public const string Region = "Lombardia";

    public static readonly IReadOnlyList<string> Columns = ["regione", "anno", "trimestre", "trimestre_roman", "flusso", "rapporti", "lavoratori", "media", "file_origine"];

    /// <summary>The rows of one region, with their positions (for the parser's facts and errors).</summary>
    public static IEnumerable<(DelimitedRecord Record, int Year, int Quarter, bool Hirings, long Contracts, long Workers)> Rows(string path, long maxBytes = DelimitedReader.DefaultMaxBytes)
    {
        foreach (var r in DelimitedReader.Read(path, new DelimitedLayout(';', "utf-8", 0, Columns), maxBytes))
        {
            if (!string.Equals(r["regione"], Region, StringComparison.Ordinal))
            {
                continue;
            }

            var year = RecordValues.Int(r, "anno");
            var quarter = RecordValues.Int(r, "trimestre");
            if (quarter is < 1 or > 4 || year is < 2000 or > 2100)
            {
                throw new SourceFormatException(r.At(quarter is < 1 or > 4 ? "trimestre" : "anno"), FormattableString.Invariant($"{year} Q{quarter} is not a quarter"));
            }

            var flow = r["flusso"];
            if (flow is not ("avviamenti" or "cessazioni"))
            {
                throw new SourceFormatException(r.At("flusso"), $"flow '{flow}' is neither avviamenti nor cessazioni");
            }

            var contracts = (long)Numbers.Count(r, "rapporti", NumberStyle.Plain)!.Value;
            var workers = (long)Numbers.Count(r, "lavoratori", NumberStyle.Plain)!.Value;
            yield return (r, year, quarter, flow == "avviamenti", contracts, workers);
        }
    }

    /// <summary>The Lombardy series by quarter, ascending; a quarter with a flow missing or repeated is an error.</summary>
    public static IReadOnlyList<MlpsQuarter> ReadLombardy(string path)
    {
        var hirings = new Dictionary<(int, int), (long, long)>();
        var terminations = new Dictionary<(int, int), (long, long)>();
        DelimitedRecord? last = null;
        foreach (var (r, year, quarter, isHiring, contracts, workers) in Rows(path))
        {
            last = r;
            var target = isHiring ? hirings : terminations;
            if (!target.TryAdd((year, quarter), (contracts, workers)))
            {
                throw new SourceFormatException(r.At("flusso"), FormattableString.Invariant($"{r["flusso"]} of {year} Q{quarter} given twice"));
            }
        }

        var quarters = hirings.Keys.Union(terminations.Keys).Order().ToList();
        if (quarters.Count == 0 || quarters.Any(q => !hirings.ContainsKey(q) || !terminations.ContainsKey(q)))
        {
            throw new SourceFormatException(new SourcePosition(Path.GetFileName(path), last?.Line ?? 0, 0), "the Lombardia series must give both avviamenti and cessazioni for every quarter");
        }

        return quarters.Select(q => new MlpsQuarter(q.Item1, q.Item2, hirings[q].Item1, terminations[q].Item1, hirings[q].Item2, terminations[q].Item2)).ToList();
    }
}
