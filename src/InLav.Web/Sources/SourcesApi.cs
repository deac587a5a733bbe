using InLav.Application;
using InLav.Store.Imports;
using InLav.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InLav.Web.Sources;

/// <summary>The source catalogue and the record of import runs.</summary>
public static class SourcesApi
{
    public static void MapSourcesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Sources and import runs");
        api.MapGet("/sources", Sources).WithName("ListSources").WithSummary("Every source of the catalogue with its published import run.");
        api.MapGet("/sources/{id}", Source).WithName("GetSource").WithSummary("One source.");
        api.MapGet("/import-runs", Runs).WithName("ListImportRuns").WithSummary("Import runs, newest first: files, sizes, SHA-256, rows read/loaded/rejected, times, outcome, messages.");
        api.MapGet("/import-runs/{runId:long}", Run).WithName("GetImportRun").WithSummary("One import run.");
    }

    private static Ok<IReadOnlyList<SourceInfo>> Sources(HttpContext http, Door door) => TypedResults.Ok(door.SourceList(Callers.Of(http)));

    private static Results<Ok<SourceInfo>, ProblemHttpResult> Source(HttpContext http, Door door, string id) =>
        door.Source(Callers.Of(http), id) is { } s
            ? TypedResults.Ok(s)
            : TypedResults.Problem($"There is no source '{id}'.", statusCode: 404, title: "Unknown source");

    private static Ok<List<ImportRun>> Runs(HttpContext http, Door door, string? source, int? limit, int? offset) =>
        TypedResults.Ok(Hosting.Paging.Page(http, door.Runs(Callers.Of(http), source), limit, offset, defaultLimit: 200, maxLimit: 10_000));

    private static Results<Ok<ImportRun>, ProblemHttpResult> Run(HttpContext http, Door door, long runId) =>
        door.Run(Callers.Of(http), runId) is { } run
            ? TypedResults.Ok(run)
            : TypedResults.Problem($"There is no import run {runId}.", statusCode: 404, title: "Unknown run");
}
