using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using InLav.Store.Imports;
using InLav.Tests.Support;
using InLav.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InLav.Tests.Api;

/// <summary>ETag and Cache-Control on public GETs, 304 on If-None-Match, validators that follow the publications.</summary>
[Collection(WebAppCollection.Name)]
public sealed class AnswerCachingTests(InLavAppFactory app)
{
    private const string Anpr2026 = "popolazione/ANPR_popolazione_residente_2026_Lombardia.csv";
    private const string RegionQuestion = "/api/v1/query?measure=residents_anpr&level=regione&period=2026-01";

    [Theory]
    [InlineData("/api/v1/query?measure=residents_anpr&level=provincia&period=2026-01")]
    [InlineData("/api/v1/indicators")]
    [InlineData("/api/v1/territories/comune/015146")]
    [InlineData("/api/v1/import-runs")]
    [InlineData("/esplora")]
    [InlineData("/?lang=en")]
    public async Task Issue9_a_public_get_carries_an_etag_and_answers_304_with_no_body_to_if_none_match(string path)
    {
        using var client = app.NewClient();
        using var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.True(first.Headers.CacheControl?.NoCache, $"{path}: Cache-Control is '{first.Headers.CacheControl}'");

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(tag);
        using var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(tag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Issue9_another_query_string_or_language_of_a_page_has_another_etag()
    {
        using var client = app.NewClient();
        var tags = new List<string>();
        foreach (var path in new[] { "/esplora", "/esplora?lang=en", "/esplora?livello=provincia", RegionQuestion, RegionQuestion + "&format=csv" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            tags.Add(response.Headers.ETag!.Tag);
        }

        Assert.Equal(tags.Count, tags.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Issue9_status_and_unsuccessful_answers_are_not_tagged()
    {
        using var client = app.NewClient();
        using var status = await client.GetAsync("/api/v1/status");
        Assert.Null(status.Headers.ETag);
        Assert.True(status.Headers.CacheControl?.NoStore);
        using var unknown = await client.GetAsync("/api/v1/query?measure=residents_anpr&level=regione&sex=X");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Null(unknown.Headers.ETag);
    }

    [Fact]
    public async Task Issue9_a_publication_changes_the_etag_and_the_answer_and_the_old_tag_gets_the_new_answer()
    {
        using var store = new TempStore([.. TempStore.RegistryFiles, Anpr2026]);
        using var host = new SmallHost(store.DataDirectory, store.Folder);
        using var client = host.CreateClient();

        using var before = await client.GetAsync(RegionQuestion);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var oldTag = before.Headers.ETag!;
        Assert.Equal(10_148_233, await RegionValue(before));

        // A new version of the file (every comune one resident more), imported by the server's own import service.
        var lines = File.ReadAllLines(store.PathOf(Anpr2026));
        File.WriteAllLines(store.PathOf(Anpr2026), lines.Take(1).Concat(lines.Skip(1).Select(l =>
        {
            var f = l.Split(',');
            f[6] = (long.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return string.Join(',', f);
        })));
        var imports = host.Services.GetRequiredService<ImportService>();
        var outcomes = await imports.ImportAllAsync(["anpr-residenti"], "tests", null, CancellationToken.None);
        Assert.Equal(RunOutcome.Published, Assert.Single(outcomes).Outcome);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, RegionQuestion);
        revalidate.Headers.IfNoneMatch.Add(oldTag);
        using var after = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(oldTag, after.Headers.ETag);
        Assert.Equal(10_148_233 + 1502, await RegionValue(after));

        // A rollback is a publication too.
        ImportRuns.Rollback(host.Store, "anpr-residenti");
        using var revalidateAgain = new HttpRequestMessage(HttpMethod.Get, RegionQuestion);
        revalidateAgain.Headers.IfNoneMatch.Add(after.Headers.ETag!);
        using var rolledBack = await client.SendAsync(revalidateAgain);
        Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        Assert.Equal(10_148_233, await RegionValue(rolledBack));
    }

    [Fact]
    public async Task Issue9_questions_during_a_publication_get_the_old_answer_or_a_304_for_it_and_never_a_304_afterwards()
    {
        using var store = new TempStore([.. TempStore.RegistryFiles, Anpr2026]);
        using var host = new SmallHost(store.DataDirectory, store.Folder);
        using var client = host.CreateClient();
        using var before = await client.GetAsync(RegionQuestion);
        var tag = before.Headers.ETag!;
        var lines = File.ReadAllLines(store.PathOf(Anpr2026));
        var f = lines[1].Split(',');
        f[6] = (long.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture) + 7).ToString(System.Globalization.CultureInfo.InvariantCulture);
        lines[1] = string.Join(',', f);
        File.WriteAllLines(store.PathOf(Anpr2026), lines);

        var seen = new List<(HttpStatusCode Status, double? Value)>();
        var imports = host.Services.GetRequiredService<ImportService>();
        var source = host.Store.Catalogue.Find("anpr-residenti")!;
        var progress = new InlineProgress(p =>
        {
            if (p.Stage == "write")
            {
                using var ask = new HttpRequestMessage(HttpMethod.Get, RegionQuestion);
                ask.Headers.IfNoneMatch.Add(tag);
                // The test server has no synchronous send: the request runs on the pool while the import waits here.
                using var answer = Task.Run(() => client.SendAsync(ask)).GetAwaiter().GetResult();
                seen.Add((answer.StatusCode, answer.StatusCode == HttpStatusCode.OK ? RegionValue(answer).GetAwaiter().GetResult() : null));
            }
        });
        var outcome = await imports.ImportAsync(source, [store.PathOf(Anpr2026)], "tests", progress, CancellationToken.None);
        Assert.True(outcome.Outcome == RunOutcome.Published, string.Join(" | ", outcome.Messages));
        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.True(s.Status == HttpStatusCode.NotModified || s.Value == 10_148_233, $"{s.Status} {s.Value}"));

        using var afterwards = new HttpRequestMessage(HttpMethod.Get, RegionQuestion);
        afterwards.Headers.IfNoneMatch.Add(tag);
        using var fresh = await client.SendAsync(afterwards);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(10_148_233 + 7, await RegionValue(fresh));
    }

    [Theory]
    [InlineData("/css/explorer.css", "gzip")]
    [InlineData("/api/v1/indicators", "br")]
    [InlineData("/esplora", "br")]
    public async Task Issue9_static_assets_come_precompressed_and_large_dynamic_answers_compressed(string path, string encoding)
    {
        using var client = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public void Issue9_the_tag_depends_on_the_publication_path_query_and_negotiation()
    {
        var a = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        a.Path = "/api/v1/indicators";
        var b = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        b.Path = "/api/v1/indicators";
        b.Headers.AcceptEncoding = "br";
        Assert.Equal(AnswerCaching.TagOf(1, a), AnswerCaching.TagOf(1, a));
        Assert.NotEqual(AnswerCaching.TagOf(1, a), AnswerCaching.TagOf(2, a));
        Assert.NotEqual(AnswerCaching.TagOf(1, a), AnswerCaching.TagOf(1, b));
    }

    private static async Task<double> RegionValue(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("rows").EnumerateArray().Single().GetProperty("value").GetDouble();
    }

    private sealed class InlineProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
