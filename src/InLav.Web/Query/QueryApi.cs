using System.Text;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Store.Export;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InLav.Web.Query;

/// <summary>Measures and the query endpoint: the same query service the UI and the CLI ask.</summary>
public static class QueryApi
{
    public sealed record MeasureInfo(string Id, string TitleIt, string TitleEn, string Unit, bool Additive, string DescriptionIt, string DescriptionEn, IReadOnlyList<string> Periods);

    public static void MapQueryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Measures and query");
        api.MapGet("/measures", Measures).WithName("ListMeasures").WithSummary("Stored measures with their published periods.");
        api.MapGet("/query", Query)
            .WithName("RunQuery")
            .WithSummary("A measure at a territorial level: one row per unit, period and breakdown cell, with components, flags and import runs.")
            .WithDescription("period: repeatable or comma-separated, 'latest' (default) or 'all'. sex (T, M, F) and citizenship (T, ITA, FOR): filter (default T = total). "
                + "age: T (default), or a range Y{from}-{to} / Y{from}+ answered as the sum of the stored bands that tile it exactly (single years or wider bands; "
                + "e.g. Y15-64, Y65+), or a comma-separated list of ranges (one row per range); rows are labelled with the asked values. "
                + "An unknown value, or a range the bands cannot tile, is a 400 naming the allowed values or the bands available. "
                + "A period with no rows comes with a note saying why. breakdown: sex, age, citizenship. format: json (default) or csv.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static Ok<List<MeasureInfo>> Measures(InLav.Store.InLavStore store) =>
        TypedResults.Ok(store.Reader.Measures().Select(m => new MeasureInfo(m.Id, m.TitleIt, m.TitleEn, m.Unit, m.Additive, m.DescriptionIt, m.DescriptionEn, store.Reader.Periods(m.Id))).ToList());

    private static IResult Query(QueryService service, string measure, string? level, string? configuration, string[]? period, string? sex, string? age, string? citizenship,
        string[]? breakdown, string[]? unit, string? format)
    {
        var request = new QueryRequest(measure, level ?? "comune", configuration, Split(period), Filters(sex, age, citizenship), Split(breakdown), Split(unit));
        var result = service.Run(request);
        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            ? Results.Text(QueryCsv.ToCsv(result), "text/csv; charset=utf-8", Encoding.UTF8)
            : TypedResults.Ok(result);
    }

    /// <summary>The dimension filters of a query string (sex, age, citizenship); an unset dimension means its total.</summary>
    public static Dictionary<string, string> Filters(string? sex, string? age, string? citizenship)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (dimension, value) in new[] { (Dimension.Sex, sex), (Dimension.Age, age), (Dimension.Citizenship, citizenship) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                filters[dimension] = value.Trim();
            }
        }

        return filters;
    }

    public static IReadOnlyList<string>? Split(IEnumerable<string?>? values) =>
        values is null ? null : values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
