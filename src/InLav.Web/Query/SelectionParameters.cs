using InLav.Application;
using Microsoft.AspNetCore.Mvc;

namespace InLav.Web.Query;

/// <summary>
/// The request parameters of a measure or indicator question, bound once with [AsParameters] by every endpoint that
/// selects values (query, values, series, ranking): level, configuration, periods, sex/age/citizenship filters,
/// breakdowns, units, the base period and the reliability flags excluded. Their words in the OpenAPI document come from
/// <see cref="Hosting.OpenApiDescriptions"/>.
/// </summary>
public sealed class SelectionParameters
{
    [FromQuery(Name = "level")]
    public string? Level { get; init; }

    [FromQuery(Name = "configuration")]
    public string? Configuration { get; init; }

    [FromQuery(Name = "period")]
    public string[]? Period { get; init; }

    [FromQuery(Name = "sex")]
    public string? Sex { get; init; }

    [FromQuery(Name = "age")]
    public string? Age { get; init; }

    [FromQuery(Name = "citizenship")]
    public string? Citizenship { get; init; }

    [FromQuery(Name = "breakdown")]
    public string[]? Breakdown { get; init; }

    [FromQuery(Name = "unit")]
    public string[]? Unit { get; init; }

    [FromQuery(Name = "base")]
    public string? Base { get; init; }

    [FromQuery(Name = "exclude")]
    public string[]? Exclude { get; init; }

    /// <summary>The application layer's selection (level comune when none is given).</summary>
    public Selection ToSelection() => new()
    {
        Level = string.IsNullOrWhiteSpace(Level) ? "comune" : Level.Trim(),
        Configuration = Configuration,
        Periods = Selection.Split(Period),
        Filters = Selection.FiltersOf(Sex, Age, Citizenship),
        Breakdowns = Selection.Split(Breakdown),
        Units = Selection.Split(Unit),
        BasePeriod = Base,
        Exclude = Selection.Split(Exclude),
    };
}

/// <summary>The answer formats of a values endpoint: json (default) or csv; anything else is a 400 naming them.</summary>
public static class AnswerFormat
{
    public static bool IsCsv(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" => false,
        "csv" => true,
        _ => throw new Core.QueryException("Unknown format", $"Unknown format '{format}': use json (the default) or csv."),
    };
}
