using InLav.Core;
using InLav.Core.Query;
using InLav.Store.Imports;
using InLav.Tests.Imports;
using InLav.Tests.Support;

namespace InLav.Tests.Cob;

public sealed class CobLayoutTests
{
    private const string Header = "id,inizio,fine,cod_tipologia_contrattuale,comune_sede_lavoro,eta,sesso,cittadinanza,ateco_gruppo";
    private const string InternalFile = "comunicazioni_obbligatorie/cob_interno_2025.csv";

    [Fact]
    public void The_MLPS_parser_stores_the_Lombardia_rows_of_the_raw_file_at_the_region()
    {
        using var box = new CobSandbox(Engines.DuckDb);
        Assert.Equal(RunOutcome.Published, box.ImportOne("mlps-co-regionale").Outcome);
        var raw = RawCsv.Read(CobSandbox.Series, ';').Where(r => r["regione"] == "Lombardia").ToList();
        foreach (var (measure, flow, column) in new[] { ("cob_hirings", "avviamenti", "rapporti"), ("cob_terminations_workers", "cessazioni", "lavoratori") })
        {
            var rows = box.Store.Query.Run(new(measure, "regione", "latest", ["all"], Scope: AccessScope.Internal)).Rows;
            Assert.Equal(35, rows.Count);
            foreach (var r in raw.Where(r => r["flusso"] == flow))
            {
                var row = Assert.Single(rows, x => x.Period == $"{r["anno"]}-Q{r["trimestre"]}");
                Assert.Equal(RawCsv.Num(r[column]), row.Value);
                Assert.False(row.Synthetic);
            }
        }
    }

