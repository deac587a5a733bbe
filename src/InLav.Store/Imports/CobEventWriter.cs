using System.Collections.Concurrent;
using InLav.Sources.Cob;
using InLav.Store.Engine;

namespace InLav.Store.Imports;

/// <summary>
/// Streams COB events into the cob_event table under a run id while the parser goes on: the parser fills batches, a second
/// thread bulk-writes them with the engine's appender (DuckDB) or binary COPY (PostgreSQL) on a connection of its own.
/// Nothing is held beyond a few batches, so 20 million events stream in bounded memory. Started on the first event.
/// </summary>
public sealed class CobEventWriter(IStoreEngine engine, long runId, bool synthetic) : ICobEventSink, IDisposable
{
    private const int BatchSize = 16_384;
    private readonly BlockingCollection<CobEvent[]> batches = new(boundedCapacity: 8);
    private CobEvent[] current = new CobEvent[BatchSize];
    private int count;
    private Task? consumer;

    public long Written { get; private set; }

    public void Add(in CobEvent e)
    {
        consumer ??= Task.Factory.StartNew(Consume, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        current[count++] = e;
        Written++;
        if (count == BatchSize)
        {
            Hand(current);
            current = new CobEvent[BatchSize];
            count = 0;
        }
    }

    /// <summary>Writes what is left and waits for the writer thread; its failure is thrown here.</summary>
    public void Complete()
    {
        if (consumer is null)
        {
            return;
        }

        if (count > 0)
        {
            Hand(current[..count]);
            count = 0;
        }

        batches.CompleteAdding();
        consumer.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        if (!batches.IsAddingCompleted)
        {
            batches.CompleteAdding();
        }

        try
        {
            consumer?.Wait();
        }
        catch (AggregateException)
        {
            // Already reported by Complete, or the import failed before completing.
        }

        batches.Dispose();
    }

    private void Hand(CobEvent[] batch)
    {
        try
        {
            batches.Add(batch);
        }
        catch (InvalidOperationException) when (consumer is not null)
        {
            // The writer thread stopped adding: it failed; its exception is the one to report.
            consumer.GetAwaiter().GetResult();
            throw;
        }
    }

    private void Consume()
    {
        try
        {
            using var c = engine.Open();
            engine.BulkInsert(c, "cob_event", Rows());
        }
        catch
        {
            // Unblock the parser: it sees the failure on its next batch or at Complete.
            batches.CompleteAdding();
            throw;
        }
    }

    private IEnumerable<object?[]> Rows()
    {
        var row = new object?[14];
        row[0] = runId;
        row[13] = synthetic;
        foreach (var batch in batches.GetConsumingEnumerable())
        {
            foreach (var e in batch)
            {
                // One array, refilled: the engines consume each row before asking for the next.
                row[1] = e.Type;
                row[2] = e.Date;
                row[3] = e.Comune;
                row[4] = e.Province;
                row[5] = e.Contract;
                row[6] = e.Start;
                row[7] = e.End;
                row[8] = e.Sex;
                row[9] = (long)e.Age;
                row[10] = e.Citizenship;
                row[11] = e.Country;
                row[12] = e.Ateco;
                yield return row;
            }
        }
    }
}
