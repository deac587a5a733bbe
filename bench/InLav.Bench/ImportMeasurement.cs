using System.Diagnostics;
using System.Globalization;
using InLav.Store.Imports;

namespace InLav.Bench;

/// <summary>The full import of the data directory into a fresh DuckDB file, repeated: seconds (median, min, max) and rows loaded per second.</summary>
public static class ImportMeasurement
{
    public static async Task<int> RunAsync(int repetitions)
    {
        Console.WriteLine($"Full import of {BenchStore.DataDirectory} into a fresh DuckDB file, {repetitions} repetitions");
        var seconds = new List<double>();
        IReadOnlyList<ImportOutcome> last = [];
        for (var i = 1; i <= repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            using var bench = await BenchStore.CreateAsync().ConfigureAwait(false);
            clock.Stop();
            seconds.Add(clock.Elapsed.TotalSeconds);
            last = bench.Outcomes;
            Console.WriteLine(FormattableString.Invariant($"  run {i}: {clock.Elapsed.TotalSeconds:N2} s, {bench.Outcomes.Sum(o => o.RowsLoaded):N0} rows loaded"));
        }

        var rows = last.Sum(o => o.RowsLoaded);
        seconds.Sort();
        var median = seconds[seconds.Count / 2];
        Console.WriteLine();
        Console.WriteLine("| source | outcome | rows read | rows loaded | seconds |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var o in last)
        {
            Console.WriteLine(FormattableString.Invariant($"| {o.SourceId} | {o.Outcome} | {o.RowsRead:N0} | {o.RowsLoaded:N0} | {o.Seconds:N2} |"));
        }

        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant(
            $"sources: {last.Count(o => o.Outcome == RunOutcome.Published)} published, {last.Count(o => o.Outcome == RunOutcome.Failed)} failed, {last.Count(o => o.Outcome == RunOutcome.NoFiles)} without files"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import seconds: median {median:N2}, min {seconds[0]:N2}, max {seconds[^1]:N2}; rows loaded {rows:N0}; {rows / median:N0} rows/s (median)"));
        return 0;
    }
}
