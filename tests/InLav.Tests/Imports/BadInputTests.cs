using System.Text;
using InLav.Store.Imports;

namespace InLav.Tests.Imports;

/// <summary>
/// Broken variants of the real ANPR file, generated here: each is refused as a whole, the message names file, line and column,
/// no row of the failed run is left in any data table, and the previously published version is still served.
/// </summary>
public sealed class BadInputTests
{
    private const string FileName = "ANPR_popolazione_residente_2026_Lombardia.csv";
    private const string Header = "MESE,ANNO,REGIONE,PROVINCIA,COD_ISTAT_COMUNE,COMUNE,RESIDENTI";

    private static readonly string Real = ImportSandbox.RealAnprText;

    [Fact]
    public void A_file_with_the_wrong_delimiter_is_refused_at_its_header() =>
        AssertRefused(Real.Replace(',', ';'), "line 1, column 1", "wrong delimiter");

    [Fact]
    public void Latin1_bytes_in_a_UTF8_source_are_refused_at_the_first_bad_byte()
    {
        var line9 = Real.Split('\n')[8];
        Assert.Equal("1,2026,LOMBARDIA,BERGAMO,016005,ALMÈ,5469", line9);
        AssertRefused(Encoding.Latin1.GetBytes(Real), FormattableString.Invariant($"line 9, column {line9.IndexOf('È', StringComparison.Ordinal) + 1}"), "not valid UTF-8");
    }

