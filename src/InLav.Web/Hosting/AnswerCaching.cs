using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace InLav.Web.Hosting;

/// <summary>
/// HTTP validators for every public GET (API answers, downloads, pages): a weak ETag derived from the publication the
/// store serves (<see cref="Store.Reading.StatisticsStore.Publication"/>, changed by every publication, rollback and
/// recorded run), the process, the path and query, and what the request negotiates (Accept, Accept-Encoding, cookies).
/// The tag is read before the answer is computed, so an answer is never older than its tag: a question asked during a
/// publication may get the new data under the old tag (revalidated next time), never a 304 for stale data.
/// An answer that sets its own validator (GeoJSON, static files) or says no-store keeps its headers.
/// </summary>
public static class AnswerCaching
{
    /// <summary>Changes at every start: a restarted server may serve another publication under the same number.</summary>
    private static readonly string Process = Guid.NewGuid().ToString("N");

    public const string PublicCacheControl = "public, no-cache";
    public const string PageCacheControl = "private, no-cache";

    /// <summary>
    /// The rendered answers (API bodies, downloads, pages) kept per publication, URL, negotiated headers and caller scope within
    /// InLav:OutputCacheMegabytes (default 256): a page is rendered once per publication, not once per visitor. The answer's
    /// numbers come from the door, itself cached per publication; this keeps the bytes, already compressed.
    /// </summary>
    public static void AddInLavAnswerCaching(this WebApplicationBuilder builder)
    {
        var megabytes = builder.Configuration.GetValue("InLav:OutputCacheMegabytes", 256);
        builder.Services.AddOutputCache(o =>
        {
            o.SizeLimit = megabytes * 1024L * 1024L;
            o.MaximumBodySize = 64L * 1024 * 1024;
            o.DefaultExpirationTimeSpan = TimeSpan.FromHours(12);
            o.AddBasePolicy(b => b
                .With(c => Cacheable(c.HttpContext.Request.Path) && !c.HttpContext.Request.Path.StartsWithSegments("/api/v1/geo", StringComparison.OrdinalIgnoreCase))
                .SetVaryByHeader(HeaderNames.Accept, HeaderNames.AcceptEncoding)
                .VaryByValue(c => new KeyValuePair<string, string>("publication",
                    c.RequestServices.GetRequiredService<InLav.Application.Door>().Publication.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .VaryByValue(c => new KeyValuePair<string, string>("scope", Access.Callers.Of(c).Scope.Name)));
        });
    }

    public static void UseInLavAnswerCaching(this WebApplication app)
    {
        var door = app.Services.GetRequiredService<InLav.Application.Door>();
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsGet(request.Method) || !Cacheable(request.Path))
            {
                if (request.Path.StartsWithSegments("/api/v1/status", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/api/v1/admin", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers.CacheControl = "no-store";
                        return Task.CompletedTask;
                    });
                }

                await next(context).ConfigureAwait(false);
                return;
            }

            var tag = TagOf(door.Publication, request);
            var api = request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
            var cacheControl = api ? PublicCacheControl : PageCacheControl;
            if (Matches(request.Headers.IfNoneMatch, tag))
            {
                var response = context.Response;
                response.StatusCode = StatusCodes.Status304NotModified;
                response.Headers.ETag = tag;
                response.Headers.CacheControl = cacheControl;
                response.Headers.Vary = Vary;
                return;
            }

            context.Response.OnStarting(() =>
            {
                var response = context.Response;
                var headers = response.Headers;
                if (response.StatusCode == StatusCodes.Status200OK && headers.ETag.Count == 0
                    && !headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
                {
                    headers.ETag = tag;
                    headers.CacheControl = cacheControl;
                    headers.Append(HeaderNames.Vary, Vary);
                }

                return Task.CompletedTask;
            });
            await next(context).ConfigureAwait(false);
        });
        app.UseOutputCache();
    }

    private const string Vary = "Accept, Accept-Encoding, Cookie";

    /// <summary>Interactive traffic, framework files and operator endpoints are never tagged.</summary>
    private static bool Cacheable(PathString path) =>
        !path.StartsWithSegments("/api/v1/status", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments("/api/v1/admin", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase);

    /// <summary>W/"…": a hash of everything the answer depends on (weak: compressed and plain bodies share it).</summary>
    public static string TagOf(long publication, HttpRequest request)
    {
        var text = string.Join('\n', Process, publication.ToString(System.Globalization.CultureInfo.InvariantCulture),
            request.Path.Value, request.QueryString.Value, request.Headers.Accept.ToString(), request.Headers.AcceptEncoding.ToString(),
            request.Headers.Cookie.ToString());
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12);
        return $"W/\"{publication}-{Convert.ToHexStringLower(hash)}\"";
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string tag)
    {
        foreach (var value in ifNoneMatch)
        {
            foreach (var part in (value ?? "").Split(','))
            {
                var t = part.Trim();
                if (t == tag || t == "*" || (t.Length > 2 && "W/" + t == tag))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
