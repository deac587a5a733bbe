using InLav.Core.Measures;
using InLav.Core.Territory;
using InLav.Sources.Reading;
using NetTopologySuite.Geometries;

namespace InLav.Sources.Parsers;

/// <summary>A boundary polygon of a territorial unit, as released (e.g. openpolis/ISTAT June 2023).</summary>
public sealed record Boundary(string Release, string Level, string Code, string Name, Geometry Geometry);

/// <summary>
/// Everything read from the files of one source in one run. Nothing reaches the store unless the whole
/// dataset is free of errors (all or nothing).
/// </summary>
public sealed class ParsedDataset
{
    private readonly Dictionary<(string, string, string, string, DimensionKey), SourcePosition> factKeys = [];
    private readonly HashSet<(string Release, string Code)> boundaryKeys = [];

    public List<ComuneEvidence> Comuni { get; } = [];

    public List<TerritorialChange> Changes { get; } = [];

    public List<ClassificationDefinition> Classifications { get; } = [];

    public List<Membership> Memberships { get; } = [];

    public List<Fact> Facts { get; } = [];

    public List<Boundary> Boundaries { get; } = [];

    public List<ImportIssue> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    public long RowsRead { get; set; }

    /// <summary>COB events streamed to the context's event sink (they are not held here).</summary>
    public long EventCount { get; set; }

    /// <summary>The observation window of the events: the store aggregates them into quarterly facts inside it.</summary>
    public Cob.CobWindow? EventWindow { get; set; }

    public int RowCount => Comuni.Count + Changes.Count + Memberships.Count + Facts.Count + Boundaries.Count + Classifications.Count;

    /// <summary>Adds a fact; a second fact for the same cell is an error naming both lines.</summary>
    public void AddFact(Fact fact, SourcePosition at)
    {
        var key = (fact.Measure, fact.Level, fact.UnitCode, fact.Period, fact.Dimensions);
        if (factKeys.TryGetValue(key, out var first))
        {
            Errors.Add(new ImportIssue(at, FormattableString.Invariant(
                $"duplicate row: {fact.Measure} for {fact.UnitCode}, period {fact.Period} was already given at line {first.Line}")));
            return;
        }

        factKeys[key] = at;
        Facts.Add(fact);
    }

    /// <summary>Adds a boundary; false (nothing added) when the dataset already holds one of the same code and release.</summary>
    public bool TryAddBoundary(Boundary boundary)
    {
        if (!boundaryKeys.Add((boundary.Release, boundary.Code)))
        {
            return false;
        }

        Boundaries.Add(boundary);
        return true;
    }
}

/// <summary>What a parser needs besides the file: the known comuni, limits, progress and cancellation.</summary>
public sealed class ParseContext
{
    public required Func<string, bool> IsKnownComune { get; init; }

    public long MaxFileBytes { get; init; } = DelimitedReader.DefaultMaxBytes;

    /// <summary>The published territorial registry (null for the sources that build it): parsers that match comuni by name use it.</summary>
    public TerritorialRegistry? Registry { get; init; }

    public TerritorialRegistry RequireRegistry() => Registry ?? throw new InvalidOperationException("This parser matches comuni by name: the import needs the territorial registry.");

    public IProgress<long>? RowsProgress { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// <summary>The data directory, for reference files a parser reads beside its data files (contract codes, Belfiore codes…).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Where event parsers stream COB events (the store's bulk writer); null when the caller does not take events.</summary>
    public Cob.ICobEventSink? Events { get; init; }

    public Cob.ICobEventSink RequireEvents() => Events ?? throw new InvalidOperationException("This parser writes COB events: the import needs an event sink.");

    /// <summary>A reference file named by a catalogue option, resolved in the data directory.</summary>
    public string ReferenceFile(Catalogue.SourceDefinition source, string option)
    {
        var relative = source.RequiredOption(option);
        var path = Path.Combine(DataDirectory ?? throw new InvalidOperationException("No data directory for reference files."), relative);
        return File.Exists(path)
            ? path
            : throw new SourceFormatException(new SourcePosition(relative, 0, 0), $"reference file '{relative}' (option '{option}' of source '{source.Id}') is not in the data directory");
    }

    /// <summary>Normalises a comune code and checks that the registry knows it; records an error otherwise.</summary>
    public string? RequireComune(string raw, SourcePosition at, ParsedDataset into)
    {
        var code = ComuneCode.Normalize(raw);
        if (code is null)
        {
            into.Errors.Add(new ImportIssue(at, $"'{raw}' is not a comune code"));
            return null;
        }

        if (!IsKnownComune(code))
        {
            into.Errors.Add(new ImportIssue(at, $"unknown comune code '{code}' (not in the territorial registry)"));
            return null;
        }

        return code;
    }
}

/// <summary>Reads one official layout into a dataset. Registered by id; the catalogue names the id.</summary>
public interface ISourceParser
{
    string Id { get; }

    /// <summary>Does this parser build the territorial registry (so its comune codes are not checked against it)?</summary>
    bool BuildsRegistry => false;

    void Parse(string path, Catalogue.SourceDefinition source, ParsedDataset into, ParseContext context);
}
