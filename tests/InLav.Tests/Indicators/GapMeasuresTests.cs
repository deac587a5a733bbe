using InLav.Core;
using System.Globalization;
using System.Text;
using InLav.Core.Analysis;
using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Sources.Catalogue;
using InLav.Store;
using InLav.Tests.Support;

namespace InLav.Tests.Indicators;

/// <summary>
/// Issue 7, the measures: for the raw and the adjusted WP2 gap at comune level, how many of the 50 highest comuni carry a
/// reliability flag, and the Spearman correlation with the change in residents since 2011. Computed from the real data;
/// docs/indicators.md and docs/performance.md hold the same block (refresh with UPDATE_DOCS=1 … --filter GapMeasures).
/// </summary>
[Collection(ImportedStoreCollection.Name)]
public sealed class GapMeasuresTests(ImportedStore imported)
{
    private const string Period = "2021";

    [Fact]
    public void Issue7_the_adjusted_gap_no_longer_tracks_population_change_and_the_docs_state_the_measured_figures()
    {
        var store = imported.Store;
        var raw = Measure(store, "wp2_mef_istat_gap");
        var adjusted = Measure(store, "wp2_mef_istat_gap_adjusted");

        // The raw gap divides 2021 incomes by 2011 employment: it tracks the change in residents (about −0.65, issue 7).
        Assert.InRange(raw.Spearman, -1, -0.4);
        Assert.InRange(Math.Abs(adjusted.Spearman), 0, 0.2);
        Assert.True(raw.N > 1400 && adjusted.N == raw.N);
        Assert.Equal(50, raw.ByFlag[ReliabilityFlag.PeriodsApart]);
        Assert.Equal(0, adjusted.ByFlag[ReliabilityFlag.PeriodsApart]);

        var block = Block(raw, adjusted, store.Reader.Snapshot().HasLevel(IndicatorService.FrontierLevel));
        var home = StoreOptions.FindHome(AppContext.BaseDirectory);
        var indicatorsPath = Path.Combine(home, "docs", "indicators.md");
        var performancePath = Path.Combine(home, "docs", "performance.md");
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            var sources = SourceCatalogue.Load();
            var indicators = IndicatorFiles.Load(sources.Measures);
            File.WriteAllText(indicatorsPath, IndicatorDocs.Markdown(indicators, IndicatorFiles.LoadSignals(indicators), sources, block));
            File.WriteAllText(performancePath, IndicatorDocs.WithMeasuresBlock(File.ReadAllText(performancePath), block, "## WP2 gap: reliability and population change (issue 7)"));
        }

        Assert.Equal(block, IndicatorDocs.MeasuresBlock(File.ReadAllText(indicatorsPath)));
        Assert.Equal(block, IndicatorDocs.MeasuresBlock(File.ReadAllText(performancePath)));
    }

    private sealed record GapMeasure(string Code, int N, double Spearman, int Flagged, Dictionary<string, int> ByFlag, string ResidentsFrom, string ResidentsTo);

    private static GapMeasure Measure(InLavStore store, string code)
    {
        var result = store.Indicators.Compute(new IndicatorRequest(code, "comune", Periods: [Period]), derived: false);
        var top = result.WorstFirst().Take(50).ToList();
        var byFlag = ReliabilityFlag.All.ToDictionary(f => f, f => top.Count(r => r.Reliability.Contains(f)), StringComparer.Ordinal);

        // The change in residents of each comune from the 2011 census to the population nearest the tax year (1/1/2022).
        const string from = "2011-10-09";
        const string to = "2022-01-01";
        var residents = store.Query.Run(new QueryRequest("residents", "comune", Periods: [from, to], Scope: AccessScope.Internal)).Rows
            .Where(r => r.Value is not null).GroupBy(r => r.UnitCode).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Period, r => r.Value!.Value));
        var pairs = result.Rows.Where(r => r.Value is not null && residents.TryGetValue(r.UnitCode, out var p) && p.ContainsKey(from) && p.ContainsKey(to))
            .Select(r => (Gap: r.Value!.Value, Change: (residents[r.UnitCode][to] / residents[r.UnitCode][from]) - 1)).ToList();
        var rho = Statistics.Spearman([.. pairs.Select(p => p.Gap)], [.. pairs.Select(p => p.Change)]);
        return new GapMeasure(code, pairs.Count, rho, top.Count(r => r.Reliability.Count > 0), byFlag, from, to);
    }

    private static string Block(GapMeasure raw, GapMeasure adjusted, bool frontierLoaded)
    {
        static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal);
        string Frontier(GapMeasure m) => frontierLoaded ? m.ByFlag[ReliabilityFlag.Frontier].ToString(CultureInfo.InvariantCulture) : "classification not loaded";
        var sb = new StringBuilder();
        sb.Append(IndicatorDocs.MeasuresStart).Append('\n')
          .Append(CultureInfo.InvariantCulture, $"Comune level, tax year {Period}, default configuration, public audience; computed from the real data by\n")
          .Append("`tests/InLav.Tests/Indicators/GapMeasuresTests.cs` (reproduce: `UPDATE_DOCS=1 dotnet test tests/InLav.Tests --filter GapMeasures`).\n\n")
          .Append("| measure | raw `wp2_mef_istat_gap` | adjusted `wp2_mef_istat_gap_adjusted` |\n|---|---|---|\n")
          .Append(CultureInfo.InvariantCulture, $"| of the 50 highest comuni, with any reliability flag | {raw.Flagged} | {adjusted.Flagged} |\n")
          .Append(CultureInfo.InvariantCulture, $"| … `small-denominator` (< 500 employed) | {raw.ByFlag[ReliabilityFlag.SmallDenominator]} | {adjusted.ByFlag[ReliabilityFlag.SmallDenominator]} |\n")
          .Append(CultureInfo.InvariantCulture, $"| … `periods-apart` (> 5 years) | {raw.ByFlag[ReliabilityFlag.PeriodsApart]} | {adjusted.ByFlag[ReliabilityFlag.PeriodsApart]} |\n")
          .Append(CultureInfo.InvariantCulture, $"| … `frontier` | {Frontier(raw)} | {Frontier(adjusted)} |\n")
          .Append(CultureInfo.InvariantCulture, $"| Spearman ρ with the change in residents {raw.ResidentsFrom} → {raw.ResidentsTo} (n comuni) | {F(raw.Spearman)} ({raw.N}) | {F(adjusted.Spearman)} ({adjusted.N}) |\n")
          .Append(IndicatorDocs.MeasuresEnd);
        return sb.ToString();
    }
}
