using System.ComponentModel;
using InLav.Application;
using InLav.Core.Indicators;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace InLav.Web.Mcp;

public sealed record IndicatorListItem(string Code, string TitleIt, string TitleEn, string Theme, string Unit, string Nature, bool Proxy, bool MayBeSynthetic,
    IReadOnlyList<string> Levels, string? FirstPeriod, string? LatestPeriod, IReadOnlyList<string> Breakdowns);

public sealed record IndicatorList(IReadOnlyList<IndicatorListItem> Indicators, string? Level, Citation Citation);

public sealed record ReliabilityRules(int MinCount, int MinDenominator, int MaxYearsApart, bool FrontierMatters, IReadOnlyDictionary<string, string> Flags);

public sealed record IndicatorDescription(IndicatorRef Indicator, string DescriptionIt, string DescriptionEn, string Theme, string Formula, string? MethodologyIt,
    string? MethodologyEn, string? CaveatsIt, string? CaveatsEn, ReliabilityRules Reliability, IReadOnlyList<string> Breakdowns, bool MayBeSynthetic,
    IReadOnlyDictionary<string, IReadOnlyList<string>> PeriodsByLevel, IReadOnlyList<string> Warnings, Citation Citation);

public sealed record ValuesAnswer(IndicatorRef Indicator, string Level, string Configuration, IReadOnlyList<string> Periods, int Total, int Offset, int Limit, int? NextOffset,
    IReadOnlyList<ValueRow> Rows, Caveats Caveats, Citation Citation);

public sealed record SeriesLine(string UnitCode, string UnitName, IReadOnlyList<ValueRow> Points);

public sealed record SeriesAnswer(IndicatorRef Indicator, string Level, string Configuration, IReadOnlyList<SeriesLine> Series, Caveats Caveats, Citation Citation);

public sealed record RankingResult(IndicatorRef Indicator, string Level, string Period, int Total, IReadOnlyList<ValueRow> Rows, IReadOnlyList<string> ExcludedFlags, int ExcludedUnits,
    Caveats Caveats, Citation Citation);

public sealed record ComparedIndicator(IndicatorRef Indicator, string Period, IReadOnlyList<ValueRow?> Cells, ValueRow? Region, Caveats Caveats, Citation Citation);

public sealed record ComparisonAnswer(string Level, IReadOnlyList<InLav.Core.Territory.TerritorialUnit> Units, IReadOnlyList<ComparedIndicator> Indicators);

public sealed record CorrelationAnswer(IndicatorRef X, IndicatorRef Y, string Level, string PeriodX, string PeriodY, string Configuration, int N, int ExcludedSuppressed,
    int ExcludedMissing, double Pearson, double PearsonP, double Spearman, double SpearmanP, double Slope, double Intercept, double RSquared, bool Synthetic,
    int OutliersTotal, IReadOnlyList<InLav.Core.Analysis.ScatterPoint> Outliers, IReadOnlyList<string> Warnings, IReadOnlyList<string> Notes, Citation CitationX, Citation CitationY, string RestUrl);