    [Fact]
    public void A_UTF8_byte_order_mark_where_Latin1_is_declared_is_refused()
    {
        const string options = $$"""{ "delimiter": ",", "encoding": "latin1", "measure": "residents_anpr", "columns": ["{{"MESE\",\"ANNO\",\"REGIONE\",\"PROVINCIA\",\"COD_ISTAT_COMUNE\",\"COMUNE\",\"RESIDENTI"}}"] }""";
        using var sandbox = new ImportSandbox(anprOptionsJson: options);
        File.WriteAllBytes(sandbox.AnprPath, Encoding.Latin1.GetBytes(Real));
        AssertRefused(sandbox, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Real)], "line 1, column 1", "byte-order mark");
    }

    [Fact]
    public void A_file_missing_a_declared_column_is_refused_at_its_header() =>
        AssertRefused(string.Join('\n', Real.Split('\n').Select(l => l.Length == 0 ? l : string.Join(',', l.Split(',').Where((_, i) => i != 5)))),
            "line 1: missing column 'COMUNE'", "missing column");

    [Fact]
    public void A_file_with_an_extra_column_is_refused_at_that_column() =>
        AssertRefused(string.Join('\n', Real.Split('\n').Select((l, i) => l.Length == 0 ? l : l + (i == 0 ? ",EXTRA" : ",x"))), "line 1, column 8", "unexpected column 'EXTRA'");

    [Fact]
    public void A_non_numeric_count_is_refused_at_its_cell() =>
        AssertRefused(ImportSandbox.EditLine(Real, 10, f => [.. f[..6], "12a"]), "line 10, column 7", "is not a number");

    [Fact]
    public void A_negative_count_is_refused_at_its_cell() =>
        AssertRefused(ImportSandbox.EditLine(Real, 10, f => [.. f[..6], "-5"]), "line 10, column 7", "negative count");

    [Fact]
    public void An_unknown_comune_code_is_refused_at_its_cell() =>
        AssertRefused(ImportSandbox.EditLine(Real, 10, f => [.. f[..4], "099999", .. f[5..]]), "line 10, column 5", "unknown comune code '099999'");

    [Fact]
    public void A_duplicated_row_is_refused_at_the_second_copy()
    {
        var lines = Real.Split('\n').ToList();
        lines.Insert(10, lines[9]);
        AssertRefused(string.Join('\n', lines), "line 11, column 7", "already given at line 10");
    }

    [Fact]
    public void A_file_cut_inside_a_quoted_field_is_refused_at_the_open_quote() =>
        AssertRefused(string.Join('\n', Real.Split('\n').Take(9)) + "\n1,2026,LOMBARDIA,BERGAMO,016009,\"ALBANO SANT", "line 10, column 6", "not closed");

    [Fact]
    public void A_file_cut_in_the_middle_of_a_record_is_refused_at_the_first_missing_field() =>
        AssertRefused(string.Join('\n', Real.Split('\n').Take(10))[..^30], "line 10, column 5", "the record has 4 fields");

    [Fact]
    public void A_formula_in_a_name_cell_is_refused_at_its_cell() =>
        AssertRefused(ImportSandbox.EditLine(Real, 10, f => [.. f[..5], "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", f[6]]), "line 10, column 6", "looks like a spreadsheet formula");

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        const long limit = 500_000;
        using var sandbox = new ImportSandbox(maxFileBytes: limit);
        var big = new StringBuilder(Real);
        while (big.Length <= limit)
        {
            big.Append(string.Join('\n', Real.Split('\n').Skip(1)));
        }

        AssertRefused(sandbox, Encoding.UTF8.GetBytes(big.ToString()), "line 0", "over the limit of 500,000 bytes");
    }

    [Fact]
    public void Importing_the_same_file_twice_adds_nothing()
    {
        using var sandbox = new ImportSandbox();
        Assert.Equal(RunOutcome.Published, sandbox.ImportAnpr().Outcome);
        var runs = sandbox.Count("SELECT count(*) FROM import_run");
        var facts = sandbox.Count("SELECT count(*) FROM fact");

        var again = sandbox.ImportAnpr();

        Assert.Equal(RunOutcome.Unchanged, again.Outcome);
        Assert.Equal(runs, sandbox.Count("SELECT count(*) FROM import_run"));
        Assert.Equal(facts, sandbox.Count("SELECT count(*) FROM fact"));
    }

    [Fact]
    public void Rolling_back_republishes_the_previous_version()
    {
        using var sandbox = new ImportSandbox();
        var first = sandbox.ImportAnpr();
        var before = sandbox.Answer();
        File.WriteAllText(sandbox.AnprPath, ImportSandbox.EditLine(Real, 10, f => [.. f[..6], (int.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture) + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        var second = sandbox.ImportAnpr();
        Assert.Equal(RunOutcome.Published, second.Outcome);
        Assert.Equal(before + 1000, sandbox.Answer());

        Assert.Equal(first.RunId, ImportRuns.Rollback(sandbox.Store, ImportSandbox.AnprSource));

        Assert.Equal(before, sandbox.Answer());
        Assert.Equal(first.RunId, sandbox.Count("SELECT run_id FROM published WHERE source_id = 'anpr-residenti'"));
    }

    private static void AssertRefused(string broken, string position, string reason) =>
        AssertRefused(Encoding.UTF8.GetBytes(broken), position, reason);

    private static void AssertRefused(byte[] broken, string position, string reason)
    {
        using var sandbox = new ImportSandbox();
        AssertRefused(sandbox, broken, position, reason);
    }

    private static void AssertRefused(ImportSandbox sandbox, byte[] broken, string position, string reason)
    {
        Assert.StartsWith(Header, Real, StringComparison.Ordinal);
        var good = sandbox.ImportAnpr();
        Assert.Equal(RunOutcome.Published, good.Outcome);
        var answer = sandbox.Answer();
        var facts = sandbox.Count("SELECT count(*) FROM fact");

        File.WriteAllBytes(sandbox.AnprPath, broken);
        var bad = sandbox.ImportAnpr();

        var messages = string.Join("\n", bad.Messages);
        Assert.Equal(RunOutcome.Failed, bad.Outcome);
        Assert.Contains($"{FileName}, {position}", messages, StringComparison.Ordinal);
        Assert.Contains(reason, messages, StringComparison.Ordinal);
        Assert.Equal(0, sandbox.RowsOfRun(bad.RunId!.Value));
        Assert.Equal(facts, sandbox.Count("SELECT count(*) FROM fact"));
        Assert.Equal(good.RunId, sandbox.Count("SELECT run_id FROM published WHERE source_id = 'anpr-residenti'"));
        Assert.Equal(answer, sandbox.Answer());
    }
}
