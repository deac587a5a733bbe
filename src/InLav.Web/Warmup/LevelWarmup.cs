using System.Diagnostics;

namespace InLav.Web.Warmup;

/// <summary>
/// Work a feature does once the startup import is done, level by level, so no visitor waits for it; the server log shows
/// each level done, the elapsed time and the time left. A failure is logged and must not stop the host: the request that
/// needs the level reports the error.
/// </summary>
public abstract class LevelWarmup(ImportState state, ILogger logger) : BackgroundService
{
    /// <summary>What is prepared, as the log names it ("Geometry", "Indicators").</summary>
    protected abstract string Name { get; }

    /// <summary>The levels to prepare, in order (asked once the import is done).</summary>
    protected abstract IReadOnlyList<string> Levels();

    /// <summary>Prepares one level; returns a detail for the log line (e.g. "46 indicators"), or null.</summary>
    protected abstract string? Prepare(string level);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await state.StartupImport.WaitAsync(stoppingToken).ConfigureAwait(false);
        var levels = Levels();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < levels.Count; i++)
        {
            stoppingToken.ThrowIfCancellationRequested();
            var level = levels[i];
            string? detail = null;
            try
            {
                detail = await Task.Run(() => Prepare(level), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "{Name}: could not prepare level {Level}", Name, level);
            }

            var done = i + 1;
            var elapsed = clock.Elapsed.TotalSeconds;
            logger.LogInformation("{Name}: {Done}/{Total} levels ({Level}{Detail}), {Rate:N1} levels/s, {Elapsed:N1} s elapsed, ~{Left:N1} s left",
                Name, done, levels.Count, level, detail is null ? "" : ", " + detail, done / Math.Max(elapsed, 0.001), elapsed, elapsed / done * (levels.Count - done));
        }
    }
}
