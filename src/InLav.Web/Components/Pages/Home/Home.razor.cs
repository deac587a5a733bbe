using InLav.Core.Indicators;
using InLav.Core.Territory;
using InLav.Application;
using InLav.Application.Profiles;
using Microsoft.AspNetCore.Components;

namespace InLav.Web.Components.Pages.Home;

/// <summary>One key figure of Lombardy: the indicator and its values over time (from the indicator service), the latest first.</summary>
public sealed record KeyFigureData(IndicatorDefinition Definition, IReadOnlyList<IndicatorRow> Series)
{
    public IndicatorRow? Latest => Series.LastOrDefault(r => r.Value is not null);
}

/// <summary>The home page: what the dashboard is, key figures of Lombardy, entry points by theme and by territory.</summary>
public partial class Home
{
    /// <summary>The key figures, in this order, when the catalogue has them.</summary>
    public static readonly IReadOnlyList<string> KeyIndicators =
        ["population", "foreign_residents_share", "mean_taxable_income", "employee_taxpayers_share", "wp2_mef_istat_gap", "irregular_employment_share"];

    private List<KeyFigureData> figures = [];
    private List<IGrouping<string, IndicatorDefinition>> themes = [];


    [SupplyParameterFromQuery(Name = "q")]
    public string? Q { get; set; }

    protected override void OnInitialized()
    {
        var catalogue = Door.IndicatorCatalogue.Indicators;
        themes = [.. catalogue.GroupBy(i => i.Theme)];
        foreach (var code in KeyIndicators)
        {
            var def = catalogue.FirstOrDefault(i => i.Code == code);
            if (def is null)
            {
                continue;
            }

            var rows = Door.AllPeriods(Caller, def, BuiltInLevel.Regione)?.Rows ?? [];
            figures.Add(new KeyFigureData(def, [.. rows.Where(r => r.UnitCode == Province.RegionCode).OrderBy(r => r.Period, StringComparer.Ordinal)]));
        }
    }
}
