using InLav.Sources.Cob;
using static InLav.Sources.Synthetic.CobMixes;

namespace InLav.Sources.Synthetic;

/// <summary>
/// The SYNTHETIC COB generator (docs/synthetic-cob.md). Seeded (System.Random with the seed): the same seed and inputs give the
/// same contracts in the same order. For each quarter of the MLPS series it draws exactly the real number of hirings (start day
/// uniform in the quarter; workplace comune by the inputs' weights; contract type, duration, sex, age, citizenship and ATECO
/// from CobMixes), and ends exactly the real number of contracts: first those whose planned end falls in the quarter (if they
/// are more than the real terminations, the longest ones are carried to the next quarter), then contracts without a planned
/// end, picked at random from those active (the opening stock of InitialStock open-ended contracts included).
/// Contracts are yielded once their end is known, then those still active at the end of the series (End null or after it).
/// </summary>
public sealed class CobGenerator(SyntheticInputs inputs, int seed, int initialStock)
{
    private readonly Random random = new(seed);
    private readonly double[] comuneCumulative = Cumulative(inputs.Comuni.Select(c => c.Weight));
    private long nextId;

    public const int DefaultInitialStock = 3_000_000;

    /// <summary>The first and last day of the series.</summary>
    public (DateOnly From, DateOnly To) Window => (inputs.Series[0].FirstDay, inputs.Series[^1].LastDay);

    public IEnumerable<CobContract> Generate()
    {
        var quarters = inputs.Series;
        var planned = new List<Draft>[quarters.Count + 1]; // the last bucket: planned ends after the series
        for (var i = 0; i < planned.Length; i++)
        {
            planned[i] = [];
        }

        var open = new List<Draft>(initialStock + 4_000_000);
        var firstDay = quarters[0].FirstDay;
        for (var i = 0; i < initialStock; i++)
        {
            open.Add(StockContract(firstDay));
        }

        for (var q = 0; q < quarters.Count; q++)
        {
            var quarter = quarters[q];
            var days = quarter.LastDay.DayNumber - quarter.FirstDay.DayNumber + 1;
            for (long h = 0; h < quarter.Hirings; h++)
            {
                var d = Hiring(quarter.FirstDay.DayNumber + random.Next(days));
                if (d.End < 0)
                {
                    open.Add(d);
                }
                else
                {
                    planned[BucketOf(d.End, q)].Add(d);
                }
            }

            var due = planned[q];
            planned[q] = [];
            if (due.Count > quarter.Terminations)
            {
                // More planned ends than real terminations: carry the longest contracts to the same day of the next quarter.
                due.Sort((a, b) => (b.End - b.Start).CompareTo(a.End - a.Start) is var c && c != 0 ? c : a.Id.CompareTo(b.Id));
                var carry = due.Count - (int)quarter.Terminations;
                var next = q + 1 < quarters.Count ? quarters[q + 1] : null;
                for (var i = 0; i < carry; i++)
                {
                    var d = due[i];
                    var offset = d.End - quarter.FirstDay.DayNumber;
                    d.End = next is null ? d.End + 92 : Math.Min(next.FirstDay.DayNumber + offset, next.LastDay.DayNumber);
                    planned[q + 1].Add(d);
                }

                due = due.GetRange(carry, due.Count - carry);
            }

            foreach (var d in due)
            {
                yield return ToContract(d);
            }

            for (var t = due.Count; t < quarter.Terminations; t++)
            {
                if (open.Count == 0)
                {
                    throw new InvalidDataException($"The opening stock (option initialStock) is too small to end {quarter.Terminations} contracts in {quarter.Period}.");
                }

                var pick = random.Next(open.Count);
                var d = open[pick];
                open[pick] = open[^1];
                open.RemoveAt(open.Count - 1);
                var from = Math.Max(d.Start, quarter.FirstDay.DayNumber);
                d.End = from + random.Next(quarter.LastDay.DayNumber - from + 1);
                yield return ToContract(d);
            }
        }

        foreach (var d in planned[^1])
        {
            yield return ToContract(d);
        }

        foreach (var d in open)
        {
            yield return ToContract(d);
        }
    }

    private int BucketOf(int endDay, int fromQuarter)
    {
        var quarters = inputs.Series;
        for (var q = fromQuarter; q < quarters.Count; q++)
        {
            if (endDay <= quarters[q].LastDay.DayNumber)
            {
                return q;
            }
        }

        return quarters.Count;
    }

    private Draft Hiring(int startDay)
    {
        var hiring = Pick(HiringWeights);
        var contract = HiringContracts[hiring];
        var end = Hirings[hiring].Duration switch
        {
            DurationKind.FixedTerm => Duration(FixedTerm, FixedTermWeights),
            DurationKind.Intermittent => Duration(CobMixes.Intermittent, IntermittentWeights),
            DurationKind.Months => 30 + random.Next(336),
            _ => 0,
        } is var days && days > 0 ? startDay + days - 1 : -1;
        var band = Ages[Pick(AgeWeights)];
        var age = Apprentice[contract] ? 15 + random.Next(15) : band.From + random.Next(band.To - band.From + 1);
        return NewDraft(startDay, end, contract, age);
    }