/// <summary>The indicator tools: the catalogue, values, series, rankings, comparisons and correlation, each a thin call of one door entry point.</summary>
[McpServerToolType]
public static class IndicatorTools
{
    [McpServerTool(Name = "list_indicators", Title = "List indicators", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true,
        OutputSchemaType = typeof(IndicatorList))]
    [Description("The indicator catalogue: code, titles, theme, unit, nature, whether it is a proxy of undeclared work, whether some values may be SYNTHETIC, the levels and "
        + "periods with values. Give 'level' to keep those with values there, 'theme' (undeclared-work, labour, income, population, territory) to filter. "
        + "A proxy is not a measurement of undeclared work; describe_indicator gives methodology and caveats before you interpret one.")]
    public static CallToolResult ListIndicators(Door door, IHttpContextAccessor http, IConfiguration settings,
        [Description("Only indicators with values at this territorial level (e.g. comune, provincia, regione, ats).")] string? level = null,
        [Description("Only indicators of this theme.")] string? theme = null) => McpAnswers.Run(() =>
    {
        var call = McpCall.Of(door, http, settings);
        var asked = level is null ? null : call.Level("level", level);
        var list = door.Indicators(call.Caller, asked).Where(i => theme is null || string.Equals(i.Theme, theme.Trim(), StringComparison.Ordinal))
            .Select(i => new IndicatorListItem(i.Code, i.TitleIt, i.TitleEn, i.Theme, i.Unit, i.Nature, i.Proxy, MayBeSynthetic(call, door.IndicatorCatalogue.Get(i.Code)),
                i.Levels, i.Periods.FirstOrDefault(), i.Periods.LastOrDefault(), i.Breakdowns)).ToList();
        var citation = call.Cite("indicator catalogue", [], call.Url("/metodologia"), call.Rest("/api/v1/indicators", ("level", asked)));
        var lines = list.Select(i => $"- {i.Code}: {i.TitleEn} ({i.Unit}){(i.Proxy ? " [proxy]" : "")}{(i.MayBeSynthetic ? " [may be SYNTHETIC]" : "")}, {i.FirstPeriod}..{i.LatestPeriod}");
        return new ToolAnswer(McpAnswers.Text(McpAnswers.Invariant($"{list.Count} indicators{(asked is null ? "" : " with values at level " + asked)}:"), null, citation, lines),
            new IndicatorList(list, asked, citation));
    });

    [McpServerTool(Name = "describe_indicator", Title = "Describe an indicator", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true,
        OutputSchemaType = typeof(IndicatorDescription))]
    [Description("An indicator's full metadata: description, formula (a ratio of summed components), methodology, caveats, sources, reliability rules (minimum count "
        + "for publication, minimum denominator, years apart, frontier) and the periods with values per level. Read it before interpreting values: it says whether "
        + "the indicator is a proxy (not a measurement) and whether values may be SYNTHETIC.")]
    public static CallToolResult DescribeIndicator(Door door, IHttpContextAccessor http, IConfiguration settings,
        [Description("The indicator code (list_indicators).")] string code) => McpAnswers.Run(() =>
    {
        var call = McpCall.Of(door, http, settings);
        var d = call.Indicator("code", code);
        var meta = door.Indicator(call.Caller, d.Code, null);
        var answer = Describe(call, meta);
        var head = (answer.MayBeSynthetic ? "May be SYNTHETIC – " : "") + (d.Proxy ? "PROXY – " : "") + $"{d.TitleEn} ({d.Code}), unit {d.Unit}, {d.Nature}. {d.DescriptionEn}";
        return new ToolAnswer(McpAnswers.Text(head, null, answer.Citation, ["Formula: " + answer.Formula, .. answer.Warnings]), answer);
    });

    internal static IndicatorDescription Describe(McpCall call, IndicatorMetadata meta)
    {
        var d = meta.Definition;
        var synthetic = MayBeSynthetic(call, d);
        var warnings = new List<string>();
        if (d.Proxy)
        {
            warnings.Add("PROXY: this indicator estimates undeclared work indirectly; it is not a measurement of it.");
        }

        if (synthetic)
        {
            warnings.Add("SYNTHETIC: some values may be built from generated data (marked synthetic=true and flag x): they are not real.");
        }

        if (d.CaveatsEn is { Length: > 0 } caveats)
        {
            warnings.Add("Caveats: " + caveats);
        }

        var rules = new ReliabilityRules(d.MinCount, d.MinDenominator, d.MaxYearsApart, d.FrontierMatters, ReliabilityFlag.All.ToDictionary(f => f, McpAnswers.Meaning, StringComparer.Ordinal));
        var level = meta.PeriodsByLevel.ContainsKey("comune") ? "comune" : meta.PeriodsByLevel.Keys.FirstOrDefault() ?? "regione";
        var citation = call.Cite(d, [], null, call.Explorer(d, level, null), call.Rest($"/api/v1/indicators/{Uri.EscapeDataString(d.Code)}"));
        return new IndicatorDescription(McpAnswers.Ref(d), d.DescriptionIt, d.DescriptionEn, d.Theme, Formula(d), d.MethodologyIt, d.MethodologyEn, d.CaveatsIt, d.CaveatsEn, rules,
            d.Breakdowns, synthetic, meta.PeriodsByLevel, warnings, citation);
    }

