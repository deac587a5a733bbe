using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Core.Territory;
using InLav.Store.Imports;

namespace InLav.Cli;

/// <summary>The running server that holds the store file, through its HTTP API (admin endpoints with the token of its lock file).</summary>
public sealed class ServerClient : IStoreClient
{
    /// <summary>The JSON conventions of the REST API (camelCase, enums as text).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly HttpClient http;
    private readonly string token;

    public ServerClient(Uri url, string token)
    {
        Url = url;
        this.token = token;
        http = new HttpClient { BaseAddress = url, Timeout = Timeout.InfiniteTimeSpan };
    }

    public Uri Url { get; }

    public string Description => $"via the running server at {Url}";

    /// <summary>True when GET /api/v1/status answers within a few seconds (503 too: the server is up, importing or unhealthy, and holds the store).</summary>
    public async Task<bool> IsUpAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            using var response = await http.GetAsync(new Uri("api/v1/status", UriKind.Relative), timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<ImportOutcome>> ImportAsync(IReadOnlyList<string>? sources, ProgressWriter progress, CancellationToken ct)
    {
        var ids = sources is { Count: > 0 } ? sources : (await SourcesAsync(ct).ConfigureAwait(false)).Select(s => s.Id).ToList();
        var outcomes = new List<ImportOutcome>();
        var clock = Stopwatch.StartNew();
        foreach (var (id, index) in ids.Select((id, i) => (id, i)))
        {
            // One request per source: the server's import answers at the end, so progress is counted in sources.
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/admin/import") { Content = JsonContent.Create(new { sources = new[] { id } }, options: Json) };
            request.Headers.Add("X-InLav-Admin-Token", token);
            var sending = http.SendAsync(request, ct);
            while (await Task.WhenAny(sending, Task.Delay(250, ct)).ConfigureAwait(false) != sending)
            {
                progress.Report(new StepProgress(id, index, ids.Count, clock.Elapsed));
            }

            using var response = await sending.ConfigureAwait(false);
            outcomes.AddRange(await ReadAsync<List<ImportOutcome>>(response, ct).ConfigureAwait(false));
            progress.Report(new StepProgress(id, index + 1, ids.Count, clock.Elapsed));
        }

        return outcomes;
    }

    public Task<IReadOnlyList<ImportRun>> RunsAsync(string? source, int limit, CancellationToken ct) =>
        GetAsync<IReadOnlyList<ImportRun>>(Query("api/v1/import-runs", ("source", source), ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))), ct);

    public async Task<long> RollbackAsync(string source, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/admin/rollback/" + Uri.EscapeDataString(source));
        request.Headers.Add("X-InLav-Admin-Token", token);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        return await ReadAsync<long>(response, ct).ConfigureAwait(false);
    }

    public Task<string> IndicatorAsync(IndicatorRequest request, string format, CancellationToken ct) =>
        GetTextAsync(Query($"api/v1/indicators/{Uri.EscapeDataString(request.Code)}/values",
            [("level", request.Level), ("configuration", request.Configuration), ("base", request.BasePeriod), ("format", format),
                .. Selection(request.Periods, request.Breakdowns, request.Units, request.Filters)]), ct);

    public async Task<IReadOnlyList<IndicatorSummary>> IndicatorsAsync(CancellationToken ct) =>
        await GetAsync<List<IndicatorSummary>>("api/v1/indicators", ct).ConfigureAwait(false);

    public Task<string> CorrelateAsync(string x, string y, string level, double outlierZ, CancellationToken ct) =>
        GetTextAsync(Query("api/v1/analysis/correlation", ("x", x), ("y", y), ("level", level), ("outlierZ", outlierZ.ToString(System.Globalization.CultureInfo.InvariantCulture))), ct);

    public Task<string> RiskAsync(string? signal, string level, CancellationToken ct) =>
        GetTextAsync(Query("api/v1/analysis/risk", ("signal", signal), ("level", level)), ct);

    private async Task<string> GetTextAsync(string relative, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(relative, UriKind.Relative), ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return text.EndsWith('\n') ? text : text + "\n";
    }

    public Task<string> QueryAsync(QueryRequest request, string format, CancellationToken ct) =>
        GetTextAsync(Query("api/v1/query",
            [("measure", request.Measure), ("level", request.Level), ("configuration", request.Configuration), ("format", format),
                .. Selection(request.Periods, request.Breakdowns, request.Units, request.Filters)]), ct);

    public Task<IReadOnlyList<LevelRow>> LevelsAsync(CancellationToken ct) => GetAsync<IReadOnlyList<LevelRow>>("api/v1/levels", ct);

    public Task<IReadOnlyList<UnitRow>> UnitsAsync(string level, CancellationToken ct) =>
        GetAsync<IReadOnlyList<UnitRow>>($"api/v1/levels/{Uri.EscapeDataString(level)}/units", ct);

    public Task<IReadOnlyList<TerritorialUnit>> SearchAsync(string text, int limit, CancellationToken ct) =>
        GetAsync<IReadOnlyList<TerritorialUnit>>(Query("api/v1/territories/search", ("q", text), ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))), ct);

    public Task<IReadOnlyList<ClassificationDefinition>> ClassificationsAsync(CancellationToken ct) => GetAsync<IReadOnlyList<ClassificationDefinition>>("api/v1/classifications", ct);

    public Task<IReadOnlyList<SourceRow>> SourcesAsync(CancellationToken ct) => GetAsync<IReadOnlyList<SourceRow>>("api/v1/sources", ct);

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), ct).ConfigureAwait(false);
        return await ReadAsync<T>(response, ct).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(Json, ct).ConfigureAwait(false)
            ?? throw new CliException($"the server answered {response.RequestMessage?.RequestUri} with an empty body.");
    }

    /// <summary>Turns an RFC 9457 problem answer into one line: its title and detail, with a usage exit code for 400 and 404.</summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        string? title = null, detail = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            title = doc.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            detail = doc.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        }
        catch (JsonException)
        {
        }

        var code = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound ? ExitCode.Usage : ExitCode.Error;
        var what = title is null && detail is null ? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}" : $"{title}: {detail}";
        throw new CliException($"the server refused: {CliContext.OneLine(what)}", code);
    }

    /// <summary>The repeatable parameters of a query or indicator request: period, breakdown, unit, then one per dimension filter.</summary>
    private static IEnumerable<(string Name, string? Value)> Selection(IReadOnlyList<string>? periods, IReadOnlyList<string>? breakdowns,
        IReadOnlyList<string>? units, IReadOnlyDictionary<string, string>? filters) =>
        [
            .. (periods ?? []).Select(p => ("period", (string?)p)),
            .. (breakdowns ?? []).Select(b => ("breakdown", (string?)b)),
            .. (units ?? []).Select(u => ("unit", (string?)u)),
            .. (filters ?? new Dictionary<string, string>()).Select(f => (f.Key, (string?)f.Value)),
        ];

    private static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var pairs = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!)}").ToList();
        return pairs.Count == 0 ? path : path + "?" + string.Join('&', pairs);
    }
}
