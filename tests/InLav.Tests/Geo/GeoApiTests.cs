using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using InLav.Tests.Support;

namespace InLav.Tests.Geo;

[Collection(WebAppCollection.Name)]
public sealed class GeoApiTests(InLavAppFactory app)
{
    [Fact]
    public async Task The_provinces_are_an_RFC_7946_FeatureCollection_with_code_name_and_level()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(new Uri("/api/v1/geo/provincia?configuration=latest", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(12, features.Count);
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("code").GetString() == "215");
        foreach (var f in features)
        {
            Assert.Equal("provincia", f.GetProperty("properties").GetProperty("level").GetString());
            Assert.False(string.IsNullOrEmpty(f.GetProperty("properties").GetProperty("name").GetString()));
            var geometry = f.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "Polygon"
                ? [geometry.GetProperty("coordinates")]
                : geometry.GetProperty("coordinates").EnumerateArray().ToList();
            foreach (var polygon in polygons)
            {
                var rings = polygon.EnumerateArray().ToList();
                Assert.True(SignedArea(rings[0]) > 0, "shells are counter-clockwise");
                Assert.All(rings.Skip(1), h => Assert.True(SignedArea(h) < 0, "holes are clockwise"));
                Assert.All(rings[0].EnumerateArray(), p => Assert.True(p[0].GetRawText().Length <= 8, p[0].GetRawText()));
            }
        }
    }

    [Fact]
    public async Task The_geometry_has_a_strong_ETag_answers_304_and_is_sent_compressed()
    {
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        var uri = new Uri("/api/v1/geo/comune", UriKind.Relative);
        using var plain = await client.GetAsync(uri);
        var etag = plain.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Contains("max-age", plain.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var raw = (await plain.Content.ReadAsByteArrayAsync()).Length;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, uri);
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var gzipped = new HttpRequestMessage(HttpMethod.Get, uri);
        gzipped.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var compressed = await client.SendAsync(gzipped);
        Assert.Equal("gzip", compressed.Content.Headers.ContentEncoding.Single());
        var size = (await compressed.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(size < 600 * 1024, FormattableString.Invariant($"the comune layer is {size:N0} bytes gzipped"));
        Assert.True(size < raw / 3);
    }

    [Fact]
    public async Task An_unknown_level_is_a_404_problem()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync(new Uri("/api/v1/geo/nowhere", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static double SignedArea(JsonElement ring)
    {
        var points = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        var sum = 0.0;
        for (var i = 0; i + 1 < points.Count; i++)
        {
            sum += (points[i].X * points[i + 1].Y) - (points[i + 1].X * points[i].Y);
        }

        return sum / 2;
    }
}
