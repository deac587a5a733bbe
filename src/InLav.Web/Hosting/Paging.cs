using System.Globalization;

namespace InLav.Web.Hosting;

/// <summary>
/// Pagination of long lists (limit/offset): the body stays the list it always was (existing clients see the first page,
/// large by default), the total goes in X-Total-Count and the neighbouring pages in an RFC 8288 Link header.
/// </summary>
public static class Paging
{
    public const string TotalHeader = "X-Total-Count";

    /// <summary>One page of <paramref name="all"/>; a negative offset or a limit below 1 is a 400 naming it.</summary>
    public static List<T> Page<T>(HttpContext http, IReadOnlyList<T> all, int? limit, int? offset, int defaultLimit, int maxLimit)
    {
        if (limit is < 1 || limit > maxLimit)
        {
            throw new ArgumentException($"limit must be between 1 and {maxLimit.ToString(CultureInfo.InvariantCulture)} (asked {limit.Value.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (offset is < 0)
        {
            throw new ArgumentException($"offset must be 0 or more (asked {offset.Value.ToString(CultureInfo.InvariantCulture)}).");
        }

        var size = limit ?? defaultLimit;
        var from = offset ?? 0;
        var page = all.Skip(from).Take(size).ToList();
        var headers = http.Response.Headers;
        headers[TotalHeader] = all.Count.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        if (from + size < all.Count)
        {
            links.Add($"<{Link(http, size, from + size)}>; rel=\"next\"");
        }

        if (from > 0)
        {
            links.Add($"<{Link(http, size, Math.Max(0, from - size))}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            headers.Link = string.Join(", ", links);
        }

        return page;
    }

    private static string Link(HttpContext http, int limit, int offset)
    {
        var query = http.Request.Query.Where(q => q.Key is not ("limit" or "offset"))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"limit={limit.ToString(CultureInfo.InvariantCulture)}").Append($"offset={offset.ToString(CultureInfo.InvariantCulture)}");
        return $"{http.Request.PathBase}{http.Request.Path}?{string.Join('&', query)}";
    }
}
