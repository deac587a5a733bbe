using System.CommandLine;

namespace InLav.Cli;

/// <summary>The options several commands declare alike.</summary>
public static class CliOptions
{
    /// <summary>--level, default comune.</summary>
    public static Option<string> Level(string description = "The territorial level (default comune).", string? helpName = null) =>
        new("--level") { Description = description, HelpName = helpName, DefaultValueFactory = _ => "comune" };

    /// <summary>--format: csv (default) or json.</summary>
    public static Option<string> Format()
    {
        var format = new Option<string>("--format") { Description = "csv (default) or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        return format;
    }

    /// <summary>A repeatable option whose values may also be comma-separated.</summary>
    public static Option<string[]> List(string name, string helpName, string description) =>
        new(name) { Description = description, HelpName = helpName, AllowMultipleArgumentsPerToken = true };

    /// <summary>The values of a repeatable option, commas split; null when none was given.</summary>
    public static List<string>? Values(ParseResult parse, Option<string[]> option) =>
        parse.GetValue(option) is { Length: > 0 } values ? values.SelectMany(ImportCommands.SplitList).ToList() : null;
}
