using InLav.Core.Analysis;
using InLav.Tests.Support;

namespace InLav.Tests.Indicators;

public sealed class StatisticsTests
{
    [Fact]
    public void Pearson_spearman_and_the_regression_line_match_values_computed_by_hand()
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [2, 4, 5, 4, 5];
        Assert.Equal(0.7745966692, Statistics.Pearson(x, y), 9);
        Assert.Equal(0.7378647873726218, Statistics.Spearman(x, y), 9);
        var (slope, intercept, r2) = Statistics.Regression(x, y);
        Assert.Equal(0.6, slope, 12);
        Assert.Equal(2.2, intercept, 12);
        Assert.Equal(0.6, r2, 9);
    }

    [Fact]
    public void The_p_value_of_a_correlation_follows_students_t()
    {
        // r = 0.5 over 20 pairs: t = 2.4495 with 18 df, two-sided p = 0.02478 (tables of Student's t).
        Assert.Equal(0.02478, Statistics.CorrelationPValue(0.5, 20), 4);
        Assert.Equal(1.0, Statistics.CorrelationPValue(0, 30), 9);
        Assert.Equal(0.5, Statistics.IncompleteBeta(2, 2, 0.5), 12);
    }

    [Fact]
    public void Tied_values_share_their_average_rank()
    {
        Assert.Equal([1.0, 2.5, 2.5, 4.0], Statistics.Ranks([10, 20, 20, 30]));
    }
}

[Collection(ImportedStoreCollection.Name)]
public sealed class AnalysisTests(ImportedStore imported)
{
    [Fact]
    public void Two_indicators_correlate_across_the_provinces_with_n_p_value_and_a_regression_line()
    {
        // Tax year 2021 (the latest year, 2023, gives -0.49: the strong negative link is a 2021 figure).
        var result = imported.Store.Analysis.Correlate("mean_taxable_income", "low_income_share", "provincia", "2021", "2021");
        Assert.Equal(12, result.N);
        Assert.InRange(result.Pearson, -1, -0.5);
        Assert.Equal(Statistics.CorrelationPValue(result.Pearson, 12), result.PearsonP, 12);
        Assert.InRange(result.PearsonP, 0, 1);
        Assert.Equal(12, result.Points.Count);
        Assert.Equal(0, result.Points.Sum(p => p.Residual), 6);
        var xs = result.Points.Select(p => p.X).ToList();
        var ys = result.Points.Select(p => p.Y).ToList();
        Assert.Equal(Statistics.Pearson(xs, ys), result.Pearson, 12);
    }

    [Fact]
    public void Suppressed_comuni_are_left_out_of_a_correlation_and_counted()
    {
        var result = imported.Store.Analysis.Correlate("employee_taxpayers_share", "employment_rate_2011", "comune");
        Assert.True(result.N > 1400);
        Assert.Equal(1501, result.N + result.ExcludedSuppressed + result.ExcludedMissing);
    }

    [Fact]
    public void The_risk_signal_ranks_units_by_weighted_z_scores_and_reports_its_sensitivity_to_the_weights()
    {
        var result = imported.Store.Analysis.Risk("risk_undeclared_work", "provincia");
        Assert.Equal(12, result.Rows.Count);
        Assert.Equal(Enumerable.Range(1, 12), result.Rows.Select(r => r.Rank));
        var weights = result.Definition.Components.ToDictionary(c => c.Indicator, c => c.Weight);
        foreach (var row in result.Rows)
        {
            Assert.Equal(row.ComponentZ.Sum(z => weights[z.Key] * z.Value) / weights.Values.Sum(), row.Score, 12);
        }

        Assert.Equal(6, result.Sensitivity.Count);
        Assert.All(result.Sensitivity, s => Assert.InRange(s.SpearmanWithBase, -1, 1));
        Assert.Equal(0, result.Rows.Sum(r => r.ComponentZ["wp2_mef_istat_gap_adjusted"]), 9);
        Assert.False(result.Synthetic);
        Assert.Equal(0, result.SyntheticLeftOut);
    }
}
