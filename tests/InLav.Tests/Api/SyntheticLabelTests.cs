using InLav.Tests.Support;

namespace InLav.Tests.Api;

/// <summary>SYNTHETIC figures are labelled wherever they appear: API rows, CSV downloads, the explorer and the profiles.</summary>
[Collection(WebAppCollection.Name)]
public sealed class SyntheticLabelTests(InLavAppFactory app)
{
    [Fact]
    public async Task Synthetic_values_are_labelled_in_the_csv_the_explorer_table_and_a_comune_profile()
    {
        using var client = app.NewClient();
        var csv = await client.GetStringAsync("/api/v1/indicators/cob_short_contracts_1day/values?level=provincia&period=2025-Q3&format=csv");
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.EndsWith(",synthetic", r, StringComparison.Ordinal));

        var explorer = await client.GetStringAsync("/esplora?indicator=cob_short_contracts_1day&level=provincia&period=2025-Q3&tab=table");
        Assert.Contains("sintetico: dato simulato, non un dato osservato", explorer, StringComparison.Ordinal);
        var english = await client.GetStringAsync("/esplora?indicator=cob_short_contracts_1day&level=provincia&period=2025-Q3&tab=table&lang=en");
        Assert.Contains("synthetic: simulated data, not observed data", english, StringComparison.Ordinal);

        var profile = await client.GetStringAsync("/territorio/comune/015146");
        Assert.Contains("x = SINTETICO: dato generato per simulazione", profile, StringComparison.Ordinal);
    }
}
