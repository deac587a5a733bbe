using InLav.Application.Answers;
using InLav.Application.Geo;
using InLav.Core.Analysis;
using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace InLav.Application;

/// <summary>
/// The one door to the statistics: one entry point per question (catalogue, territories and levels, measure values,
/// indicator values, series, ranking, compare, territory profile, analyses, sources and runs, geometry, downloads), each
/// taking the <see cref="Caller"/> and answering the shapes every channel shares. Answers are computed once per
/// publication, question and scope (<see cref="AnswerCache"/>). Channels (web pages, REST, downloads, CLI, and the coming
/// OData, OGC API, MCP) reach data only through here: the same question gives the same number everywhere, and the same
/// disclosure policy applies everywhere.
/// </summary>
public sealed partial class Door : IDisposable
{
    /// <summary>The default memory budget of the answers, in MiB.</summary>
    public const int DefaultAnswerBudgetMegabytes = 1024;

    public Door(InLavStore store, long answerBudgetBytes = DefaultAnswerBudgetMegabytes * 1024L * 1024L, ILogger<GeoLayers>? geometryLog = null)
    {
        Store = store;
        Answers = new AnswerCache(store.Reader, answerBudgetBytes);
        Geometry = new GeoLayers(store, geometryLog ?? NullLogger<GeoLayers>.Instance);
    }

    /// <summary>The store behind the door: for the application layer's own code, never for a channel.</summary>
    internal InLavStore Store { get; }

    /// <summary>The answers kept for the publication served now.</summary>
    public AnswerCache Answers { get; }

    /// <summary>The boundaries of every level, built once per publication.</summary>
    public GeoLayers Geometry { get; }

    /// <summary>The number of the publication served now (it changes with every publication, rollback or run recorded).</summary>
    public long Publication => Store.Reader.Publication;

    /// <summary>The indicator catalogue (definitions, formulas, caveats): the same for every caller.</summary>
    public IndicatorCatalogue IndicatorCatalogue => Store.Indicators.Catalogue;

    /// <summary>The source catalogue.</summary>
    public SourceCatalogue Sources => Store.Catalogue;

    /// <summary>The stored measures' definitions.</summary>
    public IReadOnlyList<MeasureDefinition> MeasureDefinitions => Store.Reader.Measures();

    /// <summary>The composite risk signals' definitions.</summary>
    public IReadOnlyList<RiskSignalDefinition> RiskSignals => Store.Analysis.Signals;

    /// <summary>The territorial frame served now: comuni, levels, classifications, crosswalks (public facts).</summary>
    public TerritorialSnapshot Territory() => Store.Reader.Snapshot();

    public void Dispose() => Answers.Dispose();
}
