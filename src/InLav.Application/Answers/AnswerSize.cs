using InLav.Core.Analysis;
using InLav.Core.Indicators;
using InLav.Core.Query;

namespace InLav.Application.Answers;

/// <summary>Estimates, in bytes, of what an answer keeps in memory: the measure the answer cache's budget counts.</summary>
public static class AnswerSize
{
    public static long Of(IndicatorResult? result) =>
        result is null ? 64 : 1_024 + result.Rows.Sum(r => 360L + (r.Components.Count * 160L) + (r.Flags.Count * 24L) + (r.ImportRuns.Count * 8L));

    public static long Of(QueryResult? result) => result is null ? 64 : 1_024 + (result.Rows.Count * 320L);

    public static long Of(RiskResult? result) => result is null ? 64 : 2_048 + (result.Rows.Count * 600L);

    public static long Of(CorrelationResult? result) => result is null ? 64 : 4_096 + (result.Points.Count * 200L);

    /// <summary>For answers made of references to other cached answers and a few lists: their own items only.</summary>
    public static long Items(int items) => 512 + (items * 96L);
}
