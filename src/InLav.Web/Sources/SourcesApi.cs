using InLav.Sources.Catalogue;
using InLav.Store;
using InLav.Store.Imports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InLav.Web.Sources;

/// <summary>The source catalogue and the record of import runs.</summary>
public static class SourcesApi
{
    public sealed record SourceInfo(string Id, string Title, string? TitleEn, string Publisher, string Licence, string ReferencePeriod, string Url,
        IReadOnlyList<string> Files, string Format, string Parser, string? Quirks, string? Notes, long? PublishedRun, DateTime? LastImport);

    public static void MapSourcesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Sources and import runs");
        api.MapGet("/sources", Sources).WithName("ListSources").WithSummary("Every source of the catalogue with its published import run.");
        api.MapGet("/sources/{id}", Source).WithName("GetSource").WithSummary("One source.");
        api.MapGet("/import-runs", Runs).WithName("ListImportRuns").WithSummary("Import runs, newest first: files, sizes, SHA-256, rows read/loaded/rejected, times, outcome, messages.");
        api.MapGet("/import-runs/{runId:long}", Run).WithName("GetImportRun").WithSummary("One import run.");
    }

    private static Ok<List<SourceInfo>> Sources(InLavStore store)
    {
        var runs = ImportRuns.PerSource(store);
        return TypedResults.Ok(store.Catalogue.Sources.Select(s => Info(s, runs.GetValueOrDefault(s.Id))).ToList());
    }

    private static Results<Ok<SourceInfo>, ProblemHttpResult> Source(InLavStore store, string id) =>
        store.Catalogue.Find(id) is { } s
            ? TypedResults.Ok(Info(s, ImportRuns.PerSource(store).GetValueOrDefault(s.Id)))
            : TypedResults.Problem($"There is no source '{id}'.", statusCode: 404, title: "Unknown source");

    private static SourceInfo Info(SourceDefinition s, SourceRuns? runs) =>
        new(s.Id, s.Title, s.TitleEn, s.Publisher, s.Licence, s.ReferencePeriod, s.Url, s.Files, s.Format, s.Parser, s.Quirks, s.Notes,
            runs?.Published?.RunId, runs?.Latest?.StartedAt);

    private static Ok<List<ImportRun>> Runs(HttpContext http, InLavStore store, string? source, int? limit, int? offset) =>
        TypedResults.Ok(Hosting.Paging.Page(http, ImportRuns.List(store, source, int.MaxValue), limit, offset, defaultLimit: 200, maxLimit: 10_000));

    private static Results<Ok<ImportRun>, ProblemHttpResult> Run(InLavStore store, long runId) =>
        ImportRuns.Find(store, runId) is { } run
            ? TypedResults.Ok(run)
            : TypedResults.Problem($"There is no import run {runId}.", statusCode: 404, title: "Unknown run");
}
