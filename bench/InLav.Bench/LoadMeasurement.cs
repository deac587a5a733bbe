using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace InLav.Bench;

/// <summary>
/// A bounded HTTP load client against a running server: N concurrent clients, each looping for S seconds after W seconds
/// of warm-up, over a weighted mix of API answers and pages. Each client sends one request at a time and waits for its
/// whole body (closed loop), with <c>Accept-Encoding: br, gzip</c> as a browser does and without conditional requests,
/// so every answer is computed or served in full. Reported per endpoint and for the mix: requests, requests/s,
/// p50/p95/p99/max latency, errors (answers other than 2xx/304, timeouts and other exceptions) and bytes on the wire.
/// </summary>
public static class LoadMeasurement
{
    /// <summary>Target of issue 9 for the mixed workload on a warm server.</summary>
    private const double TargetRps = 1_000;
    private const double TargetP99Ms = 100;

    /// <summary>The explorer views of the UI measurement: comune level, four indicators of different kinds.</summary>
    private static readonly string[] DefaultIndicators = ["wp2_mef_istat_gap", "foreign_residents_share", "mean_taxable_income", "population"];

    private static readonly string DefaultMix = "explorer=2,profile=2,indicator-comune=2,indicator-province=2,geo=1,query-province=1";

    private sealed record Options(string Url, int Clients, int Seconds, int Warmup, Dictionary<string, int> Mix, string[] Indicators, int TimeoutSeconds);

    private sealed record Sample(string Endpoint, double Ms, long Bytes, string? Error);

    private static readonly string Usage =
        "load [--url URL] [--clients 32] [--seconds 60] [--warmup 10] [--mix " + DefaultMix + "] [--only ENDPOINT] "
        + "[--indicators " + string.Join(',', DefaultIndicators) + "] [--timeout 30]\n"
        + "endpoints: explorer (/esplora?indicator=I&level=comune), profile (/territorio/comune/CODE, every comune in turn), "
        + "indicator-comune and indicator-province (/api/v1/indicators/I/values?level=…), geo (/api/v1/geo/comune and /provincia), "
        + "query-province (/api/v1/query?measure=residents&level=provincia)";

    public static async Task<int> RunAsync(string[] args)
    {
        Options options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: dotnet run -c Release --project bench/InLav.Bench -- " + Usage);
            return 2;
        }

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Clients,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
        http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");
        http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip");
        http.DefaultRequestHeaders.UserAgent.ParseAdd("InLav.Bench-load/1");

        var comuni = await ComuniAsync(options.Url).ConfigureAwait(false);
        var targets = Targets(options.Indicators, comuni);
        var schedule = Schedule(options.Mix);
        Console.WriteLine(FormattableString.Invariant(
            $"load: {options.Url}, {options.Clients} clients, {options.Warmup} s warm-up then {options.Seconds} s measured, mix {string.Join(',', options.Mix.Select(m => $"{m.Key}={m.Value}"))}, {comuni.Count} comuni for the profiles, indicators {string.Join(',', options.Indicators)}, timeout {options.TimeoutSeconds} s"));

        var clock = Stopwatch.StartNew();
        var measureFrom = TimeSpan.FromSeconds(options.Warmup);
        var measureTo = measureFrom + TimeSpan.FromSeconds(options.Seconds);
        var perClient = await Task.WhenAll(Enumerable.Range(0, options.Clients)
            .Select(i => Task.Run(() => ClientAsync(http, i, schedule, targets, clock, measureFrom, measureTo)))).ConfigureAwait(false);
        var samples = perClient.SelectMany(s => s).ToList();

        Console.WriteLine();
        Console.WriteLine("| endpoint | requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors | MB received |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var endpoint in options.Mix.Keys)
        {
            Console.WriteLine(Row(endpoint, [.. samples.Where(s => s.Endpoint == endpoint)], options.Seconds));
        }

        var mixed = Row("**mixed**", samples, options.Seconds);
        Console.WriteLine(mixed);
        Console.WriteLine();

        foreach (var group in samples.Where(s => s.Error is not null).GroupBy(s => (s.Endpoint, s.Error)).OrderByDescending(g => g.Count()).Take(10))
        {
            Console.WriteLine(FormattableString.Invariant($"errors: {group.Count()} × {group.Key.Endpoint}: {group.Key.Error}"));
        }

        var errors = samples.Count(s => s.Error is not null);
        var rps = samples.Count / (double)options.Seconds;
        var p99 = Percentile([.. samples.Select(s => s.Ms).Order()], 0.99);
        var met = rps >= TargetRps && p99 <= TargetP99Ms && errors == 0;
        Console.WriteLine(FormattableString.Invariant(
            $"target (issue 9): mixed ≥ {TargetRps:N0} requests/s, p99 ≤ {TargetP99Ms:N0} ms, 0 errors — measured {rps:N1} requests/s, p99 {p99:N0} ms, {errors} errors: {(met ? "met" : "not met")}"));
        return errors > 0 ? 1 : 0;
    }

    private static Options Parse(string[] args)
    {
        var url = "http://127.0.0.1:5000";
        int clients = 32, seconds = 60, warmup = 10, timeout = 30;
        var mix = ParseMix(DefaultMix);
        var indicators = DefaultIndicators;
        string? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--url": url = value.TrimEnd('/'); break;
                case "--clients": clients = Positive(args[i], value); break;
                case "--seconds": seconds = Positive(args[i], value); break;
                case "--warmup": warmup = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--timeout": timeout = Positive(args[i], value); break;
                case "--mix": mix = ParseMix(value); break;
                case "--only": only = value; break;
                case "--indicators": indicators = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }

