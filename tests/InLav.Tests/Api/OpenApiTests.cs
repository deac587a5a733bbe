using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using InLav.Store;
using InLav.Tests.Support;

namespace InLav.Tests.Api;

/// <summary>The API contract is checked in (docs/openapi/v1.json) so that API changes show in diffs, and linted.</summary>
[Collection(WebAppCollection.Name)]
public sealed class OpenApiTests(InLavAppFactory app)
{
    private static readonly string CheckedIn = Path.Combine(StoreOptions.FindHome(AppContext.BaseDirectory), "docs", "openapi", "v1.json");

    [Fact]
    public async Task The_live_openapi_document_equals_the_checked_in_one()
    {
        var live = Normalise(JsonNode.Parse(await FetchAsync())!);
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CheckedIn)!);
            await File.WriteAllTextAsync(CheckedIn, live);
            return;
        }

        Assert.True(File.Exists(CheckedIn), $"{CheckedIn} is missing: run with UPDATE_OPENAPI=1 to refresh docs/openapi/v1.json");
        var stored = Normalise(JsonNode.Parse(await File.ReadAllTextAsync(CheckedIn))!);
        Assert.True(stored == live, "The live OpenAPI document differs from the checked-in one: run with UPDATE_OPENAPI=1 to refresh docs/openapi/v1.json");
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_a_unique_operation_id_under_api_v1()
    {
        var doc = JsonNode.Parse(await FetchAsync())!;
        var operations = doc["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key, Operation: op.Value!)))
            .ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, o =>
        {
            Assert.StartsWith("/api/v1/", o.Path, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>()), $"{o.Method} {o.Path} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(o.Operation["operationId"]?.GetValue<string>()), $"{o.Method} {o.Path} has no operationId");
        });
        var ids = operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    private async Task<string> FetchAsync()
    {
        using var client = app.NewClient();
        return await client.GetStringAsync("/openapi/v1.json");
    }

    /// <summary>Object keys sorted, indented, without the server addresses (the test server's port changes every run).</summary>
    private static string Normalise(JsonNode document)
    {
        document.AsObject().Remove("servers");
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return Sorted(document)!.ToJsonString(options).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}
