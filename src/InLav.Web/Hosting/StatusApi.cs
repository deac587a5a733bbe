using InLav.Store;
using InLav.Web.Warmup;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InLav.Web.Hosting;

/// <summary>Liveness and import state, for operators, the CLI and the tests.</summary>
public static class StatusApi
{
    public sealed record Status(string Service, string Engine, bool StartupImportDone, int PublishedSources, int Comuni, string Configuration);

    public static void MapStatusApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/status", Get).WithName("GetStatus").WithTags("Status").WithSummary("Service status: store engine, startup import state, published sources, configuration.");

    private static Ok<Status> Get(InLavStore store, ImportState state)
    {
        var snapshot = store.Reader.Snapshot();
        var cw = snapshot.Registry.CrosswalkAt();
        var published = Store.Imports.ImportRuns.PerSource(store).Values.Count(r => r.Published is not null);
        return TypedResults.Ok(new Status("InLav Cruscotto", store.Engine.Name, state.StartupImportDone, published, cw.Comuni.Count, cw.Label));
    }
}
