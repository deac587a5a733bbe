using System.Text.Json;
using InLav.Tests.Support;

namespace InLav.Tests.Api;

public sealed class GeoApiTests(InLavAppFactory app) : IClassFixture<InLavAppFactory>
{
    [Theory]
    [InlineData("comune")]
    [InlineData("provincia")]
    public async Task A_level_is_served_as_a_geojson_feature_collection_of_its_published_boundaries(string level)
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync($"/api/v1/geo/{level}");

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        var expected = app.Store.Reader.Boundaries(level).Select(b => b.Code).Distinct(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, features.Select(f => f.GetProperty("properties").GetProperty("code").GetString()));
        Assert.All(features, f =>
        {
            Assert.Equal("Feature", f.GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.Object, f.GetProperty("geometry").ValueKind);
        });
    }
}
