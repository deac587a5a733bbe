using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using InLav.Core;
using InLav.Core.Geometry;
using InLav.Core.Territory;
using InLav.Store;

namespace InLav.Application.Geo;

/// <summary>A level's GeoJSON, ready to send: plain, gzip and brotli bytes, and a strong ETag.</summary>
public sealed record GeoLayer(string Level, DateOnly Configuration, byte[] Json, byte[] Gzip, byte[] Brotli, string ETag, int Features, IReadOnlyList<Note> Notes);

/// <summary>
/// Builds each level's geometry once per (published snapshot, level, configuration) and keeps it in memory. The cache hangs
/// off the snapshot instance: an import publishes a new snapshot, and the old entries go with the old snapshot.
/// </summary>
public sealed class GeoLayers(InLavStore store, ILogger<GeoLayers> logger)
{
    private readonly ConditionalWeakTable<TerritorialSnapshot, State> states = [];

    private sealed class State(Func<BoundarySet> load)
    {
        public Lazy<BoundarySet> Boundaries { get; } = new(load);

        public ConcurrentDictionary<DateOnly, Lazy<ComuneCoverage>> Coverages { get; } = new();

        public ConcurrentDictionary<(string Level, DateOnly Configuration), Lazy<GeoLayer>> Layers { get; } = new();
    }

    /// <summary>The level's layer on the configuration ("latest" or yyyy-MM-dd); ArgumentException for an unknown level.</summary>
    public GeoLayer Get(string level, string? configuration)
    {
        var snapshot = store.Reader.Snapshot();
        if (!snapshot.HasLevel(level))
        {
            throw new ArgumentException($"There is no territorial level '{level}'. Known: {string.Join(", ", snapshot.LevelIds)}.", nameof(level));
        }

        var date = snapshot.ParseConfiguration(configuration);
        var state = states.GetValue(snapshot, _ => new State(LoadBoundaries));
        return state.Layers.GetOrAdd((level, date), key => new Lazy<GeoLayer>(() => Build(snapshot, state, key.Level, key.Configuration))).Value;
    }

    /// <summary>The full-resolution comune coverage of a configuration (for checks and tests).</summary>
    public ComuneCoverage Comuni(DateOnly? configuration = null)
    {
        var snapshot = store.Reader.Snapshot();
        var state = states.GetValue(snapshot, _ => new State(LoadBoundaries));
        return Coverage(snapshot, state, configuration ?? snapshot.Registry.LatestDate);
    }

    private static ComuneCoverage Coverage(TerritorialSnapshot snapshot, State state, DateOnly date) =>
        state.Coverages.GetOrAdd(date, d => new Lazy<ComuneCoverage>(() =>
            ComuneCoverage.Build(state.Boundaries.Value, snapshot.Registry, snapshot.Registry.CrosswalkAt(d)))).Value;

    private GeoLayer Build(TerritorialSnapshot snapshot, State state, string level, DateOnly date)
    {
        var clock = Stopwatch.StartNew();
        var coverage = Coverage(snapshot, state, date);
        var mapping = snapshot.Level(level, date);
        var geometry = LevelGeometry.Build(coverage, mapping, LevelGeometry.WebTolerance);
        var notes = geometry.Notes.Concat(coverage.Notes).Distinct().ToList();
        var json = GeoJsonWriter.Write(geometry, mapping.NameIt, notes);
        var layer = new GeoLayer(level, date, json, Compress(json, s => new GZipStream(s, CompressionLevel.SmallestSize)),
            Compress(json, s => new BrotliStream(s, new BrotliCompressionOptions { Quality = 9 })),
            "\"" + Convert.ToHexStringLower(SHA256.HashData(json))[..32] + "\"", geometry.Units.Count, notes);
        logger.LogInformation("Geometry of level {Level} on {Configuration}: {Features} units, {Raw:N0} bytes ({Gzip:N0} gzip, {Brotli:N0} brotli) in {Ms:N0} ms",
            level, date, layer.Features, json.Length, layer.Gzip.Length, layer.Brotli.Length, clock.Elapsed.TotalMilliseconds);
        return layer;
    }

    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };

    /// <summary>A geometry from the GeoJSON text the store keeps.</summary>
    public static NetTopologySuite.Geometries.Geometry ReadGeometry(string geoJson) =>
        JsonSerializer.Deserialize<NetTopologySuite.Geometries.Geometry>(geoJson, GeoJsonOptions) ?? throw new FormatException("empty geometry");

    private BoundarySet LoadBoundaries() =>
        new(store.Reader.Boundaries(BuiltInLevel.Comune).Select(b => new BoundaryPolygon(b.Release, b.Code, b.Name, ReadGeometry(b.GeoJson))).ToList());

    private static byte[] Compress(byte[] data, Func<Stream, Stream> wrap)
    {
        using var output = new MemoryStream();
        using (var z = wrap(output))
        {
            z.Write(data);
        }

        return output.ToArray();
    }
}