    [McpServerTool(Name = "get_values", Title = "Indicator values", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true,
        OutputSchemaType = typeof(ValuesAnswer))]
    [Description("Values of an indicator at a territorial level, configuration, period and optional breakdown (sex, age, citizenship), one row per unit and cell, with "
        + "numerator, denominator, flags, reliability flags, SYNTHETIC marker and import runs; paged (limit ≤ 500, offset). The same numbers as REST "
        + "/api/v1/indicators/{code}/values." + McpAnswers.Caution)]
    public static CallToolResult GetValues(Door door, IHttpContextAccessor http, IConfiguration settings,
        [Description("The indicator code (list_indicators).")] string indicator,
        [Description("Territorial level: comune (default), provincia, regione, or a classification (ats, cpi, sll…).")] string? level = null,
        [Description("One period with values (describe_indicator lists them), or 'latest' (default).")] string? period = null,
        [Description("Territorial configuration: 'latest' (default) or a date yyyy-MM-dd.")] string? configuration = null,
        [Description("Break down by sex, age or citizenship (those the indicator allows).")] string? breakdown = null,
        [Description("Only these unit codes of the level.")] string[]? units = null,
        [Description("Rows per page, 1 to 500 (default 100).")] int? limit = null,
        [Description("Rows to skip (default 0): the answer's nextOffset gives the next page.")] int? offset = null) => McpAnswers.Run(() =>
    {
        var call = McpCall.Of(door, http, settings);
        var d = call.Indicator("indicator", indicator);
        var lvl = call.Level("level", level, d);
        var conf = call.Configuration("configuration", configuration);
        var per = call.Period("period", period, d, lvl);
        var by = call.Breakdown("breakdown", breakdown, d);
        var unitCodes = units is { Length: > 0 } ? call.Units("units", units, lvl, conf, 1, 500) : null;
        var take = McpCall.Limit("limit", limit, 100, 500);
        var skip = McpCall.Offset("offset", offset);
        var result = door.IndicatorValues(call.Caller, d.Code, new Selection
        {
            Level = lvl,
            Configuration = conf,
            Periods = per is null ? null : [per],
            Breakdowns = by is null ? null : [by],
            Units = unitCodes,
        });
        var page = result.Rows.Skip(skip).Take(take).Select(McpAnswers.Row).ToList();
        var caveats = McpAnswers.CaveatsOf(d, result.Rows.Select(McpAnswers.Row), result.Notes);
        var rest = call.Rest($"/api/v1/indicators/{Uri.EscapeDataString(d.Code)}/values", ("level", lvl), ("configuration", conf), ("period", per), ("breakdown", by),
            ("unit", unitCodes is null ? null : string.Join(',', unitCodes)));
        var citation = call.Cite(d, result.Rows.SelectMany(r => r.ImportRuns), result.Configuration, call.Explorer(d, lvl, result.Periods.LastOrDefault()), rest);
        int? next = skip + page.Count < result.Rows.Count ? skip + page.Count : null;
        var lines = page.Take(10).Select(r => $"- {r.UnitName} ({r.UnitCode}) {r.Period}{Cell(r)}: {McpAnswers.Number(r.Value, d.Decimals, r.Flags)} {d.Unit}"
            + (r.Reliability.Count > 0 ? " (low reliability: " + string.Join(", ", r.Reliability) + ")" : "") + (r.Synthetic ? " SYNTHETIC" : ""));
        var head = McpAnswers.Head(caveats, d.Proxy, McpAnswers.Invariant($"{d.TitleEn} ({d.Code}, {d.Unit}) at level {lvl}, period {string.Join(", ", result.Periods)}, configuration {result.Configuration}: rows {skip + 1}–{skip + page.Count} of {result.Rows.Count}{(next is null ? "" : $" (next offset {next})")}."));
        return new ToolAnswer(McpAnswers.Text(head, caveats, citation, lines),
            new ValuesAnswer(McpAnswers.Ref(d), lvl, result.Configuration, result.Periods, result.Rows.Count, skip, take, next, page, caveats, citation));
    });

