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
    [Theory]
    [InlineData("/api/v1/query?measure=residents&period=2011-10-09&sex=X", "T, M, F")]
    [InlineData("/api/v1/query?measure=residents&period=2011-10-09&age=foo", "Y{from}-{to}")]
    [InlineData("/api/v1/query?measure=residents&period=2011-10-09&citizenship=ZZ", "T, ITA, FOR")]
    [InlineData("/api/v1/indicators/population/values?sex=X", "T, M, F")]
    [InlineData("/api/v1/indicators/population/values?age=foo&format=csv", "Y{from}-{to}")]
    [InlineData("/api/v1/indicators/foreign_residents_share/values?citizenship=ZZ", "T, ITA, FOR")]
    [InlineData("/api/v1/explorer/download?indicator=population&level=provincia&sex=X", "T, M, F")]
    [InlineData("/api/v1/explorer/download?indicator=population&level=provincia&age=foo", "Y{from}-{to}")]
    public async Task Issue7_an_unknown_filter_value_is_a_400_naming_the_allowed_values_on_every_endpoint_that_takes_filters(string url, string allowed)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(url);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest, "Unknown filter value");
        Assert.Contains(allowed, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue7_an_age_range_is_answered_from_the_bands_that_tile_it_and_an_untileable_one_is_a_400_naming_the_bands()
    {
        using var client = app.NewClient();
        var body = await client.GetStringAsync("/api/v1/query?measure=residents&level=provincia&period=2011-10-09&age=Y15-64");

        var expected = app.Store.Query.Run(new QueryRequest("residents", "provincia", Periods: ["2011-10-09"], Filters: new Dictionary<string, string> { ["age"] = "Y15-64" }));
        Assert.Equal(12, expected.Rows.Count);
        Assert.All(expected.Rows, r => Assert.Equal("Y15-64", r.Age));
        Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(expected, Json), JsonNode.Parse(body)), body[..Math.Min(body.Length, 500)]);

        using var refused = await client.GetAsync("/api/v1/query?measure=residents&level=provincia&period=2011-10-09&age=Y18-64");
        var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "Age range not available");
        Assert.Contains("Y15-19", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue7_values_filtered_by_sex_are_labelled_with_the_filter_in_the_rest_json_the_csv_and_the_explorer_download()
    {
        using var client = app.NewClient();
        var json = JsonNode.Parse(await client.GetStringAsync("/api/v1/indicators/population/values?level=provincia&sex=F"))!;
        var rows = json["rows"]!.AsArray();
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Equal("F", r!["sex"]!.GetValue<string>()));

        foreach (var url in new[] { "/api/v1/indicators/population/values?level=provincia&sex=F&format=csv", "/api/v1/explorer/download?indicator=population&level=provincia&sex=F" })
        {
            var csv = (await client.GetStringAsync(url)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var sex = Array.IndexOf(csv[0].Split(','), "sex");
            Assert.True(csv.Length > 12, url);
            Assert.All(csv.Skip(1), line => Assert.Equal("F", line.Split(',')[sex]));
        }
    }
}
