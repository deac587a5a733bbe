using System.Diagnostics;
using InLav.Core.Territory;
using InLav.Web.Components.Pages.Common;
using InLav.Application;
using InLav.Application.Profiles;
using Microsoft.AspNetCore.Components;

namespace InLav.Web.Components.Pages.Profile;

/// <summary>
/// The territory profile (scheda territorio) of any unit of any level: first the undeclared-work card (WP2 proxies and the
/// composite signal, with a generated reading); indicators with trend, parent and region, position among peers; locator
/// map; age structure from the most recent source; a generated summary; history and groups; sources and dates.
/// </summary>
public partial class Profile : PageBase
{

    [Parameter]
    public string Level { get; set; } = "";

    [Parameter]
    public string Code { get; set; } = "";

    private TerritoryProfile? profile;
    private IReadOnlyList<string> summary = [];
    private long elapsed;

    protected override void OnParametersSet()
    {
        var clock = Stopwatch.StartNew();
        profile = Door.Profile(Caller, Level, Code);
        if (profile is not null)
        {
            summary = ProfileSummary.Sentences(profile, Texts, Lang);
        }

        elapsed = clock.ElapsedMilliseconds;
    }

    private string UnitLevelName => profile is null ? Level : English ? profile.LevelNameEn : profile.LevelNameIt;


    private string ParentName => Level == BuiltInLevel.Comune
        ? profile?.Parents.FirstOrDefault(p => p.Level == BuiltInLevel.Provincia)?.Name ?? T("pages.region")
        : T("pages.region");

    /// <summary>What the locator map draws: the parent province's comuni for a comune, else every unit of the level.</summary>
    private object LocatorData()
    {
        var snapshot = Door.Territory();
        IReadOnlyList<string>? within = null;
        var level = Level;
        if (Level == BuiltInLevel.Comune && profile!.Parents.FirstOrDefault(p => p.Level == BuiltInLevel.Provincia) is { } province)
        {
            within = snapshot.Level(BuiltInLevel.Provincia).MembersOf.GetValueOrDefault(province.Code);
        }
        else if (Level == BuiltInLevel.Regione)
        {
            level = BuiltInLevel.Provincia;
        }

        return new
        {
            kind = "locator",
            geoUrl = "/api/v1/geo/" + Uri.EscapeDataString(level),
            highlight = Level == BuiltInLevel.Regione ? null : Code,
            within,
            name = profile!.Unit.Name,
            failed = T("pages.chart.failed"),
        };
    }
}
