using InLav.Application;
using InLav.Core.Indicators;
using InLav.Core.Territory;
using InLav.Web.Access;
using InLav.Web.Explorer;
using Microsoft.AspNetCore.WebUtilities;

namespace InLav.Web.Mcp;

/// <summary>
/// One tool call: the door, the caller of the HTTP request (<see cref="Callers.Of"/>, public for now), the public base URL
/// for citations (InLav:PublicBaseUrl, default the request's scheme and host), and the checks of the arguments: an unknown
/// indicator, level, configuration, period, breakdown or unit is a <see cref="ToolArgumentException"/> naming the argument and
/// the values allowed.
/// </summary>
public sealed class McpCall(Door door, Caller caller, string baseUrl)
{
    public Door Door { get; } = door;

    public Caller Caller { get; } = caller;

    public static McpCall Of(Door door, IHttpContextAccessor accessor, IConfiguration configuration)
    {
        var http = accessor.HttpContext;
        var configured = configuration["InLav:PublicBaseUrl"];
        var baseUrl = !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/')
            : http is null ? "" : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        return new McpCall(door, Callers.Of(http), baseUrl);
    }

    /// <summary>An absolute URL of a path of this server.</summary>
    public string Url(string pathAndQuery) => baseUrl + pathAndQuery;

