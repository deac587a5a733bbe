using InLav.Core.Query;
using InLav.Store.Imports;
using InLav.Tests.Support;

namespace InLav.Tests.Territory;

public sealed class ReadersDuringImportTests
{
    private const string Anpr2026 = "popolazione/ANPR_popolazione_residente_2026_Lombardia.csv";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Issue2_readers_see_the_published_version_while_a_new_one_is_being_written(string engine)
    {
        using var t = new TempStore([.. TempStore.RegistryFiles, Anpr2026], engine: engine);
        t.Import();
        var question = new QueryRequest("residents_anpr", "regione", Periods: ["2026-01"]);
        var before = t.Store.Query.Run(question).Rows.Single().Value;
        Assert.Equal(10_148_233, before);

        // A new version of the file: every comune one resident more.
        var lines = File.ReadAllLines(t.PathOf(Anpr2026));
        File.WriteAllLines(t.PathOf(Anpr2026), lines.Take(1).Concat(lines.Skip(1).Select(l =>
        {
            var f = l.Split(',');
            f[6] = (long.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return string.Join(',', f);
        })));

        var seenDuringImport = new List<double?>();
        var progress = new InlineProgress(p =>
        {
            if (p.Stage == "write")
            {
                seenDuringImport.Add(t.Store.Query.Run(question).Rows.Single().Value);
            }
        });
        var source = t.Store.Catalogue.Find("anpr-residenti")!;
        var outcome = await t.Imports.ImportAsync(source, [t.PathOf(Anpr2026)], "tests", progress, CancellationToken.None);

        Assert.Equal(RunOutcome.Published, outcome.Outcome);
        Assert.NotEmpty(seenDuringImport);
        Assert.All(seenDuringImport, v => Assert.Equal(before, v));
        Assert.Equal(before + 1502, t.Store.Query.Run(question).Rows.Single().Value);

        ImportRuns.Rollback(t.Store, "anpr-residenti");
        Assert.Equal(before, t.Store.Query.Run(question).Rows.Single().Value);
    }

    private sealed class InlineProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
