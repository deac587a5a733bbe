using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using DuckDB.NET.Data;
using InLav.Core.Measures;
using InLav.Tests.Support;
using Xunit.Abstractions;

namespace InLav.Tests.Downloads;

/// <summary>
/// Issue 10 item 1 through the door: GET /api/v1/datasets/{measures|indicators}/{code} in every format, each read back over HTTP by
/// a reader independent of its writer (an RFC 4180 parser here, the workbook's XML, DuckDB for Parquet, ajv and jsonstat-toolkit
/// under node for JSON-stat), gives the values and flags of the values endpoint for the same selection; confidential cells have no
/// value in any format; unknown formats, layouts and filter values are 400 problems.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class Issue10DatasetApiTests(InLavAppFactory app, ITestOutputHelper output)
{
    private readonly HttpClient http = app.NewClient();

    private static readonly string[] Formats = ["csv", "csv-excel", "xlsx", "json", "parquet", "json-stat", "sdmx-csv", "zip"];

    /// <summary>Questions: kind, code, the selection's query string.</summary>
    public static TheoryData<string, string, string> Questions() => new()
    {
        { "indicators", "foreign_residents_share", "level=comune&period=all" },
        { "indicators", "population", "level=provincia&period=all&breakdown=sex" },
        { "indicators", "mean_taxable_income", "level=provincia&period=all" },
        { "measures", "residents_anpr", "level=provincia&period=all" },
    };

    private sealed record Obs(double? Value, string Flags);

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Issue10_every_format_of_a_dataset_gives_the_values_and_flags_of_the_values_endpoint(string kind, string code, string query)
    {
        var expected = await Expected(kind, code, query);
        Assert.NotEmpty(expected);
        foreach (var format in Formats)
        {
            var clock = Stopwatch.StartNew();
            var (bytes, response) = await Get($"/api/v1/datasets/{kind}/{code}?{query}&format={format}");
            var read = await ReadBack(format, bytes);
            output.WriteLine($"{kind}/{code}?{query}: {format} {bytes.Length} bytes, {read.Count} observations, fetched and read back in {clock.ElapsedMilliseconds} ms");
            Assert.Equal(MediaTypeOf(format), response.Content.Headers.ContentType!.MediaType);
            var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
            Assert.NotNull(name);
            Assert.StartsWith($"inlav_{code}_", name, StringComparison.Ordinal);
            Same(format == "json-stat" ? expected.Where(e => e.Value.Value is not null || e.Value.Flags.Length > 0).ToDictionary() : expected, read, format);
        }

        foreach (var format in new[] { "csv", "csv-excel", "xlsx" })
        {
            var (bytes, response) = await Get($"/api/v1/datasets/{kind}/{code}?{query}&format={format}&layout=wide");
            Assert.Contains("_wide", response.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
            Same(expected, Wide(format == "xlsx" ? XlsxRows(bytes) : Csv.Parse(Text(bytes, format), format == "csv-excel" ? ';' : ','), format == "csv-excel" ? ',' : '.'), format + " wide");
        }
    }

    [Fact]
    public async Task Issue10_a_confidential_cell_has_no_value_in_any_format_of_a_dataset()
    {
        const string Query = "level=comune&period=2011-10-09&breakdown=sex,age";
        var expected = await Expected("measures", "residents", Query);
        var confidential = expected.Where(e => e.Value.Flags.Split(' ').Contains(FactFlag.Confidential)).Select(e => e.Key).ToList();
        Assert.NotEmpty(confidential);
        Assert.All(confidential, k => Assert.Null(expected[k].Value));
        foreach (var format in Formats)
        {
            var (bytes, _) = await Get($"/api/v1/datasets/measures/residents?{Query}&format={format}");
            var read = await ReadBack(format, bytes);
            Assert.All(confidential, k =>
            {
                Assert.True(read.TryGetValue(k, out var o), $"{format}: {k} missing");
                Assert.Null(o!.Value);
                Assert.Contains(FactFlag.Confidential, o.Flags.Split(' '));
            });
        }

        // An indicator's confidential cells carry no numerator or denominator either (the JSON download has them as fields).
        var (json, _) = await Get("/api/v1/datasets/indicators/foreign_residents_share?level=comune&period=all&format=json");
        using var doc = JsonDocument.Parse(json);
        Assert.All(doc.RootElement.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("flags").EnumerateArray().Any(f => f.GetString() == FactFlag.Confidential)),
            r => Assert.True(r.GetProperty("value").ValueKind == JsonValueKind.Null && r.GetProperty("numerator").ValueKind == JsonValueKind.Null
                && r.GetProperty("denominator").ValueKind == JsonValueKind.Null));
    }

    [Theory]
    [InlineData("format=docx")]
    [InlineData("format=csv&layout=diagonal")]
    [InlineData("format=parquet&layout=wide")]
    [InlineData("format=csv&sex=Z")]
    [InlineData("format=csv&age=Y7-3")]
    public async Task Issue10_an_unknown_format_layout_or_filter_value_is_a_400_problem(string query)
    {
        foreach (var path in new[] { "/api/v1/datasets/indicators/population", "/api/v1/datasets/measures/residents" })
        {
            using var response = await http.GetAsync(new Uri($"{path}?level=provincia&{query}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        }
    }

    [Fact]
    public async Task Issue10_the_zip_bundle_holds_the_data_a_readme_and_the_metadata_with_sources_and_licence()
    {
        var (bytes, response) = await Get("/api/v1/datasets/indicators/population?level=provincia&period=all&format=zip");
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.Equal(["README.md", "data-wide.csv", "data.csv", "data.json-stat.json", "data.parquet", "data.sdmx.csv", "metadata.json"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var metadata = JsonDocument.Parse(Entry(zip, "metadata.json"));
        Assert.Equal("CC-BY-4.0", metadata.RootElement.GetProperty("licence").GetProperty("id").GetString());
        var sources = metadata.RootElement.GetProperty("sources").EnumerateArray().ToList();
        Assert.NotEmpty(sources);
        Assert.Contains(sources, s => s.GetProperty("importRuns").GetArrayLength() > 0);
        Assert.Contains("CC BY 4.0", Entry(zip, "README.md"), StringComparison.Ordinal);

        // The door answers the same file to the same question: computed once per publication.
        var selection = new InLav.Application.Selection { Level = "provincia", Periods = ["all"] };
        Assert.Same(app.Door.Dataset(InLav.Application.Caller.Public, "indicator", "population", selection, "zip", null),
            app.Door.Dataset(InLav.Application.Caller.Public, "indicator", "population", selection, "zip", "tidy"));
    }

    [Fact]
    public async Task Issue10_the_open_data_page_links_every_indicator_and_measure_in_every_format_with_link_texts_naming_format_and_dataset()
    {
        var page = await http.GetStringAsync(new Uri("/dati-aperti", UriKind.Relative));
        var links = System.Text.RegularExpressions.Regex.Matches(page, "<a href=\"(/api/v1/datasets/(indicators|measures)/([^?\"]+)\\?[^\"]*format=([a-z-]+))\"[^>]*>([^<]+)<span class=\"visually-hidden\">([^<]+)</span>")
            .Select(m => (Href: WebUtility.HtmlDecode(m.Groups[1].Value), Kind: m.Groups[2].Value, Code: m.Groups[3].Value, Format: m.Groups[4].Value, Text: m.Groups[5].Value + m.Groups[6].Value))
            .ToList();
        // Every API link of the page is one HTML decoding away from its URL (no "&amp;amp;" that would drop the format parameter).
        Assert.All(System.Text.RegularExpressions.Regex.Matches(page, "href=\"(/api/v1/[^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)),
            href => Assert.DoesNotContain("amp;", href, StringComparison.Ordinal));
        string[] pageFormats = ["csv", "csv-excel", "xlsx", "parquet", "json-stat", "sdmx-csv", "zip"];
        foreach (var d in app.Door.IndicatorCatalogue.Indicators)
        {
            Assert.Equal(pageFormats, links.Where(l => l.Kind == "indicators" && l.Code == d.Code).Select(l => l.Format));
        }

        foreach (var m in app.Door.MeasureDefinitions)
        {
            Assert.Equal(pageFormats, links.Where(l => l.Kind == "measures" && l.Code == m.Id).Select(l => l.Format));
        }

        // Each link's text says the format and the dataset (its title), in Italian by default.
        var population = links.Where(l => l.Code == "population").ToList();
        Assert.All(population, l => Assert.Contains(WebUtility.HtmlEncode("Popolazione residente"), l.Text, StringComparison.Ordinal));
        Assert.Contains(population, l => l.Text.StartsWith("CSV Excel", StringComparison.Ordinal));
        foreach (var l in population.Concat(links.Where(l => l.Kind == "measures" && l.Code == "residents_anpr")))
        {
            var (_, response) = await Get(l.Href);
            Assert.True(MediaTypeOf(l.Format) == response.Content.Headers.ContentType!.MediaType, $"{l.Href}: {response.Content.Headers.ContentType}");
        }
    }

    // ---- The expected answer: the values endpoint (indicators) or the query endpoint (measures), as JSON.

    private async Task<Dictionary<string, Obs>> Expected(string kind, string code, string query)
    {
        var path = kind == "indicators" ? $"/api/v1/indicators/{code}/values?{query}" : $"/api/v1/query?measure={code}&{query}";
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative)));
        return doc.RootElement.GetProperty("rows").EnumerateArray().ToDictionary(
            r => Key(S(r, "unitCode"), S(r, "period"), S(r, "sex"), S(r, "age"), S(r, "citizenship")),
            r => new Obs(r.GetProperty("value").ValueKind == JsonValueKind.Number ? r.GetProperty("value").GetDouble() : null,
                Flags(r.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!), r.TryGetProperty("synthetic", out var x) && x.GetBoolean())));
    }

    /// <summary>Flags as one sorted, space-separated text; a synthetic row carries x (every download marks it so).</summary>
    private static string Flags(IEnumerable<string> flags, bool synthetic = false) =>
        string.Join(' ', flags.Concat(synthetic ? new[] { FactFlag.Synthetic } : Array.Empty<string>()).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private async Task<(byte[] Bytes, HttpResponseMessage Response)> Get(string path)
    {
        var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        return (bytes, response);
    }

    private static string MediaTypeOf(string format) => format switch
    {
        "csv" or "csv-excel" => "text/csv",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "json" or "json-stat" => "application/json",
        "parquet" => "application/vnd.apache.parquet",
        "sdmx-csv" => "application/vnd.sdmx.data+csv",
        "zip" => "application/zip",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static string Key(string unit, string period, string sex, string age, string citizenship) => $"{unit}|{period}|{sex}|{age}|{citizenship}";

    private static void Same(Dictionary<string, Obs> expected, Dictionary<string, Obs> read, string format)
    {
        Assert.True(expected.Count == read.Count, $"{format}: {read.Count} observations, expected {expected.Count}");
        foreach (var (k, e) in expected)
        {
            Assert.True(read.TryGetValue(k, out var o), $"{format}: {k} missing");
            Assert.True(e.Value == o!.Value && e.Flags == o.Flags, $"{format}: {k} is {o.Value} [{o.Flags}], expected {e.Value} [{e.Flags}]");
        }
    }

    // ---- Reading each format back, independently of its writer.

    private static async Task<Dictionary<string, Obs>> ReadBack(string format, byte[] bytes)
    {
        switch (format)
        {
            case "csv":
                return Tidy(Csv.Parse(Text(bytes, format), ','), '.');
            case "csv-excel":
                Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
                return Tidy(Csv.Parse(Text(bytes, format), ';'), ',');
            case "xlsx":
                return Tidy(XlsxRows(bytes), '.');
            case "json":
                using (var doc = JsonDocument.Parse(bytes))
                {
                    return doc.RootElement.GetProperty("rows").EnumerateArray().ToDictionary(
                        r => Key(S(r, "unitCode"), S(r, "period"), S(r, "sex"), S(r, "age"), S(r, "citizenship")),
                        r => new Obs(r.GetProperty("value").ValueKind == JsonValueKind.Null ? null : r.GetProperty("value").GetDouble(),
                            Flags(r.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!))));
                }

            case "parquet":
                return FromParquet(bytes);
            case "json-stat":
                return await FromJsonStat(bytes);
            case "sdmx-csv":
                var rows = Csv.Parse(Text(bytes, format), ',');
                var h = Columns(rows[0]);
                Assert.Equal("DATAFLOW", rows[0][0]);
                return rows.Skip(1).ToDictionary(r => Key(r[h["REF_AREA"]], r[h["TIME_PERIOD"]], r[h["SEX"]], r[h["AGE"]], r[h["CITIZENSHIP"]]),
                    r => new Obs(Num(r[h["OBS_VALUE"]], '.'), Flags(r[h["OBS_FLAGS"]].Split(' '))));
            case "zip":
                using (var zip = new ZipArchive(new MemoryStream(bytes)))
                {
                    Assert.Contains(zip.Entries, e => e.FullName == "README.md");
                    return Tidy(Csv.Parse(Entry(zip, "data.csv"), ','), '.');
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    private static string Text(byte[] bytes, string format)
    {
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        Assert.True(bom == (format == "csv-excel"), $"{format}: BOM {bom}");
        return new UTF8Encoding(false).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
    }

    private static string Entry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Dictionary<string, Obs> Tidy(List<List<string>> rows, char dec)
    {
        var h = Columns(rows[0]);
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
        return rows.Skip(1).ToDictionary(r => Key(r[h["unit_code"]], r[h["period"]], r[h["sex"]], r[h["age"]], r[h["citizenship"]]),
            r => new Obs(Num(r[h["value"]], dec), Flags(r[h["flags"]].Split(' '))));
    }

    private static Dictionary<string, Obs> Wide(List<List<string>> rows, char dec)
    {
        var h = Columns(rows[0]);
        var periods = rows[0].Where(c => c != "unit_code" && c != "unit_name" && c != "synthetic" && !Dimension.All.Contains(c) && !c.EndsWith(" flags", StringComparison.Ordinal)).ToList();
        var result = new Dictionary<string, Obs>();
        foreach (var r in rows.Skip(1))
        {
            Assert.Equal(rows[0].Count, r.Count);
            string D(string d) => h.TryGetValue(d, out var i) ? r[i] : Dimension.Total;
            foreach (var p in periods)
            {
                var value = Num(r[h[p]], dec);
                var flags = Flags(r[h[p + " flags"]].Split(' '));
                if (value is not null || flags.Length > 0)
                {
                    result[Key(r[h["unit_code"]], p, D(Dimension.Sex), D(Dimension.Age), D(Dimension.Citizenship))] = new Obs(value, flags);
                }
            }
        }

        return result;
    }

    /// <summary>The first sheet of a workbook as text rows, read from its XML (inline strings and numbers), padded to the header's width.</summary>
    private static List<List<string>> XlsxRows(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheet = XDocument.Parse(Entry(zip, "xl/worksheets/sheet1.xml"));
        var rows = new List<List<string>>();
        foreach (var row in sheet.Descendants(ns + "row"))
        {
            var cells = new List<string>();
            foreach (var c in row.Elements(ns + "c"))
            {
                var column = 0;
                foreach (var ch in ((string)c.Attribute("r")!).TakeWhile(char.IsAsciiLetter))
                {
                    column = (column * 26) + (ch - 'A' + 1);
                }

                while (cells.Count < column - 1)
                {
                    cells.Add("");
                }

                cells.Add((string?)c.Attribute("t") == "inlineStr" ? string.Concat(c.Descendants(ns + "t").Select(t => t.Value)) : c.Element(ns + "v")?.Value ?? "");
            }

            rows.Add(cells);
        }

        foreach (var r in rows)
        {
            while (r.Count < rows[0].Count)
            {
                r.Add("");
            }
        }

        return rows;
    }

    private static Dictionary<string, Obs> FromParquet(byte[] bytes)
    {
        var file = Path.Combine(TestData.NewTempFolder("dataset-parquet"), "data.parquet");
        File.WriteAllBytes(file, bytes);
        using var c = new DuckDBConnection("DataSource=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT unit_code, period, sex, age, citizenship, value, flags FROM read_parquet($f)";
        cmd.Parameters.Add(new DuckDBParameter("f", file));
        using var r = cmd.ExecuteReader();
        var result = new Dictionary<string, Obs>();
        while (r.Read())
        {
            result[Key(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4))] =
                new Obs(r.IsDBNull(5) ? null : r.GetDouble(5), Flags((r.IsDBNull(6) ? "" : r.GetString(6)).Split(' ')));
        }

        return result;
    }

    /// <summary>Every cell of a JSON-stat file as read by jsonstat-toolkit after ajv checked it against the JSON-stat 2.0 schema (tests/InLav.Tests/Downloads/read-jsonstat.cjs).</summary>
    private static async Task<Dictionary<string, Obs>> FromJsonStat(byte[] bytes)
    {
        var folder = TestData.NewTempFolder("dataset-jsonstat");
        var input = Path.Combine(folder, "dataset.json");
        var outputFile = Path.Combine(folder, "out.json");
        await File.WriteAllBytesAsync(input, bytes);
        var root = InLav.Store.StoreOptions.FindHome(AppContext.BaseDirectory);
        var start = new ProcessStartInfo("node") { WorkingDirectory = root, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(root, "tests", "InLav.Tests", "Downloads", "read-jsonstat.cjs"), input,
            Path.Combine(Path.GetDirectoryName(TestData.Directory)!, "standards", "json-stat", "schemas", "vendored"), outputFile })
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, "node: " + error);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(outputFile));
        var node = doc.RootElement;
        Assert.True(node.GetProperty("valid").GetBoolean(), string.Join("; ", node.GetProperty("problems").EnumerateArray().Select(x => x.GetString())));
        Assert.Empty(node.GetProperty("problems").EnumerateArray());
        var result = new Dictionary<string, Obs>();
        foreach (var cell in node.GetProperty("cells").EnumerateArray())
        {
            var co = cell.GetProperty("coordinates");
            string D(string d) => co.TryGetProperty(d, out var v) ? v.GetString()! : Dimension.Total;
            var value = cell.GetProperty("value");
            var status = cell.GetProperty("status");
            result[Key(D("territory"), D("time"), D(Dimension.Sex), D(Dimension.Age), D(Dimension.Citizenship))] =
                new Obs(value.ValueKind == JsonValueKind.Null ? null : value.GetDouble(), Flags((status.ValueKind == JsonValueKind.Null ? "" : status.GetString()!).Split(' ')));
        }

        return result;
    }

    private static Dictionary<string, int> Columns(List<string> header) => header.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

    private static string S(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    private static double? Num(string cell, char dec) =>
        cell.Length == 0 ? null : double.Parse(dec == '.' ? cell : cell.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture);
}
