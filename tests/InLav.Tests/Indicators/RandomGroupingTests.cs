using InLav.Core;
using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Tests.Support;

namespace InLav.Tests.Indicators;

/// <summary>The property that must always hold: a ratio at any level is the sum of its comuni's numerators over the sum of their denominators.</summary>
public sealed class RandomGroupingTests
{
    private static readonly string[] Files =
    [
        .. TempStore.RegistryFiles,
        "redditi_mef/Redditi_e_principali_variabili_IRPEF_su_base_comunale_CSV_2021_Lombardia.csv",
        "censimento_2011/R03_indicatori_2011_comuni_DERIVED_from_localita.csv",
    ];

    [Theory]
    [InlineData(11)]
    [InlineData(42)]
    [InlineData(2026)]
    public void Every_ratio_over_random_groupings_of_comuni_equals_the_sum_of_numerators_over_the_sum_of_denominators(int seed)
    {
        using var t = new TempStore(Files);
        t.Import();
        var comuni = t.Store.Reader.Snapshot().Registry.CrosswalkAt().Comuni.Select(c => c.Code).ToList();
        var random = new Random(seed);
        var groups = random.Next(2, 60);
        var assignment = comuni.Where(_ => random.NextDouble() < 0.9).ToDictionary(c => c, _ => "G" + random.Next(groups).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(t.PathOf("classificazioni_operatore"));
        File.WriteAllLines(t.PathOf("classificazioni_operatore/casuale.csv"),
            ["codice_gruppo;nome_gruppo;codice_comune", .. assignment.Select(kv => $"{kv.Value};Gruppo {kv.Value};{kv.Key}")]);
        t.Import("classificazioni-operatore");

        foreach (var code in new[] { "mean_taxable_income", "employee_taxpayers_share", "wp2_mef_istat_gap", "employment_rate_2011" })
        {
            var period = code.EndsWith("2011", StringComparison.Ordinal) ? "2011-10-09" : "2021";
            var perComune = t.Store.Indicators.Compute(new IndicatorRequest(code, "comune", Periods: [period], Scope: AccessScope.Internal), derived: false).Rows
                .ToDictionary(r => r.UnitCode);
            var grouped = t.Store.Indicators.Compute(new IndicatorRequest(code, "casuale", Periods: [period], Scope: AccessScope.Internal), derived: false);
            var def = t.Store.Indicators.Catalogue.Get(code);
            foreach (var row in grouped.Rows)
            {
                var members = assignment.Where(kv => kv.Value == row.UnitCode).Select(kv => perComune[kv.Key]).ToList();
                var numerator = members.Sum(m => m.Numerator!.Value);
                var denominator = members.Sum(m => m.Denominator!.Value);
                Assert.Equal(numerator, row.Numerator!.Value, 6);
                Assert.Equal(denominator, row.Denominator!.Value, 6);
                var expected = def.Kind == IndicatorKind.Complement ? def.Scale * (1 - (numerator / denominator)) : def.Scale * numerator / denominator;
                Assert.Equal(expected, row.Value!.Value, 9);
                Assert.NotEqual(members.Average(m => m.Value!.Value), row.Value.Value, 9);
            }
        }
    }
}
