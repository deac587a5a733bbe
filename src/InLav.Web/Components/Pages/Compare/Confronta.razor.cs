using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Territory;
using InLav.Web.Components.Pages.Common;
using InLav.Application;
using InLav.Application.Profiles;
using Microsoft.AspNetCore.Components;

namespace InLav.Web.Components.Pages.Compare;

/// <summary>
/// Two or more territories side by side on chosen indicators, with Lombardy as reference. The state is the URL:
/// u=level:code (repeated), i=indicator (repeated); "add" resolves a name or level:code and redirects to the clean URL.
/// </summary>
public partial class Confronta : PageBase
{
    public static readonly string[] DefaultUnits = ["comune:015146", "provincia:215"];
    public static readonly string[] DefaultIndicators = ["mean_taxable_income", "wp2_mef_istat_gap", "foreign_residents_share", "employment_rate_2011"];


    [SupplyParameterFromQuery(Name = "add")]
    public string? Add { get; set; }

    private List<TerritorialUnit> units = [];
    private List<IndicatorDefinition> chosen = [];
    private List<string> unknown = [];
    private IReadOnlyList<TerritorialUnit> candidates = [];
    private IReadOnlyList<ComparisonLine> lines = [];

    protected override void OnInitialized()
    {
        var snapshot = Door.Territory();
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        var asked = query.ContainsKey("u") ? QueryValues("u") : DefaultUnits;
        foreach (var key in asked)
        {
            if (Resolve(snapshot, key) is { } unit)
            {
                if (!units.Any(u => u.Level == unit.Level && u.Code == unit.Code))
                {
                    units.Add(unit);
                }
            }
            else
            {
                unknown.Add(key);
            }
        }

        var catalogue = Door.IndicatorCatalogue;
        var codes = query.ContainsKey("i") ? QueryValues("i") : DefaultIndicators;
        chosen = [.. codes.Select(c => catalogue.Indicators.FirstOrDefault(d => d.Code == c)).OfType<IndicatorDefinition>()];

        if (!string.IsNullOrWhiteSpace(Add))
        {
            var text = Add.Trim();
            var exact = Resolve(snapshot, text);
            var hits = exact is null ? snapshot.Search(text, 20) : [exact];
            var folded = TerritorialSnapshot.Fold(text);
            var single = hits.Count == 1 ? hits[0] : hits.Where(h => TerritorialSnapshot.Fold(h.Name) == folded).Take(2).ToList() is { Count: 1 } one ? one[0] : null;
            if (single is not null)
            {
                Navigation.NavigateTo(StateLink([.. units, single], chosen), forceLoad: false);
                return;
            }

            candidates = hits;
        }

        // The door's comparison (the same as GET /api/v1/compare): each indicator at its latest period, the region beside.
        lines = Door.Compare(Caller, [.. units.Select(Key)], [.. chosen.Select(d => d.Code)]).Lines;
    }

    private static TerritorialUnit? Resolve(TerritorialSnapshot snapshot, string key)
    {
        var parts = key.Split(':', 2);
        return parts.Length == 2 && snapshot.HasLevel(parts[0]) ? snapshot.Level(parts[0]).Unit(parts[1]) : null;
    }

    private static string Key(TerritorialUnit u) => u.Level + ":" + u.Code;

    /// <summary>The permalink of a state: every unit and indicator, keeping the language.</summary>
    private string StateLink(IReadOnlyList<TerritorialUnit> withUnits, IReadOnlyList<IndicatorDefinition> withIndicators)
    {
        var parameters = withUnits.Count == 0 ? [("u", "")] : withUnits.Select(u => ("u", Key(u))).ToList();
        parameters.AddRange(withIndicators.Select(d => ("i", d.Code)));
        if (English)
        {
            parameters.Add(("lang", "en"));
        }

        return "/confronta?" + string.Join("&", parameters.Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2)));
    }

    private string RemoveLink(TerritorialUnit unit) => StateLink([.. units.Where(u => u != unit)], chosen);

    private string AddLink(TerritorialUnit unit) => StateLink([.. units, unit], chosen);


    /// <summary>The grouped bars: each unit's value as an index on Lombardy = 100, so indicators in different units share an axis; no bar where a value is negative.</summary>
    private object ChartData() => new
    {
        kind = "bars",
        locale = Culture.Name,
        indicators = lines.Select(l => Title(l.Definition)),
        axis = T("compare.chart.axis"),
        reference = T("compare.chart.reference"),
        series = units.Select((u, i) => new
        {
            name = u.Name,
            // An index is meaningful only when both values are of the same, positive sign (a gap can be negative): else no bar.
            values = lines.Select(l => l.Cells[i]?.Value is { } v && v >= 0 && l.Region?.Value is { } r && r > 0 ? Math.Round(100 * v / r, 1) : (double?)null),
        }),
        failed = T("pages.chart.failed"),
    };
}
