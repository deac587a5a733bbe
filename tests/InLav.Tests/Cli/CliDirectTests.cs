using InLav.Core.Query;
using InLav.Store;
using InLav.Store.Export;

namespace InLav.Tests.Cli;

/// <summary>The CLI on a store file it opens itself (no server): each test imports its own store.</summary>
public sealed class CliDirectTests
{
    [Fact]
    public void Import_of_a_few_sources_publishes_each_and_says_it_opened_the_store_file_directly()
    {
        var db = Cli.NewDatabase("cli-import");
        var args = new List<string> { "--db", db, "--data-dir", Support.TestData.Directory, "import" };
        args.AddRange(Cli.FewSources.SelectMany(s => new[] { "--source", s }));

        var result = Cli.Run([.. args]);

        Assert.True(result.Code == 0, result.ToString());
        Assert.Contains($"opened the store file {db} directly", result.Err, StringComparison.Ordinal);
        foreach (var source in Cli.FewSources)
        {
            Assert.Contains(result.Out.Split('\n'), line => line.StartsWith(source + " ", StringComparison.Ordinal) && line.Contains(" published ", StringComparison.Ordinal));
        }

        Assert.Contains("rows/s", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("provincia")]
    [InlineData("comune")]
    public void Query_csv_equals_the_query_service_answer_to_the_same_question(string level)
    {
        var db = Cli.ImportFew("cli-query");

        var result = Cli.Run("query", "--db", db, "--measure", "residents_anpr", "--level", level, "--period", "2025-01,2026-01", "--format", "csv");

        Assert.True(result.Code == 0, result.ToString());
        using var store = new InLavStore(new StoreOptions { DatabasePath = db });
        var expected = QueryCsv.ToCsv(store.Query.Run(new QueryRequest("residents_anpr", level, Periods: ["2025-01", "2026-01"])));
        Assert.Equal(expected, result.Out);
        Assert.True(expected.Split('\n').Length > 12);
    }

    [Fact]
    public void Runs_lists_every_imported_source_with_its_published_run()
    {
        var db = Cli.ImportFew("cli-runs");

        var result = Cli.Run("runs", "--db", db);

        Assert.True(result.Code == 0, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("run ", lines[0], StringComparison.Ordinal);
        foreach (var source in Cli.FewSources)
        {
            Assert.Contains(lines, l => l.Contains($" {source} ", StringComparison.Ordinal) && l.Contains(" published ", StringComparison.Ordinal) && l.Contains(" yes ", StringComparison.Ordinal));
        }

        var limited = Cli.Run("runs", "--db", db, "--source", "anpr-residenti", "--limit", "1");
        Assert.Equal(2, limited.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Rollback_publishes_the_previous_version_again_and_queries_see_it()
    {
        var data = Cli.CopyData("comuni/ANPR_archivio_comuni_Lombardia.csv", "comuni/ISTAT_SITUAS_variazioni_amministrative_territoriali_dal_1991_Lombardia.csv",
            "classificazioni/ISTAT_Classificazioni_statistiche_dimensione_comuni_20260101_Lombardia.csv", "popolazione/ANPR_popolazione_residente_2025_Lombardia.csv");
        var db = Cli.ImportFew("cli-rollback", data);
        Assert.Contains(",2025-04,", Cli.Run("query", "--db", db, "--measure", "residents_anpr", "--level", "regione").Out, StringComparison.Ordinal);
        Cli.AddFile(data, "popolazione/ANPR_popolazione_residente_2026_Lombardia.csv");
        var second = Cli.Run("import", "--db", db, "--data-dir", data, "--source", "anpr-residenti");
        Assert.True(second.Code == 0, second.ToString());
        Assert.Contains(",2026-01,", Cli.Run("query", "--db", db, "--measure", "residents_anpr", "--level", "regione").Out, StringComparison.Ordinal);

        var rollback = Cli.Run("rollback", "anpr-residenti", "--db", db);

        Assert.True(rollback.Code == 0, rollback.ToString());
        Assert.Contains("anpr-residenti: run ", rollback.Out, StringComparison.Ordinal);
        Assert.Contains(",2025-04,", Cli.Run("query", "--db", db, "--measure", "residents_anpr", "--level", "regione").Out, StringComparison.Ordinal);
        Assert.Contains(Cli.Run("runs", "--db", db, "--source", "anpr-residenti").Out.Split('\n'), l => l.Contains(" rolled-back ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_rollback_without_an_earlier_version_fails_with_one_line_and_exit_code_1()
    {
        var db = Cli.ImportFew("cli-rollback-none");

        var result = Cli.Run("rollback", "anpr-residenti", "--db", db);

        Assert.Equal(1, result.Code);
        var errors = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains("opened the store file", StringComparison.Ordinal)).ToList();
        Assert.Equal(["inlav: Source 'anpr-residenti' has no earlier version to roll back to."], errors);
    }

    [Fact]
    public void Territories_levels_sources_and_classifications_answer_from_the_store_file()
    {
        var db = Cli.ImportFew("cli-territories");

        var search = Cli.Run("territories", "--db", db, "--search", "cantu");
        var provinces = Cli.Run("territories", "--db", db, "--level", "provincia");
        var levels = Cli.Run("levels", "--db", db);
        var sources = Cli.Run("sources", "--db", db);
        var classifications = Cli.Run("classifications", "--db", db);

        Assert.Contains("Cantù", search.Out, StringComparison.Ordinal);
        Assert.Equal(13, provinces.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(levels.Out.Split('\n'), l => l.StartsWith("comune ", StringComparison.Ordinal));
        Assert.Contains(sources.Out.Split('\n'), l => l.StartsWith("anpr-residenti ", StringComparison.Ordinal));
        Assert.All(new[] { search, provinces, levels, sources, classifications }, r => Assert.True(r.Code == 0, r.ToString()));
    }

    [Theory]
    [InlineData(new[] { "query", "--measure", "no_such_measure" }, "Unknown measure")]
    [InlineData(new[] { "query", "--measure", "residents_anpr", "--level", "nowhere" }, "Unknown level")]
    [InlineData(new[] { "query", "--measure", "residents_anpr", "--format", "xml" }, "xml")]
    [InlineData(new[] { "query" }, "--measure")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    public void Bad_usage_exits_with_code_2_and_no_stack_trace(string[] args, string mentioned)
    {
        var db = Cli.ImportFew("cli-usage");

        var result = Cli.Run([.. args, "--db", db]);

        Assert.Equal(2, result.Code);
        Assert.Contains(mentioned, result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_store_that_does_not_exist_fails_without_creating_it()
    {
        var db = Cli.NewDatabase("cli-missing");

        var result = Cli.Run("runs", "--db", db);

        Assert.Equal(1, result.Code);
        Assert.Contains("there is no store file", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void A_stale_server_file_whose_process_is_gone_is_ignored_and_the_store_file_opened_directly()
    {
        var db = Cli.ImportFew("cli-stale");
        using (var finished = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            finished.WaitForExit();
            File.WriteAllText(db + ".server.json", $$"""{"Url":"http://127.0.0.1:9","Pid":{{finished.Id}},"Token":"0123456789abcdef0123"}""");
        }

        var result = Cli.Run("runs", "--db", db);

        Assert.True(result.Code == 0, result.ToString());
        Assert.Contains("opened the store file", result.Err, StringComparison.Ordinal);
    }
}
