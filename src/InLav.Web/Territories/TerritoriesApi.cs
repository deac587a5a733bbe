using InLav.Application;
using InLav.Core.Territory;
using InLav.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InLav.Web.Territories;

/// <summary>Territorial levels, units, search, parents and children, classifications, comune history.</summary>
public static class TerritoriesApi
{
    public static void MapTerritoriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Territories");
        api.MapGet("/levels", Levels).WithName("ListLevels").WithSummary("Territorial levels: regione, provincia, comune and every loaded classification.");
        api.MapGet("/levels/{level}/units", Units).WithName("ListLevelUnits").WithSummary("The units of a level in a territorial configuration.")
            .WithDescription("The units of a level with their codes and names; 404 for an unknown level. Paginated with limit (default and at most 5000: every comune of Lombardy in one page) and offset; "
                + "the total is in X-Total-Count and the next and previous pages in the Link header.");
        api.MapGet("/territories/search", Search).WithName("SearchTerritories").WithSummary("Search comuni and groups by name.");
        api.MapGet("/territories/{level}/{code}", Unit).WithName("GetTerritory").WithSummary("One unit with its parents (the groups it belongs to) and children (its comuni).");
        api.MapGet("/classifications", Classifications).WithName("ListClassifications").WithSummary("Loaded classifications with their editions and sources.");
        api.MapGet("/comuni/{code}/history", History).WithName("GetComuneHistory").WithSummary("Validity and administrative changes of a comune code; the comune it maps to today.");
    }

    private static Ok<IReadOnlyList<LevelInfo>> Levels(HttpContext http, Door door, string? configuration) => TypedResults.Ok(door.Levels(Callers.Of(http), configuration));

    private static Results<Ok<List<UnitInfo>>, ProblemHttpResult> Units(HttpContext http, Door door, string level, string? configuration, int? limit, int? offset) =>
        door.Units(Callers.Of(http), level, configuration) is { } all
            ? TypedResults.Ok(Hosting.Paging.Page(http, all, limit, offset, defaultLimit: 5_000, maxLimit: 5_000))
            : TypedResults.Problem($"There is no level '{level}'.", statusCode: 404, title: "Unknown level");

    private static Results<Ok<IReadOnlyList<TerritorialUnit>>, ProblemHttpResult> Search(HttpContext http, Door door, string? q, int? limit)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2)
        {
            return TypedResults.Problem("Give at least two characters in 'q'.", statusCode: 400, title: "Query too short");
        }

        return TypedResults.Ok(door.Search(Callers.Of(http), q, Math.Clamp(limit ?? 20, 1, 100)));
    }

    private static Results<Ok<UnitDetail>, ProblemHttpResult> Unit(HttpContext http, Door door, string level, string code, string? configuration)
    {
        if (!door.Territory().HasLevel(level))
        {
            return TypedResults.Problem($"There is no level '{level}'.", statusCode: 404, title: "Unknown level");
        }

        return door.Unit(Callers.Of(http), level, code, configuration) is { } unit
            ? TypedResults.Ok(unit)
            : TypedResults.Problem($"Level '{level}' has no unit '{code}' in the configuration of {Door.ConfigurationOf(door.Territory(), configuration):yyyy-MM-dd}.", statusCode: 404, title: "Unknown unit");
    }

    private static Ok<IReadOnlyList<ClassificationDefinition>> Classifications(HttpContext http, Door door) => TypedResults.Ok(door.Classifications(Callers.Of(http)));

    private static Results<Ok<ComuneHistory>, ProblemHttpResult> History(HttpContext http, Door door, string code, string? configuration) =>
        door.History(Callers.Of(http), code, configuration) is { } history
            ? TypedResults.Ok(history)
            : TypedResults.Problem($"No comune has the code '{code}'.", statusCode: 404, title: "Unknown comune");
}
