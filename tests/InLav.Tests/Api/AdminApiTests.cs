using System.Net;
using System.Net.Http.Json;
using InLav.Tests.Support;

namespace InLav.Tests.Api;

[Collection(WebAppCollection.Name)]
public sealed class AdminApiTests(InLavAppFactory app)
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-the-token-of-this-server")]
    public async Task Import_is_refused_with_403_without_the_servers_admin_token(string? token)
    {
        using var client = app.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/import") { Content = JsonContent.Create(new { sources = new[] { "anpr-residenti" } }) };
        if (token is not null)
        {
            request.Headers.Add("X-InLav-Admin-Token", token);
        }

        using var response = await client.SendAsync(request);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task Rollback_is_refused_with_403_without_the_token_and_nothing_changes()
    {
        using var client = app.NewClient();
        var before = Store.Imports.ImportRuns.List(app.Store, "anpr-residenti").Select(r => (r.RunId, r.Outcome)).ToList();

        using var response = await client.PostAsync("/api/v1/admin/rollback/anpr-residenti", null);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden, "Forbidden");
        Assert.Equal(before, Store.Imports.ImportRuns.List(app.Store, "anpr-residenti").Select(r => (r.RunId, r.Outcome)).ToList());
    }
}
