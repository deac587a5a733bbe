using System.Globalization;
using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace InLav.Tests.Browser.Pages;

/// <summary>
/// Issue 7, item 8: the undeclared-work card at the top of every profile, in a real Chromium, against the indicator and
/// analysis services asked the same question in the test; and item 2: the age structure from the most recent source.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class ProfileSignalPageTests(InLavAppFactory app, ITestOutputHelper output) : PageTestBase(app, output)
{
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    [Theory]
    [InlineData("comune", "012099")]
    [InlineData("comune", "015146")]
    [InlineData("provincia", "012")]
    [InlineData("ats", "321")]
    public async Task Issue7_the_profile_card_shows_the_services_proxies_and_composite_signal_with_a_reading_in_italian_and_english(string level, string code)
    {
        var store = App.Store;
        await WarmedAsync(level, code);
        var page = await OpenAsync($"/territorio/{level}/{code}", $"profilo-segnale-{level}-{code}");
        Output.WriteLine($"profile computed on the server in {await page.GetAttributeAsync("#profile-time", "data-ms")} ms");

        // The card comes first: before the summary and the indicator table.
        Assert.True(await page.EvaluateAsync<bool>(
            "() => !!(document.querySelector('#profile-signal').compareDocumentPosition(document.querySelector('#summary-title')) & Node.DOCUMENT_POSITION_FOLLOWING)"));
        Assert.Contains("proxy", await page.Locator("#profile-signal-proxy").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#profile-signal-proxy a[href^='/metodologia']").CountAsync());

        // Every proxy of theme undeclared-work with a value for the unit, and only those.
        var proxies = store.Indicators.Catalogue.Indicators.Where(d => d.Theme == "undeclared-work" && d.Proxy)
            .Select(d => (Definition: d, Row: Latest(store, d, level, code))).Where(x => x.Row is not null).ToList();
        Assert.Contains(proxies, p => p.Definition.Code == "wp2_mef_istat_gap");
        var shown = await page.Locator("#profile-signal [data-composite='false']").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.signal)");
        Assert.Equal(proxies.Select(p => p.Definition.Code).Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));

        // Proxies on generated data are grouped apart, labelled SYNTHETIC; open them to read their cards.
        if (proxies.Any(p => p.Row!.Synthetic))
        {
            Assert.Contains("SINTETICI", await page.Locator("#profile-signal-synthetic > summary").InnerTextAsync(), StringComparison.Ordinal);
            await page.Locator("#profile-signal-synthetic > summary").ClickAsync();
        }

        foreach (var (definition, row) in proxies)
        {
            var card = page.Locator($"#profile-signal [data-signal='{definition.Code}']");
            Assert.Equal(row!.Value?.ToString("R", CultureInfo.InvariantCulture), await card.GetAttributeAsync("data-value"));
            Assert.Equal(row.Value is { } v ? v.ToString("N" + definition.Decimals.ToString(CultureInfo.InvariantCulture), Italian) : "–",
                await card.Locator("[data-field='value']").InnerTextAsync());
            Assert.Equal(row.Derived?.Rank?.ToString(CultureInfo.InvariantCulture), await card.GetAttributeAsync("data-rank"));
            var reliability = await card.Locator("[data-reliability]").EvaluateAllAsync<string[]>("badges => badges.map(b => b.dataset.reliability)");
            Assert.Equal(row.Reliability, reliability);
            Assert.Equal(row.Synthetic ? 1 : 0, await card.Locator("[data-synthetic='true']").CountAsync());
            if (row.Synthetic)
            {
                Assert.Contains("SINTETICO", await card.InnerTextAsync(), StringComparison.Ordinal);
            }

            // The change of a percentage is in percentage points, on the card and in the indicator table.
            if (definition.Unit == "%" && row.Derived is { Change: { } change, PreviousPeriod: { } previous })
            {
                var period = InLav.Web.Components.Pages.Profile.ProfileSummary.Period(previous, Italian);
                Assert.Equal($"{Signed(change, definition.Decimals)} punti percentuali dal {period}", await card.Locator("[data-field='trend']").InnerTextAsync());
                Assert.Equal($"{Signed(change, definition.Decimals)} punti dal {period}",
                    await page.Locator($"#profile-indicators tr[data-indicator='{definition.Code}'] [data-field='change']").InnerTextAsync());
            }

            var reading = await card.Locator("[data-field='reading']").InnerTextAsync();
            if (row.Value is { } value && row.Derived?.RegionValue is { } region && level != "regione")
            {
                var rounded = (Math.Round(value, definition.Decimals, MidpointRounding.AwayFromZero), Math.Round(region, definition.Decimals, MidpointRounding.AwayFromZero));
                var word = rounded.Item1 > rounded.Item2 ? "sopra il valore" : rounded.Item1 < rounded.Item2 ? "sotto il valore" : "pari al valore";
                Assert.Contains(word, reading, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("regionale", reading, StringComparison.Ordinal);
            }

            if (ReliabilityFlag.SetsApart(row.Reliability))
            {
                Assert.Contains("leggere con cautela", reading, StringComparison.Ordinal);
            }

            // A ranking says how many units it leaves out for their reliability flags, and ranks the unit among the others.
            var all = store.Indicators.Compute(new IndicatorRequest(definition.Code, level, Periods: [row.Period])).Rows
                .Where(r => r.Value is not null && r.Sex == Dimension.Total && r.Age == Dimension.Total && r.Citizenship == Dimension.Total).ToList();
            var flagged = all.Count(r => ReliabilityFlag.SetsApart(r.Reliability));
            var note = card.Locator("[data-field='rank-reliable']");
            Assert.Equal(flagged > 0 && row.Derived?.Rank is not null ? 1 : 0, await note.CountAsync());
            if (flagged > 0 && row.Derived?.Rank is not null)
            {
                Assert.Equal(flagged.ToString(CultureInfo.InvariantCulture), await note.GetAttributeAsync("data-flagged"));
                var reliable = all.Where(r => !ReliabilityFlag.SetsApart(r.Reliability)).ToList();
                var text = await note.InnerTextAsync();
                Assert.Contains(ReliabilityFlag.SetsApart(row.Reliability)
                    ? $"{flagged.ToString("N0", Italian)} unità del livello"
                    : $"{(reliable.Count(r => r.Value > row.Value) + 1).ToString("N0", Italian)} su {reliable.Count.ToString("N0", Italian)} senza avvertenze", text, StringComparison.Ordinal);
            }

            if (level == "comune")
            {
                Assert.Equal(row.Derived?.RankInParent is { } rp ? $"{rp.ToString("N0", Italian)} su {row.Derived.RankInParentOf?.ToString("N0", Italian)} nella provincia" : null,
                    await card.Locator("[data-field='rank-parent']").CountAsync() == 1 ? await card.Locator("[data-field='rank-parent']").InnerTextAsync() : null);
            }
        }

        // The composite signal: the analysis service's score and rank for the unit.
        var risk = store.Analysis.Risk("risk_undeclared_work", level);
        var composite = page.Locator("#profile-signal [data-signal='risk_undeclared_work']");
        var riskRow = risk.Rows.FirstOrDefault(r => r.UnitCode == code);
        Assert.Equal(riskRow?.Score.ToString("R", CultureInfo.InvariantCulture), await composite.GetAttributeAsync("data-value"));
        Assert.Equal(riskRow?.Rank.ToString(CultureInfo.InvariantCulture), await composite.GetAttributeAsync("data-rank"));
        Assert.Equal(riskRow is null ? null : risk.Rows.Count.ToString(CultureInfo.InvariantCulture), await composite.GetAttributeAsync("data-rank-of"));
        var compositeReading = await composite.Locator("[data-field='reading']").InnerTextAsync();
        Assert.Contains(riskRow is null ? "esclusa" : riskRow.Score > 0.25 ? "sopra la media" : riskRow.Score < -0.25 ? "sotto la media" : "vicino alla media", compositeReading, StringComparison.OrdinalIgnoreCase);

        // The same card in English: the reading line is written in English from the same values.
        var english = await Chromium.NewPageAsync();
        Assert.True((await english.GotoAsync(Url($"/territorio/{level}/{code}?lang=en")))!.Ok);
        var gap = english.Locator("#profile-signal [data-signal='wp2_mef_istat_gap'] [data-field='reading']");
        var gapRow = proxies.First(p => p.Definition.Code == "wp2_mef_istat_gap").Row!;
        Assert.Matches(gapRow.Value is null ? "No value" : "^(Above|Below|Equal to) the (provincial|regional)", await gap.InnerTextAsync());
        Assert.Contains("proxies", await english.Locator("#profile-signal-proxy").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(riskRow?.Score.ToString("R", CultureInfo.InvariantCulture), await english.Locator("#profile-signal [data-signal='risk_undeclared_work']").GetAttributeAsync("data-value"));
        Assert.Matches(riskRow is null ? "^Left out" : "average of the units", await english.Locator("#profile-signal [data-signal='risk_undeclared_work'] [data-field='reading']").InnerTextAsync());
    }

    [Theory]
    [InlineData("comune", "015146")]
    [InlineData("provincia", "215")]
    [InlineData("ats", "321")]
    public async Task Issue7_the_age_structure_comes_from_the_most_recent_source_with_ages_and_names_its_date(string level, string code)
    {
        var store = App.Store;
        await WarmedAsync(level, code);
        var page = await OpenAsync($"/territorio/{level}/{code}", $"profilo-eta-{level}-{code}");

        var own = LatestAges(store, level, code);
        Assert.NotNull(own);
        var first = page.Locator(".inlav-age").First;
        Assert.Equal(own.Value.Period, await first.GetAttributeAsync("data-age-period"));
        Assert.Equal(own.Value.Rows.Select(r => r.Age).Distinct().Count(), await page.Locator("#profile-pyramid tbody tr").CountAsync());
        foreach (var r in own.Value.Rows.Where(r => r.Sex == SexCode.Male).Take(3))
        {
            var cell = page.Locator($"#profile-pyramid tbody tr[data-age='{r.Age}'] td").First;
            Assert.Equal(r.Value is { } v ? v.ToString("N0", Italian) : "–", (await cell.TextContentAsync())?.Trim());
        }

        var date = InLav.Web.Components.Pages.Profile.ProfileSummary.Period(own.Value.Period, Italian);
        Assert.Contains(date, await first.Locator("[data-field='age-source']").InnerTextAsync(), StringComparison.Ordinal);

        // A comune also shows its province's structure when the province has a more recent one (POSAS single ages).
        var expected = 1;
        if (level == "comune")
        {
            var province = store.Reader.Snapshot().ParentsOf(level, code).First(p => p.Level == "provincia");
            if (LatestAges(store, "provincia", province.Code) is { } parent && string.CompareOrdinal(parent.Period, own.Value.Period) > 0)
            {
                expected = 2;
                var second = page.Locator(".inlav-age").Nth(1);
                Assert.Equal(parent.Period, await second.GetAttributeAsync("data-age-period"));
                Assert.Equal(province.Code, await second.GetAttributeAsync("data-age-unit"));
                Assert.Contains(InLav.Web.Components.Pages.Profile.ProfileSummary.Period(parent.Period, Italian), await second.Locator("[data-field='age-source']").InnerTextAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(expected, await page.Locator(".inlav-age").CountAsync());
    }

    /// <summary>
    /// Waits for the server's warm-up of the unit's level (the profile's caches, filled once after the start-up import), so
    /// the page itself is not what waits for it.
    /// </summary>
    private Task WarmedAsync(string level, string code) => Task.Run(() => Assert.NotNull(App.Door.Profile(InLav.Application.Caller.Public, level, code)));

    private static string Signed(double value, int decimals) =>
        (value > 0 ? "+" : value < 0 ? "−" : "") + Math.Abs(value).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Italian);

    /// <summary>The unit's latest total row of an indicator, from the indicator service asked for that unit only.</summary>
    private static IndicatorRow? Latest(InLav.Store.InLavStore store, IndicatorDefinition definition, string level, string code)
    {
        if (!definition.IsMeaningfulAt(level) || store.Indicators.Periods(definition).Count == 0)
        {
            return null;
        }

        var result = store.Indicators.Compute(new IndicatorRequest(definition.Code, level, Periods: ["all"], Units: [code]));
        return result.Rows.Where(r => r.Sex == Dimension.Total && r.Age == Dimension.Total && r.Citizenship == Dimension.Total)
            .OrderBy(r => r.Period, StringComparer.Ordinal).LastOrDefault();
    }

    /// <summary>The newest period of residents with sex × age cells for the unit, from the query service.</summary>
    private static (string Period, IReadOnlyList<QueryRow> Rows)? LatestAges(InLav.Store.InLavStore store, string level, string code)
    {
        foreach (var period in store.Reader.Periods("residents").Reverse())
        {
            var rows = store.Query.Run(new QueryRequest("residents", level, null, [period], null, [Dimension.Sex, Dimension.Age], [code])).Rows
                .Where(r => r.Citizenship == Dimension.Total && r.Age != Dimension.Total && r.Sex is SexCode.Male or SexCode.Female).ToList();
            if (rows.Any(r => r.Value is not null))
            {
                return (period, rows);
            }
        }

        return null;
    }
}
