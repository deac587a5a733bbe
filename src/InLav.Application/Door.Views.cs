using InLav.Application.Answers;
using InLav.Application.Explorer;
using InLav.Application.Profiles;
using InLav.Core.Analysis;

namespace InLav.Application;

/// <summary>Composed answers: territory profiles, explorer views, analyses.</summary>
public sealed partial class Door
{
    /// <summary>Everything a unit's profile shows; null when the level or the unit does not exist in the latest configuration.</summary>
    public TerritoryProfile? Profile(Caller caller, string level, string code) =>
        Answers.Get(caller, "profile|" + level + "|" + code, () => TerritoryProfile.Build(this, caller, level, code), p => AnswerSize.Items(p is null ? 1 : 200 + p.Indicators.Sum(i => i.Series.Count)));

    /// <summary>The explorer's view of a question (values, classes, ranking, series).</summary>
    public ExplorerAnswer Explorer(Caller caller, ExplorerQuestion question) =>
        Answers.Get(caller, "explorer|" + question.Key, () => ExplorerAnswer.Build(this, caller, question), v => AnswerSize.Items(v.Ranking.Count + v.LowReliability.Count + v.Classes.Count));

    /// <summary>The composite risk signal of a level as the dashboard shows it; low-reliability units left out when asked.</summary>
    public RiskView RiskView(Caller caller, string code, string level, bool excludeLowReliability) =>
        Answers.Get(caller, "risk-view|" + code + "|" + level + "|" + excludeLowReliability, () => InLav.Application.Explorer.RiskView.Build(this, caller, code, level, excludeLowReliability),
            v => AnswerSize.Items(v.Shown.Count + v.Incomplete.Count + v.Unreliable.Count));

    /// <summary>
    /// Pearson and Spearman correlation of two indicators across the units of a level, with the regression line and outliers.
    /// Analyses read the public values (suppressed cells left out and counted) for every caller.
    /// </summary>
    public CorrelationResult Correlation(Caller caller, string x, string y, string level, string? periodX = null, string? periodY = null, string? configuration = null, double outlierZ = 2.5) =>
        Answers.Get(caller, FormattableString.Invariant($"correlation|{x}|{y}|{level}|{periodX}|{periodY}|{configuration}|{outlierZ}"),
            () => Store.Analysis.Correlate(x, y, level, periodX, periodY, configuration, outlierZ), AnswerSize.Of);

    /// <summary>
    /// The composite risk signal of each unit of a level (public values; SYNTHETIC inputs only when asked, then labelled),
    /// each component at its latest period or at the given <paramref name="periods"/>.
    /// </summary>
    public RiskResult Risk(Caller caller, string code, string level, string? configuration, IReadOnlyList<string>? exclude, bool synthetic,
        IReadOnlyDictionary<string, string>? periods = null) =>
        Answers.Get(caller, "risk|" + code + "|" + level + "|" + configuration + "|" + string.Join(',', exclude ?? []) + "|" + synthetic + "|"
            + (periods is null ? "" : string.Join(",", periods.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))),
            () => Store.Analysis.Risk(code, level, configuration, periods, exclude, synthetic), AnswerSize.Of);

    /// <summary>
    /// Computes a level's answers that profiles and the explorer read (every indicator at every period, the composite
    /// signals and their previous periods, the age structures) so no visitor waits; says what it computed.
    /// </summary>
    public string Warm(Caller caller, string level) =>
        FormattableString.Invariant($"{IndicatorCache.AllAt(this, caller, level).Count} indicators, {RiskCache.Warm(this, caller, level)} risk signals, {AgeStructures.PeriodsAt(this, caller, level).Count} age structures");
}
