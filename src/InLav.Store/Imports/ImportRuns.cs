using InLav.Store.Engine;

namespace InLav.Store.Imports;

/// <summary>The record of import runs, and rollback to the previous published version.</summary>
public static class ImportRuns
{
    /// <summary>Runs newest first, of every source or of one, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<ImportRun> List(InLavStore store, string? sourceId = null, int limit = 200)
    {
        using var c = store.Engine.Open();
        return sourceId is null
            ? Read(c, "SELECT run_id FROM import_run ORDER BY run_id DESC LIMIT $n", ("n", limit))
            : Read(c, "SELECT run_id FROM import_run WHERE source_id = $s ORDER BY run_id DESC LIMIT $n", ("s", sourceId), ("n", limit));
    }

    /// <summary>One run, or null.</summary>
    public static ImportRun? Find(InLavStore store, long runId)
    {
        using var c = store.Engine.Open();
        return Read(c, "SELECT run_id FROM import_run WHERE run_id = $id", ("id", runId)).FirstOrDefault();
    }

    /// <summary>Per source that has runs: its published run, its latest run and how many runs it has.</summary>
    public static IReadOnlyDictionary<string, SourceRuns> PerSource(InLavStore store)
    {
        using var c = store.Engine.Open();
        var count = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var cmd = Sql.Command(c, "SELECT source_id, count(*) FROM import_run GROUP BY source_id"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                count[r.GetString(0)] = (int)r.GetInt64(1);
            }
        }

        var runs = Read(c, "SELECT run_id FROM published UNION SELECT max(run_id) FROM import_run GROUP BY source_id");
        return runs.GroupBy(r => r.SourceId, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => new SourceRuns(g.FirstOrDefault(r => r.IsPublished), g.First(), count.GetValueOrDefault(g.Key)), StringComparer.Ordinal);
    }

    /// <summary>The runs whose ids <paramref name="runIds"/> selects, newest first, with their files.</summary>
    private static List<ImportRun> Read(System.Data.Common.DbConnection c, string runIds, params (string, object?)[] parameters)
    {
        var files = new Dictionary<long, List<ImportFile>>();
        using (var cmd = Sql.Command(c, $"SELECT run_id, file_name, size_bytes, sha256 FROM import_file WHERE run_id IN ({runIds})", parameters))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (!files.TryGetValue(r.GetInt64(0), out var list))
                {
                    files[r.GetInt64(0)] = list = [];
                }

                list.Add(new ImportFile(r.GetString(1), r.GetInt64(2), r.GetString(3)));
            }
        }

        var runs = new List<ImportRun>();
        using (var cmd = Sql.Command(c, $"""
            SELECT r.run_id, r.source_id, r.total_bytes, r.sha256, r.rows_read, r.rows_loaded, r.rows_rejected, r.started_at, r.ended_at, r.outcome, r.messages, r.previous_run_id,
                   p.run_id IS NOT NULL
            FROM import_run r LEFT JOIN published p ON p.run_id = r.run_id
            WHERE r.run_id IN ({runIds}) ORDER BY r.run_id DESC
            """, parameters))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                runs.Add(new ImportRun(r.GetInt64(0), r.GetString(1), N(r, 2), Sql.NullableString(r, 3), N(r, 4), N(r, 5), N(r, 6), r.GetDateTime(7),
                    r.IsDBNull(8) ? null : r.GetDateTime(8), r.GetString(9), Sql.NullableString(r, 10), N(r, 11), r.GetBoolean(12), files.GetValueOrDefault(r.GetInt64(0)) ?? []));
            }
        }

        return runs;
    }

    /// <summary>Publishes again the version before the current one of a source. Returns the run now published.</summary>
    public static long Rollback(InLavStore store, string sourceId)
    {
        using var c = store.Engine.Open();
        var current = Sql.Scalar<long?>(c, "SELECT run_id FROM published WHERE source_id = $s", ("s", sourceId))
            ?? throw new InvalidOperationException($"Source '{sourceId}' has no published version.");
        var previous = Sql.Scalar<long?>(c, "SELECT max(run_id) FROM import_run WHERE source_id = $s AND outcome = $o AND run_id < $r",
            ("s", sourceId), ("o", RunOutcome.Superseded), ("r", current))
            ?? throw new InvalidOperationException($"Source '{sourceId}' has no earlier version to roll back to.");
        using (var tx = c.BeginTransaction())
        {
            Sql.Execute(c, "UPDATE published SET run_id = $p, published_at = $t WHERE source_id = $s", ("p", previous), ("t", Sql.UtcNow()), ("s", sourceId));
            Sql.Execute(c, "UPDATE import_run SET outcome = $o WHERE run_id = $r", ("o", RunOutcome.RolledBack), ("r", current));
            Sql.Execute(c, "UPDATE import_run SET outcome = $o WHERE run_id = $r", ("o", RunOutcome.Published), ("r", previous));
            tx.Commit();
        }

        store.Reader.Invalidate();
        return previous;
    }

    private static long? N(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
}
