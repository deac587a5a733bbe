using InLav.Core;
using System.Text.Json;
using InLav.Core.Query;
using InLav.Sources.Catalogue;
using InLav.Store;
using InLav.Store.Engine;
using InLav.Store.Imports;
using InLav.Tests.Support;

namespace InLav.Tests.Cob;

/// <summary>
/// A store of its own (DuckDB or PostgreSQL) with the registry and the COB inputs copied from the real data directory, and a
/// catalogue whose synthetic source generates only the quarters from FromPeriod with a small opening stock (the full series
/// is tested on the generator alone). Tests add layout files into DataDirectory.
/// </summary>
public sealed class CobSandbox : IDisposable
{
    public const string Series = "comunicazioni_obbligatorie/mlps_co_regionale_trimestrale_avviamenti_cessazioni_2017_2025.csv";
    public const string FromPeriod = "2025-Q3";

    private static readonly string[] Inputs =
    [
        Series,
        "comunicazioni_obbligatorie/mlps_tipologie_contrattuali_subset.csv",
        "censimento_2011/R03_indicatori_2011_comuni_DERIVED_from_localita.csv",
        "popolazione/ISTAT_POSAS_20240101_totali_sesso_comuni_Lombardia.csv",
    ];

    private readonly TempStore store;

    public CobSandbox(string engine, int initialStock = 400_000)
    {
        var catalogue = SourceCatalogue.Load();
        using var options = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["seed"] = 7,
            ["initialStock"] = initialStock,
            ["generatorVersion"] = "1",
            ["fromPeriod"] = FromPeriod,
            ["comuni"] = "comuni/situas_report61_comuni_20250101_Lombardia.csv",
            ["employed"] = "censimento_2011/R03_indicatori_2011_comuni_DERIVED_from_localita.csv",
            ["population"] = "popolazione/ISTAT_POSAS_20240101_totali_sesso_comuni_Lombardia.csv",
        }));
        var synthetic = options.RootElement.Clone();
        catalogue = new SourceCatalogue([.. catalogue.Sources.Select(s => s.Id == "cob-sintetico" ? s with { Options = synthetic } : s)], catalogue.Measures);
        store = new TempStore([.. TempStore.RegistryFiles, .. Inputs], engine: engine, catalogue: catalogue);
        store.ImportRegistry();
    }

    public string Folder => store.Folder;

    public string DataDirectory => store.DataDirectory;

    public InLavStore Store => store.Store;

    public ImportService Imports => store.Imports;

    public IReadOnlyList<ImportOutcome> Import(params string[] sourceIds) => store.Import(sourceIds);

    public ImportOutcome ImportOne(string sourceId) => Import(sourceId).Single();

    public QueryResult Query(string measure, string level, string period, IReadOnlyList<string>? breakdowns = null) =>
        Store.Query.Run(new QueryRequest(measure, level, "latest", [period], Breakdowns: breakdowns, Scope: AccessScope.Internal));

    public double Scalar(string sql, params (string, object?)[] parameters)
    {
        using var c = Store.Engine.Open();
        return Sql.Scalar<double>(c, sql, parameters);
    }

    public void WriteFile(string relative, string text)
    {
        var path = Path.Combine(DataDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => store.Dispose();
}
