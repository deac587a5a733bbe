using System.CommandLine;
using System.Globalization;
using InLav.Store.Imports;

namespace InLav.Cli;

/// <summary>inlav import, inlav runs, inlav rollback.</summary>
public static class ImportCommands
{
    public static Command Import(CliContext cli)
    {
        var sources = new Option<string[]>("--source") { Description = "A source id of the catalogue (repeatable; default: every source).", HelpName = "ID", AllowMultipleArgumentsPerToken = true };
        var command = new Command("import", "Import the sources of the data directory (unchanged files are skipped); exit code 1 when a source fails.") { sources };
        command.SetAction(cli.Action(StoreAccess.Import, async (client, parse, ct) =>
        {
            var progress = new ProgressWriter(cli.Err, cli.ErrIsTerminal);
            var ids = (parse.GetValue(sources) ?? []).SelectMany(SplitList).ToList();
            IReadOnlyList<ImportOutcome> outcomes;
            try
            {
                outcomes = await client.ImportAsync(ids, progress, ct).ConfigureAwait(false);
            }
            finally
            {
                progress.Finish();
            }

            Table.Write(cli.Out, ["source", "outcome", "run", "rows read", "rows loaded", "rejected", "seconds"], outcomes.Select(o => (IReadOnlyList<string>)
            [
                o.SourceId, o.Outcome, o.RunId?.ToString(CultureInfo.InvariantCulture) ?? "-", N(o.RowsRead), N(o.RowsLoaded), N(o.RowsRejected),
                o.Seconds.ToString("N1", CultureInfo.InvariantCulture),
            ]));
            foreach (var failed in outcomes.Where(o => o.Outcome == RunOutcome.Failed))
            {
                cli.Err.WriteLine($"inlav: {failed.SourceId} failed: {CliContext.OneLine(string.Join(" | ", failed.Messages.Take(3)))}");
            }

            return outcomes.Any(o => o.Outcome == RunOutcome.Failed) ? ExitCode.Error : ExitCode.Ok;
        }));
        return command;
    }

    public static Command Runs(CliContext cli)
    {
        var source = new Option<string?>("--source") { Description = "Only the runs of this source.", HelpName = "ID" };
        var limit = new Option<int>("--limit") { Description = "How many runs, newest first (default 50).", HelpName = "N", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--limit must be between 1 and 10000.");
            }
        });
        var command = new Command("runs", "List import runs, newest first: outcome, rows, bytes, SHA-256 and times.") { source, limit };
        command.SetAction(cli.Action(StoreAccess.Read, async (client, parse, ct) =>
        {
            var runs = await client.RunsAsync(parse.GetValue(source), parse.GetValue(limit), ct).ConfigureAwait(false);
            Table.Write(cli.Out, ["run", "source", "outcome", "published", "rows read", "rows loaded", "rejected", "bytes", "started (UTC)", "seconds", "sha256"], runs.Select(r => (IReadOnlyList<string>)
            [
                r.RunId.ToString(CultureInfo.InvariantCulture), r.SourceId, r.Outcome, r.IsPublished ? "yes" : "", N(r.RowsRead), N(r.RowsLoaded), N(r.RowsRejected), N(r.TotalBytes),
                r.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                r.EndedAt is { } end ? (end - r.StartedAt).TotalSeconds.ToString("N1", CultureInfo.InvariantCulture) : "",
                r.Sha256 is { Length: > 12 } h ? h[..12] : r.Sha256 ?? "",
            ]));
            return ExitCode.Ok;
        }));
        return command;
    }

    public static Command Rollback(CliContext cli)
    {
        var source = new Argument<string>("SOURCE") { Description = "The source id whose previous published version is published again." };
        var command = new Command("rollback", "Publish again the version of a source before the current one.") { source };
        command.SetAction(cli.Action(StoreAccess.Write, async (client, parse, ct) =>
        {
            var id = parse.GetValue(source)!;
            var run = await client.RollbackAsync(id, ct).ConfigureAwait(false);
            cli.Out.WriteLine(FormattableString.Invariant($"{id}: run {run} is published again"));
            return ExitCode.Ok;
        }));
        return command;
    }

    /// <summary>Values given as repeated options or comma-separated, as the REST API accepts them.</summary>
    public static IEnumerable<string> SplitList(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string N(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "";
}
