using System.CommandLine;
using InLav.Core.Measures;
using InLav.Core.Query;

namespace InLav.Cli;

/// <summary>inlav query: the query service's answer on stdout, as CSV (the REST API's writer) or JSON.</summary>
public static class QueryCommand
{
    public static Command Create(CliContext cli)
    {
        var measure = new Option<string>("--measure") { Description = "The measure id (see GET /api/v1/measures).", HelpName = "M", Required = true };
        var level = new Option<string>("--level") { Description = "The territorial level (default comune; see 'inlav levels').", HelpName = "L", DefaultValueFactory = _ => "comune" };
        var period = List("--period", "P", "A period (repeatable or comma-separated), 'latest' (default) or 'all'.");
        var sex = new Option<string?>("--sex") { Description = "Filter on sex (default T, the total).", HelpName = "S" };
        var age = new Option<string?>("--age") { Description = "Filter on the age band (default T).", HelpName = "A" };
        var citizenship = new Option<string?>("--citizenship") { Description = "Filter on citizenship (default T).", HelpName = "C" };
        var breakdown = List("--breakdown", "D", "Break down by sex, age or citizenship (repeatable).");
        var unit = List("--unit", "U", "Only these unit codes (repeatable).");
        var configuration = new Option<string?>("--configuration") { Description = "The territorial configuration: a date yyyy-MM-dd or 'latest' (default).", HelpName = "DATE|latest" };
        var format = new Option<string>("--format") { Description = "csv (default) or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");

        var command = new Command("query", "Ask the query service: a measure at a level, one row per unit, period and breakdown cell.")
        {
            measure, level, period, sex, age, citizenship, breakdown, unit, configuration, format,
        };
        command.SetAction(cli.Action(StoreAccess.Read, async (client, parse, ct) =>
        {
            var filters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (dimension, option) in new[] { (Dimension.Sex, sex), (Dimension.Age, age), (Dimension.Citizenship, citizenship) })
            {
                if (parse.GetValue(option) is { } value && !string.IsNullOrWhiteSpace(value))
                {
                    filters[dimension] = value.Trim();
                }
            }

            var request = new QueryRequest(parse.GetValue(measure)!, parse.GetValue(level)!, parse.GetValue(configuration),
                Values(parse, period), filters, Values(parse, breakdown), Values(parse, unit));
            var text = await client.QueryAsync(request, parse.GetValue(format)!, ct).ConfigureAwait(false);
            await cli.Out.WriteAsync(text.AsMemory(), ct).ConfigureAwait(false);
            await cli.Out.FlushAsync(ct).ConfigureAwait(false);
            return ExitCode.Ok;
        }));
        return command;
    }

    /// <summary>A repeatable option whose values may also be comma-separated.</summary>
    internal static Option<string[]> List(string name, string helpName, string description) =>
        new(name) { Description = description, HelpName = helpName, AllowMultipleArgumentsPerToken = true };

    /// <summary>The values of a repeatable option, commas split; null when none was given.</summary>
    internal static List<string>? Values(ParseResult parse, Option<string[]> option) =>
        parse.GetValue(option) is { Length: > 0 } values ? values.SelectMany(ImportCommands.SplitList).ToList() : null;
}
