using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Core.Territory;

namespace InLav.Tests.Core;

public sealed class AggregationTests
{
    private static readonly DateOnly Latest = new(2023, 1, 1);
    private static readonly MeasureDefinition Count = new("residents", "Residenti", "Residents", "persone", true, "", "");
    private static readonly MeasureDefinition Rate = new("rate", "Tasso", "Rate", "%", false, "", "");

    /// <summary>Three Varese comuni merge into 012144 on 1/1/2023; Agra (012001) and a Como comune (013001) stay.</summary>
    private static TerritorialSnapshot Snapshot()
    {
        var old = new DateOnly(1861, 3, 17);
        var registry = TerritorialRegistry.Build(
            [
                new ComuneEvidence("012009", "Bardello", "012", old, Comune.OpenEnd, null),
                new ComuneEvidence("012018", "Bregano", "012", old, Comune.OpenEnd, null),
                new ComuneEvidence("012095", "Malgesso", "012", old, Comune.OpenEnd, null),
                new ComuneEvidence("012001", "Agra", "012", old, Comune.OpenEnd, null),
                new ComuneEvidence("013001", "Albavilla", "013", old, Comune.OpenEnd, null),
                new ComuneEvidence("012144", "Bardello con Malgesso e Bregano", "012", null, null, Latest),
            ],
            [
                new TerritorialChange(Latest, ChangeKind.Extinction, "012009", "012144"),
                new TerritorialChange(Latest, ChangeKind.Extinction, "012018", "012144"),
                new TerritorialChange(Latest, ChangeKind.Extinction, "012095", "012144"),
            ]);
        return new TerritorialSnapshot(registry,
            [new ClassificationDefinition("lago", "Lago", "Lake", "2020", new DateOnly(2020, 1, 1), "test")],
            [
                new Membership("lago", "012009", "L1", "Lago di Varese"),
                new Membership("lago", "012018", "L2", "Lago Maggiore"),
                new Membership("lago", "012095", "L1", "Lago di Varese"),
                new Membership("lago", "012001", "L2", "Lago Maggiore"),
            ]);
    }

    private static StoredFact F(string comune, double? value, string period = "2022", MeasureDefinition? m = null) =>
        new(Fact.ForComune((m ?? Count).Id, comune, period, DimensionKey.Total, value), 7);

    [Fact]
    public void Facts_of_merged_comuni_are_summed_onto_the_comune_of_the_configuration()
    {
        var s = Snapshot();
        var rows = Aggregation.Sum(Count, s.Level(BuiltInLevel.Comune), [F("012009", 100), F("012018", 20), F("012095", 3), F("012001", 400)]);
        var merged = Assert.Single(rows, r => r.UnitCode == "012144");
        Assert.Equal(123, merged.Value);
        Assert.Equal(3, merged.Components.SourceUnits);
        Assert.Empty(merged.Flags);
        Assert.Equal([7L], merged.ImportRuns);
    }

    [Fact]
    public void A_province_value_is_the_sum_of_its_comuni_and_missing_comuni_are_flagged()
    {
        var s = Snapshot();
        var rows = Aggregation.Sum(Count, s.Level(BuiltInLevel.Provincia), [F("012009", 100), F("012018", 20), F("012095", 3), F("012001", 400)]);
        var varese = Assert.Single(rows);
        Assert.Equal("012", varese.UnitCode);
        Assert.Equal(523, varese.Value);
        Assert.Equal(new Components(4, 0, 2, 0), varese.Components);
        Assert.DoesNotContain(rows, r => r.UnitCode == "013");

        var partial = Aggregation.Sum(Count, s.Level(BuiltInLevel.Provincia), [F("012001", 400)]);
        Assert.Equal([FactFlag.Missing], Assert.Single(partial).Flags);
        Assert.Equal(1, partial[0].Components.ComuniMissing);
    }

    [Fact]
    public void Blank_cells_give_a_lower_bound_flagged_p_or_no_value_flagged_s_when_all_are_blank()
    {
        var s = Snapshot();
        var rows = Aggregation.Sum(Count, s.Level(BuiltInLevel.Provincia), [F("012009", null), F("012018", 20), F("012095", 3), F("012001", 400)]);
        Assert.Equal(423, rows[0].Value);
        Assert.Contains(FactFlag.PartiallySuppressed, rows[0].Flags);

        var blank = Aggregation.Sum(Count, s.Level(BuiltInLevel.Comune), [F("012001", null)]);
        Assert.Null(blank[0].Value);
        Assert.Contains(FactFlag.SuppressedAtSource, blank[0].Flags);
    }

    [Fact]
    public void A_classification_made_on_old_codes_is_restated_by_majority_of_predecessors()
    {
        var s = Snapshot();
        var level = s.Level("lago");
        Assert.Equal("L1", level.GroupOf("012144")!.Code);
        Assert.Contains(level.Notes, n => n.Text.StartsWith("012144", StringComparison.Ordinal));
        Assert.Equal(["013001"], level.Unassigned);
        var rows = Aggregation.Sum(Count, level, [F("012009", 100), F("012018", 20), F("012095", 3), F("012001", 400), F("013001", 9)]);
        Assert.Equal(123, rows.Single(r => r.UnitCode == "L1").Value);
        Assert.Equal(400, rows.Single(r => r.UnitCode == "L2").Value);
    }

    [Fact]
    public void A_rate_is_never_summed_it_stays_at_its_native_level()
    {
        var s = Snapshot();
        Assert.Empty(Aggregation.Sum(Rate, s.Level(BuiltInLevel.Provincia), [F("012001", 12.5, m: Rate)]));
        var comuni = Aggregation.Sum(Rate, s.Level(BuiltInLevel.Comune), [F("012001", 12.5, m: Rate), F("012009", 10, m: Rate), F("012018", 20, m: Rate)]);
        Assert.Equal(12.5, comuni.Single(r => r.UnitCode == "012001").Value);
        Assert.Null(comuni.Single(r => r.UnitCode == "012144").Value);
    }

    [Fact]
    public void Facts_published_only_for_provinces_are_shown_at_the_province_level_as_they_are()
    {
        var s = Snapshot();
        var fact = new StoredFact(new Fact("residents", NativeLevel.Provincia, "012", "2022", DimensionKey.Total, 880000), 3);
        Assert.Equal(880000, Assert.Single(Aggregation.Sum(Count, s.Level(BuiltInLevel.Provincia), [fact])).Value);
        Assert.Empty(Aggregation.Sum(Count, s.Level(BuiltInLevel.Comune), [fact]));
    }

    [Fact]
    public void A_figure_the_source_publishes_for_a_province_wins_over_the_sum_of_its_comuni()
    {
        var s = Snapshot();
        var province = new StoredFact(new Fact("residents", NativeLevel.Provincia, "012", "2022", DimensionKey.Total, 880000), 3);
        var row = Assert.Single(Aggregation.Sum(Count, s.Level(BuiltInLevel.Provincia), [province, F("012001", 400), F("012009", 100)]));
        Assert.Equal(880000, row.Value);
        Assert.Equal([3L], row.ImportRuns);
    }
}
