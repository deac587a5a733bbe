using InLav.Application.Geo;
using InLav.Core;
using InLav.Sources.Catalogue;
using InLav.Sources.Parsers;
using InLav.Store.Imports;

namespace InLav.Application;

/// <summary>A source of the catalogue with its published import run and its latest import.</summary>
public sealed record SourceInfo(string Id, string Title, string? TitleEn, string Publisher, string Licence, string ReferencePeriod, string Url,
    IReadOnlyList<string> Files, string Format, string Parser, string? Quirks, string? Notes, long? PublishedRun, DateTime? LastImport);

/// <summary>Sources, import runs and geometry.</summary>
public sealed partial class Door
{
    /// <summary>Every source of the catalogue with its published run.</summary>
    public IReadOnlyList<SourceInfo> SourceList(Caller caller) => Answers.Get(caller, "sources", () =>
    {
        var runs = ImportRuns.PerSource(Store);
        return (IReadOnlyList<SourceInfo>)[.. Store.Catalogue.Sources.Select(s => Info(s, runs.GetValueOrDefault(s.Id)))];
    }, l => SizeOfItems(l.Count * 4));

    /// <summary>The published sources the territorial registry is built from (their parsers build it), for citing territories.</summary>
    public IReadOnlyList<SourceInfo> RegistrySources(Caller caller) =>
        [.. SourceList(caller).Where(s => s.PublishedRun is not null && ParserRegistry.TryGet(s.Parser, out var parser) && parser.BuildsRegistry)];

    /// <summary>One source; null for an unknown id.</summary>
    public SourceInfo? Source(Caller caller, string id) => SourceList(caller).FirstOrDefault(s => s.Id == id);

    /// <summary>Per source that has runs: its published run, its latest run and how many runs it has.</summary>
    public IReadOnlyDictionary<string, SourceRuns> RunsPerSource(Caller caller) =>
        Answers.Get(caller, "runs-per-source", () => ImportRuns.PerSource(Store), d => SizeOfItems(d.Count * 4));

    /// <summary>Import runs newest first, of every source or of one.</summary>
    public IReadOnlyList<ImportRun> Runs(Caller caller, string? source = null) =>
        Answers.Get(caller, "runs|" + source, () => ImportRuns.List(Store, source, int.MaxValue), l => SizeOfItems(l.Count * 8));

    /// <summary>One import run; null when there is no such run.</summary>
    public ImportRun? Run(Caller caller, long runId) => Runs(caller).FirstOrDefault(r => r.RunId == runId);

    /// <summary>The boundaries of a level on a configuration as GeoJSON; the query error "Unknown level" or "Bad configuration" otherwise.</summary>
    public GeoLayer Layer(Caller caller, string level, string? configuration = "latest")
    {
        var snapshot = Territory();
        if (!snapshot.HasLevel(level))
        {
            throw new QueryException("Unknown level", $"There is no territorial level '{level}'.");
        }

        try
        {
            return Geometry.Get(level, configuration);
        }
        catch (FormatException)
        {
            throw new QueryException("Bad configuration", $"The territorial configuration '{configuration}' is not 'latest' or a date yyyy-MM-dd.");
        }
    }

    private static SourceInfo Info(SourceDefinition s, SourceRuns? runs) =>
        new(s.Id, s.Title, s.TitleEn, s.Publisher, s.Licence, s.ReferencePeriod, s.Url, s.Files, s.Format, s.Parser, s.Quirks, s.Notes,
            runs?.Published?.RunId, runs?.Latest?.StartedAt);
}
