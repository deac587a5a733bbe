using InLav.Application;
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
        var level = CliOptions.Level("The territorial level (default comune; see 'inlav levels').", "L");
        var period = CliOptions.List("--period", "P", "A period (repeatable or comma-separated), 'latest' (default) or 'all'.");
        var sex = new Option<string?>("--sex") { Description = "Filter on sex (T, M, F; default T, the total).", HelpName = "S" };
        var age = new Option<string?>("--age") { Description = "Filter on age: T (default), a range Y{from}-{to} or Y{from}+ the source's bands can tile (e.g. Y15-64), or a comma-separated list of ranges.", HelpName = "A" };
        var citizenship = new Option<string?>("--citizenship") { Description = "Filter on citizenship (T, ITA, FOR; default T).", HelpName = "C" };
        var breakdown = CliOptions.List("--breakdown", "D", "Break down by sex, age or citizenship (repeatable).");
        var unit = CliOptions.List("--unit", "U", "Only these unit codes (repeatable).");
        var configuration = new Option<string?>("--configuration") { Description = "The territorial configuration: a date yyyy-MM-dd or 'latest' (default).", HelpName = "DATE|latest" };
        var format = CliOptions.Format();

        var command = new Command("query", "Ask the query service: a measure at a level, one row per unit, period and breakdown cell.")
        {
            measure, level, period, sex, age, citizenship, breakdown, unit, configuration, format,
        };
        command.SetAction(cli.Action(StoreAccess.Read, async (client, parse, ct) =>
        {
            var filters = Filters(parse, sex, age, citizenship);
            var request = new QueryRequest(parse.GetValue(measure)!, parse.GetValue(level)!, parse.GetValue(configuration),
                CliOptions.Values(parse, period), filters, CliOptions.Values(parse, breakdown), CliOptions.Values(parse, unit));
            await cli.WriteOutAsync(await client.QueryAsync(request, parse.GetValue(format)!, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            return ExitCode.Ok;
        }));
        return command;
    }

    /// <summary>
    /// The dimension filters of a command line, checked at once (an unknown value is a usage error naming the allowed values,
    /// as the query service and the REST API say it).
    /// </summary>
    public static Dictionary<string, string> Filters(ParseResult parse, Option<string?> sex, Option<string?> age, Option<string?> citizenship)
    {
        return Selection.NormaliseFilters(Selection.FiltersOf(parse.GetValue(sex), parse.GetValue(age), parse.GetValue(citizenship)));
    }
}
