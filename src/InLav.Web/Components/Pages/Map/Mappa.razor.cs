using InLav.Core;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Core.Territory;
using InLav.Application;
using Microsoft.AspNetCore.Components;

namespace InLav.Web.Components.Pages.Map;

/// <summary>
/// The population map: every view state (level, measure, period, language) is in the query string of a GET form, so the
/// page works without JavaScript and back/forward work. The numbers come from the query service; the page only shows them.
/// </summary>
public partial class Mappa
{
    /// <summary>The measures the population map offers, in this order, when the catalogue defines them.</summary>
    private static readonly string[] MapMeasures = ["residents_anpr", "residents"];

    private List<MeasureDefinition> measures = [];
    private IReadOnlyList<string> periods = [];
    private string level = BuiltInLevel.Provincia;
    private MeasureDefinition? measure;
    private string? period;
    private QueryResult? result;
    private List<QueryRow> valued = [];
    private string? problem;
    private IReadOnlyList<Note> geoNotes = [];


    [SupplyParameterFromQuery(Name = "livello")]
    public string? Livello { get; set; }

    [SupplyParameterFromQuery(Name = "misura")]
    public string? Misura { get; set; }

    [SupplyParameterFromQuery(Name = "periodo")]
    public string? Periodo { get; set; }

    private string MeasureTitle => measure is null ? "" : Pick(measure.TitleIt, measure.TitleEn);

    private string LevelTitle => LevelLabel(level);

    protected override void OnInitialized()
    {
        var snapshot = Door.Territory();
        level = Livello is { } l && snapshot.HasLevel(l) ? l : BuiltInLevel.Provincia;
        if (Livello is not null && Livello != level)
        {
            problem = Format("map.problem.level", Livello);
        }

        var catalogue = Door.MeasureDefinitions;
        measures = MapMeasures.Select(id => catalogue.FirstOrDefault(m => m.Id == id)).OfType<MeasureDefinition>().ToList();
        measure = measures.FirstOrDefault(m => m.Id == Misura)
            ?? measures.FirstOrDefault(m => Door.MeasurePeriods(m.Id).Count > 0)
            ?? measures.FirstOrDefault();
        if (measure is null)
        {
            return;
        }

        periods = Door.MeasurePeriods(measure.Id);
        period = Periodo is { } p && periods.Contains(p, StringComparer.Ordinal) ? p : periods.LastOrDefault();
        if (Periodo is not null && period != Periodo)
        {
            problem = Format("map.problem.period", Periodo, MeasureTitle);
        }

        if (period is null)
        {
            return;
        }

        try
        {
            result = Door.MeasureValues(Caller, measure.Id, new Selection { Level = level, Periods = [period] });
            valued = result.Rows.Where(r => r.Sex == Dimension.Total && r.Age == Dimension.Total && r.Citizenship == Dimension.Total).ToList();
            // How the boundaries drawn were put together (unions of predecessors, older releases): the layer is cached.
            geoNotes = Door.Layer(Caller, level, result.ConfigurationDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Notes;
        }
        catch (QueryException e)
        {
            problem = e.Title + ": " + e.Message;
        }
    }

    /// <summary>A level's name inside a sentence ("per provincia"); names with an acronym ("SLL 2001") stay as they are.</summary>
    private string Lower(string name) => name.Zip(name.Skip(1)).Any(p => char.IsUpper(p.First) && char.IsUpper(p.Second)) ? name : name.ToLower(Culture);

    /// <summary>The values and what the script needs to draw them, in the page's language.</summary>
    private object MapData() => new
    {
        geoUrl = FormattableString.Invariant($"/api/v1/geo/{Uri.EscapeDataString(level)}?configuration={result!.ConfigurationDate:yyyy-MM-dd}"),
        mapName = FormattableString.Invariant($"{level}-{result.ConfigurationDate:yyyyMMdd}"),
        level,
        locale = Culture.Name,
        levelName = LevelTitle,
        measure = MeasureTitle,
        unit = UnitText(measure!.Unit),
        period = Period(period!),
        texts = new
        {
            noData = T("map.js.nodata"),
            noBoundaries = T("map.js.noboundaries"),
            failed = T("map.js.failed"),
        },
        values = valued.Select(r => new { code = r.UnitCode, name = r.UnitName, value = r.Value }),
    };
}
