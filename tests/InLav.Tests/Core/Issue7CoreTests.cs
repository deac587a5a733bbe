using InLav.Core;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Core.Territory;

namespace InLav.Tests.Core;

/// <summary>Issue 7 in the pure core: age ranges tiled from the stored bands, and totals kept when a later merger cannot be split.</summary>
public sealed class Issue7CoreTests
{
    private static readonly MeasureDefinition Count = new("residents", "Residenti", "Residents", "persone", true, "", "");
    private static readonly DateOnly Merger = new(2023, 1, 1);

    /// <summary>Three Varese comuni merge into 012144 on 1/1/2023; Agra (012001) stays; "lago" puts the three in two groups.</summary>
    private static TerritorialSnapshot Snapshot()
    {
        var old = new DateOnly(1861, 3, 17);
        var registry = TerritorialRegistry.Build(
            [
                new ComuneEvidence("012009", "Bardello", "012", old, Comune.OpenEnd, null),
                new ComuneEvidence("012018", "Bregano", "012", old, Comune.OpenEnd, null),
                new ComuneEvidence("012095", "Malgesso", "012", old, Comune.OpenEnd, null),
                new ComuneEvidence("012001", "Agra", "012", old, Comune.OpenEnd, null),
                new ComuneEvidence("012144", "Bardello con Malgesso e Bregano", "012", Merger, Comune.OpenEnd, Merger),
            ],
            [
                new TerritorialChange(Merger, ChangeKind.Extinction, "012009", "012144"),
                new TerritorialChange(Merger, ChangeKind.Extinction, "012018", "012144"),
                new TerritorialChange(Merger, ChangeKind.Extinction, "012095", "012144"),
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

    private static StoredFact F(string comune, double? value, string age = Dimension.Total) =>
        new(Fact.ForComune(Count.Id, comune, "2024", new DimensionKey(Dimension.Total, age, Dimension.Total), value), 7);

    [Fact]
    public void Issue7_a_range_is_tiled_by_the_bands_that_cover_it_exactly_widest_first()
    {
        // The census bands of residents: <5, 5-9, …, 70-74, >74.
        string[] fiveYears = [.. Enumerable.Range(0, 15).Select(i => FormattableString.Invariant($"Y{i * 5}-{(i * 5) + 4}")), "Y75+"];
        Assert.Equal(["Y15-19", "Y20-24", "Y25-29", "Y30-34", "Y35-39", "Y40-44", "Y45-49", "Y50-54", "Y55-59", "Y60-64"], AgeBand.Tile(15, 64, fiveYears));
        Assert.Equal(["Y65-69", "Y70-74", "Y75+"], AgeBand.Tile(65, null, fiveYears));
        Assert.Null(AgeBand.Tile(16, 64, fiveYears));
        Assert.Null(AgeBand.Tile(15, 66, fiveYears));
        Assert.Null(AgeBand.Tile(65, 80, fiveYears));

        string[] single = [.. Enumerable.Range(0, 100).Select(i => FormattableString.Invariant($"Y{i}-{i}")), "Y100+"];
        Assert.Equal(49, AgeBand.Tile(16, 64, single)!.Count);
        Assert.Equal(["Y99-99", "Y100+"], AgeBand.Tile(99, null, single));

        // Bands of two systems side by side: the widest that fit are taken, and a dead end backs off to narrower ones.
        Assert.Equal(["Y0-29"], AgeBand.Tile(0, 29, ["Y0-29", "Y0-4", "Y5-29"]));
        Assert.Equal(["Y0-4", "Y5-14"], AgeBand.Tile(0, 14, ["Y0-9", "Y0-4", "Y5-14"]));
    }

    [Fact]
    public void Issue7_the_sum_of_a_tiled_range_keeps_the_flags_of_its_bands_honestly()
    {
        var s = Snapshot();
        var level = s.Level(BuiltInLevel.Comune);
        var bands = Aggregation.Sum(Count, level, [F("012001", 10, "Y15-39"), F("012001", 5, "Y40-64"), F("012144", null, "Y15-39"), F("012144", 7, "Y40-64")]);
        var notes = new List<Note>();
        var rows = AgeTiling.Apply(Count.Id, bands, [("Y15-64", 15, 64)], notes);

        var agra = rows.Single(r => r.UnitCode == "012001");
        Assert.Equal(("Y15-64", 15.0), (agra.Age, agra.Value!.Value));
        Assert.Empty(agra.Flags);
        var merged = rows.Single(r => r.UnitCode == "012144");
        Assert.Equal(7, merged.Value);
        Assert.Equal([FactFlag.PartiallySuppressed], merged.Flags);
        Assert.Empty(notes);

        var error = Assert.Throws<QueryException>(() => AgeTiling.Apply(Count.Id, bands, [("Y20-64", 20, 64)], notes));
        Assert.Equal("Age range not available", error.Title);
        Assert.Contains("Y15-39, Y40-64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue7_a_comune_born_after_the_configuration_keeps_its_whole_value_in_every_group_that_holds_its_predecessors()
    {
        var s = Snapshot();
        var before = new DateOnly(2022, 1, 1);
        Assert.Equal(["012009", "012018", "012095"], s.Level(BuiltInLevel.Comune, before).Crosswalk.Spread("012144"));
        Assert.Empty(s.Level(BuiltInLevel.Comune, before).Crosswalk.Spread("012001"));
        StoredFact[] facts = [F("012144", 1200), F("012001", 400)];

        var region = Assert.Single(Aggregation.Sum(Count, s.Level(BuiltInLevel.Regione, before), facts));
        Assert.Equal(1600, region.Value);
        Assert.Empty(region.Flags);
        var province = Assert.Single(Aggregation.Sum(Count, s.Level(BuiltInLevel.Provincia, before), facts));
        Assert.Equal((1600.0, 0), (province.Value!.Value, province.Components.ComuniMissing));

        // The comuni of 2022 cannot be given a part of 012144: no value, flag m, and one note naming the merger.
        var notes = new List<Note>();
        var comuni = Aggregation.Sum(Count, s.Level(BuiltInLevel.Comune, before), facts, notes);
        Assert.Equal(400, comuni.Single(r => r.UnitCode == "012001").Value);
        Assert.All(comuni.Where(r => r.UnitCode != "012001"), r =>
        {
            Assert.Null(r.Value);
            Assert.Equal([FactFlag.Missing], r.Flags);
        });
        Assert.Equal(["012009", "012018", "012095"], comuni.Where(r => r.UnitCode != "012001").Select(r => r.UnitCode));
        Assert.Equal("crosswalk.unsplit", Assert.Single(notes).Code);
        Assert.Contains("012144 → 012009+012018+012095", notes[0].Text, StringComparison.Ordinal);

        // The lake groups split the predecessors: both keep what they can and say they miss part of it.
        var lakes = Aggregation.Sum(Count, s.Level("lago", before), facts);
        Assert.Null(lakes.Single(r => r.UnitCode == "L1").Value);
        Assert.Equal([FactFlag.Missing], lakes.Single(r => r.UnitCode == "L1").Flags);
        Assert.Equal(400, lakes.Single(r => r.UnitCode == "L2").Value);
        Assert.Contains(FactFlag.Missing, lakes.Single(r => r.UnitCode == "L2").Flags);
    }
}
