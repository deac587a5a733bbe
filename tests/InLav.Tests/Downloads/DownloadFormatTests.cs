using InLav.Core;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Store.Export;
using InLav.Tests.Support;
using Xunit.Abstractions;

namespace InLav.Tests.Downloads;

/// <summary>
/// Issue 10, item 1: the download writers, each read back by an independent reader (an RFC 4180 parser written here, System.Text.Json,
/// DuckDB's read_parquet, ajv with the JSON-stat 2.0 schema and jsonstat-toolkit under node), on real answers of the imported store.
/// </summary>
[Collection(ImportedStoreCollection.Name)]
public sealed class DownloadFormatTests(ImportedStore imported, ITestOutputHelper output)
{
    private const string Formats = "csv excel wide json parquet json-stat sdmx";

    public static TheoryData<string> Questions() => ["residents_anpr provincia", "wp2_mef_istat_gap provincia", "cob_net_balance provincia", "census comune"];

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Issue10_The_same_question_gives_identical_values_and_flags_in_every_format(string question)
    {
        var table = Ask(question);
        Assert.NotEmpty(table.Rows);
        var expected = table.Rows.ToDictionary(Key, r => new Obs(r.Value, r.FlagText, r.Synthetic));
        foreach (var format in Formats.Split(' '))
        {
            var clock = Stopwatch.StartNew();
            var read = await ReadBack(table, format);
            output.WriteLine($"{question}: {table.Rows.Count} rows, {format} written and read back in {clock.ElapsedMilliseconds} ms");
            if (format == "json-stat")
            {
                // A cube leaves out the empty cells: those with neither a value nor a flag.
                var nonEmpty = expected.Where(e => e.Value.Value is not null || e.Value.Flags.Length > 0).ToDictionary(e => e.Key, e => e.Value);
                Same(nonEmpty, read, format);
            }
            else
            {
                Same(expected, read, format);
            }
        }
    }

    [Fact]
    public async Task Issue10_Suppressed_cells_never_carry_a_value_in_any_format()
    {
        var table = Ask("census comune");
        var confidential = table.Rows.Where(r => r.Confidential).Select(Key).ToHashSet();
        Assert.NotEmpty(confidential);
        foreach (var format in Formats.Split(' '))
        {
            var read = await ReadBack(table, format);
            Assert.All(confidential, k =>
            {
                Assert.True(read.TryGetValue(k, out var o), $"{format}: {k} missing");
                Assert.Null(o!.Value);
                Assert.Contains(FactFlag.Confidential, o.Flags.Split(' '));
            });
        }

        // No numerator or denominator of a confidential cell either (indicator answers carry them).
        var indicator = DownloadTable.From(imported.Store.Indicators.Compute(new IndicatorRequest("population", "comune", Periods: ["2011-10-09"], Breakdowns: [Dimension.Sex], Scope: AccessScope.Public)));
        Assert.All(indicator.Rows.Where(r => r.Confidential), r => Assert.True(r.Value is null && r.Numerator is null && r.Denominator is null));
    }

