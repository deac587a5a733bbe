using InLav.Store;
using InLav.Web.Warmup;

namespace InLav.Web.Hosting;

/// <summary>Liveness and import state, for operators, the CLI and the tests.</summary>
public static class StatusApi
{
    public sealed record Status(string Service, string Engine, bool StartupImportDone, int PublishedSources, int Comuni, string Configuration);

    public static void MapStatusApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/status", Get).WithName("GetStatus").WithTags("Status").WithSummary("Service status: store engine, startup import state, published sources, configuration.")
            .WithDescription("200 with the status when the service is healthy; 503 as application/problem+json (RFC 9457) while the start-up import runs "
                + "(the previous publication is still served) or when the store cannot be read. Never cached.")
            .Produces<Status>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static IResult Get(InLavStore store, ImportState state, ILogger<Status> logger)
    {
        Status status;
        try
        {
            var snapshot = store.Reader.Snapshot();
            var cw = snapshot.Registry.CrosswalkAt();
            var published = Store.Imports.ImportRuns.PerSource(store).Values.Count(r => r.Published is not null);
            status = new Status("InLav Cruscotto", store.Engine.Name, state.StartupImportDone, published, cw.Comuni.Count, cw.Label);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The status could not read the store");
            return Results.Problem("The store cannot be read: the service cannot answer questions.", statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Store unreadable", extensions: new Dictionary<string, object?> { ["engine"] = store.Engine.Name, ["startupImportDone"] = state.StartupImportDone });
        }

        if (!state.StartupImportDone)
        {
            return Results.Problem("The start-up import is running; the previous publication is served meanwhile.", statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Start-up import running", extensions: new Dictionary<string, object?>
                {
                    ["engine"] = status.Engine,
                    ["startupImportDone"] = false,
                    ["publishedSources"] = status.PublishedSources,
                    ["comuni"] = status.Comuni,
                    ["configuration"] = status.Configuration,
                });
        }

        return TypedResults.Ok(status);
    }
}
