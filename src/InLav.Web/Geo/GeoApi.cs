using System.Text;
using InLav.Store;

namespace InLav.Web.Geo;

/// <summary>GeoJSON of territorial levels.</summary>
public static class GeoApi
{
    public static void MapGeoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Geometry");
        api.MapGet("/geo/{level}", Level).WithName("GetLevelGeoJson").WithSummary("GeoJSON FeatureCollection of the units of a level (comune boundaries as released).");
    }

    private static IResult Level(InLavStore store, string level)
    {
        var rows = store.Reader.Boundaries(level);
        var sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        var first = true;
        foreach (var (release, code, name, geo) in rows.DistinctBy(r => r.Code))
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append("{\"type\":\"Feature\",\"id\":").Append(System.Text.Json.JsonSerializer.Serialize(code))
              .Append(",\"properties\":{\"code\":").Append(System.Text.Json.JsonSerializer.Serialize(code))
              .Append(",\"name\":").Append(System.Text.Json.JsonSerializer.Serialize(name))
              .Append(",\"release\":").Append(System.Text.Json.JsonSerializer.Serialize(release))
              .Append("},\"geometry\":").Append(geo).Append('}');
        }

        sb.Append("]}");
        return Results.Text(sb.ToString(), "application/geo+json", Encoding.UTF8);
    }
}
