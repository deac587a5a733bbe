using System.Globalization;
using System.Text;
using InLav.Core.Analysis;
using InLav.Core.Indicators;

namespace InLav.Sources.Catalogue;

/// <summary>Writes docs/indicators.md from the indicator catalogue: formula, sources, caveats of each indicator.</summary>
public static class IndicatorDocs
{
    /// <summary>Opens the block of figures measured on real data (written by a test from the store, kept by the generator).</summary>
    public const string MeasuresStart = "<!-- measures:wp2-gap -->";

    public const string MeasuresEnd = "<!-- /measures:wp2-gap -->";

    /// <summary>The measured block of a page (markers included), or null when it has none.</summary>
    public static string? MeasuresBlock(string markdown)
    {
        var start = markdown.IndexOf(MeasuresStart, StringComparison.Ordinal);
        var end = markdown.IndexOf(MeasuresEnd, StringComparison.Ordinal);
        return start < 0 || end < start ? null : markdown[start..(end + MeasuresEnd.Length)];
    }

    /// <summary>The page with its measured block replaced by <paramref name="block"/> (appended under a heading when it has none).</summary>
    public static string WithMeasuresBlock(string markdown, string block, string heading)
    {
        var old = MeasuresBlock(markdown);
        return old is null ? markdown.TrimEnd('\n') + "\n\n" + heading + "\n\n" + block + "\n" : markdown.Replace(old, block, StringComparison.Ordinal);
    }

    /// <param name="measures">The block of measured figures to keep at the end of the page (see <see cref="MeasuresBlock"/>).</param>
    public static string Markdown(IndicatorCatalogue catalogue, IReadOnlyList<RiskSignalDefinition> signals, SourceCatalogue sources, string? measures = null)
    {
        var sb = new StringBuilder();
        sb.Append("# Indicators\n\n")
          .Append("Generated from `catalogue/indicators/*.json` and `catalogue/risk/*.json` (a test fails when this page is stale; refresh with\n")
          .Append("`UPDATE_DOCS=1 dotnet test tests/InLav.Tests --filter IndicatorsDoc`). Every value is a ratio of components summed over the\n")
          .Append("comuni of each unit (never an average of ratios); rates published as rates are shown only at their own level.\n")
          .Append("An analyst adds an indicator by adding a file; the catalogue is validated at start and by a test.\n\n")
          .Append("Every value carries its reliability flags: `small-denominator` (denominator below the indicator's minimum, default 500),\n")
          .Append("`periods-apart` (numerator and denominator more than the indicator's maximum, default 5, years apart), `frontier` (the unit is\n")
          .Append("or contains a comune of the cross-border classification `frontiera`, for indicators where the border matters; absent until\n")
          .Append("that classification is loaded). The nature of a value decides its arithmetic: the change of a rate is in its unit (percentage\n")
          .Append("points for a %), the relative % change and the share of the parent only for counts and amounts; ranks, percentiles and z-scores\n")
          .Append("only for comparable indicators.\n\n")
          .Append("| code | title | theme | unit | proxy |\n|---|---|---|---|---|\n");
        foreach (var i in catalogue.Indicators)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| [`{i.Code}`](#{i.Code.Replace('_', '-')}) | {i.TitleIt} | {i.Theme} | {i.Unit} | {(i.Proxy ? "**proxy**" : "")} |\n");
        }

        foreach (var i in catalogue.Indicators)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n## {i.Code}\n\n**{i.TitleIt}** — *{i.TitleEn}*{(i.Proxy ? " — **proxy of undeclared work, not a measurement**" : "")}\n\n")
              .Append(CultureInfo.InvariantCulture, $"{i.DescriptionEn}\n\n")
              .Append(CultureInfo.InvariantCulture, $"- Formula: {Formula(i)}\n")
              .Append(CultureInfo.InvariantCulture, $"- Unit: {i.Unit}; decimals: {i.Decimals}; polarity: {(i.HigherIsWorse switch { true => "higher is worse", false => "higher is better", _ => "neutral" })}\n")
              .Append(CultureInfo.InvariantCulture, $"- Levels: {(i.Levels.Count == 0 ? "every level" : string.Join(", ", i.Levels))}; breakdowns: {(i.Breakdowns.Count == 0 ? "none" : string.Join(", ", i.Breakdowns))}\n")
              .Append(CultureInfo.InvariantCulture, $"- Periods: {(i.Periods.Count == 0 ? "every period of " + i.Numerator[0].Measure : string.Join(", ", i.Periods))}; minimum count for publication: {i.MinCount}\n")
              .Append(CultureInfo.InvariantCulture, $"- Nature: {i.Nature}; {(i.Comparable ? "comparable (ranks, percentiles, z-scores)" : "not comparable (no ranks, percentiles or z-scores)")}\n")
              .Append(CultureInfo.InvariantCulture, $"- Reliability: {(i.Kind == IndicatorKind.Sum ? "no denominator" : $"small-denominator below {i.MinDenominator}; periods-apart beyond {i.MaxYearsApart} years")}{(i.FrontierMatters ? "; frontier" : "")}\n")
              .Append(CultureInfo.InvariantCulture, $"- Sources: {string.Join("; ", i.Sources.Select(s => sources.Find(s) is { } d ? $"{d.Title} ({d.Publisher}, {d.Licence})" : s))}\n");
            if (i.CaveatsEn is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- Caveats: {i.CaveatsEn}\n");
            }

            if (i.MethodologyEn is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- Methodology: {i.MethodologyEn}\n");
            }
        }

