using System.Text.Json.Nodes;
using InLav.Store;

namespace InLav.Tests.Api;

/// <summary>
/// The lint of the checked-in OpenAPI document (docs/openapi/v1.json, kept equal to the live one by OpenApiTests):
/// the rules of the Italian interoperability guidelines (ModI REST) and of this repository, asserted one by one.
/// </summary>
public sealed class OpenApiLintTests
{
    private static readonly JsonNode Document = JsonNode.Parse(File.ReadAllText(Path.Combine(StoreOptions.FindHome(AppContext.BaseDirectory), "docs", "openapi", "v1.json")))!;

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        Document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => Methods.Contains(op.Key))
            .Select(op => (path.Key, op.Key, op.Value!.AsObject())));

    private static string? Text(JsonNode? node, string key) => node?[key] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    [Fact]
    public void The_document_is_openapi_3_with_a_title_a_description_and_the_version_v1()
    {
        Assert.StartsWith("3.", Text(Document, "openapi"), StringComparison.Ordinal);
        Assert.NotNull(Text(Document["info"], "title"));
        Assert.NotNull(Text(Document["info"], "description"));
        Assert.Equal("v1", Text(Document["info"], "version"));
    }

    [Fact]
    public void Every_path_carries_the_version()
    {
        Assert.NotEmpty(Operations());
        Assert.All(Operations(), o => Assert.StartsWith("/api/v1/", o.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_operation_has_a_summary_a_description_an_operation_id_and_tags()
    {
        var missing = Operations().SelectMany(o => new[] { "summary", "description", "operationId" }
                .Where(k => Text(o.Operation, k) is null).Select(k => $"{o.Method} {o.Path}: no {k}")
                .Concat(o.Operation["tags"] is JsonArray { Count: > 0 } ? [] : [$"{o.Method} {o.Path}: no tags"]))
            .ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Every_error_response_is_a_problem_in_application_problem_json()
    {
        var wrong = Operations()
            .SelectMany(o => (o.Operation["responses"]?.AsObject() ?? []).Where(r => r.Key[0] is '4' or '5')
                .Where(r => r.Value?["content"]?["application/problem+json"] is null)
                .Select(r => $"{o.Method} {o.Path} {r.Key}"))
            .ToList();
        Assert.True(wrong.Count == 0, "error responses not declared as application/problem+json:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_operation_with_parameters_declares_how_it_refuses_a_bad_value()
    {
        var silent = Operations()
            .Where(o => o.Operation["parameters"] is JsonArray { Count: > 0 })
            .Where(o => !(o.Operation["responses"]?.AsObject() ?? []).Any(r => r.Key[0] == '4'))
            .Select(o => $"{o.Method} {o.Path}")
            .ToList();
        Assert.True(silent.Count == 0, "operations with parameters and no 4xx problem declared:\n" + string.Join("\n", silent));
    }

    [Fact]
    public void Every_parameter_is_described_with_a_schema_and_an_example_when_it_has_a_format()
    {
        var wrong = new List<string>();
        foreach (var (path, method, operation) in Operations())
        {
            foreach (var p in operation["parameters"]?.AsArray() ?? [])
            {
                var name = $"{method} {path} {Text(p, "in")}:{Text(p, "name")}";
                if (Text(p, "description") is null)
                {
                    wrong.Add($"{name}: no description");
                }

                var schema = p!["schema"];
                if (schema is null)
                {
                    wrong.Add($"{name}: no schema");
                }
                else if (Text(schema, "format") is not null && p["example"] is null && p["examples"] is null && schema["example"] is null)
                {
                    wrong.Add($"{name}: format {Text(schema, "format")} without an example");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Every_component_is_used()
    {
        var components = Document["components"]?["schemas"]?.AsObject().Select(c => c.Key).ToList() ?? [];
        var text = Document.ToJsonString();
        var unused = components.Where(c => !text.Contains($"\"#/components/schemas/{c}\"", StringComparison.Ordinal)).ToList();
        Assert.True(unused.Count == 0, "unused components: " + string.Join(", ", unused));
    }

    [Fact]
    public void Operation_ids_are_unique_and_pascal_case()
    {
        var ids = Operations().Select(o => Text(o.Operation, "operationId") ?? "").ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[A-Z][A-Za-z0-9]+$", id));
    }
}
