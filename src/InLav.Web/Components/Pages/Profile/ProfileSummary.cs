using System.Globalization;
using InLav.Core.Territory;
using InLav.Web.Components.Shell;
using InLav.Application;
using InLav.Application.Profiles;

namespace InLav.Web.Components.Pages.Profile;

/// <summary>
/// The short text at the top of a profile, written from the profile's numbers (never typed by hand): population, mean
/// taxable income against the region, the WP2 gap (a proxy) with its rank, the share of foreign residents.
/// </summary>
public static class ProfileSummary
{
    public static IReadOnlyList<string> Sentences(TerritoryProfile profile, Texts texts, string lang)
    {
        var culture = CultureOf(lang);
        string T(string key) => texts.Get(lang, key);
        string F(string key, params object?[] args) => string.Format(culture, T(key), args);
        string N(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture);
        var isRegion = profile.Unit.Level == BuiltInLevel.Regione;
        var sentences = new List<string>();

        if (profile.Indicator("population") is { Latest.Value: { } residents } population)
        {
            sentences.Add(F("profile.summary.population", profile.Unit.Name, N(residents, 0), Period(population.Latest.Period, culture)));
        }

        if (profile.Indicator("mean_taxable_income") is { Latest.Value: { } income } meanIncome)
        {
            var d = meanIncome.Definition.Decimals;
            var period = meanIncome.Latest.Period;
            if (!isRegion && meanIncome.Latest.Derived?.RegionValue is { } region && region != 0)
            {
                var difference = income - region;
                var key = difference > 0 ? "profile.summary.income.above" : difference < 0 ? "profile.summary.income.below" : "profile.summary.income.equal";
                sentences.Add(F(key, period, N(income, d), N(region, d), N(Math.Abs(difference), d), N(Math.Abs(100 * difference / region), 1)));
            }
            else
            {
                sentences.Add(F("profile.summary.income", period, N(income, d)));
            }
        }

        if (profile.Indicator("wp2_mef_istat_gap") is { Latest.Value: { } gap } wp2)
        {
            var d = wp2.Definition.Decimals;
            var derived = wp2.Latest.Derived;
            sentences.Add(!isRegion && derived is { Rank: { } rank, RankOf: { } of }
                ? F("profile.summary.gap.rank", wp2.Latest.Period, N(gap, d), rank, of, lang == Texts.English ? profile.LevelNameEn : profile.LevelNameIt)
                : F("profile.summary.gap", wp2.Latest.Period, N(gap, d)));
        }

        if (profile.Indicator("foreign_residents_share") is { Latest.Value: { } foreign } share)
        {
            var d = share.Definition.Decimals;
            sentences.Add(!isRegion && share.Latest.Derived?.RegionValue is { } region
                ? F("profile.summary.foreign.region", N(foreign, d), Period(share.Latest.Period, culture), N(region, d))
                : F("profile.summary.foreign", N(foreign, d), Period(share.Latest.Period, culture)));
        }

        return sentences;
    }

    public static CultureInfo CultureOf(string lang) => UiCulture.Of(lang);

    /// <inheritdoc cref="UiCulture.Period"/>
    public static string Period(string period, CultureInfo culture) => UiCulture.Period(period, culture);
}