    [Fact]
    public void The_internal_layout_refuses_bad_rows_with_file_line_and_column()
    {
        using var box = new CobSandbox(Engines.DuckDb);
        box.WriteFile(InternalFile, string.Join('\n',
            Header,
            "1,2025-07-01,2025-07-01,A.02.00,F205,30,M,ITA,56.1",
            "2,2025-07-02,,Z.99.99,F205,30,F,ITA,56.1",
            "3,2025-07-03,,A.01.00,Z999,41,M,ROU,41.2",
            "4,2025-07-10,2025-07-09,A.02.00,F205,25,F,ITA,47.1",
            "5,2025-07-10,,A.01.00,F205,25,X,italiana,47.1") + "\n");
        var outcome = box.ImportOne("cob-interno");
        Assert.Equal(RunOutcome.Failed, outcome.Outcome);
        var messages = string.Join("\n", outcome.Messages);
        Assert.Contains("cob_interno_2025.csv, line 3, column 4: unknown contract code 'Z.99.99'", messages, StringComparison.Ordinal);
        Assert.Contains("cob_interno_2025.csv, line 4, column 5: unknown Belfiore code 'Z999'", messages, StringComparison.Ordinal);
        Assert.Contains("cob_interno_2025.csv, line 5, column 3: the contract ends on 2025-07-09, before it starts (2025-07-10)", messages, StringComparison.Ordinal);
        Assert.Contains("line 6, column 7: sex 'X'", messages, StringComparison.Ordinal);
        Assert.Contains("line 6, column 8: citizenship 'italiana'", messages, StringComparison.Ordinal);
        Assert.Equal(0, box.Scalar("SELECT count(*) FROM cob_event"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void A_real_internal_file_replaces_the_synthetic_figures_of_its_cells(string engine)
    {
        using var box = new CobSandbox(engine);
        Assert.Equal(RunOutcome.Published, box.ImportOne("cob-sintetico").Outcome);
        var before = box.Query("cob_hirings", "comune", CobSandbox.FromPeriod);
        var milanoBefore = Assert.Single(before.Rows, r => r.UnitCode == "015146");
        Assert.True(milanoBefore.Synthetic);

        // Milano (Belfiore F205): three contracts start in 2025-Q3, one of them for a single day; one earlier contract ends.
        box.WriteFile(InternalFile, string.Join('\n',
            Header + ",cf,datore",
            "a1,2025-07-01,2025-07-01,A.05.02,F205,30,M,ITA,56.1,X,1",
            "a2,2025-08-12,,A.01.00,F205,44,F,ROU,62.0,X,2",
            "a3,2025-09-30,9999-12-31,A.02.00,F205,19,F,ITA,47.1,X,3",
            "a4,2020-03-01,2025-09-15,A.01.00,F205,50,M,ITA,25.6,X,4") + "\n");
        Assert.Equal(RunOutcome.Published, box.ImportOne("cob-interno").Outcome);

        var after = box.Query("cob_hirings", "comune", CobSandbox.FromPeriod);
        var milano = Assert.Single(after.Rows, r => r.UnitCode == "015146");
        Assert.False(milano.Synthetic);
        Assert.Equal(3, milano.Value);
        Assert.True(Assert.Single(after.Rows, r => r.UnitCode == "016024").Synthetic); // Bergamo stays synthetic
        Assert.Equal(1, Assert.Single(box.Query("cob_hirings_le_1day", "comune", CobSandbox.FromPeriod).Rows, r => r.UnitCode == "015146").Value);
        Assert.Equal(2, Assert.Single(box.Query("cob_terminations", "comune", CobSandbox.FromPeriod).Rows, r => r.UnitCode == "015146" && !r.Synthetic).Value); // a1 and a4
        Assert.Equal(2, Assert.Single(box.Query("cob_active_contracts", "comune", CobSandbox.FromPeriod).Rows, r => r.UnitCode == "015146").Value);
    }

    [Fact]
    public void A_real_open_data_file_replaces_the_synthetic_figures_of_its_province()
    {
        using var box = new CobSandbox(Engines.DuckDb);
        Assert.Equal(RunOutcome.Published, box.ImportOne("cob-sintetico").Outcome);
        box.WriteFile("comunicazioni_obbligatorie/Rapporti_di_lavoro_attivati.csv", string.Join('\n',
            "DATA,GENERE,ETA,SETTOREECONOMICODETTAGLIO,TITOLOSTUDIO,CONTRATTO,MODALITALAVORO,PROVINCIAIMPRESA,ITALIANO",
            "07/03/2025 12:00:00 AM,M,23,Ristorazione con somministrazione,LICENZA MEDIA,LAVORO INTERMITTENTE,NON DEFINITO,BERGAMO,ITALIA",
            "08/14/2025 12:00:00 AM,F,35,Alberghi,DIPLOMA,LAVORO A TEMPO DETERMINATO,TEMPO PIENO,BERGAMO,ROMANIA",
            "09/01/2025 12:00:00 AM,F,51,Commercio,LAUREA,LAVORO A CHIAMATA,TEMPO PARZIALE,MONZA E DELLA BRIANZA,ITALIA") + "\n");
        var outcome = box.ImportOne("cob-lombardia-open-data");
        Assert.Equal(RunOutcome.Published, outcome.Outcome);
        Assert.Contains(outcome.Messages, m => m.Contains("'LAVORO A CHIAMATA' (1)", StringComparison.Ordinal));

        var rows = box.Query("cob_hirings", "provincia", CobSandbox.FromPeriod).Rows;
        Assert.Equal(12, rows.Count);
        var bergamo = Assert.Single(rows, r => r.UnitCode == "016");
        Assert.False(bergamo.Synthetic);
        Assert.Equal(2, bergamo.Value);
        Assert.Equal(1, Assert.Single(rows, r => r.UnitCode == "108").Value);
        Assert.True(Assert.Single(rows, r => r.UnitCode == "017").Synthetic);
        Assert.Equal(1, Assert.Single(box.Query("cob_hirings_intermittent", "provincia", CobSandbox.FromPeriod).Rows, r => r.UnitCode == "016" && !r.Synthetic).Value);
        // The open data give no contract dates: no duration measures from them.
        Assert.True(Assert.Single(box.Query("cob_hirings_le_1day", "provincia", CobSandbox.FromPeriod).Rows, r => r.UnitCode == "016").Synthetic);
    }
}
