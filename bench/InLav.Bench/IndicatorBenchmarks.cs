using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using InLav.Core.Indicators;

namespace InLav.Bench;

/// <summary>One indicator view, warm: the WP2 MEF–ISTAT gap for every comune at its latest period, with derived views.</summary>
[MemoryDiagnoser]
public class IndicatorBenchmarks
{
    private BenchStore bench = null!;

    [GlobalSetup]
    public void Setup()
    {
        bench = BenchStore.CreateAsync().GetAwaiter().GetResult();
        GapComuni();
        GapProvinces();
    }

    [GlobalCleanup]
    public void Cleanup() => bench.Dispose();

    [Benchmark(Description = "indicator view: WP2 gap, all comuni, derived views")]
    public int GapComuni() => bench.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap", "comune")).Rows.Count;

    [Benchmark(Description = "indicator view: WP2 gap, all provinces, derived views")]
    public int GapProvinces() => bench.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap", "provincia")).Rows.Count;

    /// <summary>Every indicator for every level it allows and every period it has (values, no derived views), timed once cold and once warm.</summary>
    public static async Task<int> EveryIndicatorAsync()
    {
        using var bench = await BenchStore.CreateAsync().ConfigureAwait(false);
        var service = bench.Store.Indicators;
        var levels = bench.Store.Reader.Snapshot().LevelIds;
        foreach (var pass in new[] { "first", "second" })
        {
            var clock = Stopwatch.StartNew();
            var views = 0;
            var rows = 0;
            foreach (var def in service.Catalogue.Indicators)
            {
                foreach (var level in def.Levels.Count > 0 ? def.Levels : levels)
                {
                    var result = service.Compute(new IndicatorRequest(def.Code, level, Periods: ["all"]), derived: false);
                    views += result.Periods.Count;
                    rows += result.Rows.Count;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"every indicator × level × period ({pass} pass): {service.Catalogue.Indicators.Count} indicators, {views} indicator-level-period views, {rows:N0} rows in {clock.Elapsed.TotalSeconds:N2} s"));
        }

        return 0;
    }
}
