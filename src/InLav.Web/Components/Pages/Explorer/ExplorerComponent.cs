using System.Globalization;
using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Territory;
using InLav.Web.Components.Shell;
using InLav.Web.Explorer;
using Microsoft.AspNetCore.Components;

namespace InLav.Web.Components.Pages.Explorer;

/// <summary>Base of the explorer's parts: the view they show and the labels they share (periods, levels, breakdowns, flags).</summary>
public abstract class ExplorerComponent : InLavComponent
{
    /// <summary>Letters of the flags this page explains; any other letter shows as it is, with a generic note.</summary>
    public static IReadOnlyList<string> KnownFlags => InLav.Core.Measures.FactFlag.All;

    [Parameter, EditorRequired]
    public ExplorerView View { get; set; } = default!;

    protected ExplorerState State => View.State;

    protected IndicatorDefinition Def => View.Definition;

    protected string Title => Pick(Def.TitleIt, Def.TitleEn);

    protected string Value(double? value) => Number(value, Def.Decimals);

    /// <summary>A change with its sign (+1,2 / −0,4).</summary>
    protected string Signed(double? value) => value is { } v ? (v > 0 ? "+" : v < 0 ? "−" : "") + Number(Math.Abs(v), Def.Decimals) : "–";

    protected string LevelName(string level)
    {
        var m = Snapshot.Level(level);
        return Pick(m.NameIt, m.NameEn);
    }

    [Inject]
    protected InLav.Store.InLavStore Store { get; set; } = default!;

    protected TerritorialSnapshot Snapshot => Store.Reader.Snapshot();

    /// <summary>"2026-01-01" → "1 gennaio 2026", "2026-01" → "gennaio 2026"; a year or other periods as they are.</summary>
    protected string PeriodLabel(string? p) =>
        p is null ? "–"
        : DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("d MMMM yyyy", Culture)
        : DateOnly.TryParseExact(p, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m.ToString("MMMM yyyy", Culture)
        : p;

    protected string BreakdownLabel(string dimension, string value) => dimension switch
    {
        Dimension.Age when AgeBand.TryParse(value, out var from, out var to) => to is null
            ? Format("explorer.age.over", from)
            : Format("explorer.age.band", from, to),
        _ => T($"explorer.{dimension}.{value}"),
    };

    /// <summary>The level, the period and the filters in words.</summary>
    protected string Subtitle()
    {
        var parts = new List<string> { LevelName(State.Level), PeriodLabel(State.Period) };
        parts.AddRange(State.Filters.Select(f => BreakdownLabel(f.Key, f.Value)));
        return string.Join(", ", parts);
    }

    protected string FlagText(string flag) =>
        KnownFlags.Contains(flag, StringComparer.Ordinal) ? T("explorer.flag." + flag) : Format("explorer.flag.unknown", flag);

    protected string ProfileUrl(string level, string code) => Link($"/territorio/{Uri.EscapeDataString(level)}/{Uri.EscapeDataString(code)}");

    /// <summary>An explorer URL of the current state with some parts changed.</summary>
    protected string StateUrl(Func<ExplorerState, ExplorerState> change, string path = "/esplora") => change(State).Url(path);
}
