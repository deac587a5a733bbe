using System.Text.Json;
using System.Text.Json.Serialization;

namespace InLav.Core;

/// <summary>
/// A note the core attaches to an answer (a synthetic source, a proxy, a missing term, how a level or a map was put together).
/// Code names the kind and Args fill its template, so a channel can say it in its own language (the web UI looks up
/// <c>notes.{Code}</c> in its texts); Text is the note in English, as the REST API, the downloads and the CLI write it. A note
/// is serialised as its Text alone, so JSON answers hold strings. Each kind has a factory below; <see cref="Codes"/> lists them.
/// </summary>
[JsonConverter(typeof(NoteTextConverter))]
public sealed record Note(string Code, IReadOnlyList<string> Args, string Text)
{
    public const string SyntheticText = "SYNTHETIC: rows marked synthetic are generated figures (docs/synthetic-cob.md), not observations; do not use them as statistics.";

    /// <summary>Every code a factory below gives, in the order of this file.</summary>
    public static readonly IReadOnlyList<string> Codes =
    [
        "synthetic", "measure.no-data",
        "measure.period-empty", "measure.other-level", "measure.not-summed", "measure.no-cells", "measure.age-not-tiled", "measure.no-units", "crosswalk.unsplit",
        "indicator.proxy", "indicator.term-no-data", "indicator.term-no-source", "indicator.excluded",
        "correlation.proxy", "correlation.too-few", "risk.composite", "risk.no-polarity", "risk.synthetic-left-out",
        "level.conflict", "level.unknown-rows", "level.unassigned",
        "geometry.union", "geometry.no-polygon", "geometry.unmatched", "geometry.unplaced", "geometry.fitted",
        "geometry.unit-empty", "geometry.unit-partial", "geometry.comune-missing", "geometry.unassigned",
    ];

    // Query and indicators.

    /// <summary>Rows built from a synthetic source are generated figures (flag x).</summary>
    public static Note Synthetic() => new("synthetic", [], SyntheticText);

    public static Note MeasureNoData() => new("measure.no-data", [], "No published data for this measure.");

    // Why a listed period gives no rows (the query service says it rather than answer with nothing).

    public static Note MeasurePeriodEmpty(string measure, string period) =>
        new("measure.period-empty", [measure, period], $"{measure} has no published cells for {period}.");

    /// <summary>The measure is published for the period only at other native levels (e.g. the region), and is not summed from comuni.</summary>
    public static Note MeasureOtherLevel(string measure, string period, string levels, string level) =>
        new("measure.other-level", [measure, period, levels, level], $"{measure} is published for {period} only at level {levels}: there are no values at level {level}.");

    /// <summary>A rate or other non-additive measure published per comune is never summed to a higher level.</summary>
    public static Note MeasureNotSummed(string measure, string level) =>
        new("measure.not-summed", [measure, level], $"{measure} is not additive (a rate or an index per comune): it is not summed to level {level}.");

    /// <summary>The period has cells, but none for the asked filters and breakdowns; cells lists the values there are.</summary>
    public static Note MeasureNoCells(string measure, string period, string asked, string cells) =>
        new("measure.no-cells", [measure, period, asked, cells], $"{measure} has no cells for {asked} in {period}; its cells there are: {cells}.");

    /// <summary>The bands of a line of the answer cannot tile the asked age range.</summary>
    public static Note MeasureAgeNotTiled(string measure, string period, string range, string bands) =>
        new("measure.age-not-tiled", [measure, period, range, bands.Length == 0 ? "none" : bands],
            $"{measure} in {period}: the age bands there ({(bands.Length == 0 ? "none" : bands)}) cannot tile the range {range}.");

    public static Note MeasureNoUnits(string measure, string period, string units) =>
        new("measure.no-units", [measure, period, units], $"{measure} has no values for {period} in the asked units ({units}).");

    /// <summary>
    /// Later comuni (born of a merger after the configuration date, or that absorbed a comune of the configuration) whose figures
    /// cannot be split back onto the configuration's comuni whose territory they hold; each entry reads "later → comuni" (first ten).
    /// </summary>
    public static Note CrosswalkUnsplit(DateOnly configuration, IReadOnlyList<string> merged)
    {
        var date = configuration.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var count = Count(merged.Count);
        var list = string.Join("; ", merged.Take(10)) + (merged.Count > 10 ? "…" : "");
        return new("crosswalk.unsplit", [count, date, list],
            $"{count} later comuni hold the territory of several comuni of {date} and cannot be split among them ({list}): the comuni without a figure of their own are flagged m; every group that holds all of them keeps the full sum.");
    }

    public static Note IndicatorProxy() => new("indicator.proxy", [], "Proxy: an indirect signal of undeclared work, not a measurement of it.");

    /// <summary>A term of an indicator (a measure) has no cells for a period, in any period it may borrow.</summary>
    public static Note TermNoData(string measure, string period) => new("indicator.term-no-data", [measure, period], $"{measure} has no data for {period}.");

    /// <summary>A filtered term (e.g. residents aged 15–64) has no source at a level: no value there, said plainly.</summary>
    public static Note TermNoSource(string measure, string filters, string level) =>
        new("indicator.term-no-source", [measure, filters, level], $"No source gives {measure} for {filters} at level {level}: no value here.");

