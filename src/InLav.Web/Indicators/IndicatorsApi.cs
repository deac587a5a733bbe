using System.Text;
using InLav.Core.Analysis;
using InLav.Core.Indicators;
using InLav.Application;
using InLav.Store.Export;
using InLav.Web.Access;
using InLav.Web.Query;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InLav.Web.Indicators;

/// <summary>Indicators (catalogue, values with derived views, series, rankings, comparisons) and analyses (correlation, risk signal).</summary>
public static class IndicatorsApi
{
    private const string ExcludeHelp = "exclude: reliability flags whose units are left out of the answer and of its ranks "
        + "(small-denominator, periods-apart, frontier, or all; repeatable or comma-separated); they are named and counted in 'excluded'.";

    /// <summary>One cell of a comparison: an indicator for a unit in one period, with the region's value.</summary>
    public sealed record ComparisonRow(string Indicator, string UnitCode, string UnitName, string Period, double? Value, IReadOnlyList<string> Flags, double? RegionValue);

    public static void MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Indicators and analyses");
        api.MapGet("/indicators", List).WithName("ListIndicators")
            .WithSummary("The indicator catalogue: code, titles, theme, unit, proxy flag, nature, the periods and levels that have values, breakdowns.")
            .WithDescription("level: only the indicators with values at that level, each with the periods that have values there.");
        api.MapGet("/indicators/{code}", Metadata).WithName("GetIndicator")
            .WithSummary("An indicator's full metadata: formula, sources, caveats, methodology, minimum count and denominator, nature; the periods with values, per level.")
            .WithDescription("level: the periods with values at that level (default: at any level).");
        api.MapGet("/indicators/{code}/values", Values).WithName("GetIndicatorValues")
            .WithSummary("Values of an indicator at a level, with numerator, denominator, components, flags, reliability flags and derived views (change, index, rank, percentile, parent and region, z-score).")
            .WithDescription("period: repeatable or comma-separated, 'latest' (default) or 'all'. base: base period of the index. sex/age/citizenship filters; breakdown; unit; format=csv. "
                + "Derived views follow the indicator's nature: 'change' is in the indicator's unit (percentage points for a rate, share or gap in %); 'changePercent' "
                + "(relative change) and 'shareOfParent' only for counts and amounts, whose parent and region values are not given; rank, percentile and z-score only "
                + "for comparable indicators. reliability lists small-denominator, periods-apart, frontier. " + ExcludeHelp);
        api.MapGet("/indicators/{code}/series", Series).WithName("GetIndicatorSeries").WithSummary("Every period of an indicator for chosen units.");
        api.MapGet("/indicators/{code}/ranking", Ranking).WithName("GetIndicatorRanking")
            .WithSummary("Units of a level ordered by the indicator (worst first when the indicator has a polarity), with the units left out for low reliability.")
            .WithDescription(ExcludeHelp);
        api.MapGet("/compare", Compare).WithName("CompareTerritories").WithSummary("Two or more territories side by side on chosen indicators, with the region's value.");
        api.MapGet("/analysis/correlation", Correlation).WithName("CorrelateIndicators")
            .WithSummary("Pearson and Spearman correlation of two indicators across the units of a level, with n, p-values, regression line and outliers; suppressed cells excluded and counted.");
        api.MapGet("/risk-signals", Signals).WithName("ListRiskSignals").WithSummary("The composite risk signals with their components and weights.");
        api.MapGet("/analysis/risk", Risk).WithName("GetRiskSignal").WithSummary("The composite risk signal of each unit of a level, its rank, and how rankings move when weights change.")
            .WithDescription("Real inputs only by default; synthetic=include uses SYNTHETIC inputs too, and the result is labelled SYNTHETIC. " + ExcludeHelp);
    }

    private static Ok<IReadOnlyList<IndicatorInfo>> List(HttpContext http, Door door, string? level) => TypedResults.Ok(door.Indicators(Callers.Of(http), level));

    private static Ok<IndicatorMetadata> Metadata(HttpContext http, Door door, string code, string? level) => TypedResults.Ok(door.Indicator(Callers.Of(http), code, level));

    private static IResult Values(HttpContext http, Door door, string code, [AsParameters] SelectionParameters selection, string? format)
    {
        var result = door.IndicatorValues(Callers.Of(http), code, selection.ToSelection());
        return AnswerFormat.IsCsv(format)
            ? Results.Text(IndicatorCsv.ToCsv(result), "text/csv; charset=utf-8", Encoding.UTF8)
            : TypedResults.Ok(result);
    }

    private static Ok<IndicatorResult> Series(HttpContext http, Door door, string code, [AsParameters] SelectionParameters selection)
    {
        var s = selection.ToSelection();
        return TypedResults.Ok(door.IndicatorValues(Callers.Of(http), code, s with { Periods = s.Periods ?? ["all"] }, derived: false));
    }

    private static Ok<RankingAnswer> Ranking(HttpContext http, Door door, string code, [AsParameters] SelectionParameters selection, int? limit)
    {
        var s = selection.ToSelection();
        return TypedResults.Ok(door.Ranking(Callers.Of(http), code, s.Level, s.Periods switch { null or [] => null, [var one] => one, _ => throw new InLav.Core.QueryException("One period", "A ranking is of one period: give one period, 'latest' or none.") }, s.Configuration, limit ?? 50, s.Exclude));
    }

    private static Ok<List<ComparisonRow>> Compare(HttpContext http, Door door, string[] indicator, string level, string[] unit, string? period, string? configuration)
    {
        var comparison = door.Compare(Callers.Of(http), [.. (Selection.Split(unit) ?? []).Select(u => level + ":" + u)], Selection.Split(indicator) ?? [], period, configuration);
        if (comparison.Unknown.Count > 0)
        {
            throw new InLav.Core.QueryException("Unknown unit", $"Level '{level}' has no unit {string.Join(", ", comparison.Unknown.Select(u => "'" + u[(level.Length + 1)..] + "'"))}.");
        }

        var rows = comparison.Lines.SelectMany(l => comparison.Units.Select((u, i) => (u, Row: l.Cells[i]))
            .Where(x => x.Row is not null)
            .Select(x => new ComparisonRow(l.Definition.Code, x.u.Code, x.u.Name, l.Period, x.Row!.Value, x.Row.Flags, l.Region?.Value)));
        return TypedResults.Ok(rows.ToList());
    }

    private static Ok<CorrelationResult> Correlation(HttpContext http, Door door, string x, string y, string? level, string? periodX, string? periodY, string? configuration, double? outlierZ) =>
        TypedResults.Ok(door.Correlation(Callers.Of(http), x, y, level ?? "comune", periodX, periodY, configuration, outlierZ ?? 2.5));

    private static Ok<IReadOnlyList<RiskSignalDefinition>> Signals(Door door) => TypedResults.Ok(door.RiskSignals);

    private static IResult Risk(HttpContext http, Door door, string? signal, string? level, string? configuration, string[]? exclude, string? synthetic)
    {
        if (synthetic is not (null or "include" or "exclude"))
        {
            return TypedResults.Problem(title: "Unknown synthetic option", detail: $"synthetic must be 'include' or 'exclude' (the default), not '{synthetic}'.", statusCode: 400);
        }

        return TypedResults.Ok(door.Risk(Callers.Of(http), signal ?? door.RiskSignals[0].Code, level ?? "comune", configuration, Selection.Split(exclude), synthetic == "include"));
    }
}
