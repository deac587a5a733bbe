using System.Globalization;
using System.Text.Json;
using InLav.Core.Indicators;
using InLav.Core.Territory;
using InLav.Web.Components.Shell;
using InLav.Application;
using InLav.Application.Profiles;
using Microsoft.AspNetCore.Components;

namespace InLav.Web.Components.Pages.Common;

/// <summary>Helpers shared by the profile, compare, relations, methodology and open-data pages.</summary>
public abstract class PageBase : InLavComponent
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);


    /// <summary>A value in the indicator's unit and decimals, in the page's language; "–" when there is none.</summary>
    protected string Value(double? value, IndicatorDefinition definition) => Number(value, definition.Decimals);

    /// <summary>A signed difference ("+1.234", "−5,6"), in the indicator's decimals.</summary>
    protected string Signed(double? value, int decimals) =>
        value is { } v ? (v > 0 ? "+" : v < 0 ? "−" : "") + Math.Abs(v).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture) : "–";

    protected string Period(string period) => UiCulture.Period(period, Culture);

    protected string Title(IndicatorDefinition d) => Pick(d.TitleIt, d.TitleEn);

    protected string LevelName(LevelMapping m) => English ? m.NameEn : m.NameIt;

    private IReadOnlyList<(string Id, string Name)>? levelOptions;

    /// <summary>Every level of the territorial snapshot with its name in the page's language, read once per render.</summary>
    protected IReadOnlyList<(string Id, string Name)> LevelOptions => levelOptions ??= LevelsOf(Door.Territory());

    private IReadOnlyList<(string Id, string Name)> LevelsOf(TerritorialSnapshot snapshot) => [.. snapshot.LevelIds.Select(id => (id, LevelName(snapshot.Level(id))))];

    /// <summary>A level's name from its id, in the page's language (the id itself when the level is unknown).</summary>
    protected string LevelLabel(string level) => LevelOptions.FirstOrDefault(l => l.Id == level).Name ?? level;

    /// <summary>An indicator's title from its code, in the page's language (the code itself when the indicator is unknown).</summary>
    protected string IndicatorTitle(string code) => Door.IndicatorCatalogue.Indicators.FirstOrDefault(i => i.Code == code) is { } d ? Title(d) : code;

    /// <summary>The link to a unit's profile, keeping the language.</summary>
    protected string ProfileLink(string level, string code) => Link($"/territorio/{Uri.EscapeDataString(level)}/{Uri.EscapeDataString(code)}");

    /// <summary>Data for a chart script, as JSON safe inside a script element.</summary>
    protected static MarkupString ChartJson(object data) =>
        new(JsonSerializer.Serialize(data, Json).Replace("</", "<\\/", StringComparison.Ordinal));

    /// <summary>All values of a repeated query parameter (u=a&amp;u=b), also comma-separated.</summary>
    protected IReadOnlyList<string> QueryValues(string name)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        return query.TryGetValue(name, out var v)
            ? [.. v.SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)]
            : [];
    }

    protected string FlagText(string flag)
    {
        var text = T("pages.flag." + flag);
        return text.StartsWith('[') ? Format("pages.flag.unknown", flag) : text;
    }
}
