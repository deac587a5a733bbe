using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InLav.Tests.Support;

namespace InLav.Tests.Api;

/// <summary>Long lists are paginated with limit/offset, a total and Link headers; the default page keeps existing clients whole.</summary>
[Collection(WebAppCollection.Name)]
public sealed class PagingTests(InLavAppFactory app)
{
    [Fact]
    public async Task Issue9_the_units_of_a_level_come_in_pages_that_add_up_to_the_whole_list()
    {
        using var client = app.NewClient();
        using var whole = await client.GetAsync("/api/v1/levels/comune/units");
        var all = await whole.Content.ReadFromJsonAsync<List<JsonElement>>();
        Assert.NotNull(all);
        Assert.Equal(all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(whole.Headers.GetValues("X-Total-Count")));
        Assert.False(whole.Headers.Contains("Link"), "the default page holds every comune");

        var codes = new List<string>();
        var next = "/api/v1/levels/comune/units?limit=500";
        while (next is not null)
        {
            using var page = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var items = (await page.Content.ReadFromJsonAsync<List<JsonElement>>())!;
            Assert.InRange(items.Count, 1, 500);
            codes.AddRange(items.Select(i => i.GetProperty("code").GetString()!));
            next = page.Headers.TryGetValues("Link", out var links)
                ? links.SelectMany(l => l.Split(',')).Where(l => l.Contains("rel=\"next\"", StringComparison.Ordinal)).Select(l => l.Trim()[1..l.Trim().IndexOf('>', StringComparison.Ordinal)]).SingleOrDefault()
                : null;
        }

        Assert.Equal(all.Select(u => u.GetProperty("code").GetString()), codes);
    }

    [Theory]
    [InlineData("/api/v1/levels/comune/units?limit=0")]
    [InlineData("/api/v1/levels/comune/units?offset=-1")]
    [InlineData("/api/v1/import-runs?limit=20000")]
    public async Task Issue9_a_limit_or_offset_out_of_range_is_a_400_problem(string path)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Issue9_the_import_runs_say_their_total_and_link_the_next_page()
    {
        using var client = app.NewClient();
        using var first = await client.GetAsync("/api/v1/import-runs?limit=2");
        var total = int.Parse(Assert.Single(first.Headers.GetValues("X-Total-Count")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 2, $"the test host imports more than two sources ({total} runs)");
        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<List<JsonElement>>())!.Count);
        Assert.Contains("limit=2&offset=2>; rel=\"next\"", Assert.Single(first.Headers.GetValues("Link")), StringComparison.Ordinal);
    }
}
