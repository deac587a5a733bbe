using System.Diagnostics;
using InLav.Store;
using InLav.Tests.Support;

namespace InLav.Tests.Cli;

/// <summary>Issue 7 in the CLI: filter values checked and written on the rows, and the store found from any working folder.</summary>
[Collection(WebAppCollection.Name)]
public sealed class Issue7CliTests(InLavAppFactory app)
{
    private string Db => app.Store.Options.DatabasePath!;

    [Theory]
    [InlineData("query", "--measure", "residents", "--sex", "X", "T, M, F")]
    [InlineData("query", "--measure", "residents", "--age", "foo", "Y{from}-{to}")]
    [InlineData("indicator", "population", "--citizenship", "ZZ", "", "T, ITA, FOR")]
    public void Issue7_an_unknown_filter_value_is_a_usage_error_naming_the_allowed_values(string command, string a, string b, string option, string value, string allowed)
    {
        string[] args = value.Length == 0 ? [command, a, "--db", Db, b, option] : [command, a, b, "--db", Db, option, value];
        var result = Cli.Run(args);

        Assert.True(result.Code == 2, result.ToString());
        Assert.Contains("Unknown filter value", result.Err, StringComparison.Ordinal);
        Assert.Contains(allowed, result.Err, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Issue7_an_indicator_filtered_by_sex_and_a_query_filtered_by_an_age_range_print_rows_labelled_with_the_filter()
    {
        var indicator = Cli.Run("indicator", "population", "--db", Db, "--level", "provincia", "--sex", "F");
        var query = Cli.Run("query", "--db", Db, "--measure", "residents", "--level", "provincia", "--period", "2011-10-09", "--age", "Y15-64");

        foreach (var (result, column, label) in new[] { (indicator, "sex", "F"), (query, "age", "Y15-64") })
        {
            Assert.True(result.Code == 0, result.ToString());
            var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var at = Array.IndexOf(lines[0].Split(','), column);
            Assert.Equal(13, lines.Length);
            Assert.All(lines.Skip(1), l => Assert.Equal(label, l.Split(',')[at]));
        }
    }

    [Fact]
    public async Task Issue7_the_cli_run_from_a_folder_outside_the_repository_looks_for_the_store_of_the_repository()
    {
        var outside = TestData.NewTempFolder("elsewhere");
        var repository = StoreOptions.FindHome(AppContext.BaseDirectory);
        Assert.False(outside.StartsWith(repository, StringComparison.Ordinal));
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = outside, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "inlav.dll"), "runs" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("INLAV_DB");
        start.Environment.Remove("INLAV_DATA_DIR");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        // Either it opened the repository's store (or went through the server announced beside it), or it says that store is missing:
        // never a store under the working folder.
        var expected = Path.Combine(repository, "data", "inlav.duckdb");
        var err = await stderr;
        Assert.True(err.Contains(expected, StringComparison.Ordinal) || err.Contains("via the running server", StringComparison.Ordinal), err + await stdout);
        Assert.DoesNotContain(outside, err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(outside, "data")));
    }
}
