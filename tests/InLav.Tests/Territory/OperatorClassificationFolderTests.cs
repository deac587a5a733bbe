using InLav.Core.Query;
using InLav.Store.Imports;
using InLav.Tests.Support;

namespace InLav.Tests.Territory;

public sealed class OperatorClassificationFolderTests
{
    private const string Anpr2022 = "popolazione/ANPR_popolazione_residente_2022_Lombardia.csv";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void An_operator_csv_becomes_a_level_restated_on_todays_comuni_and_sums_like_any_other(string engine)
    {
        using var t = new TempStore([.. TempStore.RegistryFiles, Anpr2022], engine: engine);
        // A test classification on real codes, some of them of comuni merged since (012009, 012018, 012095 → 012144 in 2023).
        Directory.CreateDirectory(t.PathOf("classificazioni_operatore"));
        File.WriteAllText(t.PathOf("classificazioni_operatore/distretti-prova.csv"),
            "codice_gruppo;nome_gruppo;codice_comune\nD1;Distretto uno;012009\nD1;Distretto uno;012018\nD1;Distretto uno;012095\nD2;Distretto due;015146\nD2;Distretto due;012001\n");
        File.WriteAllText(t.PathOf("classificazioni_operatore/distretti-prova.json"),
            """{ "nameIt": "Distretti di prova", "nameEn": "Test districts", "edition": "2022", "referenceDate": "2022-12-31" }""");

        var outcomes = t.Import();
        Assert.All(outcomes.Where(o => o.SourceId is "classificazioni-operatore" or "anpr-residenti"), o => Assert.Equal(RunOutcome.Published, o.Outcome));

        var result = t.Store.Query.Run(new QueryRequest("residents_anpr", "distretti-prova", Periods: ["2022-12"]));
        Assert.Equal("Distretti di prova", result.LevelName);
        var raw = File.ReadLines(TestData.File(Anpr2022)).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[4], f => double.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(raw["012009"] + raw["012018"] + raw["012095"], result.Rows.Single(r => r.UnitCode == "D1").Value);
        Assert.Equal(raw["015146"] + raw["012001"], result.Rows.Single(r => r.UnitCode == "D2").Value);
        Assert.Equal("D1", t.Store.Reader.Snapshot().Level("distretti-prova").GroupOf("012144")!.Code);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void An_operator_csv_with_an_unknown_comune_is_refused_naming_file_line_and_column(string engine)
    {
        using var t = new TempStore(TempStore.RegistryFiles, engine: engine);
        Directory.CreateDirectory(t.PathOf("classificazioni_operatore"));
        File.WriteAllText(t.PathOf("classificazioni_operatore/unioni.csv"), "codice_gruppo,nome_gruppo,codice_comune\nU1,Unione,012001\nU1,Unione,099999\n");

        var outcome = t.Import().Single(o => o.SourceId == "classificazioni-operatore");
        Assert.Equal(RunOutcome.Failed, outcome.Outcome);
        Assert.Contains(outcome.Messages, m => m.StartsWith("unioni.csv, line 3, column 3: unknown comune code '099999'", StringComparison.Ordinal));
        Assert.DoesNotContain("unioni", t.Store.Reader.Snapshot().LevelIds);
    }
}
