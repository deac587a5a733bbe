using System.Text;
using InLav.Core.Analysis;
using InLav.Core.Indicators;
using InLav.Store;
using InLav.Store.Export;
using InLav.Web.Query;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InLav.Web.Indicators;

/// <summary>Indicators (catalogue, values with derived views, series, rankings, comparisons) and analyses (correlation, risk signal).</summary>
public static class IndicatorsApi
{
    public sealed record IndicatorInfo(string Code, string TitleIt, string TitleEn, string Theme, string Unit, int Decimals, bool Proxy, bool? HigherIsWorse,
        IReadOnlyList<string> Periods, IReadOnlyList<string> Levels, IReadOnlyList<string> Breakdowns);

    public sealed record IndicatorMetadata(IndicatorDefinition Definition, IReadOnlyList<string> Periods);

    public sealed record ComparisonRow(string Indicator, string UnitCode, string UnitName, string Period, double? Value, IReadOnlyList<string> Flags, double? RegionValue);

    public static void MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Indicators and analyses");
        api.MapGet("/indicators", List).WithName("ListIndicators").WithSummary("The indicator catalogue: code, titles, theme, unit, proxy flag, periods, levels, breakdowns.");
        api.MapGet("/indicators/{code}", Metadata).WithName("GetIndicator").WithSummary("An indicator's full metadata: formula, sources, caveats, methodology, minimum count.");
        api.MapGet("/indicators/{code}/values", Values).WithName("GetIndicatorValues")
            .WithSummary("Values of an indicator at a level, with numerator, denominator, components, flags and derived views (change, index, rank, percentile, parent and region, z-score).")
            .WithDescription("period: repeatable or comma-separated, 'latest' (default) or 'all'. base: base period of the index. sex/age/citizenship filters; breakdown; unit; format=csv.");
        api.MapGet("/indicators/{code}/series", Series).WithName("GetIndicatorSeries").WithSummary("Every period of an indicator for chosen units.");
        api.MapGet("/indicators/{code}/ranking", Ranking).WithName("GetIndicatorRanking").WithSummary("Units of a level ordered by the indicator (worst first when the indicator has a polarity).");
        api.MapGet("/compare", Compare).WithName("CompareTerritories").WithSummary("Two or more territories side by side on chosen indicators, with the region's value.");
        api.MapGet("/analysis/correlation", Correlation).WithName("CorrelateIndicators")
            .WithSummary("Pearson and Spearman correlation of two indicators across the units of a level, with n, p-values, regression line and outliers; suppressed cells excluded and counted.");
        api.MapGet("/risk-signals", Signals).WithName("ListRiskSignals").WithSummary("The composite risk signals with their components and weights.");
        api.MapGet("/analysis/risk", Risk).WithName("GetRiskSignal").WithSummary("The composite risk signal of each unit of a level, its rank, and how rankings move when weights change.");
    }

    private static Ok<List<IndicatorInfo>> List(InLavStore store) => TypedResults.Ok(store.Indicators.Catalogue.Indicators
        .Select(i => new IndicatorInfo(i.Code, i.TitleIt, i.TitleEn, i.Theme, i.Unit, i.Decimals, i.Proxy, i.HigherIsWorse, store.Indicators.Periods(i), i.Levels, i.Breakdowns)).ToList());

    private static Ok<IndicatorMetadata> Metadata(InLavStore store, string code)
    {
        var def = store.Indicators.Catalogue.Get(code);
        return TypedResults.Ok(new IndicatorMetadata(def, store.Indicators.Periods(def)));
    }

    private static IndicatorRequest Request(string code, string? level, string? configuration, string[]? period, string? sex, string? age, string? citizenship,
        string[]? breakdown, string[]? unit, string? @base)
    {
        return new IndicatorRequest(code, level ?? "comune", configuration, QueryApi.Split(period), QueryApi.Filters(sex, age, citizenship), QueryApi.Split(breakdown), QueryApi.Split(unit), BasePeriod: @base);
    }

    private static IResult Values(InLavStore store, string code, string? level, string? configuration, string[]? period, string? sex, string? age, string? citizenship,
        string[]? breakdown, string[]? unit, string? @base, string? format)
    {
        var result = store.Indicators.Compute(Request(code, level, configuration, period, sex, age, citizenship, breakdown, unit, @base));
        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? Results.Text(IndicatorCsv.ToCsv(result), "text/csv; charset=utf-8", Encoding.UTF8)
            : TypedResults.Ok(result);
    }

    private static Ok<IndicatorResult> Series(InLavStore store, string code, string? level, string[] unit, string? configuration) =>
        TypedResults.Ok(store.Indicators.Compute(new IndicatorRequest(code, level ?? "comune", configuration, ["all"], Units: QueryApi.Split(unit)), derived: false));

    private static Ok<List<IndicatorRow>> Ranking(InLavStore store, string code, string? level, string? period, string? configuration, int? limit)
    {
        var result = store.Indicators.Compute(new IndicatorRequest(code, level ?? "comune", configuration, period is null ? null : [period]));
        return TypedResults.Ok(result.WorstFirst().Take(Math.Clamp(limit ?? 50, 1, 5000)).ToList());
    }

    private static Ok<List<ComparisonRow>> Compare(InLavStore store, string[] indicator, string level, string[] unit, string? period, string? configuration)
    {
        var units = QueryApi.Split(unit) ?? [];
        var rows = new List<ComparisonRow>();
        foreach (var code in QueryApi.Split(indicator) ?? [])
        {
            var def = store.Indicators.Catalogue.Get(code);
            var asked = period is not null && store.Indicators.Periods(def).Contains(period, StringComparer.Ordinal) ? [period] : (IReadOnlyList<string>?)null;
            var result = store.Indicators.Compute(new IndicatorRequest(code, level, configuration, asked, Units: units));
            rows.AddRange(result.Rows.Select(r => new ComparisonRow(code, r.UnitCode, r.UnitName, r.Period, r.Value, r.Flags, r.Derived?.RegionValue)));
        }

        return TypedResults.Ok(rows);
    }

    private static Ok<CorrelationResult> Correlation(InLavStore store, string x, string y, string? level, string? periodX, string? periodY, string? configuration, double? outlierZ) =>
        TypedResults.Ok(store.Analysis.Correlate(x, y, level ?? "comune", periodX, periodY, configuration, outlierZ ?? 2.5));

    private static Ok<IReadOnlyList<RiskSignalDefinition>> Signals(InLavStore store) => TypedResults.Ok(store.Analysis.Signals);

    private static Ok<RiskResult> Risk(InLavStore store, string? signal, string? level, string? configuration) =>
        TypedResults.Ok(store.Analysis.Risk(signal ?? store.Analysis.Signals[0].Code, level ?? "comune", configuration));
}
