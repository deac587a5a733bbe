using System.Collections.Concurrent;
using InLav.Store.Reading;
using Microsoft.Extensions.Caching.Memory;

namespace InLav.Application.Answers;

/// <summary>
/// Every answer of the door computed once per publication, question and scope, kept within a memory budget: entries say
/// their size (an estimate in bytes), the least recently used go first when the budget is full, and a new publication
/// (<see cref="StatisticsStore.Publication"/> changes) starts an empty generation, so no answer outlives the data it was
/// computed from. Concurrent askers of the same question wait for one computation. An answer whose computation saw the
/// publication change is computed again, so it never mixes two publications, and is never kept in the new generation.
/// </summary>
public sealed class AnswerCache(StatisticsStore reader, long budgetBytes) : IDisposable
{
    private Generation current = new(-1, 1);

    private sealed class Generation(long publication, long budget)
    {
        public long Publication { get; } = publication;

        public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = budget, CompactionPercentage = 0.25, TrackStatistics = true });

        public ConcurrentDictionary<string, Lazy<object?>> InFlight { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>How many answers are kept now, and their estimated bytes.</summary>
    public (long Count, long Bytes) Usage => current.Cache.GetCurrentStatistics() is { } s ? (s.CurrentEntryCount, s.CurrentEstimatedSize ?? 0) : (current.Cache.Count, 0);

    /// <summary>The answer to <paramref name="question"/> for <paramref name="caller"/>, computed at most once per publication.</summary>
    public T Get<T>(Caller caller, string question, Func<T> compute, Func<T, long> size)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var key = typeof(T).Name + "|" + caller.Scope.Name + "|" + question;
        for (var attempt = 0; ; attempt++)
        {
            var generation = Current();
            if (generation.Cache.TryGetValue(key, out var hit))
            {
                return (T)hit!;
            }

            var lazy = generation.InFlight.GetOrAdd(key, _ => new Lazy<object?>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication));
            T value;
            try
            {
                value = (T)lazy.Value!;
            }
            finally
            {
                generation.InFlight.TryRemove(new KeyValuePair<string, Lazy<object?>>(key, lazy));
            }

            if (reader.Publication == generation.Publication)
            {
                generation.Cache.Set(key, value, new MemoryCacheEntryOptions { Size = Math.Max(1, size(value)) });
                return value;
            }

            // A publication happened while computing: the answer may mix the two, ask again on the new data.
            if (attempt >= 3)
            {
                return value;
            }
        }
    }

    private Generation Current()
    {
        var publication = reader.Publication;
        var generation = Volatile.Read(ref current);
        if (generation.Publication == publication)
        {
            return generation;
        }

        var fresh = new Generation(publication, budgetBytes);
        var seen = Interlocked.CompareExchange(ref current, fresh, generation);
        if (seen != generation)
        {
            return seen.Publication == publication ? seen : Current();
        }

        // Readers may still hold the old generation: empty it rather than dispose it under them.
        generation.Cache.Compact(1.0);
        return fresh;
    }

    public void Dispose() => current.Cache.Dispose();
}
