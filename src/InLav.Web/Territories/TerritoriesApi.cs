using System.Globalization;
using InLav.Core.Territory;
using InLav.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InLav.Web.Territories;

/// <summary>Territorial levels, units, search, parents and children, classifications, comune history.</summary>
public static class TerritoriesApi
{
    public sealed record LevelInfo(string Id, string NameIt, string NameEn, string Kind, string? Edition, int Units, int Unassigned, string Configuration, IReadOnlyList<string> Notes);

    public sealed record UnitInfo(string Level, string Code, string Name, int Comuni);

    public sealed record UnitDetail(string Level, string Code, string Name, string Configuration, IReadOnlyList<TerritorialUnit> Parents, IReadOnlyList<TerritorialUnit> Children, IReadOnlyList<string> Predecessors);

    public sealed record ComuneHistory(string Code, string Name, string ProvinceCode, DateOnly ValidFrom, DateOnly ValidTo, IReadOnlyList<TerritorialChange> Changes, string? CurrentCode);

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

    private static DateOnly Configuration(TerritorialSnapshot s, string? configuration)
    {
        try
        {
            return s.ParseConfiguration(configuration);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"The configuration '{configuration}' is not 'latest' or a date yyyy-MM-dd.");
        }
    }

    private static Ok<List<LevelInfo>> Levels(InLavStore store, string? configuration)
    {
        var s = store.Reader.Snapshot();
        var date = Configuration(s, configuration);
        var list = s.LevelIds.Select(id =>
        {
            var m = s.Level(id, date);
            var def = s.Classifications.FirstOrDefault(c => c.Id == id);
            return new LevelInfo(id, m.NameIt, m.NameEn, def is null ? "built-in" : "classification", def?.Edition, m.Units.Count, m.Unassigned.Count, m.Crosswalk.Label, [.. m.Notes.Select(n => n.Text)]);
        }).ToList();
        return TypedResults.Ok(list);
    }

    private static Results<Ok<List<UnitInfo>>, ProblemHttpResult> Units(HttpContext http, InLavStore store, string level, string? configuration, int? limit, int? offset)
    {
        var s = store.Reader.Snapshot();
        if (!s.HasLevel(level))
        {
            return TypedResults.Problem($"There is no level '{level}'.", statusCode: 404, title: "Unknown level");
        }

        var m = s.Level(level, Configuration(s, configuration));
        var all = m.Units.Select(u => new UnitInfo(u.Level, u.Code, u.Name, m.MembersOf.GetValueOrDefault(u.Code)?.Count ?? 0)).ToList();
        return TypedResults.Ok(Hosting.Paging.Page(http, all, limit, offset, defaultLimit: 5_000, maxLimit: 5_000));
    }

    private static Results<Ok<List<TerritorialUnit>>, ProblemHttpResult> Search(InLavStore store, string? q, int? limit)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2)
        {
            return TypedResults.Problem("Give at least two characters in 'q'.", statusCode: 400, title: "Query too short");
        }

        var hits = store.Reader.Snapshot().Search(q, Math.Clamp(limit ?? 20, 1, 100)).ToList();
        return TypedResults.Ok(hits);
    }

    private static Results<Ok<UnitDetail>, ProblemHttpResult> Unit(InLavStore store, string level, string code, string? configuration)
    {
        var s = store.Reader.Snapshot();
        if (!s.HasLevel(level))
        {
            return TypedResults.Problem($"There is no level '{level}'.", statusCode: 404, title: "Unknown level");
        }

        var date = Configuration(s, configuration);
        var m = s.Level(level, date);
        var unit = m.Unit(code);
        if (unit is null)
        {
            return TypedResults.Problem($"Level '{level}' has no unit '{code}' in the configuration of {date:yyyy-MM-dd}.", statusCode: 404, title: "Unknown unit");
        }

        var parents = s.ParentsOf(level, code, date);
        var children = s.MemberUnits(level, code, date);
        var predecessors = level == BuiltInLevel.Comune ? m.Crosswalk.PredecessorsOf(code) : [];
        return TypedResults.Ok(new UnitDetail(level, code, unit.Name, m.Crosswalk.Label, parents, children, predecessors));
    }

    private static Ok<IEnumerable<ClassificationDefinition>> Classifications(InLavStore store) =>
        TypedResults.Ok(store.Reader.Snapshot().Classifications.OrderBy(c => c.Id, StringComparer.Ordinal).AsEnumerable());

    private static Results<Ok<ComuneHistory>, ProblemHttpResult> History(InLavStore store, string code, string? configuration)
    {
        var s = store.Reader.Snapshot();
        var normalized = ComuneCode.Normalize(code);
        if (normalized is null || s.Registry.Find(normalized) is not { } comune)
        {
            return TypedResults.Problem($"No comune has the code '{code}'.", statusCode: 404, title: "Unknown comune");
        }

        var changes = s.Registry.ChangesOf(normalized);
        var current = s.Registry.CrosswalkAt(Configuration(s, configuration)).Map(normalized);
        return TypedResults.Ok(new ComuneHistory(comune.Code, comune.Name, comune.ProvinceCode, comune.ValidFrom, comune.ValidTo, changes, current));
    }
}
