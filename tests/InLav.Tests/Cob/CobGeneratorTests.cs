using InLav.Sources.Cob;
using InLav.Sources.Synthetic;
using InLav.Tests.Imports;
using InLav.Tests.Support;

namespace InLav.Tests.Cob;

public sealed class CobGeneratorTests
{
    private static SyntheticInputs Inputs() => SyntheticInputs.Load(
        TestData.File(CobSandbox.Series),
        TestData.File("comuni/situas_report61_comuni_20250101_Lombardia.csv"),
        TestData.File("censimento_2011/R03_indicatori_2011_comuni_DERIVED_from_localita.csv"),
        TestData.File("popolazione/ISTAT_POSAS_20240101_totali_sesso_comuni_Lombardia.csv"));

    [Fact]
    public void Same_seed_gives_byte_identical_files_and_another_seed_does_not()
    {
        var inputs = Inputs();
        inputs = inputs with { Series = [.. inputs.Series.TakeLast(1)] };
        var folder = TestData.NewTempFolder("cob-gen");
        try
        {
            IReadOnlyList<string> Write(int seed, string name)
            {
                var generator = new CobGenerator(inputs, seed, 300_000);
                return InternalLayoutWriter.Write(generator.Generate(), generator.BelfioreOf, Path.Combine(folder, name), "cob_interno", rowsPerFile: 400_000);
            }

            var first = Write(42, "a");
            var second = Write(42, "b");
            var other = Write(43, "c");
            Assert.Equal(first.Count, second.Count);
            Assert.True(first.Count > 1);
            for (var i = 0; i < first.Count; i++)
            {
                Assert.Equal(File.ReadAllBytes(first[i]), File.ReadAllBytes(second[i]));
            }

            Assert.NotEqual(File.ReadAllBytes(first[0]), File.ReadAllBytes(other[0]));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Regional_quarterly_totals_of_the_full_series_equal_the_real_MLPS_series()
    {
        var raw = RawCsv.Read(CobSandbox.Series, ';').Where(r => r["regione"] == "Lombardia")
            .ToDictionary(r => $"{r["anno"]}-Q{r["trimestre"]}/{r["flusso"]}", r => (long)RawCsv.Num(r["rapporti"]));
        Assert.Equal(70, raw.Count);

        var hirings = new Dictionary<string, long>();
        var terminations = new Dictionary<string, long>();
        long oneDay = 0, oneWeek = 0, intermittent = 0, all = 0;
        var generator = new CobGenerator(Inputs(), 20251126, CobGenerator.DefaultInitialStock);
        var (from, to) = generator.Window;
        foreach (var c in generator.Generate())
        {
            if (c.Start >= from)
            {
                var q = CobCodes.Quarter(c.Start);
                hirings[q] = hirings.GetValueOrDefault(q) + 1;
                all++;
                oneDay += c.End == c.Start ? 1 : 0;
                oneWeek += c.End is { } e && e.DayNumber - c.Start.DayNumber <= 6 ? 1 : 0;
                intermittent += c.Contract == CobCodes.Intermittent ? 1 : 0;
            }

            if (c.End is { } end && end <= to)
            {
                Assert.True(end >= c.Start);
                var q = CobCodes.Quarter(end);
                terminations[q] = terminations.GetValueOrDefault(q) + 1;
            }
        }

        foreach (var (key, value) in raw)
        {
            var (period, flow) = (key.Split('/')[0], key.Split('/')[1]);
            Assert.True(value == (flow == "avviamenti" ? hirings : terminations).GetValueOrDefault(period), $"{period} {flow}: real {value}");
        }

        Assert.Equal(35, hirings.Count);
        Assert.Equal(35, terminations.Keys.Count(k => string.CompareOrdinal(k, "2017-Q1") >= 0));
        // Plausible companions: some one-day and one-week contracts, a few percent intermittent.
        Assert.InRange(oneDay / (double)all, 0.05, 0.15);
        Assert.InRange(oneWeek / (double)all, 0.10, 0.30);
        Assert.InRange(intermittent / (double)all, 0.04, 0.10);
    }
}
