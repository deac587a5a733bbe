using System.Diagnostics;
using System.Globalization;
using InLav.Sources.Catalogue;
using InLav.Sources.Parsers;
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
            var registrySources = store.Catalogue.Sources.Where(s => ParserRegistry.Get(s.Parser).BuildsRegistry).Select(s => s.Id).ToList();
            var registry = await imports.ImportAllAsync(registrySources, "bench", null, CancellationToken.None).ConfigureAwait(false);
            if (registry.Any(o => o.Outcome != RunOutcome.Published))
            {
                Console.Error.WriteLine("The territorial registry did not import.");
                return 1;
            }

            var clock = Stopwatch.StartNew();
            var synthetic = store.Catalogue.Sources.Single(s => ParserRegistry.Get(s.Parser) is CobSyntheticParser);
            var inputs = CobSyntheticParser.LoadInputs(SourceCatalogue.LocateFiles(synthetic, dataDir).Single(), synthetic,
                new ParseContext { IsKnownComune = _ => true, DataDirectory = dataDir });
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
