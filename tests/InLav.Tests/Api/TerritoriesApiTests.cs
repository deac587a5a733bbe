using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InLav.Core.Territory;
using InLav.Tests.Support;

namespace InLav.Tests.Api;

[Collection(WebAppCollection.Name)]
public sealed class TerritoriesApiTests(InLavAppFactory app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Levels_list_regione_provincia_and_comune_with_their_unit_counts()
    {
        using var client = app.NewClient();
        var levels = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/levels", Json);

        var byId = levels!.ToDictionary(l => l.GetProperty("id").GetString()!, StringComparer.Ordinal);
        Assert.Equal(1, byId["regione"].GetProperty("units").GetInt32());
        Assert.Equal(12, byId["provincia"].GetProperty("units").GetInt32());
        Assert.Equal(app.Store.Reader.Snapshot().Level("comune").Units.Count, byId["comune"].GetProperty("units").GetInt32());
        Assert.InRange(byId["comune"].GetProperty("units").GetInt32(), 1400, 1600);
    }

    [Fact]
    public async Task The_units_of_the_provincia_level_are_the_twelve_provinces_with_their_comuni()
    {
        using var client = app.NewClient();
        var units = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/levels/provincia/units", Json);

        Assert.Equal(12, units!.Length);
        Assert.Contains(units, u => u.GetProperty("code").GetString() == "013" && u.GetProperty("name").GetString() == "Como");
        Assert.Equal(app.Store.Reader.Snapshot().Level("comune").Units.Count, units.Sum(u => u.GetProperty("comuni").GetInt32()));
    }

    [Theory]
    [InlineData("cantu")]
    [InlineData("CANTÙ")]
    [InlineData("Cantù")]
    public async Task Search_by_name_ignores_case_and_accents(string q)
    {
        using var client = app.NewClient();
        var hits = await client.GetFromJsonAsync<TerritorialUnit[]>($"/api/v1/territories/search?q={Uri.EscapeDataString(q)}", Json);

        Assert.Contains(new TerritorialUnit("comune", "013041", "Cantù"), hits!);
    }

    [Fact]
    public async Task A_province_has_the_region_as_parent_and_its_comuni_as_children()
    {
        using var client = app.NewClient();
        var unit = await client.GetFromJsonAsync<JsonElement>("/api/v1/territories/provincia/013", Json);

        Assert.Equal("Como", unit.GetProperty("name").GetString());
        Assert.Contains(unit.GetProperty("parents").EnumerateArray(), p => p.GetProperty("level").GetString() == "regione");
        var children = unit.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Contains("013041", children);
        Assert.All(children, c => Assert.StartsWith("013", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_comune_has_its_province_as_parent_and_no_children()
    {
        using var client = app.NewClient();
        var unit = await client.GetFromJsonAsync<JsonElement>("/api/v1/territories/comune/013041", Json);

        Assert.Contains(unit.GetProperty("parents").EnumerateArray(), p => p.GetProperty("level").GetString() == "provincia" && p.GetProperty("code").GetString() == "013");
        Assert.Empty(unit.GetProperty("children").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_unit_is_a_404_problem()
    {
        using var client = app.NewClient();
        using var response = await client.GetAsync("/api/v1/territories/provincia/999");

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound, "Unknown unit");
    }

    [Fact]
    public async Task Classifications_are_those_of_the_published_snapshot()
    {
        using var client = app.NewClient();
        var list = await client.GetFromJsonAsync<ClassificationDefinition[]>("/api/v1/classifications", Json);

        var expected = app.Store.Reader.Snapshot().Classifications.OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, list);
    }
}
