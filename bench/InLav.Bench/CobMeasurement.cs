using System.Diagnostics;
using System.Globalization;
using InLav.Sources.Synthetic;
using InLav.Store;
using InLav.Store.Engine;
using InLav.Store.Imports;
using Microsoft.Extensions.Logging.Abstractions;

namespace InLav.Bench;

/// <summary>
/// The COB scale benchmark: generate the full SYNTHETIC series (2017-Q1 – 2025-Q3, exact MLPS totals, 3 million opening
/// contracts) as internal-layout CSV files, ingest them through the cob-interno importer into a fresh DuckDB store (parse,
/// stream to the appender), aggregate them in the engine, and report events/s, aggregation seconds and peak memory.
/// </summary>
public static class CobMeasurement
{
    public static async Task<int> RunAsync(int seed = 20251126)
    {
        var folder = Path.Combine(Path.GetTempPath(), "inlav-bench", "cob-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var dataDir = BenchStore.DataDirectory;
            using var store = new InLavStore(new StoreOptions { DataDirectory = dataDir, DatabasePath = Path.Combine(folder, "cob.duckdb") });
            var imports = new ImportService(store, NullLogger<ImportService>.Instance);
            var registry = await imports.ImportAllAsync(["anpr-archivio-comuni", "istat-variazioni-amministrative", "istat-elenco-comuni-2020", "situas-comuni-2025", "istat-comuni-2026"],
                "bench", null, CancellationToken.None).ConfigureAwait(false);
            if (registry.Any(o => o.Outcome != RunOutcome.Published))
            {
                Console.Error.WriteLine("The territorial registry did not import.");
                return 1;
            }

            var clock = Stopwatch.StartNew();
            var inputs = SyntheticInputs.Load(Path.Combine(dataDir, "comunicazioni_obbligatorie/mlps_co_regionale_trimestrale_avviamenti_cessazioni_2017_2025.csv"),
                Path.Combine(dataDir, "comuni/situas_report61_comuni_20250101_Lombardia.csv"),
                Path.Combine(dataDir, "censimento_2011/R03_indicatori_2011_comuni_DERIVED_from_localita.csv"),
                Path.Combine(dataDir, "popolazione/ISTAT_POSAS_20240101_totali_sesso_comuni_Lombardia.csv"));
            var generator = new CobGenerator(inputs, seed, CobGenerator.DefaultInitialStock);
            var files = InternalLayoutWriter.Write(generator.Generate(), generator.BelfioreOf, Path.Combine(folder, "files"), "cob_interno");
            var generateSeconds = clock.Elapsed.TotalSeconds;
            var bytes = files.Sum(f => new FileInfo(f).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {files.Count} files, {bytes / 1e6:N0} MB in {generateSeconds:N1} s"));

            var source = store.Catalogue.Find("cob-interno")!;
            double aggregateStart = 0;
            var progress = new Inline(p =>
            {
                if (p.Stage == "aggregate events")
                {
                    aggregateStart = p.Elapsed.TotalSeconds;
                }
            });
            clock.Restart();
            var outcome = await imports.ImportAsync(source, files, "bench", progress, CancellationToken.None).ConfigureAwait(false);
            var importSeconds = clock.Elapsed.TotalSeconds;
            if (outcome.Outcome != RunOutcome.Published)
            {
                Console.Error.WriteLine($"Import failed: {string.Join(" | ", outcome.Messages.Take(5))}");
                return 1;
            }

            using var c = store.Engine.Open();
            var events = Sql.Scalar<long>(c, "SELECT count(*) FROM cob_event WHERE run_id = $r", ("r", outcome.RunId));
            var facts = Sql.Scalar<long>(c, "SELECT count(*) FROM fact WHERE run_id = $r", ("r", outcome.RunId));
            var aggregateSeconds = importSeconds - aggregateStart;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine();
            Console.WriteLine("| step | figure |");
            Console.WriteLine("|---|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| contracts (CSV rows) generated | {outcome.RowsRead:N0} in {generateSeconds:N1} s |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| events ingested (parse + append) | {events:N0} in {aggregateStart:N1} s = **{events / aggregateStart:N0} events/s** |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| aggregation in DuckDB (flows + stock, {facts:N0} facts) and publish | **{aggregateSeconds:N1} s** |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| peak working set of the process | **{peak / 1024.0 / 1024.0:N0} MB** |"));
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed class Inline(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
