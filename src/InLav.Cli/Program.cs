using System.CommandLine;

namespace InLav.Cli;

/// <summary>
/// The InLav command line: import, runs, rollback, query, territories, levels, classifications, sources, indicators, indicator, correlate, risk, mcp.
/// Exit codes: 0 ok, 1 a source failed or an error, 2 usage (a bad option or a question that cannot be asked).
/// </summary>
public static class CliProgram
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs one command line, writing results to <paramref name="stdout"/> and messages and progress to <paramref name="stderr"/>.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var cli = new CliContext(stdout, stderr);
        var root = new RootCommand("InLav Cruscotto command line: imports, import runs, rollback, queries and territories of the statistics store.");
        root.Options.Add(cli.Db);
        root.Options.Add(cli.DataDir);
        root.Subcommands.Add(ImportCommands.Import(cli));
        root.Subcommands.Add(ImportCommands.Runs(cli));
        root.Subcommands.Add(ImportCommands.Rollback(cli));
        root.Subcommands.Add(QueryCommand.Create(cli));
        root.Subcommands.Add(TerritoryCommands.Territories(cli));
        root.Subcommands.Add(TerritoryCommands.Levels(cli));
        root.Subcommands.Add(TerritoryCommands.Classifications(cli));
        root.Subcommands.Add(SourcesCommand.Create(cli));
        root.Subcommands.Add(IndicatorCommands.List(cli));
        root.Subcommands.Add(IndicatorCommands.Values(cli));
        root.Subcommands.Add(IndicatorCommands.Correlate(cli));
        root.Subcommands.Add(IndicatorCommands.Risk(cli));
        root.Subcommands.Add(McpCommand.Create(cli));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"inlav: {error.Message}");
            }

            stderr.WriteLine("Run 'inlav --help' for the commands and their options.");
            return ExitCode.Usage;
        }

        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        return parsed.InvokeAsync(invocation).GetAwaiter().GetResult();
    }
}