    /// <summary>Units left out of an answer and its ranks for reliability flags the request excluded.</summary>
    public static Note IndicatorExcluded(int units, string flags) =>
        new("indicator.excluded", [units.ToString(System.Globalization.CultureInfo.InvariantCulture), flags],
            $"{units.ToString(System.Globalization.CultureInfo.InvariantCulture)} units left out for reliability ({flags}); they are named in 'excluded'.");

    // Analyses.

    public static Note CorrelationProxy() => new("correlation.proxy", [], "At least one indicator is a proxy of undeclared work, not a measurement.");

    public static Note CorrelationTooFew() => new("correlation.too-few", [], "Fewer than 3 units with both values: no correlation.");

    public static Note RiskComposite() => new("risk.composite", [], "A composite of proxies: a signal for attention, not a measurement of undeclared work.");

    public static Note RiskNoPolarity(string indicator) => new("risk.no-polarity", [indicator], $"{indicator} has no polarity: a higher value is taken as worse.");

    /// <summary>The risk signal uses real inputs only by default: units whose inputs are generated are left out.</summary>
    public static Note RiskSyntheticLeftOut(int units) =>
        new("risk.synthetic-left-out", [units.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            $"{units.ToString(System.Globalization.CultureInfo.InvariantCulture)} units left out: their inputs are SYNTHETIC (generated); ask synthetic=include to use them, labelled.");

    // A classification restated on a configuration (LevelMapping).

    /// <summary>A current comune whose predecessors sat in different groups, and the group it was given.</summary>
    public static Note LevelConflict(string comune, IEnumerable<string> groups, string chosen)
    {
        var list = string.Join(", ", groups);
        return new("level.conflict", [comune, list, chosen], $"{comune}: predecessors in groups {list}; assigned to {chosen}");
    }

    public static Note LevelUnknownRows(int rows)
    {
        var count = Count(rows);
        return new("level.unknown-rows", [count], $"{count} membership rows name comuni that do not map onto this configuration");
    }

    /// <summary>Comuni of the configuration in no group: how many, and the first ten (with "…" when there are more).</summary>
    public static Note LevelUnassigned(IReadOnlyList<string> comuni)
    {
        var count = Count(comuni.Count);
        var list = string.Join(", ", comuni.Take(10)) + (comuni.Count > 10 ? "…" : "");
        return new("level.unassigned", [count, list], $"{count} comuni of the configuration belong to no group: {list}");
    }

    // Geometry: how the polygons of a configuration and of a level were put together.

    public static Note GeometryUnion(string code, string name, IEnumerable<string> codes, string release)
    {
        var list = string.Join(", ", codes);
        return new("geometry.union", [code, name, list, release], $"{code} {name}: union of {list} (release {release})");
    }

    public static Note GeometryNoPolygon(string code, string name) =>
        new("geometry.no-polygon", [code, name], $"{code} {name}: no polygon in any release (neither of the comune nor of all its predecessors)");

    public static Note GeometryUnmatched(IEnumerable<string> codes)
    {
        var list = string.Join(", ", codes);
        return new("geometry.unmatched", [list], $"Boundary codes not in the territorial registry: {list}");
    }

    public static Note GeometryUnplaced(string release, IEnumerable<string> codes)
    {
        var list = string.Join(", ", codes);
        return new("geometry.unplaced", [release, list], $"Polygons of release {release} that map onto no comune of the configuration (hole in the map): {list}");
    }

    /// <summary>An older polygon fitted to its newer neighbours; change is the relative change of its area (0.012 = +1.2%).</summary>
    public static Note GeometryFitted(string code, string name, string release, int neighbours, string newestRelease, double change)
    {
        var count = Count(neighbours);
        var area = change.ToString("+0.0%;-0.0%;0%", System.Globalization.CultureInfo.InvariantCulture);
        return new("geometry.fitted", [code, name, release, count, newestRelease, area],
            $"{code} {name}: polygon of release {release} fitted to {count} neighbours of release {newestRelease} (area {area})");
    }

    public static Note GeometryUnitEmpty(string code, string name, int comuni)
    {
        var count = Count(comuni);
        return new("geometry.unit-empty", [code, name, count], $"{code} {name}: no polygon for any of its {count} comuni");
    }

    public static Note GeometryUnitPartial(string code, string name, IEnumerable<string> lacking)
    {
        var list = string.Join(", ", lacking);
        return new("geometry.unit-partial", [code, name, list], $"{code} {name}: drawn without {list} (no polygon)");
    }

    public static Note GeometryComuneMissing(string code, string? name) =>
        new("geometry.comune-missing", [code, name ?? ""], $"{code} {name}: no polygon in any boundary release");

    public static Note GeometryUnassigned(int comuni)
    {
        var count = Count(comuni);
        return new("geometry.unassigned", [count], $"{count} comuni belong to no unit of this level and are not drawn");
    }

    /// <summary>Notes are equal when they say the same thing: same code, same arguments, same text.</summary>
    public bool Equals(Note? other) =>
        other is not null && Code == other.Code && Text == other.Text && Args.SequenceEqual(other.Args, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Code, Text);

    public override string ToString() => Text;

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes a note as its English text; reads a text back as a note without a code (shown as it is).</summary>
    private sealed class NoteTextConverter : JsonConverter<Note>
    {
        public override Note Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new("", [], reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, Note value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text);
    }
}
