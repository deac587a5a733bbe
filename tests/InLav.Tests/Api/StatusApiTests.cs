using System.Net.Http.Json;
using InLav.Tests.Support;

namespace InLav.Tests.Api;

[Collection(WebAppCollection.Name)]
public sealed class StatusApiTests(InLavAppFactory app)
{
    [Fact]
    public async Task The_status_says_the_startup_import_is_done_and_names_the_configuration()
    {
        using var client = app.NewClient();
        var status = await client.GetFromJsonAsync<Dictionary<string, object>>("/api/v1/status");
        Assert.NotNull(status);
        Assert.Equal("True", status["startupImportDone"].ToString());
        Assert.StartsWith("Comuni al ", status["configuration"].ToString(), StringComparison.Ordinal);
    }
}