    [Fact]
    public async Task Issue10_Synthetic_rows_are_marked_in_every_format()
    {
        var table = Ask("cob_net_balance provincia");
        Assert.Contains(table.Rows, r => r.Synthetic);
        var metadata = DownloadMetadata.For(table, imported.Store);
        Assert.True(metadata.Synthetic);
        Assert.Contains(metadata.Sources, s => s.Synthetic);
        foreach (var format in Formats.Split(' '))
        {
            var read = await ReadBack(table, format);
            Assert.All(table.Rows.Where(r => r.Synthetic), r => Assert.True(read[Key(r)].Synthetic && read[Key(r)].Flags.Split(' ').Contains(FactFlag.Synthetic), $"{format}: {Key(r)}"));
        }

        var jsonStat = JsonDocument.Parse(JsonStatDownload.Write(table, metadata)).RootElement;
        Assert.StartsWith("SYNTHETIC", jsonStat.GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.Contains(metadata.Notes, n => n.StartsWith("SYNTHETIC", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Issue10_JsonStat_passes_the_schema_and_the_cube_invariants_and_jsonstat_toolkit_reads_it()
    {
        var table = Ask("wp2_mef_istat_gap provincia");
        var node = await Node(JsonStatDownload.Write(table, DownloadMetadata.For(table, imported.Store)));
        Assert.True(node.GetProperty("valid").GetBoolean(), string.Join("; ", node.GetProperty("problems").EnumerateArray().Select(p => p.GetString())));
        Assert.Empty(node.GetProperty("problems").EnumerateArray());
        Assert.Equal("dataset", node.GetProperty("cls").GetString());

        // The toolkit's own reading agrees with the schema-less view too: a document the schema rejects is reported.
        var broken = JsonStatDownload.Write(table, DownloadMetadata.For(table, imported.Store)).Replace("\"version\":\"2.0\",", "\"version\":\"2.0\",\"custom\":1,", StringComparison.Ordinal);
        Assert.False((await Node(broken)).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void Issue10_SdmxCsv_header_and_rows_follow_the_1_0_field_guide()
    {
        var table = Ask("residents_anpr provincia");
        var text = SdmxCsvDownload.Write(table);
        Assert.Equal(',', text[8]); // The guide: the separator is the 9th character, right after DATAFLOW.
        var rows = Csv.Parse(text, ',');
        var header = rows[0];
        Assert.Equal("DATAFLOW", header[0]);
        Assert.Equal(["TERRITORIAL_LEVEL", "REF_AREA", "SEX", "AGE", "CITIZENSHIP", "TIME_PERIOD"], header.Skip(1).Take(6));
        Assert.Equal("OBS_VALUE", header[7]);
        Assert.Equal(header.Count, header.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(table.Rows.Count, rows.Count - 1);
        Assert.All(rows.Skip(1), r =>
        {
            Assert.Equal(header.Count, r.Count);
            Assert.Matches(@"^[A-Za-z0-9_@$\-]+:[A-Za-z0-9_@$\-]+\([0-9.]+\)$", r[0]);
            Assert.True(r[7].Length == 0 || double.TryParse(r[7], NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            Assert.Matches(@"^\d{4}(-\d{2}(-\d{2})?|-Q[1-4])?$", r[6]);
        });
        Assert.Equal("INLAV:RESIDENTS_ANPR(1.0)", rows[1][0]);

        var excel = SdmxCsvDownload.Write(table, CsvDialect.Excel);
        Assert.Equal(';', excel[8]);
    }

    [Fact]
    public void Issue10_An_injection_corpus_in_codes_and_names_gives_inert_well_formed_rows_in_every_text_format()
    {
        string[] corpus =
        [
            "a,=HYPERLINK(\"x\")", "=1+1", "+SUM(A1)", "-2+3", "@cmd", "  =lead", "\t=tab", "\"=quoted\"", "'=apos", "line\nbreak", "cr\rret",
            "semi;colon", "quote\"inside", " padded ", "=cmd|' /C calc'!A0", "ok",
        ];
        var real = imported.Store.Query.Run(new QueryRequest("residents_anpr", "comune", Periods: ["2025-01"]));
        var rows = real.Rows.Take(corpus.Length).Select((r, i) => r with { UnitCode = corpus[i], UnitName = corpus[(i + 1) % corpus.Length] }).ToList();
        Assert.Equal(corpus.Length, rows.Count);
        var poisoned = real with { Rows = rows, Measure = "=evil,code" };
        var table = DownloadTable.From(poisoned);
        var gap = imported.Store.Indicators.Compute(new IndicatorRequest("population", "comune", Periods: ["2025-01-01"]));

        var texts = new (string Name, string Text, char Sep, int Code, int Name2)[]
        {
            ("csv", CsvDownload.Tidy(table), ',', 3, 4),
            ("excel", Encoding.UTF8.GetString(CsvDialect.Excel.Encode(CsvDownload.Tidy(table, CsvDialect.Excel))).TrimStart('\uFEFF'), ';', 3, 4),
            ("wide", CsvDownload.Wide(table.Wide()), ',', 0, 1),
            ("sdmx", SdmxCsvDownload.Write(table), ',', 2, 16),
            ("query-csv", QueryCsv.ToCsv(poisoned), ',', 3, 4),
            ("indicator-csv", IndicatorCsv.ToCsv(gap with { Rows = [.. gap.Rows.Take(corpus.Length).Select((r, i) => r with { UnitCode = corpus[i], UnitName = corpus[(i + 1) % corpus.Length] })] }), ',', 3, 4),
        };
        foreach (var (name, text, sep, code, unitName) in texts)
        {
            var parsed = Csv.Parse(text, sep);
            Assert.Equal(corpus.Length + 1, parsed.Count);
            Assert.All(parsed, r => Assert.Equal(parsed[0].Count, r.Count));
            for (var i = 0; i < corpus.Length; i++)
            {
                var row = parsed[i + 1];
                Assert.Equal(Inert(corpus[i]), row[code]);
                Assert.Equal(Inert(corpus[(i + 1) % corpus.Length]), row[unitName]);
                Assert.All(row, cell => Assert.False(RunsAsFormula(cell), $"{name}: '{cell}' would run as a formula"));
            }
        }

        // Negative numbers stay numbers; making a cell inert twice changes nothing (the XLSX writer does it again on CSV cells).
        Assert.Equal("-2.5", TextCells.Number(-2.5));
        Assert.All(corpus, c => Assert.Equal(TextCells.Inert(c), TextCells.Inert(TextCells.Inert(c))));
    }

    [Fact]
    public async Task Issue10_Parquet_is_read_back_by_DuckDB_with_its_metadata()
    {
        var table = Ask("wp2_mef_istat_gap provincia");
        var metadata = DownloadMetadata.For(table, imported.Store);
        var file = Path.Combine(TestData.NewTempFolder("parquet"), "data.parquet");
        await using (var s = File.Create(file))
        {
            await ParquetDownload.WriteAsync(table, metadata, s);
        }

        using var c = new DuckDBConnection("DataSource=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM parquet_kv_metadata($f) WHERE decode(key) = 'inlav.metadata'";
        cmd.Parameters.Add(new DuckDBParameter("f", file));
        var blob = cmd.ExecuteScalar();
        var json = blob switch
        {
            byte[] b => Encoding.UTF8.GetString(b),
            Stream stream => new StreamReader(stream, Encoding.UTF8).ReadToEnd(),
            _ => blob?.ToString() ?? "",
        };
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("CC-BY-4.0", doc.RootElement.GetProperty("licence").GetProperty("id").GetString());
        Assert.NotEmpty(doc.RootElement.GetProperty("sources").EnumerateArray());
    }

    [Fact]
    public async Task Issue10_A_bundle_holds_the_data_the_metadata_and_a_readme_with_licence_sources_and_flags()
    {
        var table = Ask("wp2_mef_istat_gap provincia");
        var metadata = DownloadMetadata.For(table, imported.Store);
        using var zipped = new MemoryStream();
        await DownloadBundle.WriteAsync(table, metadata, zipped);
        zipped.Position = 0;
        using var zip = new ZipArchive(zipped, ZipArchiveMode.Read);
        Assert.Equal(["README.md", "data-wide.csv", "data.csv", "data.json-stat.json", "data.parquet", "data.sdmx.csv", "metadata.json"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var readme = new StreamReader(zip.GetEntry("README.md")!.Open()).ReadToEnd();
        Assert.Contains("CC BY 4.0", readme, StringComparison.Ordinal);
        Assert.Contains("`c`: confidential", readme, StringComparison.Ordinal);
        Assert.All(metadata.Sources, s => Assert.Contains(s.Attribution, readme, StringComparison.Ordinal));
        Assert.NotEmpty(metadata.Sources.SelectMany(s => s.ImportRuns));
        Assert.Equal(table.ImportRuns, metadata.Sources.SelectMany(s => s.ImportRuns).Select(r => r.RunId).Order());
        Assert.Contains(ReliabilityFlag.SmallDenominator, metadata.Reliability.Keys);
        using var meta = JsonDocument.Parse(new StreamReader(zip.GetEntry("metadata.json")!.Open()).ReadToEnd());
        Assert.Equal(metadata.ConfigurationText, meta.RootElement.GetProperty("configurationDate").GetString());
    }

    // ---- The questions, from the real-data store.

    private DownloadTable Ask(string question) => question switch
    {
        "residents_anpr provincia" => DownloadTable.From(imported.Store.Query.Run(new QueryRequest("residents_anpr", "provincia", Periods: ["2025-01", "2026-01"]))),
        "wp2_mef_istat_gap provincia" => DownloadTable.From(imported.Store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap", "provincia", Periods: ["2021"]))),
        "cob_net_balance provincia" => DownloadTable.From(imported.Store.Indicators.Compute(new IndicatorRequest("cob_net_balance", "provincia", Breakdowns: [Dimension.Sex]))),
        "census comune" => DownloadTable.From(imported.Store.Query.Run(new QueryRequest("residents", "comune", Periods: ["2011-10-09"], Breakdowns: [Dimension.Sex, Dimension.Age], Scope: AccessScope.Public))),
        _ => throw new ArgumentOutOfRangeException(nameof(question)),
    };

    // ---- Reading each format back, independently of its writer.

    private sealed record Obs(double? Value, string Flags, bool Synthetic);

    private static string Key(DownloadRow r) => Key(r.UnitCode, r.Period, r.Sex, r.Age, r.Citizenship);

    private static string Key(string unit, string period, string sex, string age, string citizenship) => $"{unit}|{period}|{sex}|{age}|{citizenship}";

    private static void Same(Dictionary<string, Obs> expected, Dictionary<string, Obs> read, string format)
    {
        Assert.True(expected.Count == read.Count, $"{format}: {read.Count} observations, expected {expected.Count}");
        foreach (var (k, e) in expected)
        {
            Assert.True(read.TryGetValue(k, out var o), $"{format}: {k} missing");
            Assert.True(e.Value == o!.Value && e.Flags == o.Flags, $"{format}: {k} is {o.Value} [{o.Flags}], expected {e.Value} [{e.Flags}]");
            if (format != "wide")
            {
                Assert.True(e.Synthetic == o.Synthetic, $"{format}: {k} synthetic {o.Synthetic}");
            }
        }
    }

    private async Task<Dictionary<string, Obs>> ReadBack(DownloadTable table, string format)
    {
        var metadata = DownloadMetadata.For(table, imported.Store);
        switch (format)
        {
            case "csv":
                return FromTidyCsv(CsvDownload.Tidy(table), ',', '.');
            case "excel":
                var bytes = CsvDialect.Excel.Encode(CsvDownload.Tidy(table, CsvDialect.Excel));
                Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
                return FromTidyCsv(new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3), ';', ',');
            case "wide":
                return FromWide(CsvDownload.Wide(table.Wide()), table);
            case "json":
                using (var doc = JsonDocument.Parse(JsonDownload.Write(table, metadata)))
                {
                    return doc.RootElement.GetProperty("rows").EnumerateArray().ToDictionary(
                        r => Key(S(r, "unitCode"), S(r, "period"), S(r, "sex"), S(r, "age"), S(r, "citizenship")),
                        r => new Obs(r.GetProperty("value").ValueKind == JsonValueKind.Null ? null : r.GetProperty("value").GetDouble(),
                            string.Join(' ', r.GetProperty("flags").EnumerateArray().Select(f => f.GetString())), r.GetProperty("synthetic").GetBoolean()));
                }

            case "parquet":
                return await FromParquet(table, metadata);
            case "json-stat":
                return await FromJsonStat(JsonStatDownload.Write(table, metadata));
            case "sdmx":
                var rows = Csv.Parse(SdmxCsvDownload.Write(table), ',');
                var h = Columns(rows[0]);
                return rows.Skip(1).ToDictionary(r => Key(r[h["REF_AREA"]], r[h["TIME_PERIOD"]], r[h["SEX"]], r[h["AGE"]], r[h["CITIZENSHIP"]]),
                    r => new Obs(Num(r[h["OBS_VALUE"]], '.'), r[h["OBS_FLAGS"]], r[h["SYNTHETIC"]] == "SYNTHETIC"));
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    private static Dictionary<string, Obs> FromTidyCsv(string text, char sep, char dec)
    {
        var rows = Csv.Parse(text, sep);
        var h = Columns(rows[0]);
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
        return rows.Skip(1).ToDictionary(r => Key(r[h["unit_code"]], r[h["period"]], r[h["sex"]], r[h["age"]], r[h["citizenship"]]),
            r => new Obs(Num(r[h["value"]], dec), r[h["flags"]], r[h["synthetic"]] == "SYNTHETIC"));
    }

    private static Dictionary<string, Obs> FromWide(string text, DownloadTable table)
    {
        var rows = Csv.Parse(text, ',');
        var h = Columns(rows[0]);
        var result = new Dictionary<string, Obs>();
        var periods = rows[0].Where(c => c != "unit_code" && c != "unit_name" && c != "synthetic" && !Dimension.All.Contains(c) && !c.EndsWith(" flags", StringComparison.Ordinal)).ToList();
        foreach (var r in rows.Skip(1))
        {
            Assert.Equal(rows[0].Count, r.Count);
            string D(string d) => h.TryGetValue(d, out var i) ? r[i] : Dimension.Total;
            foreach (var p in periods)
            {
                var value = Num(r[h[p]], '.');
                var flags = r[h[p + " flags"]];
                var key = Key(r[h["unit_code"]], p, D(Dimension.Sex), D(Dimension.Age), D(Dimension.Citizenship));
                if (value is not null || flags.Length > 0 || table.Rows.Any(x => Key(x) == key))
                {
                    result[key] = new Obs(value, flags, r[h["synthetic"]] == "SYNTHETIC");
                }
            }
        }

        return result;
    }

    private static async Task<Dictionary<string, Obs>> FromParquet(DownloadTable table, DownloadMetadata metadata)
    {
        var file = Path.Combine(TestData.NewTempFolder("parquet"), "data.parquet");
        await using (var s = File.Create(file))
        {
            await ParquetDownload.WriteAsync(table, metadata, s);
        }

        using var c = new DuckDBConnection("DataSource=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT unit_code, period, sex, age, citizenship, value, flags, synthetic FROM read_parquet($f)";
        cmd.Parameters.Add(new DuckDBParameter("f", file));
        using var r = cmd.ExecuteReader();
        var result = new Dictionary<string, Obs>();
        while (r.Read())
        {
            result[Key(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4))] =
                new Obs(r.IsDBNull(5) ? null : r.GetDouble(5), r.IsDBNull(6) ? "" : r.GetString(6), r.GetBoolean(7));
        }

        return result;
    }

    private static async Task<Dictionary<string, Obs>> FromJsonStat(string text)
    {
        var node = await Node(text);
        Assert.True(node.GetProperty("valid").GetBoolean(), string.Join("; ", node.GetProperty("problems").EnumerateArray().Select(p => p.GetString())));
        Assert.Empty(node.GetProperty("problems").EnumerateArray());
        using var doc = JsonDocument.Parse(text);
        var synthetic = doc.RootElement.GetProperty("extension").GetProperty("cells").GetProperty("synthetic").EnumerateArray().Select(e => e.GetInt64()).ToHashSet();
        var result = new Dictionary<string, Obs>();
        foreach (var cell in node.GetProperty("cells").EnumerateArray())
        {
            var co = cell.GetProperty("coordinates");
            string D(string d) => co.TryGetProperty(d, out var v) ? v.GetString()! : Dimension.Total;
            var value = cell.GetProperty("value");
            var status = cell.GetProperty("status");
            result[Key(D(JsonStatDownload.Territory), D(JsonStatDownload.Time), D(Dimension.Sex), D(Dimension.Age), D(Dimension.Citizenship))] =
                new Obs(value.ValueKind == JsonValueKind.Null ? null : value.GetDouble(), status.ValueKind == JsonValueKind.Null ? "" : status.GetString()!,
                    synthetic.Contains(cell.GetProperty("index").GetInt64()));
        }

        return result;
    }

    /// <summary>Runs tests/InLav.Tests/Downloads/read-jsonstat.cjs under node (ajv + jsonstat-toolkit from the repository's node_modules).</summary>
    private static async Task<JsonElement> Node(string jsonStat)
    {
        var folder = TestData.NewTempFolder("jsonstat");
        var input = Path.Combine(folder, "dataset.json");
        var output = Path.Combine(folder, "out.json");
        await File.WriteAllTextAsync(input, jsonStat);
        var root = InLav.Store.StoreOptions.FindHome(AppContext.BaseDirectory);
        var script = Path.Combine(root, "tests", "InLav.Tests", "Downloads", "read-jsonstat.cjs");
        var schemas = Path.Combine(Path.GetDirectoryName(TestData.Directory)!, "standards", "json-stat", "schemas", "vendored");
        var start = new ProcessStartInfo("node") { WorkingDirectory = root, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { script, input, schemas, output })
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, "node: " + error);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        return doc.RootElement.Clone();
    }

    private static Dictionary<string, int> Columns(List<string> header) => header.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

    private static string S(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    private static double? Num(string cell, char dec) =>
        cell.Length == 0 ? null : double.Parse(dec == '.' ? cell : cell.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>What a cell must read when it holds text a spreadsheet would run: the text behind an apostrophe (stated here, not taken from the writer).</summary>
    private static string Inert(string text)
    {
        var first = text.TrimStart(' ', '\t', '"');
        return text.StartsWith('\t') || text.StartsWith('\r') || text.StartsWith('\n') || (first.Length > 0 && first[0] is '=' or '+' or '-' or '@') ? "'" + text : text;
    }

    private static bool RunsAsFormula(string cell)
    {
        var first = cell.TrimStart(' ', '\t', '"');
        return (first.Length > 0 && first[0] is '=' or '+' or '@') || (first.StartsWith('-') && !double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && !double.TryParse(first.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
    }
}
