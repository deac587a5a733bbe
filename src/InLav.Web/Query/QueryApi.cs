using System.Text;
using InLav.Application;
using InLav.Store.Export;
using InLav.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InLav.Web.Query;

/// <summary>Measures and the query endpoint: the same query service the UI and the CLI ask.</summary>
public static class QueryApi
{
    public static void MapQueryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Measures and query");
        api.MapGet("/measures", Measures).WithName("ListMeasures").WithSummary("Stored measures with their published periods.");
        api.MapGet("/query", Query)
            .WithName("RunQuery")
            .WithSummary("A measure at a territorial level: one row per unit, period and breakdown cell, with components, flags and import runs.")
            .WithDescription("period: repeatable or comma-separated, 'latest' (default) or 'all'. sex (T, M, F) and citizenship (T, ITA, FOR): filter (default T = total). "
                + "age: T (default), or a range Y{from}-{to} / Y{from}+ answered as the sum of the stored bands that tile it exactly (single years or wider bands; "
                + "e.g. Y15-64, Y65+), or a comma-separated list of ranges (one row per range); rows are labelled with the asked values. "
                + "An unknown value, or a range the bands cannot tile, is a 400 naming the allowed values or the bands available. "
                + "A period with no rows comes with a note saying why. breakdown: sex, age, citizenship. format: json (default) or csv.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static Ok<IReadOnlyList<MeasureInfo>> Measures(HttpContext http, Door door) => TypedResults.Ok(door.Measures(Callers.Of(http)));

    private static IResult Query(HttpContext http, Door door, string measure, [AsParameters] SelectionParameters selection, string? format)
    {
        var result = door.MeasureValues(Callers.Of(http), measure, selection.ToSelection());
        return AnswerFormat.IsCsv(format)
            ? Results.Text(QueryCsv.ToCsv(result), "text/csv; charset=utf-8", Encoding.UTF8)
            : TypedResults.Ok(result);
    }
}