    [McpServerTool(Name = "get_time_series", Title = "Time series", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true,
        OutputSchemaType = typeof(SeriesAnswer))]
    [Description("Every period of an indicator for 1 to 10 units of a level (totals), each point with flags, reliability, SYNTHETIC marker and import runs. The same numbers as "
        + "REST /api/v1/indicators/{code}/series. Periods can come from different sources or editions: read the notes." + McpAnswers.Caution)]
    public static CallToolResult GetTimeSeries(Door door, IHttpContextAccessor http, IConfiguration settings,
        [Description("The indicator code.")] string indicator,
        [Description("Unit codes of the level (1 to 10).")] string[] units,
        [Description("Territorial level (default comune).")] string? level = null,
        [Description("Territorial configuration: 'latest' (default) or yyyy-MM-dd.")] string? configuration = null) => McpAnswers.Run(() =>
    {
        var call = McpCall.Of(door, http, settings);
        var d = call.Indicator("indicator", indicator);
        var lvl = call.Level("level", level, d);
        var conf = call.Configuration("configuration", configuration);
        var codes = call.Units("units", units, lvl, conf, 1, 10);
        var result = door.Series(call.Caller, d.Code, lvl, codes, conf);
        var rows = result.Rows.Select(McpAnswers.Row).ToList();
        var series = rows.GroupBy(r => r.UnitCode, StringComparer.Ordinal)
            .Select(g => new SeriesLine(g.Key, g.First().UnitName, [.. g.OrderBy(r => r.Period, StringComparer.Ordinal)])).ToList();
        var caveats = McpAnswers.CaveatsOf(d, rows, result.Notes);
        var rest = call.Rest($"/api/v1/indicators/{Uri.EscapeDataString(d.Code)}/series", ("level", lvl), ("configuration", conf), ("unit", string.Join(',', codes)));
        var citation = call.Cite(d, result.Rows.SelectMany(r => r.ImportRuns), result.Configuration, call.Explorer(d, lvl, null, units: codes), rest);
        var lines = series.Select(s => $"- {s.UnitName} ({s.UnitCode}): " + string.Join("; ", s.Points.Select(p => p.Period + " " + McpAnswers.Number(p.Value, d.Decimals, p.Flags) + (p.Synthetic ? " SYNTHETIC" : ""))));
        var head = McpAnswers.Head(caveats, d.Proxy, McpAnswers.Invariant($"{d.TitleEn} ({d.Code}, {d.Unit}), level {lvl}, {series.Count} units, periods {string.Join(", ", result.Periods)}:"));
        return new ToolAnswer(McpAnswers.Text(head, caveats, citation, lines), new SeriesAnswer(McpAnswers.Ref(d), lvl, result.Configuration, series, caveats, citation));
    });

