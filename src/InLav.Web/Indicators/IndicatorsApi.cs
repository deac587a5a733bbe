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
    /// <summary>An indicator of the listing: Periods and Levels are those where it has values (at the asked level, when one is asked).</summary>
    public sealed record IndicatorInfo(string Code, string TitleIt, string TitleEn, string Theme, string Unit, int Decimals, bool Proxy, bool? HigherIsWorse,
        IReadOnlyList<string> Periods, IReadOnlyList<string> Levels, IReadOnlyList<string> Breakdowns, string Nature, bool Comparable);

    /// <summary>An indicator's metadata, with the periods that have values (at the asked level, else at any) and those of each level.</summary>
    public sealed record IndicatorMetadata(IndicatorDefinition Definition, IReadOnlyList<string> Periods, IReadOnlyDictionary<string, IReadOnlyList<string>> PeriodsByLevel);

    /// <summary>A ranking, with the units left out for the excluded reliability flags, named and counted.</summary>
    public sealed record RankingAnswer(string Indicator, string Level, IReadOnlyList<IndicatorRow> Rows, IReadOnlyList<string> ExcludedFlags, int ExcludedUnits,
        IReadOnlyList<ExcludedUnit> Excluded, IReadOnlyList<InLav.Core.Note> Notes);

    private const string ExcludeHelp = "exclude: reliability flags whose units are left out of the answer and of its ranks "
        + "(small-denominator, periods-apart, frontier, or all; repeatable or comma-separated); they are named and counted in 'excluded'.";

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

    private static Ok<List<IndicatorInfo>> List(InLavStore store, string? level)
    {
        var service = store.Indicators;
        if (level is not null)
        {
            store.Reader.Snapshot().RequireLevel(level);
        }

        var list = new List<IndicatorInfo>();
        foreach (var i in service.Catalogue.Indicators)
        {
            var levels = level is null ? service.LevelsWithValues(i) : service.PeriodsWithValues(i, level).Count > 0 ? [level] : [];
            if (levels.Count == 0 && level is not null)
            {
                continue;
            }

            var periods = level is null ? PeriodsAtAny(service, i, levels) : service.PeriodsWithValues(i, level);
            list.Add(new IndicatorInfo(i.Code, i.TitleIt, i.TitleEn, i.Theme, i.Unit, i.Decimals, i.Proxy, i.HigherIsWorse, periods, levels, i.Breakdowns, i.Nature, i.Comparable));
        }

        return TypedResults.Ok(list);
    }

    private static IReadOnlyList<string> PeriodsAtAny(IndicatorService service, IndicatorDefinition i, IReadOnlyList<string> levels)
    {
        var valued = levels.SelectMany(l => service.PeriodsWithValues(i, l)).ToHashSet(StringComparer.Ordinal);
        return [.. service.Periods(i).Where(valued.Contains)];
    }

    private static Ok<IndicatorMetadata> Metadata(InLavStore store, string code, string? level)
    {
        var service = store.Indicators;
        var def = service.Catalogue.Get(code);
        if (level is not null)
        {
            store.Reader.Snapshot().RequireLevel(level);
        }

        var levels = service.LevelsWithValues(def);
        var byLevel = levels.ToDictionary(l => l, l => service.PeriodsWithValues(def, l), StringComparer.Ordinal);
        return TypedResults.Ok(new IndicatorMetadata(def, level is null ? PeriodsAtAny(service, def, levels) : service.PeriodsWithValues(def, level), byLevel));
    }

    private static IndicatorRequest Request(string code, string? level, string? configuration, string[]? period, string? sex, string? age, string? citizenship,
        string[]? breakdown, string[]? unit, string? @base, string[]? exclude)
    {
        return new IndicatorRequest(code, level ?? "comune", configuration, QueryApi.Split(period), QueryApi.Filters(sex, age, citizenship), QueryApi.Split(breakdown), QueryApi.Split(unit),
            BasePeriod: @base, Exclude: QueryApi.Split(exclude));
    }

    private static IResult Values(InLavStore store, string code, string? level, string? configuration, string[]? period, string? sex, string? age, string? citizenship,
        string[]? breakdown, string[]? unit, string? @base, string[]? exclude, string? format)
    {
        var result = store.Indicators.Compute(Request(code, level, configuration, period, sex, age, citizenship, breakdown, unit, @base, exclude));
        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? Results.Text(IndicatorCsv.ToCsv(result), "text/csv; charset=utf-8", Encoding.UTF8)
            : TypedResults.Ok(result);
    }

    private static Ok<IndicatorResult> Series(InLavStore store, string code, string? level, string[] unit, string? configuration) =>
        TypedResults.Ok(store.Indicators.Compute(new IndicatorRequest(code, level ?? "comune", configuration, ["all"], Units: QueryApi.Split(unit)), derived: false));

    private static Ok<RankingAnswer> Ranking(InLavStore store, string code, string? level, string? period, string? configuration, int? limit, string[]? exclude)
    {
        var result = store.Indicators.Compute(new IndicatorRequest(code, level ?? "comune", configuration, period is null ? null : [period], Exclude: QueryApi.Split(exclude)));
        return TypedResults.Ok(new RankingAnswer(code, result.Level, [.. result.WorstFirst().Take(Math.Clamp(limit ?? 50, 1, 5000))], result.ExcludedFlags, result.ExcludedUnits,
            result.Excluded, result.Notes));
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

    private static IResult Risk(InLavStore store, string? signal, string? level, string? configuration, string[]? exclude, string? synthetic)
    {
        if (synthetic is not (null or "include" or "exclude"))
        {
            return TypedResults.Problem(title: "Unknown synthetic option", detail: $"synthetic must be 'include' or 'exclude' (the default), not '{synthetic}'.", statusCode: 400);
        }

        return TypedResults.Ok(store.Analysis.Risk(signal ?? store.Analysis.Signals[0].Code, level ?? "comune", configuration, null, QueryApi.Split(exclude), synthetic == "include"));
    }
}
