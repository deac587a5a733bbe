using System.Globalization;
using InLav.Core;
using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Sources.Catalogue;
using InLav.Store.Imports;

namespace InLav.Store.Export;

/// <summary>A file read by an import run, as a download names it.</summary>
public sealed record DownloadRunFile(string Name, long SizeBytes, string Sha256);

/// <summary>An import run behind the figures of a download.</summary>
public sealed record DownloadRun(long RunId, DateTime StartedAt, DateTime? EndedAt, bool Published, string? Sha256, IReadOnlyList<DownloadRunFile> Files);

/// <summary>A source of a download, with its attribution (kept by every reuse, as its licence asks) and the runs it came through.</summary>
public sealed record DownloadSource(
    string Id,
    string Title,
    string? TitleEn,
    string Publisher,
    string Licence,
    string Url,
    string ReferencePeriod,
    bool Synthetic,
    string Attribution,
    IReadOnlyList<DownloadRun> ImportRuns);

/// <summary>The licence of the dashboard's downloads.</summary>
public sealed record DownloadLicence(string Id, string Name, string Url, string Statement);

/// <summary>
/// What every download carries (inside the file when the format has room for it: JSON, Parquet key-value metadata, JSON-stat
/// extension, the zip bundle) or links: the definition, unit, level and territorial configuration, reference periods, sources with
/// their import runs and attributions, the licence, the legend of the flags and the notes of the answer.
/// </summary>
public sealed record DownloadMetadata(
    string Kind,
    string Code,
    string TitleIt,
    string TitleEn,
    string DescriptionIt,
    string DescriptionEn,
    string? MethodologyEn,
    string? CaveatsEn,
    string Unit,
    string Level,
    string LevelName,
    string Configuration,
    DateOnly ConfigurationDate,
    IReadOnlyList<string> Periods,
    IReadOnlyList<string> Breakdowns,
    IReadOnlyList<DownloadSource> Sources,
    DownloadLicence Licence,
    IReadOnlyList<string> Attributions,
    IReadOnlyDictionary<string, string> Flags,
    IReadOnlyDictionary<string, string> Reliability,
    bool Synthetic,
    IReadOnlyList<string> Notes,
    DateTime? Updated)
{
    public static readonly DownloadLicence CcBy40 = new(
        "CC-BY-4.0",
        "Creative Commons Attribution 4.0 International",
        "https://creativecommons.org/licenses/by/4.0/",
        "InLav Cruscotto downloads are released under CC BY 4.0. Reuse must credit InLav Cruscotto and keep the attribution of each source listed in 'sources'.");

    /// <summary>The legend of the value flags (<see cref="FactFlag"/>), in the order channels list them.</summary>
    public static readonly IReadOnlyDictionary<string, string> FlagLegend = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [FactFlag.Confidential] = "confidential: suppressed by disclosure control (fewer than the minimum count); no value is given",
        [FactFlag.SuppressedAtSource] = "suppressed at source: the source left the cell blank; the value is unknown",
        [FactFlag.PartiallySuppressed] = "partially suppressed: part of the aggregate is blank at source, the sum is a lower bound",
        [FactFlag.Missing] = "missing: some or all of the comuni of the unit have no value for this period",
        [FactFlag.Estimated] = "estimated: provisional at source, or carried forward from another period",
        [FactFlag.NotComputable] = "not computable: a denominator is zero or a component is missing",
        [FactFlag.Synthetic] = "SYNTHETIC: built from generated figures, not observations; do not use as statistics",
    };

    /// <summary>The legend of the reliability flags of indicators (<see cref="ReliabilityFlag"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> ReliabilityLegend = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ReliabilityFlag.SmallDenominator] = "small denominator: the denominator is below the indicator's minimum (default 500); read with caution",
        [ReliabilityFlag.PeriodsApart] = "periods apart: numerator and denominator come from periods more than the indicator's maximum years apart",
        [ReliabilityFlag.Frontier] = "frontier: the unit is or holds a cross-border comune, whose residents may work abroad",
    };

    /// <summary>
    /// The metadata of a table, from the source catalogue and the import runs behind its rows (pure: the caller reads the runs).
    /// Sources are those the runs loaded, plus those an indicator declares.
    /// </summary>
    public static DownloadMetadata For(DownloadTable table, SourceCatalogue catalogue, IReadOnlyList<ImportRun> runs, IndicatorDefinition? indicator = null)
    {
        var used = table.ImportRuns.ToHashSet();
        var runsBySource = runs.Where(r => used.Contains(r.RunId)).GroupBy(r => r.SourceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(r => r.RunId).ToList(), StringComparer.Ordinal);
        var ids = runsBySource.Keys.Concat(table.DeclaredSources).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var sources = new List<DownloadSource>();
        foreach (var id in ids)
        {
            var s = catalogue.Find(id);
            var sourceRuns = runsBySource.GetValueOrDefault(id) ?? [];
            if (s is null && sourceRuns.Count == 0)
            {
                continue;
            }

            var title = s?.Title ?? id;
            var publisher = s?.Publisher ?? "unknown";
            var licence = s?.Licence ?? "unknown";
            var url = s?.Url ?? "";
            sources.Add(new DownloadSource(id, title, s?.TitleEn, publisher, licence, url, s?.ReferencePeriod ?? "", s?.Synthetic ?? false,
                Attribution(publisher, title, licence, url),
                [.. sourceRuns.Select(r => new DownloadRun(r.RunId, r.StartedAt, r.EndedAt, r.IsPublished, r.Sha256, [.. r.Files.Select(f => new DownloadRunFile(f.FileName, f.SizeBytes, f.Sha256))]))]));
        }

        var breakdowns = Dimension.All.Where(table.Has).ToList();
        var updated = runs.Where(r => used.Contains(r.RunId)).Select(r => r.EndedAt ?? r.StartedAt).DefaultIfEmpty().Max();
        var notes = table.HasSynthetic && !table.Notes.Contains(Note.SyntheticText) ? [.. table.Notes, Note.SyntheticText] : table.Notes;
        return new DownloadMetadata(
            table.Kind, table.Code, table.TitleIt, table.TitleEn, table.DescriptionIt, table.DescriptionEn, indicator?.MethodologyEn, indicator?.CaveatsEn, table.Unit,
            table.Level, table.LevelName, table.Configuration, table.ConfigurationDate, table.Periods, breakdowns, sources, CcBy40,
            ["InLav Cruscotto (CC BY 4.0)", .. sources.Select(s => s.Attribution)], FlagLegend,
            table.Kind == DownloadTable.IndicatorKind ? ReliabilityLegend : new Dictionary<string, string>(), table.HasSynthetic, notes,
            updated == default ? null : DateTime.SpecifyKind(updated, DateTimeKind.Utc));
    }

    /// <summary>The metadata of a table answered by a store: its import runs and, for an indicator, its definition, read from the store.</summary>
    public static DownloadMetadata For(DownloadTable table, InLavStore store)
    {
        var runs = table.ImportRuns.Select(id => ImportRuns.Find(store, id)).OfType<ImportRun>().ToList();
        var indicator = table.Kind == DownloadTable.IndicatorKind ? store.Indicators.Catalogue.Indicators.FirstOrDefault(i => i.Code == table.Code) : null;
        return For(table, store.Catalogue, runs, indicator);
    }

    /// <summary>The configuration date as ISO text.</summary>
    public string ConfigurationText => ConfigurationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Attribution(string publisher, string title, string licence, string url) =>
        $"{publisher}, {title} ({licence}){(url.Length > 0 ? ", " + url : "")}";
}
