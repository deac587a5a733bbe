using InLav.Core.Analysis;
using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Sources.Catalogue;
using InLav.Store.Engine;
using InLav.Store.Imports;
using InLav.Store.Reading;

namespace InLav.Store;

/// <summary>
/// The open store: engine, catalogue, reader and the query service over it. One per process (DuckDB allows one writer).
/// </summary>
public sealed class InLavStore : IDisposable
{
    public InLavStore(StoreOptions options, SourceCatalogue? catalogue = null, string? indicatorFolder = null)
    {
        Options = options.Resolve();
        Catalogue = catalogue ?? SourceCatalogue.Load();
        Engine = Options.Engine switch
        {
            "duckdb" => new DuckDbEngine(Options.DatabasePath!),
            "postgres" => new PostgresEngine(Options.PostgresConnectionString
                ?? throw new InvalidOperationException("The postgres engine needs InLav:PostgresConnectionString (or INLAV_POSTGRES).")),
            _ => throw new NotSupportedException($"Unknown store engine '{Options.Engine}': use 'duckdb' or 'postgres'."),
        };
        Schema.Migrate(Engine);
        Reader = new StatisticsStore(Engine, Catalogue);
        Query = new QueryService(Reader);
        Indicators = new IndicatorService(Query, Reader, IndicatorFiles.Load(Catalogue.Measures, indicatorFolder));
        Analysis = new AnalysisService(Indicators, IndicatorFiles.LoadSignals(Indicators.Catalogue));
    }

    public StoreOptions Options { get; }

    public SourceCatalogue Catalogue { get; }

    public IStoreEngine Engine { get; }

    public StatisticsStore Reader { get; }

    public QueryService Query { get; }

    /// <summary>The indicator engine over the same query service.</summary>
    public IndicatorService Indicators { get; }

    /// <summary>Correlations, regression, outliers and the composite risk signal.</summary>
    public AnalysisService Analysis { get; }

    public void Dispose() => Engine.Dispose();
}
