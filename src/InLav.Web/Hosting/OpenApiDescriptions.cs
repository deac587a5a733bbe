using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InLav.Web.Hosting;

/// <summary>
/// The words of the OpenAPI document that hold for every endpoint: what each request parameter means, with an example,
/// and a description for the operations whose endpoint gives only a summary. An endpoint's own description wins.
/// </summary>
public static class OpenApiDescriptions
{
    private static readonly Dictionary<string, (string Description, string? Example)> Parameters = new(StringComparer.Ordinal)
    {
        ["level"] = ("Territorial level: regione, provincia, comune, or a loaded classification's code (see /api/v1/levels).", "provincia"),
        ["configuration"] = ("Territorial configuration: 'latest' (default) or a date yyyy-MM-dd (the comuni in force that day).", "2025-01-01"),
        ["period"] = ("Period(s) in the measure's format (yyyy for years, yyyy-MM for months, yyyy-Qn for quarters); 'latest' (default) or 'all'. Repeatable or comma-separated.", "2026-01"),
        ["periodX"] = ("Period of the first indicator, in its format; default its latest.", "2023"),
        ["periodY"] = ("Period of the second indicator, in its format; default its latest.", "2023"),
        ["x"] = ("Code of the first indicator (see /api/v1/indicators).", "mean_taxable_income"),
        ["y"] = ("Code of the second indicator (see /api/v1/indicators).", "low_income_share"),
        ["outlierZ"] = ("A unit is an outlier when its residual exceeds this many standard deviations (default 2.5).", "2.5"),
        ["signal"] = ("Code of a composite risk signal (see /api/v1/risk-signals).", null),
        ["exclude"] = ("Components left out of the signal, to see how ranks move. Repeatable or comma-separated.", null),
        ["synthetic"] = ("Whether synthetic (generated, labelled SYNTHETIC) components may enter: 'include' or 'exclude'.", null),
        ["indicator"] = ("Indicator code(s). Repeatable or comma-separated.", "mean_taxable_income"),
        ["unit"] = ("Unit code(s) of the level (ISTAT codes for comuni, e.g. 015146 for Milano; 015 for the provincia of Milano). Repeatable or comma-separated.", "015146"),
        ["format"] = ("Answer format: json (default) or csv; the explorer download also takes xlsx and geojson; the dataset downloads take csv (default), csv-excel, xlsx, json, parquet, json-stat, sdmx-csv and zip.", "csv"),
        ["layout"] = ("Layout of a dataset download: tidy (default; one row per unit × period × breakdown) or wide (units × periods; csv, csv-excel and xlsx only).", "tidy"),
        ["source"] = ("Source id of the catalogue (see /api/v1/sources).", "anpr-residenti"),
        ["limit"] = ("Largest number of items answered.", "50"),
        ["offset"] = ("Items skipped before the first answered (default 0).", "0"),
        ["runId"] = ("Import run id.", "1"),
        ["id"] = ("Source id of the catalogue.", "anpr-residenti"),
        ["q"] = ("Words of a comune's or group's name (case and accents ignored).", "Milano"),
        ["measure"] = ("Measure id (see /api/v1/measures).", "residents_anpr"),
        ["sex"] = ("Sex filter: T (total, default), M or F.", "F"),
        ["age"] = ("Age: T (total, default) or a range Y{from}-{to} / Y{from}+ tiled by the stored bands; comma-separated for several.", "Y15-64"),
        ["citizenship"] = ("Citizenship filter: T (total, default), ITA (Italian) or FOR (foreign).", "FOR"),
        ["breakdown"] = ("Dimensions broken down into rows: sex, age, citizenship. Repeatable or comma-separated.", "sex"),
        ["base"] = ("Base period of the index view (index = 100 there; default the first period with values), in the indicator's period format.", "2019"),
    };