    private Draft StockContract(DateOnly firstDay)
    {
        var contract = StockContracts[Pick(StockWeights)];
        var yearsBefore = Math.Min(-Math.Log(1 - random.NextDouble()) * 8, 40);
        var start = firstDay.DayNumber - 1 - (int)(yearsBefore * 365.25);
        var age = Apprentice[contract] ? 15 + random.Next(15) : 18 + random.Next(Math.Max(1, 45 - (int)yearsBefore));
        return NewDraft(start, -1, contract, age);
    }

    private Draft NewDraft(int start, int end, byte contract, int age)
    {
        var comune = (short)Pick(comuneCumulative);
        var sex = random.NextDouble() < MaleShare ? (byte)0 : (byte)1;
        var country = random.NextDouble() < ForeignShare ? (short)Pick(CountryWeights) : (short)-1;
        var ateco = Domestic[contract] ? (short)-1 : (short)Pick(AtecoWeights);
        return new Draft
        {
            Id = ++nextId,
            Start = start,
            End = end,
            Contract = contract,
            Comune = comune,
            Age = (byte)age,
            Sex = sex,
            Country = country,
            Ateco = ateco,
        };
    }

    private int Duration(IReadOnlyList<(int MinDays, int MaxDays, double Weight)> classes, double[] weights)
    {
        var (min, max, _) = classes[Pick(weights)];
        return min == 0 ? 0 : min + random.Next(max - min + 1);
    }

    private int Pick(double[] cumulative)
    {
        var i = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return i < 0 ? Math.Min(~i, cumulative.Length - 1) : i;
    }

    private CobContract ToContract(Draft d)
    {
        var comune = inputs.Comuni[d.Comune];
        var code = Codes[d.Contract];
        return new CobContract(FormattableString.Invariant($"SYN{d.Id:D9}"), DateOnly.FromDayNumber(d.Start), d.End < 0 ? null : DateOnly.FromDayNumber(d.End),
            code, comune.Code, comune.Province, d.Age, d.Sex == 0 ? "M" : "F", d.Country < 0 ? "ITA" : "FOR", d.Country < 0 ? null : Countries[d.Country].Country,
            d.Ateco < 0 ? DomesticAteco : CobMixes.Ateco[d.Ateco].Group);
    }

    /// <summary>The Belfiore code of a generated contract's comune (for the internal-layout writer).</summary>
    public string BelfioreOf(string comune) => belfiore.Value[comune];

    private readonly Lazy<Dictionary<string, string>> belfiore = new(() => inputs.Comuni.ToDictionary(c => c.Code, c => c.Belfiore, StringComparer.Ordinal));

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = new List<double>();
        var sum = 0.0;
        foreach (var w in weights)
        {
            sum += w;
            list.Add(sum);
        }

        return [.. list];
    }

    /// <summary>The contract codes of the mixes; a draft holds an index into them, precomputed for each hiring and stock class.</summary>
    private static readonly string[] Codes = [.. Hirings.Select(h => h.Code).Concat(Stock.Select(s => s.Code)).Distinct(StringComparer.Ordinal)];
    private static readonly byte[] HiringContracts = [.. Hirings.Select(h => (byte)Array.IndexOf(Codes, h.Code))];
    private static readonly byte[] StockContracts = [.. Stock.Select(s => (byte)Array.IndexOf(Codes, s.Code))];
    private static readonly bool[] Apprentice = [.. Codes.Select(c => c.StartsWith("A.03", StringComparison.Ordinal))];
    private static readonly bool[] Domestic = [.. Codes.Select(c => c.StartsWith("A.04", StringComparison.Ordinal))];

    private static readonly double[] HiringWeights = Cumulative(Hirings.Select(h => h.Weight));
    private static readonly double[] StockWeights = Cumulative(Stock.Select(s => s.Weight));
    private static readonly double[] FixedTermWeights = Cumulative(FixedTerm.Select(f => f.Weight));
    private static readonly double[] IntermittentWeights = Cumulative(CobMixes.Intermittent.Select(f => f.Weight));
    private static readonly double[] AgeWeights = Cumulative(Ages.Select(a => a.Weight));
    private static readonly double[] CountryWeights = Cumulative(Countries.Select(c => c.Weight));
    private static readonly double[] AtecoWeights = Cumulative(CobMixes.Ateco.Select(a => a.Weight));

    /// <summary>A contract being generated, compact (millions are held at once).</summary>
    private struct Draft
    {
        public long Id;
        public int Start;
        public int End;
        public byte Contract;
        public short Comune;
        public byte Age;
        public byte Sex;
        public short Country;
        public short Ateco;
    }
}
