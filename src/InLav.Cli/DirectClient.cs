using System.Globalization;
using System.Text;
using System.Text.Json;
using InLav.Application;
using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Core.Territory;
using InLav.Store;
using InLav.Store.Export;
using InLav.Store.Imports;
using Microsoft.Extensions.Logging.Abstractions;

namespace InLav.Cli;

/// <summary>The store file opened in this process (no server holds it). Answers as the REST API would.</summary>
public sealed class DirectClient(InLavStore store) : IStoreClient
{
    /// <summary>The CLI on the file is a public caller, as the server's REST API is: both answer the same numbers.</summary>
    private static readonly Caller Caller = Caller.Public;

    private readonly Door door = new(store);

    public string Description => $"opened the store file {store.Options.DatabasePath} directly";

    public Task<IReadOnlyList<ImportOutcome>> ImportAsync(IReadOnlyList<string>? sources, ProgressWriter progress, CancellationToken ct)
    {
        var imports = new ImportService(store, NullLogger<ImportService>.Instance);
        return imports.ImportAllAsync(sources is { Count: > 0 } ? sources : null, "cli", progress, ct);
    }

    public Task<IReadOnlyList<ImportRun>> RunsAsync(string? source, int limit, CancellationToken ct) =>
        Task.FromResult(ImportRuns.List(store, source, limit));

    public Task<long> RollbackAsync(string source, CancellationToken ct)
    {
        if (store.Catalogue.Find(source) is null)
        {
            throw new CliException($"there is no source '{source}' in the catalogue.", ExitCode.Usage);
        }

        return Task.FromResult(ImportRuns.Rollback(store, source));
    }

    public Task<string> QueryAsync(QueryRequest request, string format, CancellationToken ct) =>
        Text(door.MeasureValues(Caller, request.Measure, Selection.Of(request)), format, QueryCsv.ToCsv);

    public Task<IReadOnlyList<LevelRow>> LevelsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<LevelRow>>([.. door.Levels(Caller).Select(l => new LevelRow(l.Id, l.NameIt, l.NameEn, l.Kind, l.Edition, l.Units, l.Unassigned, l.Configuration))]);

    public Task<IReadOnlyList<UnitRow>> UnitsAsync(string level, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<UnitRow>>(door.Units(Caller, level) is { } units
            ? [.. units.Select(u => new UnitRow(u.Level, u.Code, u.Name, u.Comuni))]
            : throw new CliException($"Unknown level: there is no level '{level}'. Known: {string.Join(", ", door.Territory().LevelIds)}.", ExitCode.Usage));

    /// <summary>The same search as GET /api/v1/territories/search.</summary>
    public Task<IReadOnlyList<TerritorialUnit>> SearchAsync(string text, int limit, CancellationToken ct) => Task.FromResult(door.Search(Caller, text, limit));

    public Task<IReadOnlyList<ClassificationDefinition>> ClassificationsAsync(CancellationToken ct) => Task.FromResult(door.Classifications(Caller));

    public Task<IReadOnlyList<SourceRow>> SourcesAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SourceRow>>([.. door.SourceList(Caller).Select(s => new SourceRow(s.Id, s.Title, s.Publisher, s.Licence, s.PublishedRun, s.LastImport))]);

    public Task<string> IndicatorAsync(IndicatorRequest request, string format, CancellationToken ct) =>
        Text(door.IndicatorValues(Caller, request.Code, Selection.Of(request)), format, IndicatorCsv.ToCsv);

    public Task<IReadOnlyList<IndicatorSummary>> IndicatorsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<IndicatorSummary>>([.. door.Indicators(Caller, null).Select(i => new IndicatorSummary(i.Code, i.TitleIt, i.TitleEn, i.Theme, i.Unit, i.Proxy, i.Periods))]);

    public Task<string> CorrelateAsync(string x, string y, string level, double outlierZ, CancellationToken ct) =>
        Task.FromResult(Json(door.Correlation(Caller, x, y, level, outlierZ: outlierZ)));

    public Task<string> RiskAsync(string? signal, string level, CancellationToken ct) =>
        Task.FromResult(Json(door.Risk(Caller, signal ?? door.RiskSignals[0].Code, level, null, null, false)));

    /// <summary>An answer as the REST API writes it: CSV by the shared writer, else JSON.</summary>
    private static Task<string> Text<T>(T result, string format, Func<T, string> toCsv) =>
        Task.FromResult(string.Equals(format, "csv", StringComparison.Ordinal) ? toCsv(result) : Json(result));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ServerClient.Json) + "\n";

    public ValueTask DisposeAsync()
    {
        door.Dispose();
        store.Dispose();
        return ValueTask.CompletedTask;
    }
}
