using System.Globalization;
using InLav.Core.Indicators;
using InLav.Tests.Support;
using InLav.Web.Components.Pages.Profile;
using InLav.Web.Components.Shell;
using InLav.Application.Profiles;
using Xunit.Abstractions;

namespace InLav.Tests.Browser.Pages;

/// <summary>The territory profile in a real Chromium, for a comune, a province, groups of other levels and the region.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ProfilePageTests(InLavAppFactory app, ITestOutputHelper output) : PageTestBase(app, output)
{
    [Theory]
    [InlineData("comune", "015146", "Milano")]
    [InlineData("provincia", "215", "Città metropolitana di Milano")]
    [InlineData("sll-2001", "57", "MILANO")]
    [InlineData("ats", "321", "ATS della Città Metropolitana di Milano")]
    [InlineData("regione", "03", "Lombardia")]
    public async Task Every_level_shows_indicators_summary_pyramid_map_and_sources(string level, string code, string name)
    {
        var page = await OpenAsync($"/territorio/{level}/{code}", $"profilo-{level}-{code}");

        Assert.Equal(name, await page.Locator("h1#profile-name").InnerTextAsync());
        Assert.True(await page.Locator("#profile-indicators tbody tr").CountAsync() >= 15);
        Assert.Contains("residenti", await page.Locator("#profile-summary").InnerTextAsync(), StringComparison.Ordinal);
        // 16 census bands, or single ages where a newer source has them (ProfileSignalPageTests checks the values).
        Assert.True(await page.Locator("#profile-pyramid tbody tr").CountAsync() >= 16);
        Assert.Equal(1, await page.Locator("#profile-signal [data-signal='wp2_mef_istat_gap']").CountAsync());
        Assert.True(await page.Locator("#profile-sources tbody tr").CountAsync() >= 3);
        Assert.Equal(1, await page.Locator("#profile-indicators tr[data-indicator='wp2_mef_istat_gap'] .badge").CountAsync());
        if (level == "comune")
        {
            Assert.Contains("Città metropolitana di Milano", await page.Locator("#profile-groups").InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await page.Locator("#profile-changes li").CountAsync() >= 1);
        }
        else if (level != "regione")
        {
            Assert.True(await page.Locator("#profile-members li").CountAsync() >= 1);
        }
    }

    [Fact]
    public async Task A_group_links_to_its_comuni_and_a_comune_back_to_its_groups_in_english_too()
    {
        var page = await OpenAsync("/territorio/provincia/215?lang=en", "profilo-provincia-215-en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("residents", await page.Locator("#profile-summary").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#members-title + details > summary").ClickAsync();
        await page.Locator("#profile-members a", new() { HasTextString = "Milano" }).First.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/territorio/comune/", StringComparison.Ordinal) && u.Contains("lang=en", StringComparison.Ordinal));
        await page.Locator("#profile-groups a[href^='/territorio/sll-2001/57']").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/territorio/sll-2001/57", StringComparison.Ordinal));
        Assert.Equal("MILANO", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task At_phone_width_the_profile_does_not_scroll_sideways_and_an_unknown_unit_says_so()
    {
        var page = await OpenAsync("/territorio/comune/015146", "profilo-comune-015146-360", width: 360);
        await PageSteps.NoSidewaysScrollAsync(page);

        var missing = await Chromium.NewPageAsync();
        var response = await missing.GotoAsync(Url("/territorio/comune/999999"));
        Assert.True(response!.Ok);
        Assert.Equal(1, await missing.Locator("#no-data").CountAsync());
    }

    [Fact]
    public void The_summary_states_the_numbers_of_the_indicator_service()
    {
        var store = App.Store;
        var profile = App.Door.Profile(InLav.Application.Caller.Public, "comune", "015146")!;
        var summary = string.Join(" ", ProfileSummary.Sentences(profile, new Texts(), Texts.Italian));
        var italian = CultureInfo.GetCultureInfo("it-IT");

        var population = Latest(store.Indicators.Compute(new IndicatorRequest("population", "comune", Units: ["015146"])));
        Assert.Contains($"Milano conta {population.Value!.Value.ToString("N0", italian)} residenti", summary, StringComparison.Ordinal);

        var income = Latest(store.Indicators.Compute(new IndicatorRequest("mean_taxable_income", "comune", Units: ["015146"])));
        var region = income.Derived!.RegionValue!.Value;
        Assert.Contains($"è di {income.Value!.Value.ToString("N0", italian)} euro", summary, StringComparison.Ordinal);
        Assert.Contains($"valore regionale ({region.ToString("N0", italian)} euro) di {Math.Abs(income.Value.Value - region).ToString("N0", italian)} euro", summary, StringComparison.Ordinal);

        var gap = Latest(store.Indicators.Compute(new IndicatorRequest("wp2_mef_istat_gap", "comune", Units: ["015146"])));
        Assert.Contains($"del {gap.Value!.Value.ToString("N1", italian)}% nel {gap.Period}: posizione {gap.Derived!.Rank} su {gap.Derived.RankOf}", summary, StringComparison.Ordinal);

        var english = string.Join(" ", ProfileSummary.Sentences(profile, new Texts(), Texts.English));
        Assert.Contains($"Milano has {population.Value.Value.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} residents", english, StringComparison.Ordinal);
    }

    private static IndicatorRow Latest(IndicatorResult result) => Assert.Single(result.Rows, r => r.Period == result.Periods[^1]);
}