        foreach (var s in signals)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n## Risk signal `{s.Code}`\n\n**{s.TitleIt}** — *{s.TitleEn}*\n\n{s.DescriptionEn}\n\n")
              .Append(CultureInfo.InvariantCulture, $"- Components: {string.Join(", ", s.Components.Select(c => $"`{c.Indicator}` × {c.Weight.ToString(CultureInfo.InvariantCulture)}"))}\n");
            if (s.MethodologyEn is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- Methodology: {s.MethodologyEn}\n");
            }
        }

        if (measures is not null)
        {
            sb.Append("\n## Measures on real data\n\n").Append(measures).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The formula in words: scale × (Σ numerator terms) / (Σ denominator terms).</summary>
    public static string Formula(IndicatorDefinition i)
    {
        static string Terms(IReadOnlyList<IndicatorTerm> terms) => string.Join(" ", terms.Select((t, n) =>
        {
            var sign = t.Coefficient < 0 ? "− " : n == 0 ? "" : "+ ";
            var coefficient = Math.Abs(t.Coefficient) == 1 ? "" : Math.Abs(t.Coefficient).ToString(CultureInfo.InvariantCulture) + "·";
            var filters = t.Filters.Count == 0 ? "" : "[" + string.Join(", ", t.Filters.Select(f => $"{f.Key}={f.Value}")) + "]";
            var period = t.Period == PeriodRule.Nearest ? " (nearest period)" : "";
            var scaled = t.ScaleBy is { } s
                ? $" × `{s.Measure}`{(s.Filters.Count == 0 ? "" : "[" + string.Join(", ", s.Filters.Select(f => $"{f.Key}={f.Value}")) + "]")}(indicator period) / `{s.Measure}`(term period), per comune (estimate, flag e)"
                : "";
            return $"{sign}{coefficient}`{t.Measure}`{filters}{period}{scaled}";
        }));

        var scale = i.Scale == 1 ? "" : i.Scale.ToString(CultureInfo.InvariantCulture) + " × ";
        return i.Kind switch
        {
            IndicatorKind.Sum => scale + Terms(i.Numerator),
            IndicatorKind.Complement => $"{scale}(1 − ({Terms(i.Numerator)}) / ({Terms(i.Denominator)}))",
            _ => $"{scale}({Terms(i.Numerator)}) / ({Terms(i.Denominator)})",
        };
    }
}
