using InLav.Application;
using InLav.Application.Downloads;
using InLav.Core;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Web.Access;
using InLav.Web.Geo;

namespace InLav.Web.Explorer;

/// <summary>Downloads of the explorer's current view: the values as CSV (the shared writer) or XLSX, the map layer as GeoJSON with the values.</summary>
public static class ExplorerApi
{
    public static void MapExplorerApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/explorer/download", Download).WithTags("Indicators and analyses")
            .WithName("DownloadExplorerView")
            .WithSummary("The explorer's current view (indicator, level, period, sex/age/citizenship filters) as CSV, XLSX or GeoJSON with the values as properties.")
            .WithDescription("format: csv (default; the columns of /indicators/{code}/values?format=csv), xlsx (the same table and a sheet of metadata) or geojson (the level's boundaries with value, flags, rank per unit). Public audience: suppressed cells stay empty and flagged.")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/csv", ExplorerDownloads.XlsxMediaType, GeoApi.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static IResult Download(HttpContext http, Door door, string? format)
    {
        // An unknown filter value is a 400 naming the allowed values (the query service's words), never a silently ignored filter.
        string? One(string key) => http.Request.Query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        var caller = Callers.Of(http);
        var asked = Selection.FiltersOf(One(Dimension.Sex), One(Dimension.Age), One(Dimension.Citizenship));
        try
        {
            Selection.NormaliseFilters(asked);
        }
        catch (QueryException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: e.Title);
        }

        if (door.IndicatorCatalogue.Indicators.FirstOrDefault(i => i.Code == One("indicator")) is { } def
            && asked.Where(f => f.Value != Dimension.Total).Select(f => f.Key).Where(d => !def.Breakdowns.Contains(d, StringComparer.Ordinal)).ToList() is { Count: > 0 } refused)
        {
            return Results.Problem($"The indicator '{def.Code}' cannot be filtered by {string.Join(", ", refused)}; it can be by {(def.Breakdowns.Count == 0 ? "nothing" : string.Join(", ", def.Breakdowns))}.",
                statusCode: StatusCodes.Status400BadRequest, title: "Filter not available");
        }

        var problems = new List<string>();
        var state = ExplorerState.Resolve(http.Request.Query, door, caller, problems);
        if (problems.Count > 0)
        {
            return Results.Problem($"The view is not valid ({string.Join(", ", problems)}).", statusCode: StatusCodes.Status400BadRequest, title: "Bad view");
        }

        var download = door.ExplorerDownload(caller, state.Question(withSeries: false), format);
        return Results.File(download.Content, download.MediaType, download.FileName);
    }
}
