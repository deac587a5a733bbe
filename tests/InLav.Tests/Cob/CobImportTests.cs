using InLav.Core.Query;
using InLav.Store.Imports;
using InLav.Tests.Imports;
using InLav.Tests.Support;

namespace InLav.Tests.Cob;

public sealed class CobImportTests
{
    private static double RealHirings(string period) => RawCsv.Read(CobSandbox.Series, ';')
        .Single(r => r["regione"] == "Lombardia" && $"{r["anno"]}-Q{r["trimestre"]}" == period && r["flusso"] == "avviamenti")["rapporti"] is var v ? RawCsv.Num(v) : 0;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Synthetic_events_sum_to_the_real_regional_series_and_are_marked_synthetic_below_the_region(string engine)
    {
        using var box = new CobSandbox(engine);
        Assert.All(box.Import("mlps-co-regionale", "cob-sintetico"), o => Assert.Equal(RunOutcome.Published, o.Outcome));
        var real = RealHirings(CobSandbox.FromPeriod);

        var provinces = box.Query("cob_hirings", "provincia", CobSandbox.FromPeriod);
        Assert.Equal(12, provinces.Rows.Count);
        Assert.All(provinces.Rows, r => Assert.True(r.Synthetic));
        Assert.Equal(real, provinces.Rows.Sum(r => r.Value));
        Assert.Contains(InLav.Core.Note.SyntheticText, provinces.Notes.Select(n => n.Text));

        // At the region the real MLPS figure is served, not the synthetic sum (which equals it).
        var region = Assert.Single(box.Query("cob_hirings", "regione", CobSandbox.FromPeriod).Rows);
        Assert.False(region.Synthetic);
        Assert.Equal(real, region.Value);

        // A breakdown the MLPS series lacks is served from the synthetic events, marked.
        var bySex = box.Query("cob_hirings", "regione", CobSandbox.FromPeriod, ["sex"]);
        Assert.Equal(2, bySex.Rows.Count);
        Assert.All(bySex.Rows, r => Assert.True(r.Synthetic));
        Assert.Equal(real, bySex.Rows.Sum(r => r.Value));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Aggregated_facts_sum_back_to_the_events(string engine)
    {
        using var box = new CobSandbox(engine);
        var outcome = box.ImportOne("cob-sintetico");
        Assert.Equal(RunOutcome.Published, outcome.Outcome);
        var run = ("r", (object?)outcome.RunId);
        var from = ("f", (object?)new DateOnly(2025, 7, 1));
        var to = ("t", (object?)new DateOnly(2025, 9, 30));

        double Fact(string measure, string where = "sex = 'T' AND age = 'T' AND cit = 'T'") =>
            box.Scalar($"SELECT COALESCE(sum(value), 0) FROM fact WHERE run_id = $r AND measure = '{measure}' AND period = '2025-Q3' AND {where}", run);
        double Events(string where) =>
            box.Scalar($"SELECT count(*) FROM cob_event WHERE run_id = $r AND event_date >= $f AND event_date <= $t AND {where}", run, from, to);

        Assert.Equal(Events("event_type = 'hiring'"), Fact("cob_hirings"));
        Assert.Equal(Events("event_type = 'termination'"), Fact("cob_terminations"));
        Assert.Equal(Events("event_type = 'hiring' AND contract_end = contract_start"), Fact("cob_hirings_le_1day"));
        Assert.Equal(Events("event_type = 'hiring' AND contract_end - contract_start <= 6"), Fact("cob_hirings_le_1week"));
        Assert.Equal(Events("event_type = 'hiring' AND contract = 'A.05.02'"), Fact("cob_hirings_intermittent"));
        Assert.True(Fact("cob_hirings_le_1day") > 0 && Fact("cob_hirings_le_1week") > Fact("cob_hirings_le_1day"));

        // Each breakdown sums to the total.
        Assert.Equal(Fact("cob_hirings"), Fact("cob_hirings", "sex <> 'T' AND age = 'T' AND cit = 'T'"));
        Assert.Equal(Fact("cob_hirings"), Fact("cob_hirings", "sex = 'T' AND age <> 'T' AND cit = 'T'"));
        Assert.Equal(Fact("cob_terminations"), Fact("cob_terminations", "sex = 'T' AND age = 'T' AND cit <> 'T'"));

        // The stock at the quarter end: contracts started by then and not ended by then.
        var active = box.Scalar("SELECT count(*) FROM cob_event WHERE run_id = $r AND event_type = 'hiring' AND contract_start <= $t AND (contract_end IS NULL OR contract_end > $t)", run, to);
        Assert.Equal(active, Fact("cob_active_contracts"));
        var before = box.Scalar("SELECT count(*) FROM cob_event WHERE run_id = $r AND event_type = 'hiring' AND contract_start < $f AND (contract_end IS NULL OR contract_end >= $f)", run, from);
        Assert.Equal((active + before) / 2, Fact("cob_active_contracts_avg"));
        Assert.Equal(400_000, before);
    }
}
