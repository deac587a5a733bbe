using System.Globalization;
using System.Text.Json;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Core.Territory;
using Microsoft.AspNetCore.Components;

namespace InLav.Web.Components.Pages;

/// <summary>
/// The population map: every view state (level, measure, period) is in the query string of a GET form, so the page works
/// without JavaScript and back/forward work. The numbers come from the query service; the page only shows them.
/// </summary>
public partial class Mappa
{
    /// <summary>The measures the population map offers, in this order, when the catalogue defines them.</summary>
    private static readonly string[] MapMeasures = ["residents_anpr", "residents"];

    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    private List<(string Id, string Name)> levels = [];
    private List<MeasureDefinition> measures = [];
    private IReadOnlyList<string> periods = [];
    private string level = BuiltInLevel.Provincia;
    private MeasureDefinition? measure;
    private string? period;
    private QueryResult? result;
    private List<QueryRow> valued = [];
    private string? problem;

    [SupplyParameterFromQuery(Name = "livello")]
    public string? Livello { get; set; }

    [SupplyParameterFromQuery(Name = "misura")]
    public string? Misura { get; set; }

    [SupplyParameterFromQuery(Name = "periodo")]
    public string? Periodo { get; set; }

    protected override void OnInitialized()
    {
        var snapshot = Store.Reader.Snapshot();
        levels = snapshot.LevelIds.Select(id => (id, snapshot.Level(id).NameIt)).ToList();
        level = Livello is { } l && snapshot.HasLevel(l) ? l : BuiltInLevel.Provincia;
        if (Livello is not null && Livello != level)
        {
            problem = $"Il livello «{Livello}» non esiste: è mostrata la provincia.";
        }

        var catalogue = Store.Reader.Measures();
        measures = MapMeasures.Select(id => catalogue.FirstOrDefault(m => m.Id == id)).OfType<MeasureDefinition>().ToList();
        measure = measures.FirstOrDefault(m => m.Id == Misura)
            ?? measures.FirstOrDefault(m => Store.Reader.Periods(m.Id).Count > 0)
            ?? measures.FirstOrDefault();
        if (measure is null)
        {
            return;
        }

        periods = Store.Reader.Periods(measure.Id);
        period = Periodo is { } p && periods.Contains(p, StringComparer.Ordinal) ? p : periods.LastOrDefault();
        if (Periodo is not null && period != Periodo)
        {
            problem = $"Il periodo «{Periodo}» non è disponibile per {measure.TitleIt}: è mostrato l'ultimo.";
        }

        if (period is null)
        {
            return;
        }

        try
        {
            result = Query.Run(new QueryRequest(measure.Id, level, null, [period]));
            valued = result.Rows.Where(r => r.Sex == Dimension.Total && r.Age == Dimension.Total && r.Citizenship == Dimension.Total).ToList();
        }
        catch (QueryException e)
        {
            problem = e.Title + ": " + e.Message;
        }
    }

    private string LevelName(string id) => levels.FirstOrDefault(l => l.Id == id).Name ?? id;

    /// <summary>The values and what the script needs to draw them, as JSON (escaped for a script element).</summary>
    private string MapData() => JsonSerializer.Serialize(new
    {
        geoUrl = FormattableString.Invariant($"/api/v1/geo/{Uri.EscapeDataString(level)}?configuration={result!.ConfigurationDate:yyyy-MM-dd}"),
        mapName = FormattableString.Invariant($"{level}-{result.ConfigurationDate:yyyyMMdd}"),
        level,
        levelName = result.LevelName,
        measure = measure!.TitleIt,
        unit = measure.Unit,
        period = PeriodLabel(period!),
        values = valued.Select(r => new { code = r.UnitCode, name = r.UnitName, value = r.Value }),
    });

    /// <summary>"2026-01-01" → "1 gennaio 2026", "2026-01" → "gennaio 2026"; other periods as they are.</summary>
    private static string PeriodLabel(string p) =>
        DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("d MMMM yyyy", Italian)
        : DateOnly.TryParseExact(p, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m.ToString("MMMM yyyy", Italian)
        : p;

    private static string FlagLabel(string flag) => flag switch
    {
        FactFlag.SuppressedAtSource => "s",
        FactFlag.PartiallySuppressed => "p",
        FactFlag.Missing => "m",
        FactFlag.Estimated => "e",
        FactFlag.Confidential => "c",
        _ => flag,
    };
}
