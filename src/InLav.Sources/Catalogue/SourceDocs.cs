using System.Text;

namespace InLav.Sources.Catalogue;

/// <summary>Writes docs/data-sources.md from the catalogue, so the page never drifts from what the code loads.</summary>
public static class SourceDocs
{
    public static string Markdown(SourceCatalogue catalogue)
    {
        var sb = new StringBuilder();
        sb.Append("# Data sources\n\n")
          .Append("Generated from `catalogue/sources/*.json` and `catalogue/measures/*.json` (a test fails when this page is stale; refresh with\n")
          .Append("`UPDATE_DOCS=1 dotnet test tests/InLav.Tests --filter DataSourcesDoc`). Files are read from the data directory\n")
          .Append("(default `../shared/data`; provenance of each copy in its `MANIFEST.md`). Sources are imported in the order below:\n")
          .Append("the territorial registry first, then classifications, boundaries and measures.\n\n")
          .Append("| # | id | title | publisher | licence | reference period | parser |\n|---|---|---|---|---|---|---|\n");
        var i = 0;
        foreach (var s in catalogue.Sources)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {++i} | `{s.Id}` | {Cell(s.Title)} | {Cell(s.Publisher)} | {Cell(s.Licence)} | {Cell(s.ReferencePeriod)} | `{s.Parser}` |\n");
        }

        foreach (var s in catalogue.Sources)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n## `{s.Id}` — {s.Title}\n\n");
            if (s.TitleEn is not null)
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"*{s.TitleEn}*\n\n");
            }

            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"- Publisher: {s.Publisher}\n- Licence: {s.Licence}\n- Reference period: {s.ReferencePeriod}\n- Official address: <{s.Url}>\n")
              .Append(System.Globalization.CultureInfo.InvariantCulture, $"- Files (in the data directory): {string.Join(", ", s.Files.Select(f => $"`{f}`"))}\n- Format: {s.Format}; parser `{s.Parser}`\n");
            if (s.Quirks is not null)
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"- Quirks: {s.Quirks}\n");
            }

            if (s.Notes is not null)
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"- Notes: {s.Notes}\n");
            }
        }

        sb.Append("\n# Measures\n\n| id | title | unit | additive | description |\n|---|---|---|---|---|\n");
        foreach (var m in catalogue.Measures)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"| `{m.Id}` | {Cell(m.TitleIt)} / {Cell(m.TitleEn)} | {m.Unit} | {(m.Additive ? "yes" : "no (native level only)")} | {Cell(m.DescriptionEn)} |\n");
        }

        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
