using InLav.Core;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Tests.Support;

namespace InLav.Tests.Indicators;

[Collection(ImportedStoreCollection.Name)]
public sealed class DisclosureTests(ImportedStore imported)
{
    /// <summary>Census 2011 residents by comune, sex and age band: the smallest comuni have cells of 1 or 2 people.</summary>
    private QueryResult Census(AccessScope audience, string level = "comune") => imported.Store.Query.Run(new QueryRequest(
        "residents", level, Periods: ["2011-10-09"], Breakdowns: [Dimension.Sex, Dimension.Age], Scope: audience));

    [Fact]
    public void Small_cells_are_confidential_on_public_channels_and_visible_to_the_internal_profile()
    {
        var open = Census(AccessScope.Internal);
        var published = Census(AccessScope.Public);
        Assert.Equal(open.Rows.Count, published.Rows.Count);
        var small = open.Rows.Where(r => r.Value is > 0 and < 3).ToList();
        Assert.NotEmpty(small);
        var byKey = published.Rows.ToDictionary(r => (r.UnitCode, r.Sex, r.Age));
        Assert.All(small, r =>
        {
            var p = byKey[(r.UnitCode, r.Sex, r.Age)];
            Assert.Null(p.Value);
            Assert.Contains(FactFlag.Confidential, p.Flags);
        });
        Assert.DoesNotContain(open.Rows, r => r.Flags.Contains(FactFlag.Confidential));
    }

    [Fact]
    public void No_suppressed_cell_can_be_recomputed_from_its_margins_in_a_real_table()
    {
        var published = Census(AccessScope.Public);
        var totals = imported.Store.Query.Run(new QueryRequest("residents", "comune", Periods: ["2011-10-09"], Breakdowns: [Dimension.Age], Scope: AccessScope.Public))
            .Rows.ToDictionary(r => (r.UnitCode, r.Age));
        var bySex = published.Rows.GroupBy(r => (r.UnitCode, r.Age));
        var hidden = 0;
        foreach (var line in bySex)
        {
            // Margin: the both-sexes cell of the same comune and age band; the line: M and F.
            var suppressed = line.Count(r => r.Flags.Contains(FactFlag.Confidential));
            hidden += suppressed;
            Assert.True(suppressed != 1 || totals[line.Key].Value is null, $"{line.Key}: one suppressed cell in a line whose total is published");
        }

        foreach (var line in published.Rows.GroupBy(r => (r.UnitCode, r.Sex)))
        {
            Assert.NotEqual(1, line.Count(r => r.Flags.Contains(FactFlag.Confidential)));
        }

        foreach (var siblings in published.Rows.GroupBy(r => (Province: r.UnitCode[..3], r.Sex, r.Age)))
        {
            Assert.NotEqual(1, siblings.Count(r => r.Flags.Contains(FactFlag.Confidential)));
        }

        Assert.True(hidden > 0);
    }

    [Fact]
    public void Province_totals_of_large_counts_are_never_suppressed()
    {
        Assert.All(Census(AccessScope.Public, "provincia").Rows, r => Assert.NotNull(r.Value));
    }

    [Fact]
    public void An_indicator_with_a_higher_minimum_count_hides_its_values_on_public_channels_only()
    {
        var sensitive = new InLav.Core.Indicators.IndicatorDefinition
        {
            Code = "foreign_share_sensitive",
            TitleIt = "x",
            TitleEn = "x",
            DescriptionIt = "x",
            DescriptionEn = "x",
            Theme = "population",
            Unit = "%",
            Sources = [],
            Scale = 100,
            MinCount = 500,
            Numerator = [new() { Measure = "residents", Filters = new Dictionary<string, string> { ["citizenship"] = "FOR" } }],
            Denominator = [new() { Measure = "residents" }],
        };
        var store = imported.Store;
        var service = new InLav.Core.Indicators.IndicatorService(store.Query, store.Reader, new InLav.Core.Indicators.IndicatorCatalogue([sensitive], store.Catalogue.Measures));
        var request = new InLav.Core.Indicators.IndicatorRequest("foreign_share_sensitive", "comune", Periods: ["2024-01-01"]);
        var published = service.Compute(request, derived: false).Rows;
        var open = service.Compute(request with { Scope = AccessScope.Internal }, derived: false).Rows.ToDictionary(r => r.UnitCode);
        var hidden = published.Where(r => r.Flags.Contains(FactFlag.Confidential)).ToList();
        Assert.NotEmpty(hidden);
        Assert.All(hidden, r =>
        {
            Assert.Null(r.Value);
            Assert.Contains(open[r.UnitCode].Components, c => c.Value is > 0 and < 500);
        });
        Assert.All(published.Where(r => r.Value is not null), r => Assert.All(r.Components, c => Assert.True(c.Value is 0 or >= 500)));
    }
}
