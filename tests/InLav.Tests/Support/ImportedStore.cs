using InLav.Store;
using InLav.Store.Imports;

namespace InLav.Tests.Support;

/// <summary>
/// Stores with every source of the real data directory imported once per engine (on first use), shared read-only by
/// the tests of the "imported store" collection. Tests that write make their own TempStore.
/// </summary>
public sealed class ImportedStore : IDisposable
{
    private readonly Dictionary<string, TempStore> stores = [];
    private readonly Dictionary<string, IReadOnlyList<ImportOutcome>> outcomes = [];
    private readonly Lock gate = new();

    /// <summary>The DuckDB store (the default engine).</summary>
    public InLavStore Store => For(Engines.DuckDb);

    public IReadOnlyList<ImportOutcome> Outcomes => OutcomesOf(Engines.DuckDb);

    public InLavStore For(string engine) => Get(engine).Store;

    public IReadOnlyList<ImportOutcome> OutcomesOf(string engine)
    {
        Get(engine);
        return outcomes[engine];
    }

    private TempStore Get(string engine)
    {
        lock (gate)
        {
            if (!stores.TryGetValue(engine, out var t))
            {
                t = TempStore.OnRealData(engine);
                // Synthetic sources (millions of generated COB events) load on DuckDB here; on PostgreSQL the COB tests load their own small sets.
                outcomes[engine] = engine == Engines.Postgres
                    ? t.Import([.. t.Store.Catalogue.Sources.Where(s => !s.Synthetic).Select(s => s.Id)])
                    : t.Import();
                stores[engine] = t;
            }

            return t;
        }
    }

    public void Dispose()
    {
        foreach (var t in stores.Values)
        {
            t.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ImportedStoreCollection : ICollectionFixture<ImportedStore>
{
    public const string Name = "imported store";
}
