namespace InLav.Store.Imports;

/// <summary>Progress of long work: what is done, the rate, the time spent and the time left (when the total is known).</summary>
public sealed record ImportProgress(string SourceId, string Stage, long Done, long? Total, TimeSpan Elapsed)
{
    public double RatePerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    public TimeSpan? Remaining => Total is { } t && RatePerSecond > 0 && t >= Done ? TimeSpan.FromSeconds((t - Done) / RatePerSecond) : null;

    public override string ToString()
    {
        var total = Total is { } t ? FormattableString.Invariant($"/{t:N0}") : "";
        var left = Remaining is { } r ? FormattableString.Invariant($", ~{r.TotalSeconds:N1} s left") : "";
        return FormattableString.Invariant($"{SourceId}: {Stage} {Done:N0}{total} rows, {RatePerSecond:N0} rows/s, {Elapsed.TotalSeconds:N1} s elapsed{left}");
    }
}

/// <summary>Run outcomes as stored in import_run.outcome.</summary>
public static class RunOutcome
{
    public const string Running = "running";
    public const string Published = "published";
    public const string Superseded = "superseded";
    public const string Unchanged = "unchanged";
    public const string Failed = "failed";
    public const string RolledBack = "rolled-back";
    public const string NoFiles = "no-files";
    public const string Pruned = "pruned";
}

/// <summary>What one import of one source did.</summary>
public sealed record ImportOutcome(
    string SourceId,
    long? RunId,
    string Outcome,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    IReadOnlyList<string> Messages,
    double Seconds);

/// <summary>One file read by a run.</summary>
public sealed record ImportFile(string FileName, long SizeBytes, string Sha256);

/// <summary>A row of import_run, with its files.</summary>
public sealed record ImportRun(
    long RunId,
    string SourceId,
    long? TotalBytes,
    string? Sha256,
    long? RowsRead,
    long? RowsLoaded,
    long? RowsRejected,
    DateTime StartedAt,
    DateTime? EndedAt,
    string Outcome,
    string? Messages,
    long? PreviousRunId,
    bool IsPublished,
    IReadOnlyList<ImportFile> Files);

/// <summary>A source's runs in brief: the published one, the latest one (either may be null) and how many there are.</summary>
public sealed record SourceRuns(ImportRun? Published, ImportRun? Latest, int Count);
