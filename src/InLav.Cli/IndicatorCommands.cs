using System.CommandLine;
using InLav.Core.Indicators;

namespace InLav.Cli;

/// <summary>inlav indicators, inlav indicator, inlav correlate, inlav risk: the indicator engine and the analyses.</summary>
public static class IndicatorCommands
{
    public static Command List(CliContext cli)
    {
        var command = new Command("indicators", "List the indicator catalogue: code, theme, unit, proxy flag, periods.");
        command.SetAction(cli.Action(StoreAccess.Read, async (client, parse, ct) =>
        {
            var rows = await client.IndicatorsAsync(ct).ConfigureAwait(false);
            Table.Write(cli.Out, ["code", "theme", "unit", "proxy", "periods", "title"],
                rows.Select(r => new[] { r.Code, r.Theme, r.Unit, r.Proxy ? "proxy" : "", string.Join(" ", r.Periods), r.TitleIt }));
            return ExitCode.Ok;
        }));
        return command;
    }

    public static Command Values(CliContext cli)
    {
        var code = new Argument<string>("code") { Description = "The indicator code (see 'inlav indicators')." };
        var level = CliOptions.Level();
        var period = CliOptions.List("--period", "P", "Periods (repeatable or comma-separated), 'latest' (default) or 'all'.");
        var unit = CliOptions.List("--unit", "U", "Only these unit codes (repeatable).");
        var breakdown = CliOptions.List("--breakdown", "D", "Break down by sex, age or citizenship where the indicator allows.");
        var sex = new Option<string?>("--sex") { Description = "Filter on sex (T, M, F; default T).", HelpName = "S" };
        var age = new Option<string?>("--age") { Description = "Filter on age: T (default), a range Y{from}-{to} or Y{from}+ the source's bands can tile (e.g. Y15-64), or a comma-separated list of ranges.", HelpName = "A" };
        var citizenship = new Option<string?>("--citizenship") { Description = "Filter on citizenship (T, ITA, FOR; default T).", HelpName = "C" };
        var basePeriod = new Option<string?>("--base") { Description = "Base period of the index view (default the first period)." };
        var configuration = new Option<string?>("--configuration") { Description = "Territorial configuration: yyyy-MM-dd or 'latest'." };
        var format = CliOptions.Format();
        var command = new Command("indicator", "Values of an indicator at a level, with numerator, denominator, flags and derived views.")
        {
            code, level, period, unit, breakdown, sex, age, citizenship, basePeriod, configuration, format,
        };
        command.SetAction(cli.Action(StoreAccess.Read, async (client, parse, ct) =>
        {
            var filters = QueryCommand.Filters(parse, sex, age, citizenship);
            var request = new IndicatorRequest(parse.GetValue(code)!, parse.GetValue(level)!, parse.GetValue(configuration), CliOptions.Values(parse, period), filters,
                CliOptions.Values(parse, breakdown), CliOptions.Values(parse, unit), BasePeriod: parse.GetValue(basePeriod));
            await cli.WriteOutAsync(await client.IndicatorAsync(request, parse.GetValue(format)!, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            return ExitCode.Ok;
        }));
        return command;
    }

    public static Command Correlate(CliContext cli)
    {
        var x = new Argument<string>("x") { Description = "The first indicator." };
        var y = new Argument<string>("y") { Description = "The second indicator." };
        var level = CliOptions.Level();
        var z = new Option<double>("--outlier-z") { Description = "Residual z-score beyond which a unit is an outlier (default 2.5).", DefaultValueFactory = _ => 2.5 };
        var command = new Command("correlate", "Correlation of two indicators across the units of a level (Pearson, Spearman, n, p-values, regression, outliers), as JSON.") { x, y, level, z };
        command.SetAction(cli.Action(StoreAccess.Read, async (client, parse, ct) =>
        {
            await cli.WriteOutAsync(await client.CorrelateAsync(parse.GetValue(x)!, parse.GetValue(y)!, parse.GetValue(level)!, parse.GetValue(z), ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            return ExitCode.Ok;
        }));
        return command;
    }

    public static Command Risk(CliContext cli)
    {
        var signal = new Option<string?>("--signal") { Description = "The risk signal code (default the first of catalogue/risk)." };
        var level = CliOptions.Level();
        var command = new Command("risk", "The composite risk signal of each unit of a level, its rank and the sensitivity to the weights, as JSON.") { signal, level };
        command.SetAction(cli.Action(StoreAccess.Read, async (client, parse, ct) =>
        {
            await cli.WriteOutAsync(await client.RiskAsync(parse.GetValue(signal), parse.GetValue(level)!, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            return ExitCode.Ok;
        }));
        return command;
    }
}
