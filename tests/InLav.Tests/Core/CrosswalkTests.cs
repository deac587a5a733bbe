using InLav.Core.Territory;

namespace InLav.Tests.Core;

public sealed class CrosswalkTests
{
    private static readonly DateOnly Before = new(2022, 12, 31);
    private static readonly DateOnly After = new(2023, 1, 1);

    private static TerritorialRegistry Registry() => TerritorialRegistry.Build(
        [
            new ComuneEvidence("012009", "Bardello", "012", new DateOnly(1861, 3, 17), Comune.OpenEnd, null),
            new ComuneEvidence("012018", "Bregano", "012", new DateOnly(1861, 3, 17), Comune.OpenEnd, null),
            new ComuneEvidence("012095", "Malgesso", "012", new DateOnly(1861, 3, 17), Comune.OpenEnd, null),
            new ComuneEvidence("012001", "Agra", "012", new DateOnly(1861, 3, 17), Comune.OpenEnd, null),
        ],
        [
            new TerritorialChange(After, ChangeKind.Extinction, "012009", "012144"),
            new TerritorialChange(After, ChangeKind.Extinction, "012018", "012144"),
            new TerritorialChange(After, ChangeKind.Extinction, "012095", "012144"),
            new TerritorialChange(After, ChangeKind.Constitution, "012009", "012144", "Bardello con Malgesso e Bregano"),
        ]);

    [Fact]
    public void Merged_comuni_map_to_the_new_comune_after_the_merger()
    {
        var cw = Registry().CrosswalkAt(After);
        Assert.Equal("012144", cw.Map("012009"));
        Assert.Equal("012144", cw.Map("012018"));
        Assert.Equal("012144", cw.Map("012095"));
        Assert.Equal("012001", cw.Map("012001"));
        Assert.Equal(["012009", "012018", "012095"], cw.PredecessorsOf("012144"));
    }

    [Fact]
    public void Before_the_merger_the_old_comuni_stand_and_the_new_code_does_not_map()
    {
        var cw = Registry().CrosswalkAt(Before);
        Assert.Equal("012009", cw.Map("012009"));
        Assert.Null(cw.Map("012144"));
        Assert.Equal(4, cw.Comuni.Count);
    }

    [Fact]
    public void The_default_configuration_is_the_latest_date_the_sources_describe()
    {
        var registry = Registry();
        Assert.Equal(After, registry.LatestDate);
        Assert.Equal(2, registry.CrosswalkAt().Comuni.Count);
    }
}