    /// <summary>A REST URL: the path with the given query parameters (null or empty values left out).</summary>
    public string Rest(string path, params (string Key, string? Value)[] query) =>
        Url(QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, string?>(q.Key, q.Value))));

    /// <summary>The explorer view of an indicator at a level and period (chart tab with the units when given).</summary>
    public string Explorer(IndicatorDefinition d, string level, string? period, IReadOnlyDictionary<string, string>? filters = null, IReadOnlyList<string>? units = null) =>
        Url(new ExplorerState
        {
            Indicator = d.Code,
            Level = level,
            Period = period,
            Filters = filters ?? new Dictionary<string, string>(StringComparer.Ordinal),
            Tab = units is { Count: > 0 } ? "chart" : "map",
            Units = units ?? [],
        }.Url("/esplora"));

    public IndicatorDefinition Indicator(string argument, string? code)
    {
        var all = Door.IndicatorCatalogue.Indicators;
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ToolArgumentException(argument, "give an indicator code (list_indicators lists them).");
        }

        return all.FirstOrDefault(i => string.Equals(i.Code, code.Trim(), StringComparison.Ordinal))
            ?? throw new ToolArgumentException(argument, $"there is no indicator '{code}'. Known codes: {string.Join(", ", all.Select(i => i.Code))}.");
    }

    public string Level(string argument, string? level)
    {
        var snapshot = Door.Territory();
        var asked = string.IsNullOrWhiteSpace(level) ? BuiltInLevel.Comune : level.Trim();
        return snapshot.HasLevel(asked) ? asked
            : throw new ToolArgumentException(argument, $"there is no territorial level '{level}'. Levels: {string.Join(", ", snapshot.LevelIds)}.");
    }

    /// <summary>A level where the indicator has values.</summary>
    public string Level(string argument, string? level, IndicatorDefinition d)
    {
        var asked = Level(argument, level);
        var levels = Door.LevelsWithValues(Caller, d, asked);
        return levels.Contains(asked, StringComparer.Ordinal) ? asked
            : throw new ToolArgumentException(argument, $"indicator '{d.Code}' has no values at level '{asked}'. Levels with values: {string.Join(", ", levels)}.");
    }

    /// <summary>'latest' (or nothing) or a date yyyy-MM-dd; the configuration's date as the door answers it.</summary>
    public string? Configuration(string argument, string? configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration) || configuration.Trim() == "latest")
        {
            return null;
        }

        try
        {
            Door.ConfigurationOf(Door.Territory(), configuration.Trim());
            return configuration.Trim();
        }
        catch (InLav.Core.QueryException)
        {
            throw new ToolArgumentException(argument, $"the territorial configuration '{configuration}' is not 'latest' or a date yyyy-MM-dd.");
        }
    }

    /// <summary>One period with values of the indicator at the level, or null for the latest.</summary>
    public string? Period(string argument, string? period, IndicatorDefinition d, string level)
    {
        if (string.IsNullOrWhiteSpace(period) || period.Trim() == "latest")
        {
            return null;
        }

        var periods = Door.PeriodsWithValues(Caller, d, level);
        return periods.Contains(period.Trim(), StringComparer.Ordinal) ? period.Trim()
            : throw new ToolArgumentException(argument, $"indicator '{d.Code}' has no values for period '{period}' at level '{level}'. Periods with values: {string.Join(", ", periods)}.");
    }

    /// <summary>Unit codes of the level (at most <paramref name="max"/>), each checked.</summary>
    public IReadOnlyList<string> Units(string argument, IReadOnlyList<string>? units, string level, string? configuration, int min, int max)
    {
        var codes = Selection.Split(units) ?? [];
        if (codes.Count < min || codes.Count > max)
        {
            throw new ToolArgumentException(argument, $"give {min} to {max} unit codes of level '{level}' (search_territories finds them).");
        }

        var mapping = Door.Territory().Level(level, Door.ConfigurationOf(Door.Territory(), configuration));
        var unknown = codes.Where(c => mapping.Unit(c) is null).ToList();
        return unknown.Count == 0 ? codes.Distinct(StringComparer.Ordinal).ToList()
            : throw new ToolArgumentException(argument, $"level '{level}' has no unit {string.Join(", ", unknown.Select(u => "'" + u + "'"))} (search_territories finds the codes).");
    }

    /// <summary>A breakdown the indicator has, or null.</summary>
    public string? Breakdown(string argument, string? breakdown, IndicatorDefinition d)
    {
        if (string.IsNullOrWhiteSpace(breakdown))
        {
            return null;
        }

        return d.Breakdowns.Contains(breakdown.Trim(), StringComparer.Ordinal) ? breakdown.Trim()
            : throw new ToolArgumentException(argument, $"indicator '{d.Code}' cannot be broken down by '{breakdown}'. Breakdowns: {(d.Breakdowns.Count == 0 ? "none" : string.Join(", ", d.Breakdowns))}.");
    }

    /// <summary>Reliability flags to leave out (or 'all').</summary>
    public IReadOnlyList<string>? Exclude(string argument, IReadOnlyList<string>? exclude)
    {
        var flags = Selection.Split(exclude);
        var bad = flags?.Where(f => f != "all" && !ReliabilityFlag.All.Contains(f, StringComparer.Ordinal)).ToList() ?? [];
        return bad.Count == 0 ? flags
            : throw new ToolArgumentException(argument, $"unknown reliability flag {string.Join(", ", bad)}: use {string.Join(", ", ReliabilityFlag.All)} or all.");
    }

    public static int Limit(string argument, int? limit, int fallback, int max) =>
        limit is null ? fallback : limit >= 1 && limit <= max ? limit.Value : throw new ToolArgumentException(argument, $"give a limit from 1 to {max}.");

    public static int Offset(string argument, int? offset) =>
        offset is null or 0 ? 0 : offset > 0 ? offset.Value : throw new ToolArgumentException(argument, "the offset cannot be negative.");

    /// <summary>The citation of an indicator's answer: its sources with their published runs, the runs behind the rows.</summary>
    public Citation Cite(IndicatorDefinition d, IEnumerable<long> runs, string? configuration, string? explorerUrl, string restUrl)
    {
        var sources = SourceRefs(d.Sources);
        var importRuns = runs.Distinct().Order().ToList();
        var publishers = string.Join("; ", sources.Select(s => $"{s.Publisher} ({s.Id}, {s.Licence})").Distinct(StringComparer.Ordinal));
        var quote = $"InLav Cruscotto, indicator \"{d.TitleEn}\" ({d.Code}), on data of {publishers}; import runs {(importRuns.Count == 0 ? "none" : string.Join(", ", importRuns))}; "
            + $"{explorerUrl ?? restUrl}";
        return new Citation(d.Code, d.TitleEn, sources, importRuns, Door.Publication, configuration ?? "latest", explorerUrl, restUrl, quote);
    }

    /// <summary>The citation of an answer that is not about one indicator (territories, sources).</summary>
    public Citation Cite(string what, IReadOnlyList<string> sourceIds, string? pageUrl, string restUrl)
    {
        var sources = SourceRefs(sourceIds);
        return new Citation(null, null, sources, [.. sources.Select(s => s.PublishedRun).OfType<long>().Order()], Door.Publication, null, pageUrl, restUrl,
            $"InLav Cruscotto, {what}; {pageUrl ?? restUrl}");
    }

    public IReadOnlyList<SourceRef> SourceRefs(IEnumerable<string> ids) =>
        [.. ids.Select(id => Door.Source(Caller, id)).OfType<SourceInfo>().Select(Ref)];

    public SourceRef Ref(SourceInfo s) =>
        new(s.Id, s.Title, s.Publisher, s.Licence, s.Url, Door.Sources.Find(s.Id)?.Synthetic == true, s.PublishedRun,
            s.PublishedRun is { } run ? Door.Run(Caller, run)?.StartedAt : null);
}
