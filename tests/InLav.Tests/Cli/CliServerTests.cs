using InLav.Core.Query;
using InLav.Store.Export;
using InLav.Tests.Support;
using InLav.Web.Hosting;

namespace InLav.Tests.Cli;

/// <summary>The CLI while a real server (real Kestrel) holds the store: it goes through the HTTP API named in the server lock file.</summary>
[Collection(WebAppCollection.Name)]
public sealed class CliServerTests(InLavAppFactory app)
{
    private string Db => app.Store.Options.DatabasePath!;

    [Fact]
    public void Runs_with_the_servers_database_reports_going_through_the_running_server()
    {
        Assert.True(File.Exists(ServerLock.PathFor(Db)));

        var result = Cli.Run("runs", "--db", Db);

        Assert.True(result.Code == 0, result.ToString());
        Assert.Contains($"via the running server at {app.BaseAddress}", result.Err, StringComparison.Ordinal);
        Assert.Contains(result.Out.Split('\n'), l => l.Contains(" anpr-residenti ", StringComparison.Ordinal) && l.Contains(" yes ", StringComparison.Ordinal));
    }

    [Fact]
    public void Query_through_the_server_prints_the_same_csv_as_the_servers_query_service()
    {
        var result = Cli.Run("query", "--db", Db, "--measure", "residents_anpr", "--level", "provincia", "--period", "all");

        Assert.True(result.Code == 0, result.ToString());
        Assert.Contains("via the running server", result.Err, StringComparison.Ordinal);
        Assert.Equal(QueryCsv.ToCsv(app.Store.Query.Run(new QueryRequest("residents_anpr", "provincia", Periods: ["all"]))), result.Out);
    }

    [Fact]
    public void Import_through_the_server_uses_the_admin_token_and_skips_unchanged_files()
    {
        var result = Cli.Run("import", "--db", Db, "--source", "anpr-residenti");

        Assert.True(result.Code == 0, result.ToString());
        Assert.Contains(result.Out.Split('\n'), l => l.StartsWith("anpr-residenti ", StringComparison.Ordinal) && l.Contains(" unchanged ", StringComparison.Ordinal));
        Assert.Contains("sources 1/1", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Rollback_through_the_server_reports_the_servers_problem_in_one_line()
    {
        var result = Cli.Run("rollback", "anpr-residenti", "--db", Db);

        Assert.Equal(1, result.Code);
        Assert.Contains("has no earlier version to roll back to", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Forbidden", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_measure_through_the_server_is_a_usage_error()
    {
        var result = Cli.Run("query", "--db", Db, "--measure", "no_such_measure");

        Assert.Equal(2, result.Code);
        Assert.Contains("Unknown measure", result.Err, StringComparison.Ordinal);
    }
}
