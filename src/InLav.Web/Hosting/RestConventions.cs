using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace InLav.Web.Hosting;

/// <summary>Limits of the per-client rate limiter (configuration section "InLav:RateLimit").</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests a client address may make per window; generous, so that a page with its assets, the tests and the bench never reach it.</summary>
    public int PermitLimit { get; set; } = 100_000;

    public int WindowSeconds { get; set; } = 10;
}

/// <summary>
/// The REST conventions of the Italian interoperability guidelines (ModI) that hold for every endpoint: HEAD wherever
/// GET is, CORS for public reads (GET/HEAD from any origin, no credentials), and a rate limit per client address answered
/// with 429 and Retry-After, with X-RateLimit-Limit/Remaining/Reset on every answer.
/// </summary>
public static class RestConventions
{
    public const string CorsPolicy = "public-reads";

    public static void AddInLavRest(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("InLav:RateLimit").Get<RateLimitOptions>() ?? new RateLimitOptions();
        var windows = new ClientWindows(limits);
        builder.Services.AddSingleton(windows);
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()
            .WithExposedHeaders("ETag", "Link", "Retry-After", "X-Total-Count", ClientWindows.LimitHeader, ClientWindows.RemainingHeader, ClientWindows.ResetHeader)
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.Get(ClientWindows.ClientOf(context), windows.Create));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (rejected, ct) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : limits.WindowSeconds;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem($"More than {limits.PermitLimit} requests in {limits.WindowSeconds} s from this client: retry after {seconds} s.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(rejected.HttpContext).ConfigureAwait(false);
            };
        });
    }

    /// <summary>HEAD answered as GET without a body; then routing, CORS for the API, the rate-limit headers and the limiter.</summary>
    public static void UseInLavRest(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            context.Request.Method = HttpMethods.Get;
            var body = context.Response.Body;
            context.Response.Body = Stream.Null;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Response.Body = body;
            }
        });
        app.UseRouting();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || c.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase),
            api => api.UseCors(CorsPolicy));
        var windows = app.Services.GetRequiredService<ClientWindows>();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                windows.WriteHeaders(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseRateLimiter();
    }
}

/// <summary>The fixed windows of each client address, kept to tell a client how much of its window is left.</summary>
public sealed class ClientWindows(RateLimitOptions limits)
{
    public const string LimitHeader = "X-RateLimit-Limit";
    public const string RemainingHeader = "X-RateLimit-Remaining";
    public const string ResetHeader = "X-RateLimit-Reset";

    private readonly ConcurrentDictionary<string, (FixedWindowRateLimiter Limiter, long Started)> windows = new(StringComparer.Ordinal);

    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public FixedWindowRateLimiter Create(string client)
    {
        var limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitLimit,
            Window = TimeSpan.FromSeconds(limits.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        windows[client] = (limiter, Environment.TickCount64);
        return limiter;
    }

    public void WriteHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers[LimitHeader] = limits.PermitLimit.ToString(CultureInfo.InvariantCulture);
        if (!windows.TryGetValue(ClientOf(context), out var w))
        {
            return;
        }

        long remaining;
        try
        {
            remaining = w.Limiter.GetStatistics()?.CurrentAvailablePermits ?? limits.PermitLimit;
        }
        catch (ObjectDisposedException)
        {
            // An idle client's window was dropped by the limiter: its next request opens a full one.
            headers[RemainingHeader] = limits.PermitLimit.ToString(CultureInfo.InvariantCulture);
            headers[ResetHeader] = limits.WindowSeconds.ToString(CultureInfo.InvariantCulture);
            return;
        }

        var windowMs = limits.WindowSeconds * 1000L;
        var left = windowMs - ((Environment.TickCount64 - w.Started) % windowMs);
        headers[RemainingHeader] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
        headers[ResetHeader] = Math.Max(1, (long)Math.Ceiling(left / 1000.0)).ToString(CultureInfo.InvariantCulture);
    }
}
