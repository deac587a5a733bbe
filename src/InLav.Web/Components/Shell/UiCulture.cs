using System.Globalization;

namespace InLav.Web.Components.Shell;

/// <summary>The culture of a page's language and the way a period is said in it (shared by every page).</summary>
public static class UiCulture
{
    public static CultureInfo Of(string lang) => CultureInfo.GetCultureInfo(lang == Texts.English ? "en-GB" : "it-IT");

    /// <summary>"2025-01-01" → "1 gennaio 2025" / "1 January 2025"; "2025-01" → "gennaio 2025"; a year stays a year.</summary>
    public static string Period(string period, CultureInfo culture) =>
        DateOnly.TryParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("d MMMM yyyy", culture)
        : DateOnly.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m.ToString("MMMM yyyy", culture)
        : period;
}
