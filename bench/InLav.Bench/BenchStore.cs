using InLav.Store;
using InLav.Store.Imports;
using Microsoft.Extensions.Logging.Abstractions;

namespace InLav.Bench;

/// <summary>A fresh DuckDB store in a temp folder with every source of the data directory imported.</summary>
public sealed class BenchStore : IDisposable
{
    private BenchStore(string folder, InLavStore store, IReadOnlyList<ImportOutcome> outcomes)
    {
        Folder = folder;
        Store = store;
        Outcomes = outcomes;
    }

    public string Folder { get; }

    public InLavStore Store { get; }

    public IReadOnlyList<ImportOutcome> Outcomes { get; }

    /// <summary>INLAV_DATA_DIR, else ../shared/data found from the working folder or the bench's own folder.</summary>
    public static string DataDirectory => StoreOptions.FromEnvironment().DataDirectory
        ?? throw new InvalidOperationException("The data directory (../shared/data beside the repository) was not found; set INLAV_DATA_DIR.");

    public static async Task<BenchStore> CreateAsync(CancellationToken ct = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), "inlav-bench", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var store = new InLavStore(new StoreOptions { DataDirectory = DataDirectory, DatabasePath = Path.Combine(folder, "bench.duckdb") });
        var outcomes = await new ImportService(store, NullLogger<ImportService>.Instance).ImportAllAsync(null, "bench", null, ct).ConfigureAwait(false);
        return new BenchStore(folder, store, outcomes);
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
        }
    }
}
