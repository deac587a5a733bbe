using InLav.Store.Imports;
using InLav.Tests.Support;

namespace InLav.Tests.Imports;

/// <summary>An operator loads their own comune → group CSV (here Ambiti Territoriali Sociali) with the generic classification-columns parser.</summary>
public sealed class OperatorClassificationTests
{
    private const string Source = """
        { "id": "ambiti-sociali-test", "title": "Ambiti territoriali sociali (prova)", "publisher": "operator", "licence": "CC BY 4.0",
          "referencePeriod": "2025", "url": "https://example.org", "files": ["operatori/ambiti.csv"], "format": "csv",
          "parser": "classification-columns", "order": 90,
          "options": { "delimiter": ";", "encoding": "utf-8", "columns": ["codice_ambito", "nome_ambito", "codice_comune"],
            "classificationId": "ambiti-sociali", "nameIt": "Ambiti territoriali sociali", "nameEn": "Social planning districts", "edition": "2025",
            "referenceDate": "2025-01-01", "codeColumn": "codice_comune", "groupColumn": "codice_ambito", "groupNameColumn": "nome_ambito" } }
        """;

    private static (string Outcome, string Messages, ImportSandbox Sandbox) Load(string csv)
    {
        var sandbox = new ImportSandbox(extraSourceJson: Source);
        var path = Path.Combine(sandbox.DataDirectory, "operatori", "ambiti.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, csv);
        var outcome = sandbox.Import("ambiti-sociali-test");
        return (outcome.Outcome, string.Join("\n", outcome.Messages), sandbox);
    }

    [Fact]
    public void An_operator_CSV_of_group_code_group_name_and_comune_code_becomes_a_level_of_the_dashboard()
    {
        var (outcome, messages, sandbox) = Load("codice_ambito;nome_ambito;codice_comune\nA01;Ambito di Varese;12001\nA01;Ambito di Varese;012002\nA02;Ambito di Milano città;015146\n");
        using (sandbox)
        {
            Assert.True(outcome == "published", messages);
            var level = sandbox.Store.Reader.Snapshot().Level("ambiti-sociali", new DateOnly(2025, 1, 1));
            Assert.Equal(["012001", "012002"], level.MembersOf["A01"]);
            Assert.Equal("Ambito di Milano città", level.Unit("A02")!.Name);
        }
    }

    [Fact]
    public void A_comune_in_two_groups_is_refused_unless_the_catalogue_asks_for_the_main_office_rule()
    {
        var (outcome, messages, sandbox) = Load("codice_ambito;nome_ambito;codice_comune\nA01;Ambito 1;12001\nA02;Ambito 2;12001\n");
        using (sandbox)
        {
            Assert.Equal("failed", outcome);
            Assert.Contains("ambiti.csv, line 3, column 1: duplicate row: comune 012001 is already in group 'A01' (line 2)", messages, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_group_code_given_two_names_is_refused()
    {
        var (outcome, messages, sandbox) = Load("codice_ambito;nome_ambito;codice_comune\nA01;Ambito 1;12001\nA01;Ambito uno;12002\n");
        using (sandbox)
        {
            Assert.Equal("failed", outcome);
            Assert.Contains("ambiti.csv, line 3, column 1: group 'A01' is named 'Ambito uno' here but 'Ambito 1' at line 2", messages, StringComparison.Ordinal);
        }
    }

    /// <summary>An operator's frontier list in the operator format: codice_gruppo, nome_gruppo, codice_comune (here three comuni).</summary>
    private const string FrontierCsv = "codice_gruppo;nome_gruppo;codice_comune\nfascia-1a;Fascia 1 e 1A;013075\nfascia-1a;Fascia 1 e 1A;012133\nfascia-1;Solo fascia 1;108027\n";

    private static ImportOutcome LoadOperatorFrontier(ImportSandbox sandbox)
    {
        var folder = Path.Combine(sandbox.DataDirectory, "classificazioni_operatore");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "frontiera.csv"), FrontierCsv);
        File.WriteAllText(Path.Combine(folder, "frontiera.json"), """{ "nameIt": "Comuni di frontiera (elenco dell'operatore)", "nameEn": "Frontier comuni (operator's list)", "edition": "2025", "referenceDate": "2025-01-01" }""");
        return sandbox.Import("classificazioni-operatore");
    }

    [Fact]
    public void Issue7_an_operator_loads_a_frontier_list_through_the_operator_classification_route_as_the_level_frontiera()
    {
        using var sandbox = new ImportSandbox();
        var outcome = LoadOperatorFrontier(sandbox);

        Assert.True(outcome.Outcome == RunOutcome.Published, string.Join("\n", outcome.Messages));
        var level = sandbox.Store.Reader.Snapshot().Level("frontiera");
        Assert.Equal(["012133", "013075"], level.MembersOf["fascia-1a"]);
        Assert.Equal(["108027"], level.MembersOf["fascia-1"]);
        Assert.Equal("Comuni di frontiera (elenco dell'operatore)", level.NameIt);
    }

    [Fact]
    public void Issue7_a_second_source_publishing_the_classification_frontiera_is_refused_naming_the_source_that_has_it()
    {
        using var sandbox = new ImportSandbox();
        var ticino = Path.Combine(sandbox.DataDirectory, "classificazioni", "comuni-frontiera_Lombardia.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(ticino)!);
        File.Copy(TestData.File("classificazioni/comuni-frontiera_Lombardia.csv"), ticino);
        Assert.Equal(RunOutcome.Published, sandbox.Import("ti-comuni-frontiera-2024").Outcome);

        var outcome = LoadOperatorFrontier(sandbox);

        Assert.Equal(RunOutcome.Failed, outcome.Outcome);
        Assert.Contains("frontiera.csv, line 0: the classification 'frontiera' is already published by the source 'ti-comuni-frontiera-2024'", string.Join("\n", outcome.Messages), StringComparison.Ordinal);
        Assert.Equal(385, sandbox.Store.Reader.Snapshot().Level("frontiera").MembersOf.Values.Sum(m => m.Count));
    }
}
