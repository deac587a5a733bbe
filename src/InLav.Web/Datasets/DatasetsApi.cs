using InLav.Application;
using InLav.Web.Access;
using InLav.Web.Query;

namespace InLav.Web.Datasets;

/// <summary>
/// Downloads of any measure or indicator, whole or filtered (level, configuration, periods, filters, breakdowns, units), in the
/// open-data formats and layouts of <see cref="Door.Dataset"/>: the door computes the answer, builds the table and writes the file.
/// </summary>
public static class DatasetsApi
{
    private static readonly string FormatHelp =
        "format: " + string.Join("; ", Door.DatasetFormats.Select(f => $"{f.Name} ({f.Description}, {f.MediaType})")) + ". Default csv. "
        + "JSON-stat is served as application/json (profile https://json-stat.org/format/, version 2.0). "
        + "layout: tidy (default: one row per unit × period × breakdown with value, numerator, denominator, flags, reliability, synthetic, import runs) "
        + "or wide (units × periods, a value and a flags column per period) for "
        + string.Join(", ", Door.DatasetFormats.Where(f => f.HasWide).Select(f => f.Name)) + "; the zip bundle holds both. "
        + "Every file carries or links its metadata (definition, unit, sources with import runs, CC BY 4.0 licence and attributions, periods, configuration, legend of flags). "
        + "Public audience: confidential cells (flag c) have no value, numerator or denominator in any format; SYNTHETIC rows are marked and the file name ends in _SYNTHETIC. "
        + "An unknown format, layout or filter value is a 400 problem.";

    public static void MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/datasets").WithTags("Datasets (open data)");
        string[] types = [.. Door.DatasetFormats.Select(f => f.MediaType).Distinct(StringComparer.Ordinal)];
        api.MapGet("/measures/{code}", Measure).WithName("DownloadMeasureDataset")
            .WithSummary("A measure's values, whole or filtered, as a file: CSV, Excel CSV, XLSX, JSON, Parquet, JSON-stat 2.0, SDMX-CSV 1.0 or a zip bundle; tidy or wide layout.")
            .WithDescription("code: the measure id (see /api/v1/measures). period: 'latest' (default), 'all' or periods. " + FormatHelp)
            .Produces(StatusCodes.Status200OK, typeof(string), types[0], types[1..])
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/indicators/{code}", Indicator).WithName("DownloadIndicatorDataset")
            .WithSummary("An indicator's values with numerator, denominator, flags and reliability flags, whole or filtered, as a file: CSV, Excel CSV, XLSX, JSON, Parquet, JSON-stat 2.0, SDMX-CSV 1.0 or a zip bundle; tidy or wide layout.")
            .WithDescription("code: the indicator code (see /api/v1/indicators). period: 'latest' (default), 'all' or periods. The values and flags are those of /api/v1/indicators/{code}/values for the same selection. " + FormatHelp)
            .Produces(StatusCodes.Status200OK, typeof(string), types[0], types[1..])
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static IResult Measure(HttpContext http, Door door, string code, [AsParameters] SelectionParameters selection, string? format, string? layout) =>
        Send(door.Dataset(Callers.Of(http), "measure", code, Checked(selection), format, layout));

    private static IResult Indicator(HttpContext http, Door door, string code, [AsParameters] SelectionParameters selection, string? format, string? layout) =>
        Send(door.Dataset(Callers.Of(http), "indicator", code, Checked(selection), format, layout));

    /// <summary>The selection, its filter values checked first: an unknown one is a 400 naming the allowed values.</summary>
    private static Selection Checked(SelectionParameters parameters)
    {
        var selection = parameters.ToSelection();
        Selection.NormaliseFilters(selection.Filters);
        return selection;
    }

    private static IResult Send(InLav.Application.Downloads.Download download) =>
        Results.File(download.Content, download.MediaType, download.FileName);
}
