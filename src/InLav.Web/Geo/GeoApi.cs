using InLav.Application;
using InLav.Application.Geo;
using InLav.Web.Access;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace InLav.Web.Geo;

/// <summary>GeoJSON of territorial levels, and the response compression of the whole site.</summary>
public static class GeoApi
{
    public const string MediaType = InLav.Application.Downloads.ExplorerDownloads.GeoJsonMediaType;

    public static void AddInLavGeo(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<GeoWarmup>();
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append(MediaType);
        });

        // Dynamic answers are compressed once (the output cache keeps the compressed bytes): the fastest levels, whose cost
        // stays below the answer's; static assets are precompressed at build (MapStaticAssets), the GeoJSON layers at warm-up.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
    }

    public static void UseInLavGeo(this WebApplication app) => app.UseResponseCompression();

    public static void MapGeoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Geometry");
        api.MapGet("/geo/{level}", Level)
            .WithName("GetLevelGeoJson")
            .WithSummary("GeoJSON FeatureCollection (RFC 7946) of the units of a level on a territorial configuration.")
            .WithDescription("Each unit is the union of the polygons of its comuni, simplified for a regional map with shared borders kept shared. " +
                "Properties: code, name, level, missingComuni; the collection's notes say which comuni have no polygon and how polygons were put together. " +
                "Strong ETag; answers 304 to If-None-Match.")
            .Produces(StatusCodes.Status200OK, typeof(object), MediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult Level(HttpContext http, Door door, string level, string? configuration = "latest")
    {
        if (!door.Territory().HasLevel(level))
        {
            return Results.Problem($"There is no territorial level '{level}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown level");
        }

        var layer = door.Layer(Callers.Of(http), level, configuration);

        var headers = http.Response.Headers;
        headers.ETag = layer.ETag;
        headers.CacheControl = "public, max-age=3600, must-revalidate";
        headers.Vary = HeaderNames.AcceptEncoding;
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == layer.ETag || t.Trim() == "*")))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var accept = http.Request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = accept.Contains("br", StringComparison.OrdinalIgnoreCase) ? (layer.Brotli, "br")
            : accept.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? (layer.Gzip, "gzip")
            : (layer.Json, null);
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        return Results.Bytes(body, MediaType);
    }
}
