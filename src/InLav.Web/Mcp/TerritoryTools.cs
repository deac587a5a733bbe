using System.ComponentModel;
using InLav.Application;
using InLav.Core.Territory;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace InLav.Web.Mcp;

public sealed record TerritoryMatch(string Level, string Code, string Name, string ProfileUrl);

public sealed record SearchAnswer(string Query, IReadOnlyList<TerritoryMatch> Territories, Citation Citation);

public sealed record ProfileValue(IndicatorRef Indicator, ValueRow Latest, double? Change, string? PreviousPeriod, double? RegionValue, int Periods, string ExplorerUrl, string RestUrl);

public sealed record ProfileAnswer(TerritorialUnit Unit, string LevelName, string Configuration, IReadOnlyList<TerritorialUnit> Parents, int Members,
    IReadOnlyList<ProfileValue> Indicators, IReadOnlyList<SourceRef> Sources, Caveats Caveats, Citation Citation);

/// <summary>A source with its published import run (files, sizes, SHA-256, rows, times) and its latest run, as REST /api/v1/import-runs/{run} gives them.</summary>
public sealed record SourceFreshness(SourceRef Source, string ReferencePeriod, string Format, string? Notes, InLav.Store.Imports.ImportRun? Published,
    InLav.Store.Imports.ImportRun? Latest, int Runs);

public sealed record SourcesAnswer(IReadOnlyList<SourceFreshness> Sources, long Publication, Citation Citation);

