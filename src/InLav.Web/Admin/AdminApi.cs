using System.Net;
using System.Security.Cryptography;
using System.Text;
using InLav.Store;
using InLav.Store.Imports;
using InLav.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InLav.Web.Admin;

/// <summary>
/// Operator actions for the CLI while the server holds the store: import and rollback. Loopback only, with the
/// admin token of the server lock file (roles for people arrive with the access issue).
/// </summary>
public static class AdminApi
{
    public sealed record ImportRequest(IReadOnlyList<string>? Sources);

    public static void MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin").WithTags("Administration").AddEndpointFilter(RequireAdmin).ExcludeFromDescription();
        api.MapPost("/import", Import);
        api.MapPost("/rollback/{source}", Rollback);
    }

    private static async ValueTask<object?> RequireAdmin(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = http.RequestServices.GetRequiredService<ServerLock>().Token;
        var given = http.Request.Headers["X-InLav-Admin-Token"].ToString();
        var loopback = http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
        if (!loopback || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token)))
        {
            return TypedResults.Problem("Administration needs the server's admin token, from this machine.", statusCode: 403, title: "Forbidden");
        }

        return await next(context).ConfigureAwait(false);
    }

    private static async Task<Ok<IReadOnlyList<ImportOutcome>>> Import(ImportService imports, ImportRequest request, ILogger<ImportService> logger, CancellationToken ct)
    {
        var progress = ProgressLog.For(logger);
        return TypedResults.Ok(await imports.ImportAllAsync(request.Sources is { Count: > 0 } s ? s : null, "cli-via-server", progress, ct).ConfigureAwait(false));
    }

    private static Ok<long> Rollback(InLavStore store, string source) => TypedResults.Ok(ImportRuns.Rollback(store, source));
}
