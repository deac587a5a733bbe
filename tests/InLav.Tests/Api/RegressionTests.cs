using System.Net;
using System.Text.Json;
using InLav.Tests.Support;

namespace InLav.Tests.Api;

/// <summary>Bugs of the REST API found in issue 9, one test each.</summary>
[Collection(WebAppCollection.Name)]
public sealed class RegressionTests(InLavAppFactory app)
{
    /// <summary>
    /// A correlation over a level of one unit has undefined statistics (NaN): the JSON writer refused them and the answer
    /// was a 400 "Bad request" for a well-formed question. It is a 200 with nulls and the note saying why.
    /// </summary>
    [Fact]
    public async Task Issue9_a_correlation_with_too_few_units_is_a_200_with_null_statistics_and_a_note_not_a_400()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync("/api/v1/analysis/correlation?x=mean_taxable_income&y=low_income_share&level=regione");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("n").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("pearson").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("spearman").ValueKind);
        Assert.Contains("Fewer than 3 units with both values: no correlation.", root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
    }

    [Theory]
    [InlineData("/api/v1/analysis/correlation?x=mean_taxable_income&y=low_income_share&level=nowhere")]
    [InlineData("/api/v1/analysis/correlation?x=no_such_indicator&y=low_income_share&level=provincia")]
    [InlineData("/api/v1/indicators/mean_taxable_income/values?level=provincia&sex=X")]
    [InlineData("/api/v1/query?measure=residents_anpr&level=provincia&citizenship=XX")]
    [InlineData("/api/v1/query?measure=residents_anpr&level=provincia&period=1900-13")]
    public async Task Issue9_an_unknown_value_is_a_4xx_problem_naming_it(string path)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