    private static readonly Dictionary<string, string> Operations = new(StringComparer.Ordinal)
    {
        ["CorrelateIndicators"] = "Pairs the two indicators' values unit by unit at the level; units with a suppressed or missing value are left out and counted. Undefined statistics (fewer than 3 units, a constant indicator) are null, with a note.",
        ["ListClassifications"] = "Every loaded classification of comuni (e.g. degree of urbanisation, ATS), with its editions and the source each comes from.",
        ["CompareTerritories"] = "The chosen indicators for each chosen unit in one period, with the region's value beside them; flags and notes as in the values answer.",
        ["GetComuneHistory"] = "The validity of a comune code through the administrative changes (mergers, renamings, transfers), and the codes it maps to in the configuration.",
        ["ListImportRuns"] = "The import log: one item per run with its files, outcome and timings, newest first, optionally for one source. Paginated with limit (default 200, at most 10000) and offset; the total is in X-Total-Count and the next and previous pages in the Link header.",
        ["GetImportRun"] = "One run of the import log; 404 when there is no such run.",
        ["GetIndicatorSeries"] = "The indicator at every period with values, for each chosen unit, with flags and notes per value.",
        ["ListLevels"] = "The territorial levels of a configuration, each with its number of units.",
        ["ListMeasures"] = "Each stored measure with its titles in Italian and English, unit, additivity, description and the periods published.",
        ["ListRiskSignals"] = "The composite risk signals: components, weights and directions, as the methodology describes.",
        ["ListSources"] = "Every source of the catalogue with its publisher, licence, files and the import run published now.",
        ["GetSource"] = "One source of the catalogue with its published run; 404 for an unknown source id.",
        ["SearchTerritories"] = "Comuni and groups whose name contains the words asked, best matches first.",
        ["GetTerritory"] = "One unit of a level with the groups it belongs to and, for a comune, its administrative changes.",
    };

    public static void Add(OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (string.IsNullOrWhiteSpace(operation.Description) && operation.OperationId is { } id && Operations.TryGetValue(id, out var description))
            {
                operation.Description = description;
            }

            foreach (var parameter in operation.Parameters ?? [])
            {
                if (parameter is not OpenApiParameter p || p.Name is null || !Parameters.TryGetValue(p.Name, out var known))
                {
                    continue;
                }

                var text = p.Name == "code" ? null : known.Description;
                if (string.IsNullOrWhiteSpace(p.Description) && text is not null)
                {
                    p.Description = text;
                }

                if (p.Example is null && known.Example is not null)
                {
                    p.Example = JsonValue.Create(known.Example);
                }
            }

            foreach (var parameter in operation.Parameters ?? [])
            {
                if (parameter is OpenApiParameter { Name: "code" } p && string.IsNullOrWhiteSpace(p.Description))
                {
                    var path = context.Description.RelativePath ?? "";
                    (p.Description, var example) = path.Contains("datasets/measures", StringComparison.Ordinal) ? ("Measure id (see /api/v1/measures).", "residents_anpr")
                        : path.Contains("indicators", StringComparison.Ordinal) ? ("Indicator code (see /api/v1/indicators).", "mean_taxable_income")
                        : path.Contains("comuni", StringComparison.Ordinal) ? ("ISTAT code of a comune, six digits (Milano: 015146).", "015146")
                        : ("Code of the unit in its level (ISTAT codes for comuni and province: Milano 015146, provincia di Milano 015).", "015146");
                    p.Example ??= JsonValue.Create(example);
                }
            }

            // Every parameter is checked: an unknown or malformed value is a 400 problem (ApiSetup's exception handler).
            if (operation.Parameters is { Count: > 0 } && operation.Responses is { } responses && !responses.Keys.Any(k => k.StartsWith('4')))
            {
                responses["400"] = new OpenApiResponse
                {
                    Description = "Bad Request: an unknown or malformed parameter value, named in the problem's detail.",
                    Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                    {
                        ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
                    },
                };
            }

            return Task.CompletedTask;
        });
}
