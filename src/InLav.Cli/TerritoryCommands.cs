using System.CommandLine;
using System.Globalization;

namespace InLav.Cli;

/// <summary>inlav territories, inlav levels, inlav classifications.</summary>
public static class TerritoryCommands
{
    public static Command Territories(CliContext cli)
    {
        var level = new Option<string?>("--level") { Description = "The level whose units are listed (default comune), or to which a search is limited.", HelpName = "L" };
        var search = new Option<string?>("--search") { Description = "Search units by name, ignoring case and accents (at least two characters).", HelpName = "TEXT" };
        var command = new Command("territories", "List the units of a level, or search comuni and groups by name.") { level, search };
        command.SetAction(cli.Action(StoreAccess.Read, async (client, parse, ct) =>
        {
            var text = parse.GetValue(search);
            var onLevel = parse.GetValue(level);
            if (text is not null)
            {
                if (text.Trim().Length < 2)
                {
                    throw new CliException("--search needs at least two characters.", ExitCode.Usage);
                }

                var hits = await client.SearchAsync(text, 100, ct).ConfigureAwait(false);
                Table.Write(cli.Out, ["level", "code", "name"], hits.Where(u => onLevel is null || u.Level == onLevel).Select(u => (IReadOnlyList<string>)[u.Level, u.Code, u.Name]));
                return ExitCode.Ok;
            }

            var units = await client.UnitsAsync(onLevel ?? "comune", ct).ConfigureAwait(false);
            Table.Write(cli.Out, ["level", "code", "name", "comuni"], units.Select(u => (IReadOnlyList<string>)[u.Level, u.Code, u.Name, u.Comuni.ToString(CultureInfo.InvariantCulture)]));
            return ExitCode.Ok;
        }));
        return command;
    }

    public static Command Levels(CliContext cli)
    {
        var command = new Command("levels", "List the territorial levels: regione, provincia, comune and every loaded classification.");
        command.SetAction(cli.Action(StoreAccess.Read, async (client, parse, ct) =>
        {
            var levels = await client.LevelsAsync(ct).ConfigureAwait(false);
            Table.Write(cli.Out, ["level", "kind", "edition", "units", "unassigned", "name", "configuration"], levels.Select(l => (IReadOnlyList<string>)
            [
                l.Id, l.Kind, l.Edition ?? "", l.Units.ToString(CultureInfo.InvariantCulture), l.Unassigned.ToString(CultureInfo.InvariantCulture), l.NameIt, l.Configuration,
            ]));
            return ExitCode.Ok;
        }));
        return command;
    }

    public static Command Classifications(CliContext cli)
    {
        var command = new Command("classifications", "List the loaded classifications with their editions and sources.");
        command.SetAction(cli.Action(StoreAccess.Read, async (client, parse, ct) =>
        {
            var list = await client.ClassificationsAsync(ct).ConfigureAwait(false);
            Table.Write(cli.Out, ["id", "edition", "reference date", "source", "name"], list.Select(c => (IReadOnlyList<string>)
            [
                c.Id, c.Edition, c.ReferenceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", c.SourceId, c.NameIt,
            ]));
            return ExitCode.Ok;
        }));
        return command;
    }
}
