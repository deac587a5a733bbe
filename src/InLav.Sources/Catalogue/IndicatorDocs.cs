using System.Globalization;
using System.Text;
using InLav.Core.Analysis;
using InLav.Core.Indicators;

namespace InLav.Sources.Catalogue;

/// <summary>Writes docs/indicators.md from the indicator catalogue: formula, sources, caveats of each indicator.</summary>
public static class IndicatorDocs
{
    public static string Markdown(IndicatorCatalogue catalogue, IReadOnlyList<RiskSignalDefinition> signals, SourceCatalogue sources)
    {
        var sb = new StringBuilder();
        sb.Append("# Indicators\n\n")
          .Append("Generated from `catalogue/indicators/*.json` and `catalogue/risk/*.json` (a test fails when this page is stale; refresh with\n")
          .Append("`UPDATE_DOCS=1 dotnet test tests/InLav.Tests --filter IndicatorsDoc`). Every value is a ratio of components summed over the\n")
          .Append("comuni of each unit (never an average of ratios); rates published as rates are shown only at their own level.\n")
          .Append("An analyst adds an indicator by adding a file; the catalogue is validated at start and by a test.\n\n")
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
            return $"{sign}{coefficient}`{t.Measure}`{filters}{period}";
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
