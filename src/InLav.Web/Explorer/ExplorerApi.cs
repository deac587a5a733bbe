using System.Text;
using System.Text.Json;
using InLav.Core;
using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Store;
using InLav.Store.Export;
using InLav.Web.Geo;
using InLav.Web.Query;

namespace InLav.Web.Explorer;

/// <summary>Downloads of the explorer's current view: the values as CSV (the shared writer) or XLSX, the map layer as GeoJSON with the values.</summary>
public static class ExplorerApi
{
    public const string Licence = "CC BY 4.0";

    public static void MapExplorerApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/explorer/download", Download).WithTags("Indicators and analyses")
            .WithName("DownloadExplorerView")
            .WithSummary("The explorer's current view (indicator, level, period, sex/age/citizenship filters) as CSV, XLSX or GeoJSON with the values as properties.")
            .WithDescription("format: csv (default; the columns of /indicators/{code}/values?format=csv), xlsx (the same table and a sheet of metadata) or geojson (the level's boundaries with value, flags, rank per unit). Public audience: suppressed cells stay empty and flagged.")
            .Produces(StatusCodes.Status200OK, typeof(string), "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", GeoApi.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static IResult Download(HttpContext http, InLavStore store, GeoLayers layers, string? format)
    {
        // An unknown filter value is a 400 naming the allowed values (the query service's words), never a silently ignored filter.
        string? One(string key) => http.Request.Query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        var asked = QueryApi.Filters(One(Dimension.Sex), One(Dimension.Age), One(Dimension.Citizenship));
        try
        {
            QueryService.NormaliseFilters(asked, out _);
        }
        catch (QueryException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: e.Title);
        }

        if (store.Indicators.Catalogue.Indicators.FirstOrDefault(i => i.Code == One("indicator")) is { } def
            && asked.Where(f => f.Value != Dimension.Total).Select(f => f.Key).Where(d => !def.Breakdowns.Contains(d, StringComparer.Ordinal)).ToList() is { Count: > 0 } refused)
        {
            return Results.Problem($"The indicator '{def.Code}' cannot be filtered by {string.Join(", ", refused)}; it can be by {(def.Breakdowns.Count == 0 ? "nothing" : string.Join(", ", def.Breakdowns))}.",
                statusCode: StatusCodes.Status400BadRequest, title: "Filter not available");
        }

        var problems = new List<string>();
        var state = ExplorerState.Resolve(http.Request.Query, store, problems);
        if (problems.Count > 0)
        {
            return Results.Problem($"The view is not valid ({string.Join(", ", problems)}).", statusCode: StatusCodes.Status400BadRequest, title: "Bad view");
        }

        var view = ExplorerView.Build(state, store, withSeries: false);
        if (view.Result is not { } result)
        {
            return Results.Problem(view.Problem ?? "The indicator has no period with data.", statusCode: StatusCodes.Status400BadRequest, title: "No data");
        }

        var synthetic = SyntheticMarks.Any(result);
        var name = FileName(state) + (synthetic ? "_SYNTHETIC" : "");
        switch (format?.ToLowerInvariant())
        {
            case null or "" or "csv":
                // Generated values: a title line before the header says so (the synthetic column marks each row).
                var csv = (synthetic ? SyntheticTitle(result) + "\n" : "") + IndicatorCsv.ToCsv(result);
                return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", name + ".csv");
            case "xlsx":
                return Results.File(Xlsx(result), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            case "geojson":
                return Results.File(GeoJson(layers.Get(state.Level, null), result), GeoApi.MediaType, name + ".geojson");
            default:
                return Results.Problem($"Unknown format '{format}': use csv, xlsx or geojson.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown format");
        }
    }

    /// <summary>The title line of a download with generated values: "# SYNTHETIC – …: n of m rows are generated…".</summary>
    public static string SyntheticTitle(IndicatorResult result) =>
        FormattableString.Invariant($"# SYNTHETIC – {result.Definition.TitleEn}: {result.Rows.Count(r => r.Synthetic)} of {result.Rows.Count} rows are generated figures (column synthetic), not observations. {Core.Note.SyntheticText}");

    public static string FileName(ExplorerState state) =>
        string.Join('_', new[] { "inlav", state.Indicator, state.Level, state.Period }.Concat(state.Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value))
            .Where(s => !string.IsNullOrEmpty(s))).Replace('+', 'p');

