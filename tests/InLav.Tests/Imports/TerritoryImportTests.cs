using InLav.Core.Query;
using InLav.Tests.Support;

namespace InLav.Tests.Imports;

/// <summary>The territorial registry and the classifications as imported from the real files, against the raw rows.</summary>
[Collection(ImportedStoreCollection.Name)]
public sealed class TerritoryImportTests(ImportedStore imported)
{
    /// <summary>SITUAS 2025-01-01 codes less the comuni extinguished by the raw variations rows after 2025-01-01.</summary>
    private static List<string> LatestComuniFromRawFiles()
    {
        var situas = RawCsv.Read("comuni/situas_report61_comuni_20250101_Lombardia.csv", ',').Select(r => r["PRO_COM_T"]).ToList();
        var extinct = RawCsv.Read("comuni/ISTAT_SITUAS_variazioni_amministrative_territoriali_dal_1991_Lombardia.csv", ';')
            .Where(r => r["Tipo variazione"].StartsWith("ES", StringComparison.Ordinal)
                && DateOnly.ParseExact(r["Data evento"], "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) > new DateOnly(2025, 1, 1))
            .Select(r => r["Codice Comune"]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(["018082"], extinct);
        return situas.Where(c => !extinct.Contains(c)).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void The_latest_configuration_has_the_comuni_of_SITUAS_2025_less_Lirio_merged_into_Montalto_Pavese()
    {
        var expected = LatestComuniFromRawFiles();
        var snapshot = imported.Store.Reader.Snapshot();
        var actual = snapshot.Level("comune").Units.Select(u => u.Code).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(1501, expected.Count);
        Assert.Equal([], expected.Except(actual, StringComparer.Ordinal));
        Assert.Equal([], actual.Except(expected, StringComparer.Ordinal));
    }

    [Fact]
    public void The_number_of_comuni_of_the_latest_configuration_per_province_follows_the_raw_files()
    {
        var expected = LatestComuniFromRawFiles().GroupBy(RawCsv.Uts).ToDictionary(g => g.Key, g => g.Count());
        var mapping = imported.Store.Reader.Snapshot().Level("provincia");

        Assert.Equal(184, expected["018"]);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), mapping.MembersOf.ToDictionary(p => p.Key, p => p.Value.Count).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("sll-2001", "2014-06-30", 59)]
    [InlineData("comune-montano", "2014-06-30", 3)]
    [InlineData("cpi", "2025-01-01", 63)]
    [InlineData("ats", "2025-01-01", 8)]
    [InlineData("zona-altimetrica", "2025-12-31", 3)]
    [InlineData("degurba-2021", "2025-12-31", 3)]
    [InlineData("litoraneo", "2025-12-31", 1)]
    [InlineData("aree-interne-2021-2027", "2020-09-30", 6)]
    public void Every_classification_loads_with_the_expected_number_of_groups_on_its_own_configuration(string classification, string configuration, int groups)
    {
        var mapping = imported.Store.Reader.Snapshot().Level(classification, DateOnly.Parse(configuration, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(groups, mapping.Units.Count);
        var unassigned = mapping.Unassigned.Where(c => classification != "cpi" || c != "016215").ToList(); // the CPI file lacks Torre de' Busi
        Assert.Equal([], unassigned);
    }

    [Fact]
    public void Inner_areas_2021_2027_classes_have_the_published_number_of_comuni()
    {
        var raw = RawCsv.Read("classificazioni/ISTAT_DPCoe_Aree_Interne_2014_2020_e_2021_2027_comuni_Lombardia.csv", ';')
            .GroupBy(r => r["CODICE_Aree_Interne 2021-2027"]).ToDictionary(g => g.Key, g => g.Count());
        var mapping = imported.Store.Reader.Snapshot().Level("aree-interne-2021-2027", new DateOnly(2020, 9, 30));
        var expected = new Dictionary<string, int> { ["A"] = 24, ["B"] = 16, ["C"] = 987, ["D"] = 254, ["E"] = 184, ["F"] = 41 };

        Assert.Equal(expected, raw);
        Assert.Equal(expected, mapping.MembersOf.ToDictionary(p => p.Key, p => p.Value.Count));
    }

    [Fact]
    public void The_FUA_classifications_have_the_groups_of_the_raw_JSON()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(TestData.File("comuni/situas_aree_funzionali_FUA_Lombardia.json")));
        foreach (var edition in new[] { "2011", "2021" })
        {
            var raw = doc.RootElement.GetProperty("resultset").EnumerateArray()
                .Select(e => e.GetProperty("COD_FUA_" + edition).ToString()).Where(c => c is not ("0" or "")).ToList();
            var snapshot = imported.Store.Reader.Snapshot();
            Assert.Equal(raw.Distinct(StringComparer.Ordinal).Count(), snapshot.Level("fua-" + edition, new DateOnly(2025, 1, 1)).Units.Count);
            Assert.Equal(raw.Count, snapshot.MembershipsOf("fua-" + edition).Count());
        }
    }

    [Fact]
    public void ATS_Montagna_holds_Sondrio_the_CPI_Breno_catchment_and_16_comuni_of_the_Alto_Lario()
    {
        var cpi = RawCsv.Read("ambiti_territoriali/comuni_cpi_lombardia_gmontaletti.csv", ',');
        var breno = cpi.Where(r => r["denominazione"] == "CPI BRENO").Select(r => r["PRO_COM_T"]).ToHashSet(StringComparer.Ordinal);
        var mapping = imported.Store.Reader.Snapshot().Level("ats", new DateOnly(2025, 1, 1));
        var montagna = mapping.MembersOf["323"];

        Assert.Equal(41, breno.Count);
        Assert.Equal(77 + 41 + 16, montagna.Count);
        Assert.Superset(breno, montagna.ToHashSet(StringComparer.Ordinal));
        Assert.Equal("323", mapping.GroupOf("013090")?.Code); // Dongo
        Assert.Equal("322", mapping.GroupOf("013145")?.Code); // Menaggio, Medio Lario: Insubria since 2019
        Assert.Equal("322", mapping.GroupOf("013248")?.Code); // San Siro, Medio Lario too (the ATS Montagna page)
        Assert.Equal("325", mapping.GroupOf("016215")?.Code); // Torre de' Busi, absent from the CPI file
        Assert.Contains("APPROXIMATE", imported.Store.Reader.Snapshot().Classifications.Single(c => c.Id == "ats").NotesEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("012144", new[] { "012009", "012018", "012095" })] // 2023 Bardello con Malgesso e Bregano
    [InlineData("013256", new[] { "013199", "013228" })] // 2024 Uggiate con Ronago
    [InlineData("018094", new[] { "018094", "018082" })] // 2026 Lirio into Montalto Pavese
    public void ANPR_December_2022_residents_of_merged_comuni_are_restated_onto_the_new_comune_and_stand_apart_in_2022(string successor, string[] predecessors)
    {
        var raw = RawCsv.Read("popolazione/ANPR_popolazione_residente_2022_Lombardia.csv", ',')
            .Where(r => predecessors.Contains(r["COD_ISTAT_COMUNE"])).ToDictionary(r => r["COD_ISTAT_COMUNE"], r => (double?)RawCsv.Num(r["RESIDENTI"]));
        Assert.Equal(predecessors.Length, raw.Count);

        var latest = imported.Store.Query.Run(new QueryRequest("residents_anpr", "comune", "latest", ["2022-12"], null, null, [successor, .. predecessors]));
        var row = Assert.Single(latest.Rows);
        Assert.Equal(successor, row.UnitCode);
        Assert.Equal(raw.Values.Sum(), row.Value);

        var in2022 = imported.Store.Query.Run(new QueryRequest("residents_anpr", "comune", "2022-12-31", ["2022-12"], null, null, [successor, .. predecessors]));
        Assert.Equal(raw.OrderBy(p => p.Key, StringComparer.Ordinal), in2022.Rows.ToDictionary(r => r.UnitCode, r => r.Value).OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
