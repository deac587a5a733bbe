using System.Text.Json;
using InLav.Core.Indicators;
using InLav.Store.Export;
using InLav.Tests.Support;

namespace InLav.Tests.Cli;

/// <summary>The indicator commands through the running server (real Kestrel) and directly on a store file: the same answers as the services.</summary>
[Collection(WebAppCollection.Name)]
public sealed class CliIndicatorTests(InLavAppFactory app)
{
    private string Db => app.Store.Options.DatabasePath!;

    [Fact]
    public void Indicator_values_through_the_server_are_the_csv_of_the_indicator_service()
    {
        var result = Cli.Run("indicator", "mean_taxable_income", "--db", Db, "--level", "provincia", "--period", "2021");
        Assert.True(result.Code == 0, result.ToString());
        Assert.Contains("via the running server", result.Err, StringComparison.Ordinal);
        Assert.Equal(IndicatorCsv.ToCsv(app.Store.Indicators.Compute(new IndicatorRequest("mean_taxable_income", "provincia", Periods: ["2021"]))), result.Out);
    }

    [Fact]
    public void The_indicator_list_names_the_wp2_proxy_and_correlate_and_risk_answer_json()
    {
        var list = Cli.Run("indicators", "--db", Db);
        Assert.True(list.Code == 0, list.ToString());
        Assert.Contains(list.Out.Split('\n'), l => l.StartsWith("wp2_mef_istat_gap", StringComparison.Ordinal) && l.Contains("proxy", StringComparison.Ordinal));

        var correlation = Cli.Run("correlate", "mean_taxable_income", "low_income_share", "--db", Db, "--level", "provincia");
        Assert.True(correlation.Code == 0, correlation.ToString());
        using (var doc = JsonDocument.Parse(correlation.Out))
        {
            Assert.Equal(12, doc.RootElement.GetProperty("n").GetInt32());
            Assert.Equal(app.Store.Analysis.Correlate("mean_taxable_income", "low_income_share", "provincia").Pearson, doc.RootElement.GetProperty("pearson").GetDouble(), 12);
        }

        var risk = Cli.Run("risk", "--db", Db, "--level", "provincia");
        Assert.True(risk.Code == 0, risk.ToString());
        using var riskDoc = JsonDocument.Parse(risk.Out);
        Assert.Equal(12, riskDoc.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void An_unknown_indicator_is_a_usage_error_with_one_line()
    {
        var result = Cli.Run("indicator", "no_such_indicator", "--db", Db);
        Assert.Equal(2, result.Code);
        Assert.Contains("Unknown indicator", result.Err, StringComparison.Ordinal);
    }
}