            i++;
        }

        if (only is not null)
        {
            if (!mix.ContainsKey(only) && !ParseMix(DefaultMix).ContainsKey(only))
            {
                throw new ArgumentException($"unknown endpoint '{only}'");
            }

            mix = new Dictionary<string, int>(StringComparer.Ordinal) { [only] = 1 };
        }

        if (indicators.Length == 0)
        {
            throw new ArgumentException("--indicators needs at least one code");
        }

        return new Options(url, clients, seconds, warmup, mix, indicators, timeout);
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive integer");

    private static Dictionary<string, int> ParseMix(string text)
    {
        var known = new HashSet<string>(["explorer", "profile", "indicator-comune", "indicator-province", "geo", "query-province"], StringComparer.Ordinal);
        var mix = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2);
            if (!known.Contains(kv[0]))
            {
                throw new ArgumentException($"unknown endpoint '{kv[0]}' in --mix (known: {string.Join(", ", known)})");
            }

            var weight = kv.Length == 2 ? int.Parse(kv[1], CultureInfo.InvariantCulture) : 1;
            if (weight > 0)
            {
                mix[kv[0]] = weight;
            }
        }

        return mix.Count > 0 ? mix : throw new ArgumentException("--mix has no endpoint with a positive weight");
    }

    /// <summary>The comune codes of the latest configuration, from the server's own listing.</summary>
    private static async Task<List<string>> ComuniAsync(string url)
    {
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };
        using var doc = JsonDocument.Parse(await http.GetByteArrayAsync(new Uri("/api/v1/levels/comune/units", UriKind.Relative)).ConfigureAwait(false));
        var codes = doc.RootElement.EnumerateArray().Select(u => u.GetProperty("code").GetString()!).ToList();
        if (codes.Count == 0)
        {
            throw new InvalidOperationException("The server lists no comuni: is the import done?");
        }

        // A fixed shuffle: every run visits the comuni in the same order, spread over the provinces.
        var rng = new Random(9);
        return [.. codes.OrderBy(_ => rng.Next())];
    }

    /// <summary>The URLs of each endpoint, visited in turn.</summary>
    private static Dictionary<string, string[]> Targets(string[] indicators, List<string> comuni) => new(StringComparer.Ordinal)
    {
        ["explorer"] = [.. indicators.Select(i => $"/esplora?indicator={Uri.EscapeDataString(i)}&level=comune")],
        ["profile"] = [.. comuni.Select(c => $"/territorio/comune/{c}")],
        ["indicator-comune"] = [.. indicators.Select(i => $"/api/v1/indicators/{Uri.EscapeDataString(i)}/values?level=comune")],
        ["indicator-province"] = [.. indicators.Select(i => $"/api/v1/indicators/{Uri.EscapeDataString(i)}/values?level=provincia")],
        ["geo"] = ["/api/v1/geo/comune", "/api/v1/geo/provincia"],
        ["query-province"] = ["/api/v1/query?measure=residents&level=provincia"],
    };

    /// <summary>The endpoints repeated by weight and interleaved (largest remainder first), so a short run still follows the mix.</summary>
    private static string[] Schedule(Dictionary<string, int> mix)
    {
        var total = mix.Values.Sum();
        var credit = mix.Keys.ToDictionary(k => k, _ => 0.0, StringComparer.Ordinal);
        var schedule = new string[total];
        for (var i = 0; i < total; i++)
        {
            foreach (var (k, w) in mix)
            {
                credit[k] += w / (double)total;
            }

            var next = credit.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
            credit[next] -= 1;
            schedule[i] = next;
        }

        return schedule;
    }

    private static async Task<List<Sample>> ClientAsync(HttpClient http, int client, string[] schedule, Dictionary<string, string[]> targets, Stopwatch clock,
        TimeSpan measureFrom, TimeSpan measureTo)
    {
        var samples = new List<Sample>();
        var buffer = new byte[64 * 1024];
        // Each client starts at its own place in the schedule and in each endpoint's list, so the clients do not march in step.
        var step = client;
        var turn = targets.Keys.ToDictionary(k => k, _ => client * 7, StringComparer.Ordinal);
        while (clock.Elapsed < measureTo)
        {
            var endpoint = schedule[step++ % schedule.Length];
            var urls = targets[endpoint];
            var url = urls[turn[endpoint]++ % urls.Length];
            var started = clock.Elapsed;
            long bytes = 0;
            string? error = null;
            try
            {
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                int n;
                while ((n = await body.ReadAsync(buffer).ConfigureAwait(false)) > 0)
                {
                    bytes += n;
                }

                var status = (int)response.StatusCode;
                if (status is not (>= 200 and < 300) and not 304)
                {
                    error = FormattableString.Invariant($"HTTP {status} {url}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                error = e is TaskCanceledException ? $"timeout {url}" : $"{e.GetType().Name}: {e.Message}";
            }

            // Requests that started after the warm-up count, also when they end after the window (a slow answer is not dropped).
            if (started >= measureFrom)
            {
                samples.Add(new Sample(endpoint, (clock.Elapsed - started).TotalMilliseconds, bytes, error));
            }
        }

        return samples;
    }

    private static string Row(string label, List<Sample> samples, int seconds)
    {
        if (samples.Count == 0)
        {
            return $"| {label} | 0 | 0 | – | – | – | – | 0 | 0 |";
        }

        var ms = samples.Select(s => s.Ms).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {samples.Count:N0} | {samples.Count / (double)seconds:N1} | {Percentile(ms, 0.50):N1} | {Percentile(ms, 0.95):N1} | {Percentile(ms, 0.99):N1} | {ms[^1]:N0} | {samples.Count(s => s.Error is not null):N0} | {samples.Sum(s => s.Bytes) / 1e6:N1} |");
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
