using System.CommandLine;
using System.Globalization;

namespace InLav.Cli;

/// <summary>inlav sources: the catalogue with the published run of each source.</summary>
public static class SourcesCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("sources", "List the sources of the catalogue with their published import run.");
        command.SetAction(cli.Action(StoreAccess.Read, async (client, parse, ct) =>
        {
            var sources = await client.SourcesAsync(ct).ConfigureAwait(false);
            Table.Write(cli.Out, ["source", "published run", "last import (UTC)", "licence", "title"], sources.Select(s => (IReadOnlyList<string>)
            [
                s.Id, s.PublishedRun?.ToString(CultureInfo.InvariantCulture) ?? "-",
                s.LastImport?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-", s.Licence, s.Title,
            ]));
            return ExitCode.Ok;
        }));
        return command;
    }
}