/// <summary>The territory tools: search, the territory profile, and the sources with their freshness.</summary>
[McpServerToolType]
public static class TerritoryTools
{
    [McpServerTool(Name = "search_territories", Title = "Search territories", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true,
        OutputSchemaType = typeof(SearchAnswer))]
    [Description("Find comuni and groups (provinces, ATS, CPI, labour market areas…) of Lombardy by name, best first (limit ≤ 50): their level and code are the arguments "
        + "of the other tools. The same answer as REST /api/v1/territories/search.")]
    public static CallToolResult SearchTerritories(Door door, IHttpContextAccessor http, IConfiguration settings,
        [Description("Words of the name (at least two characters), e.g. 'Bergamo' or 'Val Camonica'.")] string query,
        [Description("How many, 1 to 50 (default 10).")] int? limit = null) => McpAnswers.Run(() =>
    {
        var call = McpCall.Of(door, http, settings);
        if (string.IsNullOrWhiteSpace(query) || query.Trim().Length < 2)
        {
            throw new ToolArgumentException("query", "give at least two characters of the name.");
        }

        var take = McpCall.Limit("limit", limit, 10, 50);
        var found = door.Search(call.Caller, query, take).Select(u => new TerritoryMatch(u.Level, u.Code, u.Name, call.Url($"/territorio/{u.Level}/{Uri.EscapeDataString(u.Code)}"))).ToList();
        var citation = call.Cite("territorial registry", [.. door.RegistrySources(call.Caller).Select(s => s.Id)], null,
            call.Rest("/api/v1/territories/search", ("q", query), ("limit", take.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var lines = found.Select(u => $"- {u.Name}: level {u.Level}, code {u.Code}");
        return new ToolAnswer(McpAnswers.Text(McpAnswers.Invariant($"{found.Count} territories match '{query}':"), null, citation, lines), new SearchAnswer(query, found, citation));
    });

    [McpServerTool(Name = "territory_profile", Title = "Territory profile", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true,
        OutputSchemaType = typeof(ProfileAnswer))]
    [Description("Everything known about one unit (a comune, province, ATS…): its groups, the latest value of every indicator with values there (change on the previous "
        + "period, the region's value, flags, reliability, SYNTHETIC marker), and the sources with their import runs. The values are those of the profile page "
        + "/territorio/{level}/{code} and of REST /api/v1/indicators/{code}/values." + McpAnswers.Caution)]
    public static CallToolResult TerritoryProfile(Door door, IHttpContextAccessor http, IConfiguration settings,
        [Description("The unit's code (search_territories finds it), e.g. ISTAT code 016024 for Bergamo.")] string code,
        [Description("Territorial level (default comune).")] string? level = null) => McpAnswers.Run(() =>
    {
        var call = McpCall.Of(door, http, settings);
        var lvl = call.Level("level", level);
        call.Units("code", [code], lvl, null, 1, 1);
        var profile = door.Profile(call.Caller, lvl, code.Trim())
            ?? throw new ToolArgumentException("code", $"level '{lvl}' has no unit '{code}'.");
        var values = profile.Indicators.Select(i =>
        {
            var latest = McpAnswers.Row(i.Latest);
            var rest = call.Rest($"/api/v1/indicators/{Uri.EscapeDataString(i.Definition.Code)}/values", ("level", lvl), ("period", latest.Period), ("unit", profile.Unit.Code));
            return new ProfileValue(McpAnswers.Ref(i.Definition), latest, i.Latest.Derived?.Change, i.Latest.Derived?.PreviousPeriod, i.Latest.Derived?.RegionValue, i.Series.Count,
                call.Explorer(i.Definition, lvl, latest.Period, units: [profile.Unit.Code]), rest);
        }).ToList();
        var caveats = McpAnswers.CaveatsOf(null, values.Select(v => v.Latest));
        if (values.Any(v => v.Indicator.Proxy))
        {
            caveats = caveats with { Warnings = [.. caveats.Warnings, "PROXY: indicators marked proxy estimate undeclared work indirectly; they are not measurements of it."] };
        }

        var sources = call.SourceRefs(profile.Sources.Select(s => s.Source.Id));
        var page = call.Url($"/territorio/{lvl}/{Uri.EscapeDataString(profile.Unit.Code)}");
        var citation = new Citation(null, null, sources, [.. values.SelectMany(v => v.Latest.ImportRuns).Distinct().Order()], door.Publication, profile.Configuration, page,
            call.Rest($"/api/v1/territories/{lvl}/{Uri.EscapeDataString(profile.Unit.Code)}"),
            $"InLav Cruscotto, profile of {profile.Unit.Name} ({lvl} {profile.Unit.Code}), on data of {string.Join("; ", sources.Select(s => s.Publisher).Distinct(StringComparer.Ordinal))}; {page}");
        var lines = values.Select(v => (v.Latest.Synthetic ? "SYNTHETIC – " : "") + (v.Indicator.Proxy ? "PROXY – " : "")
            + $"{v.Indicator.TitleEn} ({v.Indicator.Code}) {v.Latest.Period}: {McpAnswers.Number(v.Latest.Value, v.Indicator.Decimals, v.Latest.Flags)} {v.Indicator.Unit}"
            + (v.Latest.Reliability.Count > 0 ? " (low reliability: " + string.Join(", ", v.Latest.Reliability) + ")" : ""));
        var head = McpAnswers.Invariant($"{profile.Unit.Name} ({profile.LevelNameEn} {profile.Unit.Code}, configuration {profile.Configuration}): {values.Count} indicators; groups: {string.Join(", ", profile.Parents.Select(p => p.Level + " " + p.Name))}.");
        return new ToolAnswer(McpAnswers.Text(head, caveats, citation, lines),
            new ProfileAnswer(profile.Unit, profile.LevelNameEn, profile.Configuration, profile.Parents, profile.Members.Count, values, sources, caveats, citation));
    });

    [McpServerTool(Name = "list_sources", Title = "Sources and their freshness", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true,
        OutputSchemaType = typeof(SourcesAnswer))]
    [Description("The sources of the data: publisher, licence, official URL, reference period, whether the source is SYNTHETIC (generated test data, not real), the published "
        + "import run with its date and files (SHA-256), the latest run and its outcome. Give 'id' for one source. The same as REST /api/v1/sources and /api/v1/import-runs.")]
    public static CallToolResult ListSources(Door door, IHttpContextAccessor http, IConfiguration settings,
        [Description("One source id (default: every source).")] string? id = null) => McpAnswers.Run(() =>
    {
        var call = McpCall.Of(door, http, settings);
        var all = door.SourceList(call.Caller);
        if (id is not null && all.All(s => s.Id != id.Trim()))
        {
            throw new ToolArgumentException("id", $"there is no source '{id}'. Sources: {string.Join(", ", all.Select(s => s.Id))}.");
        }

        var runs = door.RunsPerSource(call.Caller);
        var list = all.Where(s => id is null || s.Id == id.Trim()).Select(s =>
        {
            var r = runs.GetValueOrDefault(s.Id);
            return new SourceFreshness(call.Ref(s), s.ReferencePeriod, s.Format, s.Notes, r?.Published, r?.Latest, r?.Count ?? 0);
        }).ToList();
        var rest = id is null ? call.Rest("/api/v1/sources") : call.Rest($"/api/v1/sources/{Uri.EscapeDataString(id.Trim())}");
        var citation = call.Cite("source catalogue", [.. list.Select(s => s.Source.Id)], call.Url("/metodologia"), rest);
        var lines = list.Select(s => (s.Source.Synthetic ? "SYNTHETIC – " : "") + $"{s.Source.Id}: {s.Source.Title} ({s.Source.Publisher}, {s.Source.Licence}), reference {s.ReferencePeriod}, "
            + (s.Source.PublishedRun is { } run ? McpAnswers.Invariant($"published run {run} imported {s.Source.ImportedAt:yyyy-MM-dd HH:mm} UTC") : "not imported"));
        return new ToolAnswer(McpAnswers.Text(McpAnswers.Invariant($"{list.Count} sources (publication {door.Publication}):"), null, citation, lines), new SourcesAnswer(list, door.Publication, citation));
    });
}
