using InLav.Tests.Support;

namespace InLav.Tests.Territory;

[Collection(ImportedStoreCollection.Name)]
public sealed class RegistryTests(ImportedStore imported)
{
    private static HashSet<string> Column(string file, char delimiter, string column, int skip = 0)
    {
        var lines = File.ReadLines(TestData.File(file)).Skip(skip).ToList();
        var header = lines[0].TrimStart('\uFEFF').Split(delimiter).Select(h => h.Trim('"')).ToList();
        var i = header.IndexOf(column);
        Assert.True(i >= 0, $"{column} not in {file}");
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(delimiter)[i].Trim('"').PadLeft(6, '0')).ToHashSet(StringComparer.Ordinal);
    }

    private HashSet<string> ComuniAt(string date, string engine = Engines.DuckDb) => imported.For(engine).Reader.Snapshot().Registry
        .CrosswalkAt(DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Comuni.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void The_comuni_of_2011_are_exactly_those_of_the_2011_census()
    {
        var census = Column("censimento_2011/R03_indicatori_2011_comuni_DERIVED_from_localita.csv", ';', "PROCOM");
        Assert.Equal(1544, census.Count);
        Assert.Equal(census.Order(), ComuniAt("2011-10-09").Order());
    }

    [Fact]
    public void The_comuni_of_1_january_2020_are_exactly_those_of_the_istat_list_of_2020()
    {
        // The header of this file holds newlines inside quoted cells: the code is the fifth field.
        var codes = File.ReadLines(TestData.File("comuni/ISTAT_Elenco_comuni_20200101_Lombardia.csv")).Skip(3)
            .Where(l => l.StartsWith("03;", StringComparison.Ordinal)).Select(l => l.Split(';')[4]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(1506, codes.Count);
        Assert.Equal(codes.Order(), ComuniAt("2020-01-01").Order());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void The_comuni_of_1_january_2025_are_exactly_those_of_situas_and_the_latest_configuration_has_lirio_merged(string engine)
    {
        var situas = Column("comuni/situas_report61_comuni_20250101_Lombardia.csv", ',', "PRO_COM_T");
        Assert.Equal(situas.Order(), ComuniAt("2025-01-01", engine).Order());

        var latest = imported.For(engine).Reader.Snapshot().Registry.CrosswalkAt();
        Assert.Equal(new DateOnly(2026, 1, 31), latest.Date);
        Assert.Equal(situas.Where(c => c != "018082").Order(), latest.Comuni.Select(c => c.Code).Order());
        Assert.Equal("018094", latest.Map("018082"));
    }

    [Fact]
    public void Codes_that_were_valid_twice_are_valid_in_both_intervals()
    {
        var registry = imported.Store.Reader.Snapshot().Registry;
        var torre = registry.Find("016215")!;
        Assert.True(torre.IsValidAt(new DateOnly(1990, 1, 1)));
        Assert.False(torre.IsValidAt(new DateOnly(2010, 1, 1)));
        Assert.True(torre.IsValidAt(new DateOnly(2020, 1, 1)));
        Assert.Equal("016215", registry.CrosswalkAt().Map("097080"));
    }

    [Fact]
    public void A_merger_missing_from_the_variations_file_is_inferred_from_the_anpr_validity_windows()
    {
        // Vermezzo (015235) and Zelo Surrigone (015246) ceased on 7/2/2019; Vermezzo con Zelo (015251) started the next day.
        var registry = imported.Store.Reader.Snapshot().Registry;
        Assert.Equal("015251", registry.CrosswalkAt().Map("015235"));
        Assert.Equal("015251", registry.CrosswalkAt().Map("015246"));
        Assert.Equal(2, registry.InferredChanges.Count(c => c.ToCode == "015251"));
        Assert.Equal("015235", registry.CrosswalkAt(new DateOnly(2019, 2, 7)).Map("015235"));
    }

    [Fact]
    public void The_sources_of_the_registry_agree_with_each_other()
    {
        Assert.Empty(imported.Store.Reader.Snapshot().Registry.Warnings);
    }
}
