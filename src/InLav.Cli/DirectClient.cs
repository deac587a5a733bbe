using System.Globalization;
using System.Text;
using System.Text.Json;
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
        Text(store.Query.Run(request), format, QueryCsv.ToCsv);

    public Task<IReadOnlyList<LevelRow>> LevelsAsync(CancellationToken ct)
    {
        var s = store.Reader.Snapshot();
        IReadOnlyList<LevelRow> rows = s.LevelIds.Select(id =>
        {
            var m = s.Level(id);
            var def = s.Classifications.FirstOrDefault(c => c.Id == id);
            return new LevelRow(id, m.NameIt, m.NameEn, def is null ? "built-in" : "classification", def?.Edition, m.Units.Count, m.Unassigned.Count, m.Crosswalk.Label);
        }).ToList();
        return Task.FromResult(rows);
    }

    public Task<IReadOnlyList<UnitRow>> UnitsAsync(string level, CancellationToken ct)
    {
        var s = store.Reader.Snapshot();
        if (!s.HasLevel(level))
        {
            throw new CliException($"Unknown level: there is no level '{level}'. Known: {string.Join(", ", s.LevelIds)}.", ExitCode.Usage);
        }

        var m = s.Level(level);
        IReadOnlyList<UnitRow> rows = m.Units.Select(u => new UnitRow(u.Level, u.Code, u.Name, m.MembersOf.GetValueOrDefault(u.Code)?.Count ?? 0)).ToList();
        return Task.FromResult(rows);
    }

    /// <summary>The same search as GET /api/v1/territories/search.</summary>
    public Task<IReadOnlyList<TerritorialUnit>> SearchAsync(string text, int limit, CancellationToken ct) =>
        Task.FromResult(store.Reader.Snapshot().Search(text, limit));

    public Task<IReadOnlyList<ClassificationDefinition>> ClassificationsAsync(CancellationToken ct)
    {
        IReadOnlyList<ClassificationDefinition> list = store.Reader.Snapshot().Classifications.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        return Task.FromResult(list);
    }

    public Task<IReadOnlyList<SourceRow>> SourcesAsync(CancellationToken ct)
    {
        var runs = ImportRuns.PerSource(store);
        IReadOnlyList<SourceRow> rows = store.Catalogue.Sources.Select(s =>
        {
            var mine = runs.GetValueOrDefault(s.Id);
            return new SourceRow(s.Id, s.Title, s.Publisher, s.Licence, mine?.Published?.RunId, mine?.Latest?.StartedAt);
        }).ToList();
        return Task.FromResult(rows);
    }

    public Task<string> IndicatorAsync(IndicatorRequest request, string format, CancellationToken ct) =>
        Text(store.Indicators.Compute(request), format, IndicatorCsv.ToCsv);

    public Task<IReadOnlyList<IndicatorSummary>> IndicatorsAsync(CancellationToken ct)
    {
        IReadOnlyList<IndicatorSummary> rows = store.Indicators.Catalogue.Indicators
            .Select(i => new IndicatorSummary(i.Code, i.TitleIt, i.TitleEn, i.Theme, i.Unit, i.Proxy, store.Indicators.Periods(i))).ToList();
        return Task.FromResult(rows);
    }

    public Task<string> CorrelateAsync(string x, string y, string level, double outlierZ, CancellationToken ct) =>
        Task.FromResult(Json(store.Analysis.Correlate(x, y, level, outlierZ: outlierZ)));

    public Task<string> RiskAsync(string? signal, string level, CancellationToken ct) =>
        Task.FromResult(Json(store.Analysis.Risk(signal ?? store.Analysis.Signals[0].Code, level)));

    /// <summary>An answer as the REST API writes it: CSV by the shared writer, else JSON.</summary>
    private static Task<string> Text<T>(T result, string format, Func<T, string> toCsv) =>
        Task.FromResult(string.Equals(format, "csv", StringComparison.Ordinal) ? toCsv(result) : Json(result));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ServerClient.Json) + "\n";

    public ValueTask DisposeAsync()
    {
        store.Dispose();
        return ValueTask.CompletedTask;
    }
}
