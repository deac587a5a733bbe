using InLav.Core;
using InLav.Core.Analysis;
using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Core.Territory;
using InLav.Web.Components.Pages.Common;
using InLav.Application;
using InLav.Application.Profiles;
using Microsoft.AspNetCore.Components;

namespace InLav.Web.Components.Pages.Relations;

/// <summary>Two indicators across the units of a level: scatter, regression line, Pearson and Spearman with p-values, outliers.</summary>
public partial class Relazioni : PageBase
{
    public const string DefaultX = "low_income_share";
    public const string DefaultY = "wp2_mef_istat_gap";


    [SupplyParameterFromQuery(Name = "x")]
    public string? X { get; set; }

    [SupplyParameterFromQuery(Name = "y")]
    public string? Y { get; set; }

    [SupplyParameterFromQuery(Name = "livello")]
    public string? Livello { get; set; }

    private IndicatorDefinition? x;
    private IndicatorDefinition? y;
    private string level = BuiltInLevel.Comune;
    private CorrelationResult? result;
    private string? problem;

    /// <summary>True when either indicator has generated (SYNTHETIC) values at the level and period used: the scatter, its statistics and p-values say so.</summary>
    private bool synthetic;

    private string Prefix => synthetic ? T("explorer.synthetic.word") + " – " : "";

    /// <summary>An indicator built on a generated source: its option says SINTETICO/SYNTHETIC.</summary>
    private string OptionLabel(IndicatorDefinition d) =>
        Title(d) + (InLav.Application.Explorer.SyntheticMarks.HasGeneratedSource(d, Door.Sources) ? " – " + T("explorer.synthetic.word") : "");

    private bool Generated(IndicatorDefinition d, string period) =>
        Door.AllPeriods(Caller, d, level)?.Rows.Any(r => r.Synthetic && r.Period == period) == true;

    protected override void OnInitialized()
    {
        var snapshot = Door.Territory();
        level = Livello is { } l && snapshot.HasLevel(l) ? l : BuiltInLevel.Comune;
        var catalogue = Door.IndicatorCatalogue.Indicators;
        x = catalogue.FirstOrDefault(d => d.Code == (X ?? DefaultX)) ?? catalogue.FirstOrDefault(d => d.Code == DefaultX);
        y = catalogue.FirstOrDefault(d => d.Code == (Y ?? DefaultY)) ?? catalogue.FirstOrDefault(d => d.Code == DefaultY);
        if (x is null || y is null)
        {
            return;
        }

        try
        {
            result = Door.Correlation(Caller, x.Code, y.Code, level);
            synthetic = Generated(x, result.PeriodX) || Generated(y, result.PeriodY);
        }
        catch (QueryException e)
        {
            problem = e.Message;
        }
    }

    private string AxisLabel(IndicatorDefinition d) => Title(d).Contains("(" + UnitText(d.Unit) + ")", StringComparison.Ordinal) ? Title(d) : Title(d) + " (" + UnitText(d.Unit) + ")";

    private object ChartData() => new
    {
        kind = "scatter",
        locale = Culture.Name,
        title = synthetic ? Prefix + Format("relations.chart.title", Title(y!), Title(x!)) : null,
        synthetic = synthetic ? T("explorer.synthetic.chart") : null,
        xLabel = AxisLabel(x!),
        yLabel = AxisLabel(y!),
        unitsLabel = T("relations.chart.units"),
        outliersLabel = T("relations.chart.outliers"),
        lineLabel = T("relations.chart.line"),
        slope = double.IsNaN(result!.Slope) ? 0 : result.Slope,
        intercept = double.IsNaN(result.Intercept) ? 0 : result.Intercept,
        points = result.Points.Select(p => new { code = p.UnitCode, name = p.UnitName, x = Math.Round(p.X, 4), y = Math.Round(p.Y, 4), outlier = p.Outlier, link = ProfileLink(level, p.UnitCode) }),
        failed = T("pages.chart.failed"),
    };
}
