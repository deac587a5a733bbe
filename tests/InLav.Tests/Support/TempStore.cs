using InLav.Sources.Catalogue;
using InLav.Store;
using InLav.Store.Imports;
using Microsoft.Extensions.Logging.Abstractions;

namespace InLav.Tests.Support;

/// <summary>
/// A store of one test's own: a temp data directory holding copies of chosen real files (same relative paths),
/// a temp DuckDB file, and the import service. Tests write broken or extra files into DataDirectory.
/// </summary>
public sealed class TempStore : IDisposable
{
    /// <summary>The files that build the territorial registry.</summary>
    public static readonly string[] RegistryFiles =
    [
        "comuni/ANPR_archivio_comuni_Lombardia.csv",
        "comuni/ISTAT_SITUAS_variazioni_amministrative_territoriali_dal_1991_Lombardia.csv",
        "comuni/ISTAT_Elenco_comuni_20200101_Lombardia.csv",
        "comuni/situas_report61_comuni_20250101_Lombardia.csv",
        "classificazioni/ISTAT_Classificazioni_statistiche_dimensione_comuni_20260101_Lombardia.csv",
    ];

    private readonly string? postgres;

    /// <param name="catalogue">A catalogue of the test's own (e.g. with changed source options); default the real one.</param>
    public TempStore(IEnumerable<string> realFiles, long maxFileBytes = 256L * 1024 * 1024, string engine = Engines.DuckDb, SourceCatalogue? catalogue = null)
        : this(realFiles, maxFileBytes, engine, null, catalogue)
    {
    }

    private TempStore(IEnumerable<string> realFiles, long maxFileBytes, string engine, string? dataDirectory, SourceCatalogue? catalogue = null)
    {
        Folder = TestData.NewTempFolder("store");
        DataDirectory = dataDirectory ?? Path.Combine(Folder, "data");
        foreach (var file in realFiles)
        {
            CopyReal(file);
        }

        postgres = engine == Engines.Postgres ? Engines.CreateDatabase() : null;
        Store = new InLavStore(new StoreOptions
        {
            DataDirectory = DataDirectory,
            DatabasePath = Path.Combine(Folder, "inlav.duckdb"),
            Engine = engine,
            PostgresConnectionString = postgres,
            MaxFileBytes = maxFileBytes,
        }, catalogue);
        Imports = new ImportService(Store, NullLogger<ImportService>.Instance);
    }

    /// <summary>A store reading the real data directory itself (nothing copied; never write into it).</summary>
    public static TempStore OnRealData(string engine) => new([], 256L * 1024 * 1024, engine, TestData.Directory);

    /// <summary>The ids of the sources that build the territorial registry from <see cref="RegistryFiles"/>.</summary>
    public static readonly string[] RegistrySources = ["anpr-archivio-comuni", "istat-variazioni-amministrative", "istat-elenco-comuni-2020", "situas-comuni-2025", "istat-comuni-2026"];

    /// <summary>Imports the registry sources and checks they are published.</summary>
    public void ImportRegistry() => Assert.All(Import(RegistrySources), o => Assert.Equal(RunOutcome.Published, o.Outcome));

    public string Folder { get; }

    public string DataDirectory { get; }

    public InLavStore Store { get; }

    public ImportService Imports { get; }

    public string PathOf(string relative) => Path.Combine(DataDirectory, relative);

    public void CopyReal(string relative)
    {
        var target = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(TestData.File(relative), target, true);
    }

    public IReadOnlyList<ImportOutcome> Import(params string[] sourceIds) =>
        Imports.ImportAllAsync(sourceIds.Length == 0 ? null : sourceIds, "tests", null, CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose()
    {
        Store.Dispose();
        if (postgres is not null)
        {
            Engines.DropDatabase(postgres);
        }

        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
        }
    }
}
