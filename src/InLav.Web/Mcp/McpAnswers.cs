using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using InLav.Application;
using InLav.Core;
using InLav.Core.Indicators;
using InLav.Core.Measures;
using ModelContextProtocol.Protocol;

namespace InLav.Web.Mcp;

/// <summary>How to quote a figure: the indicator, its sources with their published import runs, the runs behind the rows, and the explorer and REST URLs that show it.</summary>
public sealed record Citation(string? Indicator, string? Title, IReadOnlyList<SourceRef> Sources, IReadOnlyList<long> ImportRuns, long Publication, string? Configuration,
    string? ExplorerUrl, string RestUrl, string Quote);

/// <summary>A source named by a citation: who publishes it, under which licence, and which import run is published.</summary>
public sealed record SourceRef(string Id, string Title, string Publisher, string Licence, string Url, bool Synthetic, long? PublishedRun, DateTime? ImportedAt);

/// <summary>The indicator an answer is about: its unit, decimals, nature and whether it is a proxy.</summary>
public sealed record IndicatorRef(string Code, string TitleIt, string TitleEn, string Unit, int Decimals, string Nature, bool Comparable, bool Proxy, bool? HigherIsWorse);

/// <summary>One value: the unit, period and breakdown cell, the ratio's parts, flags, reliability flags and the SYNTHETIC marker, with the import runs it comes from.</summary>
public sealed record ValueRow(string UnitCode, string UnitName, string Period, string Sex, string Age, string Citizenship, double? Value, double? Numerator, double? Denominator,
    IReadOnlyList<string> Flags, IReadOnlyList<string> Reliability, bool Synthetic, IReadOnlyList<long> ImportRuns, int? Rank = null, int? RankOf = null);

/// <summary>What every answer about values says besides the values: the flags present and what they mean, the warnings to repeat, notes of the computation.</summary>
public sealed record Caveats(IReadOnlyDictionary<string, string> Flags, IReadOnlyList<string> Warnings, IReadOnlyList<string> Notes, bool Synthetic, int Suppressed, int LowReliability);

/// <summary>The answer of a tool: a short text for the model to read and the structured JSON a program reads.</summary>
public sealed record ToolAnswer(string Text, object Structured);

/// <summary>A bad argument: the tool answers an error naming it (never an exception to the client).</summary>
public sealed class ToolArgumentException(string argument, string message) : Exception(message)
{
    public string Argument { get; } = argument;
}

/// <summary>The shared wording, JSON and error handling of the MCP tools.</summary>
public static class McpAnswers
{
    /// <summary>What an agent must not conclude: repeated in every tool description that gives values.</summary>
    public const string Caution = " Do not conclude beyond the data: indicators marked proxy estimate undeclared work indirectly and are NOT measurements of it; "
        + "values flagged 'c' are confidential (suppressed by disclosure control: never estimate or back-calculate them) and 's' blank at source; "
        + "values flagged 'x' or with synthetic=true are SYNTHETIC (generated, not observed): never present them as real figures; reliability flags "
        + "(small-denominator, periods-apart, frontier) mean read with caution. Quote the 'citation' (indicator, sources, import runs, explorer URL) with any figure.";

