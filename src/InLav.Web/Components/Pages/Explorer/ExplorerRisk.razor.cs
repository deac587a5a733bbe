using InLav.Application.Explorer;
using InLav.Core;
using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Core.Territory;
using InLav.Web.Components.Pages.Common;
using InLav.Web.Explorer;
using Microsoft.AspNetCore.Components;

namespace InLav.Web.Components.Pages.Explorer;

/// <summary>
/// The map of the composite risk signal in the explorer (catalogue/risk, the analysis service's scores): every unit left
/// out is named and counted, with its reason (a component without value, or low reliability when excluded); SYNTHETIC is
/// said when any component at the period used is generated. The state is in the URL: signal, level, reliability, lang.
/// </summary>
public partial class ExplorerRisk : PageBase
{
    [SupplyParameterFromQuery(Name = "signal")]
    public string? Signal { get; set; }

    [SupplyParameterFromQuery(Name = "level")]
    public string? Level { get; set; }

    [SupplyParameterFromQuery(Name = "reliability")]
    public string? Reliability { get; set; }

    private string code = "";
    private string level = BuiltInLevel.Comune;
    private string reliability = ExplorerState.ReliabilityModes[0];
    private RiskView? view;
    private IReadOnlyList<LegendClass> classes = [];
    private string? problem;

    private string Prefix => view?.Synthetic == true ? T("explorer.synthetic.word") + " – " : "";

    private string Subtitle => view is null ? "" : LevelLabel(level) + ", " + string.Join(", ", view.Result.PeriodsUsed.Select(p => IndicatorTitle(p.Key) + " " + Period(p.Value)));

    protected override void OnInitialized()
    {
        var snapshot = Door.Territory();
        level = Level is { } l && snapshot.HasLevel(l) ? l : BuiltInLevel.Comune;
        reliability = Reliability is { } r && ExplorerState.ReliabilityModes.Contains(r, StringComparer.Ordinal) ? r : ExplorerState.ReliabilityModes[0];
        var signals = Door.RiskSignals;
        if (signals.Count == 0)
        {
            return;
        }

        code = Signal is { } s && signals.Any(x => x.Code == s) ? s : signals[0].Code;
        try
        {
            view = Door.RiskView(Caller, code, level, reliability == "exclude");
            classes = Legend.Classes([.. view.Shown.Select(x => x.Row.Score)], "quantile", higherIsWorse: true);
        }
        catch (QueryException e)
        {
            problem = e.Message;
        }
    }

    private string ReliabilityText(string flag) =>
        ReliabilityFlag.All.Contains(flag, StringComparer.Ordinal) ? T("explorer.reliability.flag." + flag) : flag;

    private MarkupString MapData()
    {
        var v = view!;
        var d = v.Result.Definition;
        var shown = v.Shown.ToDictionary(s => s.Row.UnitCode, StringComparer.Ordinal);
        var unreliable = v.Unreliable.ToDictionary(u => u.UnitCode, StringComparer.Ordinal);
        var geoUrl = FormattableString.Invariant($"/api/v1/geo/{Uri.EscapeDataString(level)}?configuration={v.ConfigurationDate:yyyy-MM-dd}");
        var values = new List<object>();
        foreach (var s in v.Shown)
        {
            values.Add(new
            {
                code = s.Row.UnitCode,
                name = s.Row.UnitName,
                value = (double?)s.Row.Score,
                text = T("explorer.risk.score") + " " + Signed(s.Row.Score, 2),
                rank = Format("explorer.rank", s.Rank, v.Shown.Count),
                flags = s.Reliability.Select(c => "⚠ " + ReliabilityText(c)),
                reliability = ReliabilityFlag.SetsApart(s.Reliability) ? "hatch" : null,
            });
        }

        foreach (var u in v.Unreliable)
        {
            var row = v.Result.Rows.First(r => r.UnitCode == u.UnitCode);
            values.Add(new
            {
                code = u.UnitCode,
                name = u.UnitName,
                value = (double?)row.Score,
                text = T("explorer.risk.score") + " " + Signed(row.Score, 2),
                rank = (string?)null,
                flags = u.Reliability.Select(c => "⚠ " + ReliabilityText(c)).Prepend(T("explorer.legend.excluded")),
                reliability = "excluded",
            });
        }

        foreach (var u in v.Incomplete)
        {
            values.Add(new
            {
                code = u.UnitCode,
                name = u.UnitName,
                value = (double?)null,
                text = "",
                rank = (string?)null,
                flags = new[] { Format("explorer.risk.excluded.missing", string.Join(", ", u.MissingComponents.Select(IndicatorTitle))) }.AsEnumerable(),
                reliability = (string?)null,
            });
        }

        var title = Prefix + Pick(d.TitleIt, d.TitleEn);
        return ChartJson(new
        {
            geoUrl,
            mapName = FormattableString.Invariant($"{level}-{v.ConfigurationDate:yyyyMMdd}"),
            level,
            title,
            subtitle = Subtitle,
            source = T("explorer.risk.source") + " · " + T("explorer.licence"),
            synthetic = v.Synthetic ? T("explorer.synthetic.chart") : null,
            syntheticWord = v.Synthetic ? T("explorer.synthetic.word") : null,
            reliabilityNote = v.Unreliable.Count > 0 ? Format("explorer.reliability.chart.excluded", v.Unreliable.Count)
                : v.LowReliability.Count > 0 ? Format("explorer.reliability.chart.hatched", v.LowReliability.Count) : null,
            pieces = classes.Select((c, i) => new { min = c.Min, max = c.Max, first = i == 0, color = c.Colour, label = Signed(c.Min, 2) + " – " + Signed(c.Max, 2) }),
            noData = new { color = Legend.NoData, label = T("explorer.risk.incomplete.legend") },
            values,
            profile = ProfileLink(level, "__code__"),
            embedded = false,
        });
    }
}
