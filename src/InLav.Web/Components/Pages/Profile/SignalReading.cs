using InLav.Core.Measures;
using InLav.Core.Territory;
using InLav.Web.Components.Shell;
using InLav.Application;
using InLav.Application.Profiles;

namespace InLav.Web.Components.Pages.Profile;

/// <summary>
/// The one-line plain-language reading of a line of the undeclared-work card, written from its values (never typed by
/// hand): where the value stands against the province and the region (a composite: against the mean of the level), the
/// trend where there is nothing to compare with, the reliability flags ("small denominator: read with caution") and
/// generated inputs. Italian or English, from the texts profile.signal.reading.*.
/// </summary>
public static class SignalReading
{
    /// <summary>A composite score within this many standard deviations of the mean reads "near the average".</summary>
    public const double NearMean = 0.25;

    public static string Line(SignalLine line, string level, Texts texts, string lang)
    {
        var culture = ProfileSummary.CultureOf(lang);
        string T(string key) => texts.Get(lang, key);
        var parts = new List<string>();
        if (line.Composite && line.TooFewUnits)
        {
            parts.Add(T("profile.signal.reading.single"));
        }
        else if (line.Value is not { } value)
        {
            parts.Add(T(line.Composite ? "profile.signal.reading.excluded" : "profile.signal.reading.novalue"));
        }
        else if (line.Composite)
        {
            parts.Add(T("profile.signal.reading.composite." + (value > NearMean ? "above" : value < -NearMean ? "below" : "near")));
            if (line is { Rank: { } rank, RankOf: { } of } && of >= 10 && rank <= Math.Ceiling(of / 10.0) && value > NearMean)
            {
                parts.Add(T("profile.signal.reading.composite.topdecile"));
            }
        }
        else
        {
            var province = line.ParentValue is { } p ? Direction(value, p, line.Decimals) : null;
            var region = level != BuiltInLevel.Regione && line.RegionValue is { } r ? Direction(value, r, line.Decimals) : null;
            if (province is not null && province == region)
            {
                parts.Add(T("profile.signal.reading.both." + province));
            }
            else
            {
                if (province is not null)
                {
                    parts.Add(T("profile.signal.reading.province." + province));
                }

                if (region is not null)
                {
                    parts.Add(T("profile.signal.reading.region." + region));
                }
            }

            if (province is null && region is null)
            {
                parts.Add(line is { Change: { } change, PreviousPeriod: { } previous }
                    ? string.Format(culture, T("profile.signal.reading.trend." + Direction(change, 0, line.Decimals) switch { "above" => "up", "below" => "down", _ => "flat" }),
                        ProfileSummary.Period(previous, culture))
                    : T("profile.signal.reading.trend.none"));
            }
        }

        var reasons = line.Reliability.Select(f => texts.Find(lang, "profile.signal.reading.flag." + f) ?? f).ToList();
        if (line.Flags.Contains(FactFlag.Estimated, StringComparer.Ordinal))
        {
            reasons.Add(T("profile.signal.reading.estimate"));
        }

        if (reasons.Count > 0)
        {
            parts.Add(string.Join(", ", reasons) + T("profile.signal.reading.caution"));
        }

        if (line.Synthetic)
        {
            parts.Add(T("profile.signal.reading.synthetic"));
        }

        var text = string.Join("; ", parts);
        return text.Length == 0 ? text : char.ToUpper(text[0], culture) + text[1..] + ".";
    }

    /// <summary>"above", "below" or "equal": the value against a reference, as shown (rounded to the line's decimals).</summary>
    public static string Direction(double value, double reference, int decimals)
    {
        var a = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var b = Math.Round(reference, decimals, MidpointRounding.AwayFromZero);
        return a > b ? "above" : a < b ? "below" : "equal";
    }
}
