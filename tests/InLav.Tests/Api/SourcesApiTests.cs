using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using InLav.Sources.Catalogue;
using InLav.Tests.Support;

namespace InLav.Tests.Api;

[Collection(WebAppCollection.Name)]
public sealed class SourcesApiTests(InLavAppFactory app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Sources_list_every_catalogue_entry_and_the_published_run_of_the_imported_ones()
    {
        using var client = app.NewClient();
        var sources = (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/sources", Json))!;

        Assert.Equal(app.Store.Catalogue.Sources.Select(s => s.Id), sources.Select(s => s.GetProperty("id").GetString()));
        var residents = sources.Single(s => s.GetProperty("id").GetString() == "anpr-residenti");
        Assert.Equal(JsonValueKind.Number, residents.GetProperty("publishedRun").ValueKind);
    }

    [Fact]
    public async Task Import_runs_record_each_files_size_and_sha256_and_the_rows_loaded()
    {
        using var client = app.NewClient();
        var runs = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/import-runs?source=anpr-residenti", Json);

        var run = runs!.Single(r => r.GetProperty("isPublished").GetBoolean());
        Assert.Matches("^[0-9a-f]{64}$", run.GetProperty("sha256").GetString());
        Assert.True(run.GetProperty("rowsLoaded").GetInt64() > 5_000);
        Assert.Equal(0, run.GetProperty("rowsRejected").GetInt64());
        var files = run.GetProperty("files").EnumerateArray().ToList();
        var real = SourceCatalogue.LocateFiles(app.Store.Catalogue.Find("anpr-residenti")!, TestData.Directory);
        Assert.Equal(real.Count, files.Count);
        foreach (var path in real)
        {
            var file = files.Single(f => f.GetProperty("fileName").GetString() == Path.GetFileName(path));
            Assert.Equal(new FileInfo(path).Length, file.GetProperty("sizeBytes").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), file.GetProperty("sha256").GetString());
        }

        Assert.Equal(real.Sum(p => new FileInfo(p).Length), run.GetProperty("totalBytes").GetInt64());
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/v1/import-runs/{run.GetProperty("runId").GetInt64()}", Json);
        Assert.Equal(run.GetProperty("sha256").GetString(), one.GetProperty("sha256").GetString());
    }
}
