namespace InLav.Web.Warmup;

/// <summary>Whether the startup import is still running, for the status endpoint (and the tests that wait for it).</summary>
public sealed class ImportState
{
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool StartupImportDone => done.Task.IsCompleted;

    public Task StartupImport => done.Task;

    public void MarkDone() => done.TrySetResult();
}