    [McpServerTool(Name = "rank_territories", Title = "Rank territories", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true,
        OutputSchemaType = typeof(RankingResult))]
    [Description("The units of a level ordered by an indicator (worst first when higher is worse), top N (limit ≤ 100), with rank, flags, reliability and SYNTHETIC marker; "
        + "'exclude' leaves out units with reliability flags (small-denominator, periods-apart, frontier, all), named and counted. Counts and amounts are ordered "
        + "by size, which says nothing about intensity. The same order as REST /api/v1/indicators/{code}/ranking." + McpAnswers.Caution)]
    public static CallToolResult RankTerritories(Door door, IHttpContextAccessor http, IConfiguration settings,
        [Description("The indicator code.")] string indicator,
        [Description("Territorial level (default comune).")] string? level = null,
        [Description("One period with values, or 'latest' (default).")] string? period = null,
        [Description("Territorial configuration: 'latest' (default) or yyyy-MM-dd.")] string? configuration = null,
        [Description("How many units, 1 to 100 (default 20).")] int? limit = null,
        [Description("Reliability flags whose units are left out: small-denominator, periods-apart, frontier, or all.")] string[]? exclude = null) => McpAnswers.Run(() =>
    {
        var call = McpCall.Of(door, http, settings);
        var d = call.Indicator("indicator", indicator);
        var lvl = call.Level("level", level, d);
        var conf = call.Configuration("configuration", configuration);
        var per = call.Period("period", period, d, lvl);
        var take = McpCall.Limit("limit", limit, 20, 100);
        var excluded = call.Exclude("exclude", exclude);
        var ranking = door.Ranking(call.Caller, d.Code, lvl, per, conf, take, excluded);
        var rows = ranking.Rows.Select(McpAnswers.Row).ToList();
        var at = per ?? rows.FirstOrDefault()?.Period ?? door.PeriodsWithValues(call.Caller, d, lvl).LastOrDefault() ?? "";
        var caveats = McpAnswers.CaveatsOf(d, rows, ranking.Notes);
        var rest = call.Rest($"/api/v1/indicators/{Uri.EscapeDataString(d.Code)}/ranking", ("level", lvl), ("configuration", conf), ("period", per),
            ("limit", take.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("exclude", excluded is null ? null : string.Join(',', excluded)));
        var citation = call.Cite(d, ranking.Rows.SelectMany(r => r.ImportRuns), conf, call.Explorer(d, lvl, at), rest);
        var lines = rows.Select((r, i) => $"{i + 1}. {r.UnitName} ({r.UnitCode}): {McpAnswers.Number(r.Value, d.Decimals, r.Flags)} {d.Unit}"
            + (r.Reliability.Count > 0 ? " (low reliability: " + string.Join(", ", r.Reliability) + ")" : "") + (r.Synthetic ? " SYNTHETIC" : ""));
        var extra = ranking.ExcludedUnits > 0 ? McpAnswers.Invariant($" {ranking.ExcludedUnits} units left out for {string.Join(", ", ranking.ExcludedFlags)}.") : "";
        var head = McpAnswers.Head(caveats, d.Proxy, McpAnswers.Invariant($"{d.TitleEn} ({d.Code}, {d.Unit}), level {lvl}, period {at}: top {rows.Count}{(d.HigherIsWorse is null ? "" : ", worst first")}{(d.Comparable ? "" : " (by size: not comparable across units)")}.{extra}"));
        return new ToolAnswer(McpAnswers.Text(head, caveats, citation, lines),
            new RankingResult(McpAnswers.Ref(d), lvl, at, rows.Count, rows, ranking.ExcludedFlags, ranking.ExcludedUnits, caveats, citation));
    });

    [McpServerTool(Name = "compare_territories", Title = "Compare territories", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true,
        OutputSchemaType = typeof(ComparisonAnswer))]
    [Description("2 to 10 units of one level side by side on 1 to 10 indicators, each at the asked period when it has it (else its latest), with the region's value. "
        + "The same numbers as REST /api/v1/compare." + McpAnswers.Caution)]
    public static CallToolResult CompareTerritories(Door door, IHttpContextAccessor http, IConfiguration settings,
        [Description("Unit codes of the level (2 to 10).")] string[] units,
        [Description("Indicator codes (1 to 10).")] string[] indicators,
        [Description("Territorial level (default comune).")] string? level = null,
        [Description("A period (indicators without it use their latest).")] string? period = null,
        [Description("Territorial configuration: 'latest' (default) or yyyy-MM-dd.")] string? configuration = null) => McpAnswers.Run(() =>
    {
        var call = McpCall.Of(door, http, settings);
        var lvl = call.Level("level", level);
        var conf = call.Configuration("configuration", configuration);
        var codes = call.Units("units", units, lvl, conf, 2, 10);
        var asked = Selection.Split(indicators) ?? [];
        if (asked.Count is < 1 or > 10)
        {
            throw new ToolArgumentException("indicators", "give 1 to 10 indicator codes.");
        }

        var defs = asked.Select(i => call.Indicator("indicators", i)).ToList();
        var comparison = door.Compare(call.Caller, [.. codes.Select(c => lvl + ":" + c)], [.. defs.Select(x => x.Code)], period, conf);
        var lines = new List<string>();
        var compared = comparison.Lines.Select(l =>
        {
            var cells = l.Cells.Select(c => c is null ? null : McpAnswers.Row(c)).ToList();
            var region = l.Region is null ? null : McpAnswers.Row(l.Region);
            var caveats = McpAnswers.CaveatsOf(l.Definition, cells.OfType<ValueRow>().Concat(region is null ? [] : [region]));
            var rest = call.Rest($"/api/v1/indicators/{Uri.EscapeDataString(l.Definition.Code)}/values", ("level", lvl), ("configuration", conf), ("period", l.Period), ("unit", string.Join(',', codes)));
            var citation = call.Cite(l.Definition, cells.OfType<ValueRow>().SelectMany(c => c.ImportRuns), conf, call.Explorer(l.Definition, lvl, l.Period, units: codes), rest);
            lines.Add((caveats.Synthetic ? "SYNTHETIC – " : "") + (l.Definition.Proxy ? "PROXY – " : "") + $"{l.Definition.TitleEn} ({l.Definition.Code}, {l.Definition.Unit}, {l.Period}): "
                + string.Join("; ", comparison.Units.Select((u, i) => u.Name + " " + (cells[i] is { } c ? McpAnswers.Number(c.Value, l.Definition.Decimals, c.Flags) : "n/a")))
                + (region is null ? "" : "; Lombardia " + McpAnswers.Number(region.Value, l.Definition.Decimals, region.Flags)));
            return new ComparedIndicator(McpAnswers.Ref(l.Definition), l.Period, cells, region, caveats, citation);
        }).ToList();
        var all = McpAnswers.CaveatsOf(null, compared.SelectMany(c => c.Cells.OfType<ValueRow>()));
        var restAll = call.Rest("/api/v1/compare", ("level", lvl), ("unit", string.Join(',', codes)), ("indicator", string.Join(',', defs.Select(x => x.Code))), ("period", period), ("configuration", conf));
        var text = string.Join('\n', [McpAnswers.Head(all, defs.Any(x => x.Proxy), $"{comparison.Units.Count} units of level {lvl} on {compared.Count} indicators:"), .. lines, .. all.Warnings,
            "Each indicator's citation is in the structured answer; REST: " + restAll]);
        return new ToolAnswer(text, new ComparisonAnswer(lvl, comparison.Units, compared));
    });

    [McpServerTool(Name = "correlate_indicators", Title = "Correlate two indicators", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true,
        OutputSchemaType = typeof(CorrelationAnswer))]
    [Description("Pearson and Spearman correlation of two indicators across the units of a level, with n, p-values, the regression line and the outliers (at most 20 "
        + "listed); suppressed cells are left out and counted. A correlation across territories is not causation and says nothing about individuals (ecological "
        + "fallacy). The same numbers as REST /api/v1/analysis/correlation." + McpAnswers.Caution)]
    public static CallToolResult CorrelateIndicators(Door door, IHttpContextAccessor http, IConfiguration settings,
        [Description("The first indicator code (x axis).")] string x,
        [Description("The second indicator code (y axis).")] string y,
        [Description("Territorial level (default comune).")] string? level = null,
        [Description("Period of x (default its latest).")] string? periodX = null,
        [Description("Period of y (default its latest).")] string? periodY = null) => McpAnswers.Run(() =>
    {
        var call = McpCall.Of(door, http, settings);
        var dx = call.Indicator("x", x);
        var dy = call.Indicator("y", y);
        var lvl = call.Level("level", level, dx);
        call.Level("level", lvl, dy);
        var px = call.Period("periodX", periodX, dx, lvl);
        var py = call.Period("periodY", periodY, dy, lvl);
        var r = door.Correlation(call.Caller, dx.Code, dy.Code, lvl, px, py);
        var outliers = r.Points.Where(p => p.Outlier).OrderByDescending(p => Math.Abs(p.ResidualZ)).ToList();
        var warnings = new List<string> { "A correlation across territories is not causation and does not describe individuals." };
        if (r.Synthetic)
        {
            warnings.Insert(0, "SYNTHETIC: the pairs rest on generated values; the correlation and its p-values are not real findings.");
        }

        if (dx.Proxy || dy.Proxy)
        {
            warnings.Add("PROXY: at least one indicator estimates undeclared work indirectly; it is not a measurement.");
        }

        var rest = call.Rest("/api/v1/analysis/correlation", ("x", dx.Code), ("y", dy.Code), ("level", lvl), ("periodX", px), ("periodY", py));
        var citeX = call.Cite(dx, [], r.Configuration, call.Explorer(dx, lvl, r.PeriodX), rest);
        var citeY = call.Cite(dy, [], r.Configuration, call.Explorer(dy, lvl, r.PeriodY), rest);
        var head = (r.Synthetic ? "SYNTHETIC – " : "") + McpAnswers.Invariant($"{dx.Code} ({r.PeriodX}) vs {dy.Code} ({r.PeriodY}) across {r.N} units of level {lvl}: Pearson {r.Pearson:0.###} (p {r.PearsonP:0.####}), Spearman {r.Spearman:0.###} (p {r.SpearmanP:0.####}), R² {r.RSquared:0.###}; {r.ExcludedSuppressed} suppressed and {r.ExcludedMissing} missing left out; {outliers.Count} outliers.");
        var text = string.Join('\n', [head, .. warnings, .. r.Notes.Select(n => n.Text), "Cite: " + citeX.Quote + " and " + citeY.Quote]);
        return new ToolAnswer(text, new CorrelationAnswer(McpAnswers.Ref(dx), McpAnswers.Ref(dy), lvl, r.PeriodX, r.PeriodY, r.Configuration, r.N, r.ExcludedSuppressed, r.ExcludedMissing,
            r.Pearson, r.PearsonP, r.Spearman, r.SpearmanP, r.Slope, r.Intercept, r.RSquared, r.Synthetic, outliers.Count, [.. outliers.Take(20)], warnings,
            [.. r.Notes.Select(n => n.Text)], citeX, citeY, rest));
    });

    /// <summary>Whether a source of the indicator is SYNTHETIC (generated), so some of its values may be.</summary>
    internal static bool MayBeSynthetic(McpCall call, IndicatorDefinition d) => d.Sources.Any(s => call.Door.Sources.Find(s)?.Synthetic == true);

    private static string Cell(ValueRow r) =>
        r.Sex == "T" && r.Age == "T" && r.Citizenship == "T" ? "" : $" [sex {r.Sex}, age {r.Age}, citizenship {r.Citizenship}]";

    /// <summary>The formula in words: scale × (numerator terms) / (denominator terms).</summary>
    internal static string Formula(IndicatorDefinition d)
    {
        static string Terms(IReadOnlyList<IndicatorTerm> terms) => string.Join(" ", terms.Select((t, i) =>
            (i == 0 ? (t.Coefficient < 0 ? "− " : "") : t.Coefficient < 0 ? "− " : "+ ")
            + (Math.Abs(t.Coefficient) == 1 ? "" : Math.Abs(t.Coefficient).ToString(System.Globalization.CultureInfo.InvariantCulture) + " × ")
            + t.Measure + (t.Filters.Count > 0 ? "[" + string.Join(",", t.Filters.Select(f => f.Key + "=" + f.Value)) + "]" : "")
            + (t.Period == PeriodRule.Same ? "" : " (nearest period)") + (t.ScaleBy is { } s ? " carried forward by " + s.Measure : "")));
        var scale = d.Scale == 1 ? "" : d.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture) + " × ";
        return d.Kind switch
        {
            IndicatorKind.Sum => scale + "(" + Terms(d.Numerator) + ")",
            IndicatorKind.Complement => scale + "(1 − (" + Terms(d.Numerator) + ") / (" + Terms(d.Denominator) + "))",
            _ => scale + "(" + Terms(d.Numerator) + ") / (" + Terms(d.Denominator) + ")",
        } + "; ratios of summed components, never averages of ratios";
    }
}
