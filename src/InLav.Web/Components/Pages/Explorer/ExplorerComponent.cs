using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Web.Components.Pages.Common;
using InLav.Web.Explorer;
using Microsoft.AspNetCore.Components;

namespace InLav.Web.Components.Pages.Explorer;

/// <summary>
/// Base of the explorer's parts: the view they show and the labels they share (periods, levels, breakdowns, flags); the
/// store, levels, signed values, profile links and chart JSON come from <see cref="PageBase"/>.
/// </summary>
public abstract class ExplorerComponent : PageBase
{
    /// <summary>Letters of the flags this page explains; any other letter shows as it is, with a generic note.</summary>
    public static IReadOnlyList<string> KnownFlags => FactFlag.All;

    [Parameter, EditorRequired]
    public ExplorerView View { get; set; } = default!;

    protected ExplorerState State => View.State;

    protected IndicatorDefinition Def => View.Definition;

    /// <summary>The indicator's title, after the word SINTETICO/SYNTHETIC when any value shown is generated.</summary>
    protected new string Title => (View.Synthetic ? SyntheticWord + " – " : "") + base.Title(Def);

    /// <summary>"Title (unit)", the title of the charts.</summary>
    protected string TitleAndUnit => Title + " (" + UnitText(Def.Unit) + ")";

    /// <summary>SINTETICO (Italian) or SYNTHETIC (English).</summary>
    protected string SyntheticWord => T("explorer.synthetic.word");

    /// <summary>The line every chart of generated values carries in its own graphic (so its PNG and SVG say it too); null otherwise.</summary>
    protected string? SyntheticLine => View.Synthetic ? T("explorer.synthetic.chart") : null;

    /// <summary>The chart's own key to low-reliability units (hatched, or excluded and how many); null when there are none.</summary>
    protected string? ReliabilityNote => View.LowReliability.Count == 0 ? null
        : Format(State.ExcludesLowReliability ? "explorer.reliability.chart.excluded" : "explorer.reliability.chart.hatched", View.LowReliability.Count);

    /// <summary>A row's reliability flags in words, joined; empty when it has none.</summary>
    protected string ReliabilityText(IndicatorRow row) => string.Join("; ", row.Reliability.Select(ReliabilityFlagText));

    /// <summary>A reliability code (<see cref="ReliabilityFlag"/>) in words.</summary>
    protected string ReliabilityFlagText(string code) =>
        ReliabilityFlag.All.Contains(code, StringComparer.Ordinal) ? T("explorer.reliability.flag." + code) : code;

    /// <summary>
    /// The change on the previous period in the right arithmetic: for a rate, share or gap in its unit (percentage points for a
    /// percentage: "+1,2 p.p."); for a count or an amount the difference and the relative change ("+120 (+3,4 %)").
    /// </summary>
    protected string ChangeText(IndicatorRow row)
    {
        if (row.Derived?.Change is not { } change)
        {
            return "–";
        }

        if (ValueNature.IsExtensive(Def.Nature))
        {
            return Signed(change, Def.Decimals) + (row.Derived.ChangePercent is { } pct ? " (" + Signed(pct, 1) + " %)" : "");
        }

        return Signed(change, Def.Decimals) + " " + ChangeUnit;
    }

    /// <summary>The unit of a change of a rate: percentage points for a percentage, the indicator's unit otherwise.</summary>
    protected string ChangeUnit => Def.Unit == "%" ? T("explorer.change.pp") : UnitText(Def.Unit);

    /// <summary>The sources of the indicator in words.</summary>
    protected string SourceText => Format("explorer.source", string.Join(", ", Def.Sources));

    /// <summary>"Sources · licence", the footnote of the charts.</summary>
    protected string SourceLine => SourceText + " · " + T("explorer.licence");

    protected string Value(double? value) => Number(value, Def.Decimals);

    /// <summary>"2026-01-01" → "1 gennaio 2026", "2026-01" → "gennaio 2026"; a year or other periods as they are; none → "–".</summary>
    protected string PeriodLabel(string? p) => p is null ? "–" : Period(p);

    protected string BreakdownLabel(string dimension, string value) => dimension switch
    {
        Dimension.Age when AgeBand.TryParse(value, out var from, out var to) => to is null
            ? Format("explorer.age.over", from)
            : Format("explorer.age.band", from, to),
        _ => T($"explorer.{dimension}.{value}"),
    };

    /// <summary>The level, the period (unless left out) and the filters in words.</summary>
    protected string Subtitle(bool withPeriod = true)
    {
        var parts = new List<string> { LevelLabel(State.Level) };
        if (withPeriod)
        {
            parts.Add(PeriodLabel(State.Period));
        }

        parts.AddRange(State.Filters.Select(f => BreakdownLabel(f.Key, f.Value)));
        return string.Join(", ", parts);
    }

    /// <summary>A flag explained with the explorer's texts (explorer.flag.*).</summary>
    protected new string FlagText(string flag) =>
        KnownFlags.Contains(flag, StringComparer.Ordinal) ? T("explorer.flag." + flag) : Format("explorer.flag.unknown", flag);

    /// <summary>An explorer URL of the current state with some parts changed.</summary>
    protected string StateUrl(Func<ExplorerState, ExplorerState> change, string path = "/esplora") => change(State).Url(path);
}
