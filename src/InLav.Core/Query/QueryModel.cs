using InLav.Core;
using InLav.Core.Measures;

namespace InLav.Core.Query;

/// <summary>
/// A question to the statistics: a measure at a territorial level, on a territorial configuration,
/// for some periods, with dimension filters (default: totals) and breakdowns.
/// </summary>
public sealed record QueryRequest(
    string Measure,
    string Level,
    string? Configuration = null,
    IReadOnlyList<string>? Periods = null,
    IReadOnlyDictionary<string, string>? Filters = null,
    IReadOnlyList<string>? Breakdowns = null,
    IReadOnlyList<string>? Units = null,
    AccessScope? Scope = null);

/// <summary>A component summed into a value: how many source units, how many were blank at source, how many were missing.</summary>
public sealed record Components(int SourceUnits, int Suppressed, int ComuniInUnit, int ComuniMissing);

/// <summary>
/// One unit and period (and breakdown cell) of an answer. Synthetic is true when the value is built from a synthetic source
/// (generated, not observed): channels must show it labelled SYNTHETIC.
/// </summary>
public sealed record QueryRow(
    string UnitCode,
    string UnitName,
    string Period,
    string Sex,
    string Age,
    string Citizenship,
    double? Value,
    Components Components,
    IReadOnlyList<string> Flags,
    IReadOnlyList<long> ImportRuns,
    bool Synthetic = false);

public sealed record QueryResult(
    string Measure,
    MeasureDefinition Definition,
    string Level,
    string LevelName,
    DateOnly ConfigurationDate,
    string Configuration,
    IReadOnlyList<string> Periods,
    IReadOnlyList<QueryRow> Rows,
    IReadOnlyList<Note> Notes);
