using System.Globalization;
using InLav.Core.Measures;
using InLav.Sources.Catalogue;
using InLav.Sources.Reading;

namespace InLav.Sources.Parsers;

/// <summary>
/// ISTAT 2011 census variables per comune (R03_indicatori_2011, summed over località; 2011 comune codes in PROCOM).
/// Variables (tracciato_2011_localita.csv): P1 residents, P2 males, P3 females; P14–P29 residents by 5-year band
/// (&lt;5 … 70-74, &gt;74), P30–P45 males by the same bands; ST1 foreign and stateless residents, ST2 males, ST3–ST5 by
/// band (0-29, 30-54, 55+), ST6–ST8 males by band; P60 labour force 15+, P61 employed 15+, P64/P65 the same for males.
/// Females are derived as total − males. Stored: residents (sex × age, and citizenship FOR with its own bands), employed and
/// labour_force by sex, all at period 2011-10-09. Every breakdown is checked to sum to its stored total; a comune that does
/// not add up is an error (nothing of the source is published).
/// </summary>
public sealed class CensusParser : ISourceParser
{
    public const string Period = "2011-10-09";

    private static readonly (int From, int? To)[] FiveYearBands =
        [(0, 4), (5, 9), (10, 14), (15, 19), (20, 24), (25, 29), (30, 34), (35, 39), (40, 44), (45, 49), (50, 54), (55, 59), (60, 64), (65, 69), (70, 74), (75, null)];

    private static readonly (int From, int? To)[] ForeignBands = [(0, 29), (30, 54), (55, null)];

    public string Id => "census-2011";

    public void Parse(string path, SourceDefinition source, ParsedDataset into, ParseContext context)
    {
        var columns = new List<string> { "PROCOM", "P1", "P2", "P3", "P60", "P61", "P64", "P65", "ST1", "ST2" };
        columns.AddRange(Enumerable.Range(14, 32).Select(i => V("P", i)));
        columns.AddRange(Enumerable.Range(3, 6).Select(i => V("ST", i)));
        var cells = new List<(string Measure, DimensionKey Dims, double Value, string Column)>();
        foreach (var r in ParserHelpers.Records(path, source, context, columns))
        {
            into.RowsRead++;
            var code = context.RequireComune(r["PROCOM"], r.At("PROCOM"), into);
            if (code is null)
            {
                continue;
            }

            cells.Clear();
            double Get(string column) => Numbers.Count(r, column, NumberStyle.Plain)!.Value;
            var (p1, p2) = (Get("P1"), Get("P2"));

            // Residents by sex and 5-year band; foreigners by sex and their own 3 bands.
            AddBySexAndAge(cells, "residents", Dimension.Total, p1, p2, "P1", "P2",
                FiveYearBands.Select((b, i) => (AgeBand.Of(b.From, b.To), Get(V("P", 14 + i)), Get(V("P", 30 + i)), V("P", 14 + i))).ToList());
            AddBySexAndAge(cells, "residents", CitizenshipCode.Foreign, Get("ST1"), Get("ST2"), "ST1", "ST2",
                ForeignBands.Select((b, i) => (AgeBand.Of(b.From, b.To), Get(V("ST", 3 + i)), Get(V("ST", 6 + i)), V("ST", 3 + i))).ToList());
            AddBySexAndAge(cells, "labour_force", Dimension.Total, Get("P60"), Get("P64"), "P60", "P64", []);
            AddBySexAndAge(cells, "employed", Dimension.Total, Get("P61"), Get("P65"), "P61", "P65", []);

            if (p2 + Get("P3") != p1)
            {
                into.Errors.Add(new ImportIssue(r.At("P3"), "P2 (males) + P3 (females) differ from P1 (residents)"));
            }

            foreach (var problem in Check(cells))
            {
                into.Errors.Add(new ImportIssue(r.At(problem.Column), problem.Message));
            }

            foreach (var (measure, dims, value, column) in cells)
            {
                into.AddFact(Fact.ForComune(measure, code, Period, dims, value), r.At(column));
            }
        }
    }

    private static string V(string prefix, int n) => prefix + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Adds total, M, F (= total − M) and, per band, total, M and F (= band − band M).</summary>
    private static void AddBySexAndAge(List<(string, DimensionKey, double, string)> cells, string measure, string citizenship,
        double total, double males, string totalColumn, string malesColumn, List<(string Band, double Total, double Males, string Column)> bands)
    {
        cells.Add((measure, new DimensionKey(Dimension.Total, Dimension.Total, citizenship), total, totalColumn));
        cells.Add((measure, new DimensionKey(SexCode.Male, Dimension.Total, citizenship), males, malesColumn));
        cells.Add((measure, new DimensionKey(SexCode.Female, Dimension.Total, citizenship), total - males, malesColumn));
        foreach (var (band, bandTotal, bandMales, column) in bands)
        {
            cells.Add((measure, new DimensionKey(Dimension.Total, band, citizenship), bandTotal, column));
            cells.Add((measure, new DimensionKey(SexCode.Male, band, citizenship), bandMales, column));
            cells.Add((measure, new DimensionKey(SexCode.Female, band, citizenship), bandTotal - bandMales, column));
        }
    }

    /// <summary>
    /// The invariant every stored breakdown must keep: no negative derived cell, and for each measure and citizenship the
    /// sexes sum to the total and the bands of each sex sum to that sex's total.
    /// </summary>
    private static IEnumerable<(string Column, string Message)> Check(IReadOnlyList<(string Measure, DimensionKey Dims, double Value, string Column)> cells)
    {
        foreach (var c in cells.Where(c => c.Value < 0))
        {
            yield return (c.Column, FormattableString.Invariant($"{c.Measure} {c.Dims}: the derived value {c.Value} is negative (males exceed the total)"));
        }

        foreach (var g in cells.GroupBy(c => (c.Measure, c.Dims.Citizenship)))
        {
            double Total(string sex, string age) => g.Where(c => c.Dims.Sex == sex && c.Dims.Age == age).Sum(c => c.Value);
            var first = g.First();
            if (Total(SexCode.Male, Dimension.Total) + Total(SexCode.Female, Dimension.Total) != Total(Dimension.Total, Dimension.Total))
            {
                yield return (first.Column, $"{g.Key.Measure}: males + females differ from the total");
            }

            foreach (var sex in SexCode.Values)
            {
                var bands = g.Where(c => c.Dims.Sex == sex && c.Dims.Age != Dimension.Total).ToList();
                if (bands.Count > 0 && bands.Sum(c => c.Value) != Total(sex, Dimension.Total))
                {
                    yield return (bands[0].Column, FormattableString.Invariant($"{g.Key.Measure}, sex {sex}: the age bands sum to {bands.Sum(c => c.Value)}, not to the total {Total(sex, Dimension.Total)}"));
                }
            }
        }
    }
}