    private static byte[] Xlsx(IndicatorResult result)
    {
        var d = result.Definition;
        var synthetic = SyntheticMarks.Any(result);
        var info = new List<IReadOnlyList<string>>
        {
            new[] { "field", "value" },
            new[] { "synthetic", synthetic ? SyntheticTitle(result)[2..] : "no: every value is observed" },
            new[] { "indicator", d.Code },
            new[] { "title_it", d.TitleIt },
            new[] { "title_en", d.TitleEn },
            new[] { "unit", d.Unit },
            new[] { "proxy", d.Proxy ? "yes: an indirect signal of undeclared work, not a measurement" : "no" },
            new[] { "level", result.Level },
            new[] { "configuration", result.Configuration },
            new[] { "periods", string.Join(' ', result.Periods) },
            new[] { "sources", string.Join("; ", d.Sources) },
            new[] { "licence", Licence },
            new[] { "flags", "c confidential (disclosure control); s suppressed at source; p partial; m missing; e provisional; n not computable; x synthetic" },
            new[] { "reliability", FormattableString.Invariant($"small-denominator: denominator below {d.MinDenominator}; periods-apart: numerator and denominator more than {d.MaxYearsApart} years apart; frontier: the unit is or contains a comune of the cross-border frontier classification") },
        };
        info.AddRange(result.Notes.Select(n => (IReadOnlyList<string>)["note", n.Text]));
        return XlsxWriter.Write([new XlsxWriter.Sheet(synthetic ? "SYNTHETIC values" : "values", XlsxWriter.ParseCsv(IndicatorCsv.ToCsv(result))), new XlsxWriter.Sheet("metadata", info)]);
    }

    /// <summary>The level's boundaries with the view's values as feature properties, written in one pass over the layer's bytes.</summary>
    public static byte[] GeoJson(GeoLayer layer, IndicatorResult result)
    {
        var rows = result.Rows.GroupBy(r => r.UnitCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        using var geo = JsonDocument.Parse(layer.Json);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var part in geo.RootElement.EnumerateObject())
            {
                if (!part.NameEquals("features"))
                {
                    part.WriteTo(w);
                    continue;
                }

                w.WriteStartArray(part.Name);
                foreach (var feature in part.Value.EnumerateArray())
                {
                    WriteFeature(w, feature, rows, result);
                }

                w.WriteEndArray();
            }

            var d = result.Definition;
            w.WriteStartObject("indicator");
            w.WriteString("code", d.Code);
            var synthetic = SyntheticMarks.Any(result);
            w.WriteString("titleIt", (synthetic ? "SINTETICO – " : "") + d.TitleIt);
            w.WriteString("titleEn", (synthetic ? "SYNTHETIC – " : "") + d.TitleEn);
            w.WriteBoolean("synthetic", synthetic);
            if (synthetic)
            {
                w.WriteString("syntheticNote", SyntheticTitle(result)[2..]);
            }

            w.WriteString("unit", d.Unit);
            w.WriteBoolean("proxy", d.Proxy);
            WriteStrings(w, "sources", d.Sources);
            w.WriteString("licence", Licence);
            w.WriteString("configuration", result.Configuration);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteFeature(Utf8JsonWriter w, JsonElement feature, Dictionary<string, IndicatorRow> rows, IndicatorResult result)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
        {
            feature.WriteTo(w);
            return;
        }

        w.WriteStartObject();
        foreach (var part in feature.EnumerateObject())
        {
            if (!part.NameEquals("properties"))
            {
                part.WriteTo(w);
                continue;
            }

            w.WriteStartObject(part.Name);
            foreach (var property in props.EnumerateObject())
            {
                property.WriteTo(w);
            }

            var row = rows.GetValueOrDefault(props.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "");
            w.WriteString("indicator", result.Definition.Code);
            w.WriteString("period", row?.Period ?? result.Periods.LastOrDefault());
            WriteNumber(w, "value", row?.Value);
            w.WriteString("unit", result.Definition.Unit);
            WriteStrings(w, "flags", row?.Flags ?? []);
            WriteStrings(w, "reliability", row?.Reliability ?? []);
            w.WriteBoolean("synthetic", row?.Synthetic == true);
            WriteNumber(w, "rank", row?.Derived?.Rank);
            WriteNumber(w, "rankOf", row?.Derived?.RankOf);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
