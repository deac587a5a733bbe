using System.Net;
using System.Text.Json;
using InLav.Tests.Support;

namespace InLav.Tests.Api;

/// <summary>ModI REST conventions: HEAD where GET is, CORS for public reads, rate limit per client, status as a problem when unhealthy.</summary>
[Collection(WebAppCollection.Name)]
public sealed class RestConventionsTests(InLavAppFactory app)
{
    [Theory]
    [InlineData("/api/v1/indicators")]
    [InlineData("/api/v1/query?measure=residents_anpr&level=provincia&period=2026-01")]
    [InlineData("/api/v1/geo/provincia")]
    [InlineData("/esplora")]
    public async Task Issue9_head_answers_like_get_without_a_body(string path)
    {
        using var client = app.NewClient();
        using var get = await client.GetAsync(path);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Issue9_public_reads_are_open_to_any_origin_without_credentials_and_writes_are_not()
    {
        using var client = app.NewClient();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/indicators");
        get.Headers.Add("Origin", "https://example.org");
        using var answer = await client.SendAsync(get);
        Assert.Equal("*", Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Contains("ETag", answer.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/indicators");
        preflight.Headers.Add("Origin", "https://example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var allowed = await client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Contains("GET", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);

        using var write = new HttpRequestMessage(HttpMethod.Options, "/api/v1/admin/import");
        write.Headers.Add("Origin", "https://example.org");
        write.Headers.Add("Access-Control-Request-Method", "POST");
        using var refused = await client.SendAsync(write);
        // The browser refuses the write: POST is not among the allowed methods.
        Assert.DoesNotContain("POST", refused.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) ? string.Join(',', methods) : "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue9_every_answer_says_the_rate_limit_and_what_is_left_of_the_window()
    {
        using var client = app.NewClient();
        using var first = await client.GetAsync("/api/v1/indicators");
        using var second = await client.GetAsync("/api/v1/indicators");
        Assert.Equal("100000", Header(first, "X-RateLimit-Limit"));
        Assert.True(long.Parse(Header(second, "X-RateLimit-Remaining"), System.Globalization.CultureInfo.InvariantCulture) < 100_000);
        var reset = long.Parse(Header(second, "X-RateLimit-Reset"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(reset, 1, 10);
    }

    [Fact]
    public async Task Issue9_a_client_over_its_limit_gets_429_with_retry_after_as_a_problem()
    {
        using var store = new TempStore([]);
        using var host = new SmallHost(store.DataDirectory, store.Folder, new Dictionary<string, string>
        {
            ["InLav:RateLimit:PermitLimit"] = "3",
            ["InLav:RateLimit:WindowSeconds"] = "60",
            ["InLav:ImportOnStart"] = "false",
        });
        using var client = host.CreateClient();
        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync("/api/v1/indicators");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            remaining.Add(Header(ok, "X-RateLimit-Remaining"));
        }

        Assert.Equal(["2", "1", "0"], remaining);
        using var refused = await client.GetAsync("/api/v1/indicators");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var after = refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        Assert.InRange(after.TotalSeconds, 1, 60);
        Assert.Equal("0", Header(refused, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Issue9_status_is_a_503_problem_while_the_start_up_import_runs_and_200_after()
    {
        using var store = new TempStore([.. TempStore.RegistryFiles, "popolazione/ANPR_popolazione_residente_2026_Lombardia.csv"]);
        using var host = new SmallHost(store.DataDirectory, store.Folder);
        using var early = host.CreateClientNow();
        using var during = await early.GetAsync("/api/v1/status");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await during.Content.ReadAsStringAsync()))
        {
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            Assert.False(problem.RootElement.GetProperty("startupImportDone").GetBoolean());
        }

        using var client = host.CreateClient();
        using var after = await client.GetAsync("/api/v1/status");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("no-store", after.Headers.CacheControl?.ToString());
    }

    private static string Header(HttpResponseMessage response, string name) => Assert.Single(response.Headers.GetValues(name));
}