    /// <summary>The JSON of the REST API (camelCase, enums as text, NaN as null).</summary>
    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        o.Converters.Add(new JsonStringEnumConverter());
        o.Converters.Add(new Hosting.ApiSetup.UndefinedAsNull());
        return o;
    }

    /// <summary>Runs a tool's body: its answer as text and structured content, or a tool error naming the bad argument.</summary>
    public static CallToolResult Run(Func<ToolAnswer> body)
    {
        try
        {
            var answer = body();
            var structured = JsonSerializer.SerializeToElement(answer.Structured, Json);
            return new CallToolResult
            {
                Content = [new TextContentBlock { Text = answer.Text }, new TextContentBlock { Text = structured.GetRawText() }],
                StructuredContent = structured,
            };
        }
        catch (ToolArgumentException e)
        {
            return Error($"Bad argument '{e.Argument}': {e.Message}");
        }
        catch (QueryException q)
        {
            return Error($"{q.Title}: {q.Message}");
        }
    }

    public static CallToolResult Error(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };

    public static IndicatorRef Ref(IndicatorDefinition d) => new(d.Code, d.TitleIt, d.TitleEn, d.Unit, d.Decimals, d.Nature, d.Comparable, d.Proxy, d.HigherIsWorse);

    public static ValueRow Row(IndicatorRow r) => new(r.UnitCode, r.UnitName, r.Period, r.Sex, r.Age, r.Citizenship, r.Value, r.Numerator, r.Denominator, r.Flags,
        r.Reliability, r.Synthetic || r.Flags.Contains(FactFlag.Synthetic), r.ImportRuns, r.Derived?.Rank, r.Derived?.RankOf);

    /// <summary>The flags present in the rows with their meaning, and the warnings an agent must repeat.</summary>
    public static Caveats CaveatsOf(IndicatorDefinition? d, IEnumerable<ValueRow> rows, IEnumerable<Note>? notes = null)
    {
        var list = rows.ToList();
        var flags = list.SelectMany(r => r.Flags).Concat(list.SelectMany(r => r.Reliability)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(f => f, Meaning, StringComparer.Ordinal);
        var synthetic = list.Count(r => r.Synthetic);
        var suppressed = list.Count(r => r.Flags.Contains(FactFlag.Confidential));
        var low = list.Count(r => r.Reliability.Count > 0);
        var warnings = new List<string>();
        if (synthetic > 0)
        {
            warnings.Add(Invariant($"SYNTHETIC: {synthetic} of {list.Count} values are built from generated data (docs/synthetic-cob.md), not observations: they are not real and must not be quoted as facts."));
        }

        if (d?.Proxy == true)
        {
            warnings.Add("PROXY: this indicator estimates undeclared work indirectly; it is not a measurement of undeclared work.");
        }

        if (suppressed > 0)
        {
            warnings.Add(Invariant($"CONFIDENTIAL: {suppressed} values are suppressed by disclosure control (flag c): do not estimate or back-calculate them."));
        }

        if (low > 0)
        {
            warnings.Add(Invariant($"LOW RELIABILITY: {low} values carry reliability flags (small-denominator, periods-apart, frontier): read them with caution."));
        }

        if (d?.CaveatsEn is { Length: > 0 } caveats)
        {
            warnings.Add("Caveats: " + caveats);
        }

        return new Caveats(flags, warnings, [.. (notes ?? []).Select(n => n.Text)], synthetic > 0, suppressed, low);
    }

    /// <summary>What a flag or reliability flag means.</summary>
    public static string Meaning(string flag) => flag switch
    {
        FactFlag.Confidential => "confidential: suppressed by disclosure control",
        FactFlag.SuppressedAtSource => "blank at source",
        FactFlag.PartiallySuppressed => "part of the aggregate is blank at source: the sum is a lower bound",
        FactFlag.Missing => "some or all units of the group have no value",
        FactFlag.Estimated => "provisional or estimated",
        FactFlag.NotComputable => "not computable (zero denominator or a missing component)",
        FactFlag.Synthetic => "SYNTHETIC: built from generated data, not observed",
        ReliabilityFlag.SmallDenominator => "low reliability: the denominator is below the indicator's minimum",
        ReliabilityFlag.PeriodsApart => "low reliability: numerator and denominator periods are years apart",
        ReliabilityFlag.Frontier => "low reliability: a cross-border frontier unit (residents may work abroad)",
        _ => flag,
    };

    /// <summary>The first line of a text answer: SYNTHETIC and PROXY in front when they apply.</summary>
    public static string Head(Caveats c, bool proxy, string text) => (c.Synthetic ? "SYNTHETIC – " : "") + (proxy ? "PROXY – " : "") + text;

    /// <summary>A short text: the head, the warnings, and how to cite.</summary>
    public static string Text(string head, Caveats? caveats, Citation citation, IEnumerable<string>? lines = null)
    {
        var parts = new List<string> { head };
        parts.AddRange(lines ?? []);
        parts.AddRange(caveats?.Warnings ?? []);
        parts.Add("Cite: " + citation.Quote);
        return string.Join('\n', parts);
    }

    /// <summary>A number as the indicator writes it (its decimals), or "n/a" (with the flags) when there is no value.</summary>
    public static string Number(double? value, int decimals, IReadOnlyList<string> flags) =>
        value is { } v ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "n/a" + (flags.Count > 0 ? " [" + string.Join(',', flags) + "]" : "");

    public static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
