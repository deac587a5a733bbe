using InLav.Store;
using InLav.Store.Imports;
using Microsoft.Extensions.Logging.Abstractions;

namespace InLav.Tests.Support;

/// <summary>
/// A store with every source of the real data directory imported once, shared read-only by the tests of the
/// "imported store" collection. Tests that write make their own store.
/// </summary>
public sealed class ImportedStore : IDisposable
{
    public ImportedStore()
    {
        Folder = TestData.NewTempFolder("imported");
        Store = new InLavStore(new StoreOptions { DataDirectory = TestData.Directory, DatabasePath = Path.Combine(Folder, "inlav.duckdb") });
        Imports = new ImportService(Store, NullLogger<ImportService>.Instance);
        Outcomes = Imports.ImportAllAsync(null, "tests", null, CancellationToken.None).GetAwaiter().GetResult();
    }

    public string Folder { get; }

    public InLavStore Store { get; }

    public ImportService Imports { get; }

    public IReadOnlyList<ImportOutcome> Outcomes { get; }

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

[CollectionDefinition(Name)]
public sealed class ImportedStoreCollection : ICollectionFixture<ImportedStore>
{
    public const string Name = "imported store";
}
