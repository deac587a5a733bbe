using InLav.Core.Indicators;
using InLav.Core.Query;
using InLav.Core.Territory;
using InLav.Store.Imports;

namespace InLav.Cli;

/// <summary>
/// The two ways the CLI reaches the store: the DuckDB file opened in this process, or the HTTP API of the server
/// that holds the file. Every command asks this seam, so both ways answer the same question the same way.
/// </summary>
public interface IStoreClient : IAsyncDisposable
{
    /// <summary>How the store was reached, for the one line on stderr.</summary>
    string Description { get; }

    Task<IReadOnlyList<ImportOutcome>> ImportAsync(IReadOnlyList<string>? sources, ProgressWriter progress, CancellationToken ct);

    Task<IReadOnlyList<ImportRun>> RunsAsync(string? source, int limit, CancellationToken ct);

    Task<long> RollbackAsync(string source, CancellationToken ct);

    /// <summary>The answer as text in the given format (csv or json), as the REST API writes it.</summary>
    Task<string> QueryAsync(QueryRequest request, string format, CancellationToken ct);

    Task<IReadOnlyList<LevelRow>> LevelsAsync(CancellationToken ct);

    Task<IReadOnlyList<UnitRow>> UnitsAsync(string level, CancellationToken ct);

    Task<IReadOnlyList<TerritorialUnit>> SearchAsync(string text, int limit, CancellationToken ct);

    Task<IReadOnlyList<ClassificationDefinition>> ClassificationsAsync(CancellationToken ct);

    Task<IReadOnlyList<SourceRow>> SourcesAsync(CancellationToken ct);

    /// <summary>An indicator's values (with derived views) as csv or json, as GET /api/v1/indicators/{code}/values writes them.</summary>
    Task<string> IndicatorAsync(IndicatorRequest request, string format, CancellationToken ct);

    /// <summary>The indicator catalogue, as GET /api/v1/indicators.</summary>
    Task<IReadOnlyList<IndicatorSummary>> IndicatorsAsync(CancellationToken ct);

    /// <summary>A correlation of two indicators as json, as GET /api/v1/analysis/correlation.</summary>
    Task<string> CorrelateAsync(string x, string y, string level, double outlierZ, CancellationToken ct);

    /// <summary>The composite risk signal as json, as GET /api/v1/analysis/risk.</summary>
    Task<string> RiskAsync(string? signal, string level, CancellationToken ct);
}

/// <summary>An indicator of the catalogue (the shape of GET /api/v1/indicators).</summary>
public sealed record IndicatorSummary(string Code, string TitleIt, string TitleEn, string Theme, string Unit, bool Proxy, IReadOnlyList<string> Periods);

/// <summary>A territorial level (the shape of GET /api/v1/levels).</summary>
public sealed record LevelRow(string Id, string NameIt, string NameEn, string Kind, string? Edition, int Units, int Unassigned, string Configuration);

/// <summary>A unit of a level (the shape of GET /api/v1/levels/{level}/units).</summary>
public sealed record UnitRow(string Level, string Code, string Name, int Comuni);

/// <summary>A source of the catalogue with its published run (the shape of GET /api/v1/sources).</summary>
public sealed record SourceRow(string Id, string Title, string Publisher, string Licence, long? PublishedRun, DateTime? LastImport);

/// <summary>What a command does to the store: import (needs the data directory; may create the file), write (rollback) or read (the file must exist).</summary>
public enum StoreAccess
{
    Read,
    Write,
    Import,
}
