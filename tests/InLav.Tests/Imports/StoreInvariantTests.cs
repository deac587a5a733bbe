using InLav.Store.Engine;
using InLav.Tests.Support;

namespace InLav.Tests.Imports;

/// <summary>Properties of the published fact table that must hold whatever the sources: no overlap, breakdowns that add up.</summary>
[Collection(ImportedStoreCollection.Name)]
public sealed class StoreInvariantTests(ImportedStore imported)
{
    private const string Published = "(SELECT f.* FROM fact f JOIN published p ON p.run_id = f.run_id)";

    private long Count(string sql)
    {
        using var c = imported.Store.Engine.Open();
        return Sql.Scalar<long>(c, sql);
    }

    [Fact]
    public void No_two_published_rows_give_the_same_cell()
    {
        Assert.Equal(0, Count($"SELECT count(*) FROM (SELECT measure, level, unit, period, sex, age, cit FROM {Published} GROUP BY ALL HAVING count(*) > 1)"));
    }

    [Fact]
    public void No_cell_published_at_province_level_is_also_given_by_comune_facts_that_sum_to_provinces()
    {
        // Rates (non-additive measures) are never summed: their comune and province values are each shown at their own level.
        var additive = string.Join(", ", imported.Store.Catalogue.Measures.Where(m => m.Additive).Select(m => $"'{m.Id}'"));
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM (
                SELECT DISTINCT measure, period, sex, age, cit FROM {Published} WHERE level = 'provincia' AND measure IN ({additive})
                INTERSECT
                SELECT DISTINCT measure, period, sex, age, cit FROM {Published} WHERE level = 'comune')
            """));
    }

    [Fact]
    public void Males_and_females_sum_to_the_stored_total_of_every_cell()
    {
        Assert.True(Count($"SELECT count(*) FROM {Published} WHERE sex = 'M'") > 10_000);
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM (
                SELECT measure, level, unit, period, age, cit,
                       sum(CASE WHEN sex <> 'T' THEN value END) AS parts, count(CASE WHEN sex <> 'T' THEN 1 END) AS n,
                       max(CASE WHEN sex = 'T' THEN value END) AS total
                FROM {Published} GROUP BY ALL)
            WHERE n > 2 OR (n > 0 AND total IS NOT NULL AND abs(parts - total) > 1e-6)
            """));
    }

    [Fact]
    public void Age_bands_sum_to_the_stored_all_ages_total_of_every_cell()
    {
        Assert.True(Count($"SELECT count(*) FROM {Published} WHERE age <> 'T'") > 10_000);
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM (
                SELECT measure, level, unit, period, sex, cit,
                       sum(CASE WHEN age <> 'T' THEN value END) AS parts, count(CASE WHEN age <> 'T' THEN 1 END) AS n,
                       max(CASE WHEN age = 'T' THEN value END) AS total
                FROM {Published} GROUP BY ALL)
            WHERE n > 0 AND total IS NOT NULL AND abs(parts - total) > 1e-6
            """));
    }

    [Fact]
    public void Every_comune_of_the_census_has_residents_by_sex_and_age_and_foreigners_by_sex_and_age()
    {
        Assert.Equal(1544, Count($"SELECT count(DISTINCT unit) FROM {Published} WHERE measure = 'residents' AND period = '2011-10-09'"));
        Assert.Equal(1544L * ((3 + (16 * 3)) + (3 + (3 * 3))), Count($"SELECT count(*) FROM {Published} WHERE measure = 'residents' AND period = '2011-10-09'"));
    }

    [Theory]
    [InlineData("residents", "2011-10-09", "T", 9_704_151)]
    [InlineData("residents", "2011-10-09", "FOR", 947_288)]
    [InlineData("employed", "2011-10-09", "T", 4_246_653)]
    [InlineData("residents", "2022-01-01", "T", 9_943_004)]
    [InlineData("residents", "2024-01-01", "T", 10_020_528)]
    [InlineData("residents", "2025-01-01", "T", 10_033_918)]
    [InlineData("residents", "2025-12-31", "T", 10_065_694)]
    [InlineData("residents", "2025-12-31", "FOR", 1_257_557)]
    [InlineData("residents", "2020-01-01", "FOR", 1_149_065)]
    [InlineData("residents", "2025-01-01", "FOR", 1_221_520)]
    [InlineData("residents_anpr", "2026-01", "T", 10_148_233)]
    [InlineData("residents_anpr", "2022-12", "T", 10_078_579)]
    public void The_stored_comune_facts_sum_to_the_total_given_in_the_manifest(string measure, string period, string citizenship, double total)
    {
        using var c = imported.Store.Engine.Open();
        var sum = Sql.Scalar<double>(c, $"SELECT sum(value) FROM {Published} WHERE level = 'comune' AND measure = $m AND period = $p AND sex = 'T' AND age = 'T' AND cit = $c",
            ("m", measure), ("p", period), ("c", citizenship));
        Assert.Equal(total, sum);
    }
}
