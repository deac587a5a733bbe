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
}
