using System.Globalization;
using InLav.Application;
using InLav.Core;
using InLav.Web.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace InLav.Web.Components.Shell;

/// <summary>
/// Base of every page and component of the UI: the language (?lang=en, Italian by default), its texts, number
/// formatting in that language, and links that keep the language.
/// </summary>
public abstract class InLavComponent : ComponentBase
{
    [Inject]
    protected Texts Texts { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The one door to the statistics: every figure a page shows comes from it.</summary>
    [Inject]
    protected Door Door { get; set; } = default!;

    /// <summary>The request being rendered (static server rendering), whose caller the door answers.</summary>
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    /// <summary>Who asks: the public caller until the access issue brings login.</summary>
    protected Caller Caller => Callers.Of(HttpContext);

    // Static SSR makes a fresh component per request, so the language read once from the address holds for the render.
    private string? lang;
    private CultureInfo? culture;

    protected string Lang => lang ??= Texts.LangOf(Navigation.Uri);

    protected bool English => Lang == Texts.English;

    /// <summary>en-GB or it-IT; its Name is the locale the chart scripts use.</summary>
    protected CultureInfo Culture => culture ??= UiCulture.Of(Lang);

    protected string T(string key) => Texts.Get(Lang, key);

    /// <summary>A text with placeholders ({0}, {1}…) filled in the page's culture.</summary>
    protected string Format(string key, params object?[] args) => string.Format(Culture, T(key), args);

    /// <summary>
    /// A note of the core in the page's language: the template notes.{code} of the texts (Common.texts.json) filled with the
    /// note's arguments, else the note's English text.
    /// </summary>
    protected string NoteText(Note note) =>
        Texts.Find(Lang, "notes." + note.Code) is { } template ? string.Format(Culture, template, note.Args.Cast<object?>().ToArray()) : note.Text;

    /// <summary>A unit of measure in the page's language (Units.texts.json); a unit without a translation as it is.</summary>
    protected string UnitText(string unit) => Texts.Find(Lang, "unit." + unit) ?? unit;

    /// <summary>Italian or English text of a bilingual field.</summary>
    protected string Pick(string italian, string? english) => English && !string.IsNullOrEmpty(english) ? english : italian;

    protected string? QueryValue(string name)
    {
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        return query.TryGetValue(name, out var v) ? v.ToString() : null;
    }

    /// <summary>A link to a path with parameters, keeping the language; null or empty values are left out.</summary>
    protected string Link(string path, params (string Key, string? Value)[] parameters)
    {
        var all = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).ToList();
        if (English)
        {
            all.Add(("lang", Texts.English));
        }

        return all.Count == 0 ? path : QueryHelpers.AddQueryString(path, all.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
    }

    protected string Number(double? value, int decimals) =>
        value is { } v ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture) : "–";
}
