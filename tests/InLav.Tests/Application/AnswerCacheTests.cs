using InLav.Application;
using InLav.Core.Indicators;
using InLav.Store.Imports;
using InLav.Tests.Support;

namespace InLav.Tests.Application;

/// <summary>Issue 9: the door's answers are computed once per publication and question, within a memory budget, and never mix publications.</summary>
public sealed class AnswerCacheTests
{
    private const string Anpr2026 = "popolazione/ANPR_popolazione_residente_2026_Lombardia.csv";

    private static readonly Selection Region = new() { Level = "regione", Periods = ["2026-01"] };

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Issue9_cached_answers_during_a_publication_are_the_old_ones_and_a_publication_replaces_them(string engine)
    {
        using var t = new TempStore([.. TempStore.RegistryFiles, Anpr2026], engine: engine);
        t.Import();
        using var door = new Door(t.Store);
        var first = door.MeasureValues(Caller.Public, "residents_anpr", Region);
        Assert.Same(first, door.MeasureValues(Caller.Public, "residents_anpr", Region));
        Assert.Equal(10_148_233, first.Rows.Single().Value);

        var lines = File.ReadAllLines(t.PathOf(Anpr2026));
        File.WriteAllLines(t.PathOf(Anpr2026), lines.Take(1).Concat(lines.Skip(1).Select(l =>
        {
            var f = l.Split(',');
            f[6] = (long.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return string.Join(',', f);
        })));

        // Asked during the write, once from the cache and once computed anew (another question): both the published version.
        var seen = new List<double?>();
        var progress = new InlineProgress(p =>
        {
            if (p.Stage == "write")
            {
                seen.Add(door.MeasureValues(Caller.Public, "residents_anpr", Region).Rows.Single().Value);
                seen.Add(door.MeasureValues(Caller.Internal(), "residents_anpr", Region with { Level = "provincia" }).Rows.Sum(r => r.Value));
            }
        });
        var outcome = await t.Imports.ImportAsync(t.Store.Catalogue.Find("anpr-residenti")!, [t.PathOf(Anpr2026)], "tests", progress, CancellationToken.None);
        Assert.Equal(RunOutcome.Published, outcome.Outcome);
        Assert.NotEmpty(seen);
        Assert.All(seen, v => Assert.Equal(10_148_233, v));

        var after = door.MeasureValues(Caller.Public, "residents_anpr", Region);
        Assert.NotSame(first, after);
        Assert.Equal(10_148_233 + 1502, after.Rows.Single().Value);
        Assert.Equal(10_148_233 + 1502, door.MeasureValues(Caller.Internal(), "residents_anpr", Region with { Level = "provincia" }).Rows.Sum(r => r.Value));

        ImportRuns.Rollback(t.Store, "anpr-residenti");
        Assert.Equal(10_148_233, door.MeasureValues(Caller.Public, "residents_anpr", Region).Rows.Single().Value);
    }

    [Fact]
    public void Issue9_answers_are_kept_per_scope_and_within_the_memory_budget()
    {
        using var t = new TempStore([.. TempStore.RegistryFiles, Anpr2026]);
        t.Import();
        const long Budget = 2L * 1024 * 1024;
        using var door = new Door(t.Store, Budget);

        // Public and internal callers never share an answer: disclosure control differs.
        var comuni = new Selection { Level = "comune", Periods = ["2026-01"] };
        Assert.NotSame(door.MeasureValues(Caller.Public, "residents_anpr", comuni), door.MeasureValues(Caller.Internal(), "residents_anpr", comuni));

        // Many questions (the comuni, and ever smaller sets of them) whose answers together exceed the budget: the kept ones stay within it.
        var codes = door.Units(Caller.Public, "comune")!.Select(u => u.Code).ToList();
        long asked = 0;
        for (var n = codes.Count; n > 100; n -= 150)
        {
            asked += InLav.Application.Answers.AnswerSize.Of(door.MeasureValues(Caller.Public, "residents_anpr", comuni with { Units = codes[..n] }));
        }

        Assert.True(asked > Budget, $"the questions asked {asked} bytes, not more than the budget");
        var (count, bytes) = door.Answers.Usage;
        Assert.True(count > 0 && bytes <= Budget, $"{count} answers, {bytes} bytes kept for a budget of {Budget}");
    }

    [Fact]
    public void Issue9_concurrent_askers_of_one_question_share_one_computation()
    {
        using var t = new TempStore([.. TempStore.RegistryFiles, Anpr2026]);
        t.Import();
        using var door = new Door(t.Store);
        var selection = new Selection { Level = "comune" };
        var answers = new IndicatorResult[16];
        Parallel.For(0, answers.Length, i => answers[i] = door.IndicatorValues(Caller.Public, "population", selection));
        Assert.All(answers, a => Assert.Same(answers[0], a));
    }

    private sealed class InlineProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
