using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using InLav.Core.Query;
using InLav.Store.Export;
using InLav.Tests.Support;

namespace InLav.Tests.Api;

[Collection(WebAppCollection.Name)]
public sealed class QueryApiTests(InLavAppFactory app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Measures_list_the_catalogue_with_the_published_periods()
    {
        using var client = app.NewClient();
        var measures = (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/measures", Json))!;

        Assert.Equal(app.Store.Catalogue.Measures.Select(m => m.Id), measures.Select(m => m.GetProperty("id").GetString()));
        var anpr = measures.Single(m => m.GetProperty("id").GetString() == "residents_anpr");
        Assert.Equal(app.Store.Reader.Periods("residents_anpr"), anpr.GetProperty("periods").EnumerateArray().Select(p => p.GetString()));
        Assert.NotEmpty(anpr.GetProperty("periods").EnumerateArray());
    }

    [Theory]
    [InlineData("comune", "latest")]
    [InlineData("provincia", "all")]
    [InlineData("regione", "2025-01")]
    public async Task The_json_answer_equals_the_query_service_answer_to_the_same_request(string level, string period)
    {
        using var client = app.NewClient();
        var body = await client.GetStringAsync($"/api/v1/query?measure=residents_anpr&level={level}&period={period}");

        var expected = app.Store.Query.Run(new QueryRequest("residents_anpr", level, Periods: [period]));
        Assert.NotEmpty(expected.Rows);
        Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(expected, Json), JsonNode.Parse(body)), body[..Math.Min(body.Length, 500)]);
    }

    [Fact]
    public async Task The_csv_answer_equals_the_shared_csv_writer_over_the_query_service_answer()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync("/api/v1/query?measure=residents_anpr&level=provincia&period=2025-01,2026-01&format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var expected = QueryCsv.ToCsv(app.Store.Query.Run(new QueryRequest("residents_anpr", "provincia", Periods: ["2025-01", "2026-01"])));
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal(1 + 12 * 2, expected.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("measure=no_such_measure", "Unknown measure")]
    [InlineData("measure=residents_anpr&level=nowhere", "Unknown level")]
    [InlineData("measure=residents_anpr&period=1900-01", "Unknown period")]
    [InlineData("measure=residents_anpr&breakdown=colour", "Unknown dimension")]
    public async Task A_question_that_cannot_be_answered_is_a_400_problem(string query, string title)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync($"/api/v1/query?{query}");

        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, title);
    }
}
