using System.Diagnostics;
using InLav.Store.Imports;

namespace InLav.Cli;

/// <summary>
/// Progress of long work on stderr: at most a few lines a second. On a terminal one line is rewritten with a carriage
/// return; otherwise (redirected, a log, a test) each update is a plain line.
/// </summary>
public sealed class ProgressWriter(TextWriter err, bool terminal) : IProgress<ImportProgress>
{
    private readonly Lock gate = new();
    private readonly Stopwatch sinceLast = Stopwatch.StartNew();
    private readonly TimeSpan interval = terminal ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(1);
    private bool first = true;
    private int lastLength;
    private string? lastSource;

    public void Report(ImportProgress value) => Write(value.ToString(), force: !string.Equals(value.SourceId, lastSource, StringComparison.Ordinal), value.SourceId);

    public void Report(StepProgress value) => Write(value.ToString(), force: value.Done == value.Total, value.Current);

    /// <summary>Ends the rewritten line, so what follows starts on a line of its own.</summary>
    public void Finish()
    {
        lock (gate)
        {
            if (terminal && lastLength > 0)
            {
                err.WriteLine();
                lastLength = 0;
            }
        }
    }

    private void Write(string line, bool force, string source)
    {
        lock (gate)
        {
            if (!first && !force && sinceLast.Elapsed < interval)
            {
                return;
            }

            first = false;
            lastSource = source;
            sinceLast.Restart();
            if (terminal)
            {
                err.Write("\r" + line.PadRight(lastLength));
                lastLength = line.Length;
                err.Flush();
            }
            else
            {
                err.WriteLine(line);
            }
        }
    }
}

/// <summary>Progress counted in steps (sources imported through the server): done, rate, elapsed and time left.</summary>
public sealed record StepProgress(string Current, int Done, int Total, TimeSpan Elapsed)
{
    public override string ToString()
    {
        var rate = Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;
        var left = rate > 0 && Done < Total ? FormattableString.Invariant($", ~{(Total - Done) / rate:N1} s left") : "";
        var doing = Done < Total ? $" (importing {Current})" : "";
        return FormattableString.Invariant($"sources {Done}/{Total}{doing}, {rate:N2} sources/s, {Elapsed.TotalSeconds:N1} s elapsed{left}");
    }
}
