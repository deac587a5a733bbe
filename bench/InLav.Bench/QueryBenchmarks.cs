using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using InLav.Core.Query;
using InLav.Store.Engine;

namespace InLav.Bench;

/// <summary>
/// The query service (read published facts, crosswalk, sum, flags) for one measure and its latest period, against the same
/// aggregation written as one DuckDB GROUP BY over the published fact rows. Warm: the store is imported and asked once first.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private const string Measure = "residents_anpr";
    private const string BareSql = """
        SELECT {0} AS unit, sum(value) AS value, count(*) AS source_units
        FROM fact
        WHERE measure = $m AND period = $p AND sex = 'T' AND age = 'T' AND cit = 'T' AND level = 'comune'
          AND run_id IN (SELECT run_id FROM published)
        GROUP BY 1 ORDER BY 1
        """;

    private BenchStore bench = null!;
    private string period = "";

    /// <summary>A short job (3 warm-up, 15 measured iterations) in this process, with the 95th percentile as a column.</summary>
    public static IConfig Config() => DefaultConfig.Instance
        .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance).WithId("short-inprocess"))
        .AddColumn(StatisticColumn.P95, StatisticColumn.Min, StatisticColumn.Max)
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);

    [GlobalSetup]
    public void Setup()
    {
        bench = BenchStore.CreateAsync().GetAwaiter().GetResult();
        period = bench.Store.Reader.Periods(Measure)[^1];
        ServiceComuni();
        ServiceProvinces();
    }

    [GlobalCleanup]
    public void Cleanup() => bench.Dispose();

    [Benchmark(Description = "service: all comuni")]
    public int ServiceComuni() => bench.Store.Query.Run(new QueryRequest(Measure, "comune", Periods: [period])).Rows.Count;

    [Benchmark(Description = "bare DuckDB: all comuni")]
    public int EngineComuni() => Bare("unit");

    [Benchmark(Description = "service: all provinces")]
    public int ServiceProvinces() => bench.Store.Query.Run(new QueryRequest(Measure, "provincia", Periods: [period])).Rows.Count;

    [Benchmark(Description = "bare DuckDB: all provinces")]
    public int EngineProvinces() => Bare("substr(unit, 1, 3)");

    private int Bare(string groupBy)
    {
        using var c = bench.Store.Engine.Open();
        using var cmd = Sql.Command(c, string.Format(System.Globalization.CultureInfo.InvariantCulture, BareSql, groupBy), ("m", Measure), ("p", period));
        using var r = cmd.ExecuteReader();
        var rows = 0;
        while (r.Read())
        {
            _ = r.GetString(0);
            _ = r.IsDBNull(1) ? 0 : r.GetDouble(1);
            rows++;
        }

        return rows;
    }
}
