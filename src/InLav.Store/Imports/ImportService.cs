using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Sources.Parsers;
using InLav.Sources.Reading;
using InLav.Store.Engine;
using Microsoft.Extensions.Logging;
using NetTopologySuite.IO;

namespace InLav.Store.Imports;

/// <summary>
/// Imports sources: locate files, hash them, skip what is already published, parse everything (all or nothing),
/// write the rows under a new run id, then publish by moving one pointer in a transaction. Readers keep seeing
/// the previous version until that pointer moves; a failed run leaves no rows behind.
/// </summary>
public sealed class ImportService(InLavStore store, ILogger<ImportService> logger)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<IReadOnlyList<ImportOutcome>> ImportAllAsync(IReadOnlyCollection<string>? sourceIds, string triggeredBy, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var unknown = sourceIds?.Where(id => store.Catalogue.Find(id) is null).ToList() ?? [];
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown source(s): {string.Join(", ", unknown)}.");
        }

        var outcomes = new List<ImportOutcome>();
        foreach (var source in store.Catalogue.Sources.Where(s => sourceIds is null || sourceIds.Contains(s.Id)))
        {
            var files = store.Options.DataDirectory is { } dir ? SourceCatalogue.LocateFiles(source, dir) : [];
            outcomes.Add(await ImportAsync(source, files, triggeredBy, progress, ct).ConfigureAwait(false));
        }

        return outcomes;
    }

    public async Task<ImportOutcome> ImportAsync(SourceDefinition source, IReadOnlyList<string> files, string triggeredBy, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        await OneAtATime.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Import(source, files, triggeredBy, progress, ct), ct).ConfigureAwait(false);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private ImportOutcome Import(SourceDefinition source, IReadOnlyList<string> files, string triggeredBy, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (files.Count == 0)
        {
            logger.LogWarning("{Source}: no file found in the data directory ({Patterns})", source.Id, string.Join(", ", source.Files));
            return new ImportOutcome(source.Id, null, RunOutcome.NoFiles, 0, 0, 0, [$"No file matching {string.Join(", ", source.Files)} in the data directory."], 0);
        }

        var fileInfos = new List<ImportFile>();
        long estimated = 0;
        foreach (var f in files)
        {
            var size = new FileInfo(f).Length;
            if (size > store.Options.MaxFileBytes)
            {
                // Refuse before hashing or reading a huge file.
                fileInfos.Add(new ImportFile(Path.GetFileName(f), size, ""));
                continue;
            }

            var (sha, lines) = HashAndCountLines(f);
            estimated += lines;
            fileInfos.Add(new ImportFile(Path.GetFileName(f), size, sha));
        }

        var combined = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join("\n", fileInfos.Select(fi => $"{fi.FileName}:{fi.Sha256}")) + "\n" + JsonSerializer.Serialize(source.Options))));
        var totalBytes = fileInfos.Sum(fi => fi.SizeBytes);

        using var c = store.Engine.Open();
        var publishedRun = Sql.Scalar<long?>(c, "SELECT run_id FROM published WHERE source_id = $s", ("s", source.Id));
        var publishedSha = publishedRun is null ? null : Sql.Scalar<string>(c, "SELECT sha256 FROM import_run WHERE run_id = $r", ("r", publishedRun));
        if (publishedSha == combined)
        {
            // The same files are already published: nothing is added, not even a run record.
            return new ImportOutcome(source.Id, publishedRun, RunOutcome.Unchanged, 0, 0, 0, ["The same files are already published: nothing to do."], clock.Elapsed.TotalSeconds);
        }

        var runId = Sql.Scalar<long>(c, "SELECT nextval('run_seq')");
        Sql.Execute(c, "INSERT INTO import_run (run_id, source_id, total_bytes, sha256, started_at, outcome, previous_run_id, triggered_by, synthetic) VALUES ($r, $s, $b, $h, $t, $o, $p, $by, $syn)",
            ("r", runId), ("s", source.Id), ("b", totalBytes), ("h", combined), ("t", Sql.UtcNow()), ("o", RunOutcome.Running), ("p", publishedRun), ("by", triggeredBy), ("syn", source.Synthetic));
        store.Engine.BulkInsert(c, "import_file", fileInfos.Select(fi => new object?[] { runId, fi.FileName, fi.SizeBytes, fi.Sha256 }));
        store.Reader.Invalidate(); // the runs log changed (HTTP validators follow the reader's publication number)

        // Parse everything first: nothing is written unless the whole source is clean.
        var dataset = new ParsedDataset();
        if (!ParserRegistry.TryGet(source.Parser, out var parser))
        {
            return Finish(c, source, runId, RunOutcome.Failed, 0, 0, 0, [$"The catalogue names the parser '{source.Parser}', which does not exist. Known: {string.Join(", ", ParserRegistry.Ids.Order(StringComparer.Ordinal))}."], clock);
        }

        var snapshot = parser.BuildsRegistry ? null : store.Reader.Snapshot();
        long rowsBefore = 0;
        using var events = new CobEventWriter(store.Engine, runId, source.Synthetic);
        foreach (var (file, info) in files.Zip(fileInfos))
        {
            var context = new ParseContext
            {
                IsKnownComune = code => snapshot?.Registry.IsKnown(code) ?? true,
                Registry = snapshot?.Registry,
                MaxFileBytes = store.Options.MaxFileBytes,
                RowsProgress = new SyncProgress<long>(n => progress?.Report(new ImportProgress(source.Id, "read", rowsBefore + n, estimated, clock.Elapsed))),
                CancellationToken = ct,
                DataDirectory = store.Options.DataDirectory,
                Events = events,
            };
            try
            {
                if (info.SizeBytes > store.Options.MaxFileBytes)
                {
                    throw new SourceFormatException(new SourcePosition(info.FileName, 0, 0),
                        FormattableString.Invariant($"the file is {info.SizeBytes:N0} bytes, over the limit of {store.Options.MaxFileBytes:N0} bytes"));
                }

                var known = dataset.Classifications.Count;
                parser.Parse(file, source, dataset, context);
                foreach (var cl in dataset.Classifications.Skip(known))
                {
                    // Two sources must not publish the same level: the snapshot could not tell their memberships apart.
                    if (snapshot?.Classifications.FirstOrDefault(x => x.Id == cl.Id && x.SourceId != source.Id) is { } other)
                    {
                        dataset.Errors.Add(new ImportIssue(new SourcePosition(info.FileName, 0, 0),
                            $"the classification '{cl.Id}' is already published by the source '{other.SourceId}': give this one another id (for an operator CSV, another file name)"));
                    }
                }
            }
            catch (SourceFormatException e)
            {
                dataset.Errors.Add(new ImportIssue(e.Position, e.Reason));
            }
            catch (Exception e) when (e is InvalidDataException or JsonException or FormatException or ParseException or ArgumentException)
            {
                dataset.Errors.Add(new ImportIssue(new SourcePosition(Path.GetFileName(file), 0, 0), e.Message));
            }

            rowsBefore = dataset.RowsRead;
        }

        try
        {
            events.Complete();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            dataset.Errors.Add(new ImportIssue(new SourcePosition(source.Id, 0, 0), $"the store refused the events: {e.Message}"));
        }

        if (dataset.Errors.Count > 0)
        {
            var messages = dataset.Errors.Take(50).Select(e => e.ToString()).ToList();
            if (dataset.Errors.Count > 50)
            {
                messages.Add(FormattableString.Invariant($"… and {dataset.Errors.Count - 50} more errors"));
            }

            foreach (var m in messages.Take(5))
            {
                logger.LogError("{Source}: {Message}", source.Id, m);
            }

            DeleteRows(c, runId);

            return Finish(c, source, runId, RunOutcome.Failed, dataset.RowsRead, 0, dataset.Errors.Count, messages, clock);
        }

        long loaded = dataset.RowCount;
        try
        {
            Write(c, runId, source, dataset, progress, clock);
            if (dataset.EventWindow is { } window && dataset.EventCount > 0)
            {
                progress?.Report(new ImportProgress(source.Id, "aggregate events", dataset.EventCount, dataset.EventCount, clock.Elapsed));
                loaded += dataset.EventCount + CobAggregation.Run(c, runId, window);
            }
        }
        catch (Exception e)
        {
            DeleteRows(c, runId);
            logger.LogError(e, "{Source}: writing run {Run} failed", source.Id, runId);
            return Finish(c, source, runId, RunOutcome.Failed, dataset.RowsRead, 0, 0, [$"The store refused the rows: {e.Message}"], clock);
        }

        // Publish: one pointer moves, in one transaction with the run's outcome.
        using (var tx = c.BeginTransaction())
        {
            Sql.Execute(c, "DELETE FROM published WHERE source_id = $s", ("s", source.Id));
            Sql.Execute(c, "INSERT INTO published VALUES ($s, $r, $t)", ("s", source.Id), ("r", runId), ("t", Sql.UtcNow()));
            if (publishedRun is not null)
            {
                Sql.Execute(c, "UPDATE import_run SET outcome = $o WHERE run_id = $r", ("o", RunOutcome.Superseded), ("r", publishedRun));
            }

            Record(c, runId, RunOutcome.Published, dataset.RowsRead, loaded, 0, dataset.Warnings.Take(50));
            tx.Commit();
        }

        store.Reader.Invalidate();
        Prune(c, source.Id);
        var outcome = new ImportOutcome(source.Id, runId, RunOutcome.Published, dataset.RowsRead, loaded, 0, dataset.Warnings.Take(50).ToList(), clock.Elapsed.TotalSeconds);
        logger.LogInformation("{Source}: run {Run} published, {Rows} rows read, {Loaded} loaded in {Seconds:N1} s", source.Id, runId, dataset.RowsRead, loaded, clock.Elapsed.TotalSeconds);
        return outcome;
    }

    private ImportOutcome Finish(System.Data.Common.DbConnection c, SourceDefinition source, long runId, string outcome, long read, long loaded, long rejected, IReadOnlyList<string> messages, Stopwatch clock)
    {
        Record(c, runId, outcome, read, loaded, rejected, messages);
        store.Reader.Invalidate(); // the runs log changed
        if (outcome != RunOutcome.Failed)
        {
            logger.LogInformation("{Source}: run {Run} {Outcome}", source.Id, runId, outcome);
        }

        return new ImportOutcome(source.Id, runId, outcome, read, loaded, rejected, messages, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Records how a run ended.</summary>
    private static void Record(System.Data.Common.DbConnection c, long runId, string outcome, long read, long loaded, long rejected, IEnumerable<string> messages) =>
        Sql.Execute(c, "UPDATE import_run SET outcome = $o, rows_read = $rr, rows_loaded = $rl, rows_rejected = $rj, ended_at = $t, messages = $m WHERE run_id = $r",
            ("o", outcome), ("rr", read), ("rl", loaded), ("rj", rejected), ("t", Sql.UtcNow()), ("m", string.Join("\n", messages)), ("r", runId));

    private void Write(System.Data.Common.DbConnection c, long runId, SourceDefinition source, ParsedDataset d, IProgress<ImportProgress>? progress, Stopwatch clock)
    {
        long done = 0;
        long total = d.RowCount;
        void Step(int n)
        {
            done += n;
            progress?.Report(new ImportProgress(source.Id, "write", done, total, clock.Elapsed));
        }

        var engine = store.Engine;
        engine.BulkInsert(c, "comune_evidence", d.Comuni.Select(e => new object?[] { runId, e.Code, e.Name, e.ValidFrom, e.ValidTo, e.ListedAt }));
        Step(d.Comuni.Count);
        engine.BulkInsert(c, "territorial_change", d.Changes.Select(e => new object?[] { runId, e.Date, e.Kind.ToString(), e.FromCode, e.ToCode, e.NewName }));
        Step(d.Changes.Count);
        engine.BulkInsert(c, "classification", d.Classifications.Select(e => new object?[] { runId, e.Id, e.NameIt, e.NameEn, e.Edition, e.ReferenceDate, source.Id, e.NotesIt, e.NotesEn }));
        Step(d.Classifications.Count);
        engine.BulkInsert(c, "membership", d.Memberships.Select(e => new object?[] { runId, e.ClassificationId, e.ComuneCode, e.GroupCode, e.GroupName, e.ValidFrom, e.ValidTo }));
        Step(d.Memberships.Count);
        var geoJson = new JsonSerializerOptions();
        geoJson.Converters.Add(new NetTopologySuite.IO.Converters.GeoJsonConverterFactory());
        engine.BulkInsert(c, "boundary", d.Boundaries.Select(b => new object?[] { runId, b.Release, b.Level, b.Code, b.Name, JsonSerializer.Serialize(b.Geometry, geoJson) }));
        Step(d.Boundaries.Count);
        const int Chunk = 100_000;
        for (var i = 0; i < d.Facts.Count; i += Chunk)
        {
            var part = d.Facts.Skip(i).Take(Chunk);
            engine.BulkInsert(c, "fact", part.Select(f => new object?[] { runId, f.Measure, f.Level, f.UnitCode, f.Period, f.Dimensions.Sex, f.Dimensions.Age, f.Dimensions.Citizenship, f.Value, f.Flag }));
            Step(Math.Min(Chunk, d.Facts.Count - i));
        }
    }

    private static void DeleteRows(System.Data.Common.DbConnection c, long runId)
    {
        foreach (var table in Schema.VersionedTables)
        {
            Sql.Execute(c, $"DELETE FROM {table} WHERE run_id = $r", ("r", runId));
        }
    }

    /// <summary>Drops the rows of versions older than the last N published ones (their run records stay).</summary>
    private void Prune(System.Data.Common.DbConnection c, string sourceId)
    {
        var keep = new List<long>();
        using (var cmd = Sql.Command(c, "SELECT run_id FROM import_run WHERE source_id = $s AND outcome IN ($p, $x) ORDER BY run_id DESC LIMIT $n",
            ("s", sourceId), ("p", RunOutcome.Published), ("x", RunOutcome.Superseded), ("n", store.Options.VersionsKept)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                keep.Add(r.GetInt64(0));
            }
        }

        var old = new List<long>();
        using (var cmd = Sql.Command(c, "SELECT run_id FROM import_run WHERE source_id = $s AND outcome IN ($x, $b)",
            ("s", sourceId), ("x", RunOutcome.Superseded), ("b", RunOutcome.RolledBack)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (!keep.Contains(r.GetInt64(0)))
                {
                    old.Add(r.GetInt64(0));
                }
            }
        }

        foreach (var run in old)
        {
            DeleteRows(c, run);
            Sql.Execute(c, "UPDATE import_run SET outcome = $o WHERE run_id = $r", ("o", RunOutcome.Pruned), ("r", run));
        }
    }

    /// <summary>One pass over a file: its SHA-256 and its line count (the row estimate of the progress reports).</summary>
    private static (string Sha256, long Lines) HashAndCountLines(string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var s = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        while ((read = s.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), lines);
    }

    /// <summary>Reports synchronously on the calling thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
