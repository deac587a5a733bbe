using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Store.Engine;

namespace InLav.Store.Reading;

/// <summary>
/// Reads what is published, for the query service. The territorial snapshot is built once per publication and cached.
/// </summary>
public sealed class StatisticsStore(IStoreEngine engine, SourceCatalogue catalogue) : IStatisticsReader
{
    private const string Published = "run_id IN (SELECT run_id FROM published)";
    private static long publications;
    private volatile State state = new();

    /// <summary>
    /// Everything cached for one publication. <see cref="Invalidate"/> replaces the whole object, so a value loaded
    /// while a publication happens lands in the discarded state and is never served afterwards.
    /// </summary>
    private sealed class State
    {
        public readonly long Publication = Interlocked.Increment(ref publications);
        public readonly Lock Gate = new();
        public volatile TerritorialSnapshot? Snapshot;
        public volatile Dictionary<string, IReadOnlyList<string>>? Periods;
        public volatile HashSet<long>? SyntheticRuns;
        public readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<StoredFact>> Facts = new(StringComparer.Ordinal);
    }

    /// <summary>Drops the cached snapshot: the next question sees the newly published state.</summary>
    public void Invalidate() => state = new State();

    /// <summary>
    /// The number of the publication state served now: it changes with every <see cref="Invalidate"/> (a publication, a
    /// rollback, a run recorded), never twice the same in a process. An answer computed after reading it is at least as
    /// new as it, so an HTTP validator derived from it is never stale.
    /// </summary>
    public long Publication => state.Publication;

    public IReadOnlyList<MeasureDefinition> Measures() => catalogue.Measures;

    public TerritorialSnapshot Snapshot()
    {
        var s = state;
        if (s.Snapshot is { } snapshot)
        {
            return snapshot;
        }

        lock (s.Gate)
        {
            return s.Snapshot ??= Load();
        }
    }

    public IReadOnlyList<string> Periods(string measure)
    {
        var s = state;
        var p = s.Periods;
        if (p is null)
        {
            var all = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            using var c = engine.Open();
            using var cmd = Sql.Command(c, $"SELECT DISTINCT measure, period FROM fact WHERE {Published} ORDER BY measure, period");
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!all.TryGetValue(r.GetString(0), out var list))
                {
                    all[r.GetString(0)] = list = [];
                }

                list.Add(r.GetString(1));
            }

            p = all.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
            s.Periods = p;
        }

        return p.GetValueOrDefault(measure) ?? [];
    }

    /// <summary>
    /// Published facts, cached per question until the next publication (published rows never change under a run id,
    /// so a cached answer is exact until the pointer moves). At most <see cref="MaxCachedQuestions"/> questions are kept.
    /// </summary>
    public IReadOnlyList<StoredFact> ReadFacts(string measure, IReadOnlyCollection<string> periodList, DimensionSelection selection)
    {
        var key = string.Join('|', measure, string.Join(',', periodList), string.Join(',', selection.Sex), string.Join(',', selection.Age), string.Join(',', selection.Citizenship));
        var s = state;
        if (s.Facts.TryGetValue(key, out var cached))
        {
            return cached;
        }

        // A publication while reading replaces the state: the answer is served, and kept only in the discarded state.
        var read = ReadFactsFromStore(s, measure, periodList, selection);
        lock (s.Gate)
        {
            if (s.Facts.Count >= MaxCachedQuestions)
            {
                s.Facts.Clear();
            }

            s.Facts[key] = read;
        }

        return read;
    }

    private const int MaxCachedQuestions = 2048;

    private List<StoredFact> ReadFactsFromStore(State s, string measure, IReadOnlyCollection<string> periodList, DimensionSelection selection)
    {
        var (periodIn, periodParams) = Sql.InList("p", periodList);
        var parameters = new List<(string, object?)> { ("m", measure) };
        parameters.AddRange(periodParams);
        var where = new List<string> { "measure = $m", $"period IN ({periodIn})", Published };
        foreach (var (dimension, column) in new[] { (Dimension.Sex, "sex"), (Dimension.Age, "age"), (Dimension.Citizenship, "cit") })
        {
            var values = selection.Of(dimension);
            if (values.Count == 0)
            {
                where.Add($"{column} <> 'T'");
            }
            else
            {
                var (inList, ps) = Sql.InList(column, values);
                where.Add($"{column} IN ({inList})");
                parameters.AddRange(ps);
            }
        }

        var result = new List<StoredFact>();
        var synthetic = SyntheticRuns(s);
        using var c = engine.Open();
        using var cmd = Sql.Command(c, $"SELECT run_id, level, unit, period, sex, age, cit, value, flag FROM fact WHERE {string.Join(" AND ", where)}", [.. parameters]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var fact = new Fact(measure, r.GetString(1), r.GetString(2), r.GetString(3), new DimensionKey(r.GetString(4), r.GetString(5), r.GetString(6)),
                r.IsDBNull(7) ? null : r.GetDouble(7), Sql.NullableString(r, 8));
            result.Add(new StoredFact(fact, r.GetInt64(0), synthetic.Contains(r.GetInt64(0))));
        }

        return result;
    }

    /// <summary>The published runs of synthetic sources (import_run.synthetic): their values are marked Synthetic.</summary>
    private HashSet<long> SyntheticRuns(State s)
    {
        var runs = s.SyntheticRuns;
        if (runs is null)
        {
            runs = [];
            using var c = engine.Open();
            using var cmd = Sql.Command(c, $"SELECT run_id FROM import_run WHERE synthetic AND {Published}");
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                runs.Add(r.GetInt64(0));
            }

            s.SyntheticRuns = runs;
        }

        return runs;
    }

    /// <summary>Published boundaries of a release (or of every release), as GeoJSON geometry text by code.</summary>
    public IReadOnlyList<(string Release, string Code, string Name, string GeoJson)> Boundaries(string level, string? release = null)
    {
        var rows = new List<(string, string, string, string)>();
        using var c = engine.Open();
        using var cmd = release is null
            ? Sql.Command(c, $"SELECT release, code, name, geojson FROM boundary WHERE {Published} AND level = $l ORDER BY release DESC, code", ("l", level))
            : Sql.Command(c, $"SELECT release, code, name, geojson FROM boundary WHERE {Published} AND level = $l AND release = $r ORDER BY code", ("l", level), ("r", release));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            rows.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        }

        return rows;
    }

    private TerritorialSnapshot Load()
    {
        using var c = engine.Open();
        var evidence = new List<ComuneEvidence>();
        using (var cmd = Sql.Command(c, $"SELECT code, name, valid_from, valid_to, listed_at FROM comune_evidence WHERE {Published}"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var code = r.GetString(0);
                evidence.Add(new ComuneEvidence(code, r.GetString(1), ComuneCode.ProvinceOf(code), Sql.NullableDate(r, 2), Sql.NullableDate(r, 3), Sql.NullableDate(r, 4)));
            }
        }

        var changes = new List<TerritorialChange>();
        using (var cmd = Sql.Command(c, $"SELECT change_date, kind, from_code, to_code, new_name FROM territorial_change WHERE {Published}"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                changes.Add(new TerritorialChange(DateOnly.FromDateTime(r.GetDateTime(0)), Enum.Parse<ChangeKind>(r.GetString(1)), r.GetString(2), r.GetString(3), Sql.NullableString(r, 4)));
            }
        }

        var classifications = new List<ClassificationDefinition>();
        using (var cmd = Sql.Command(c, $"SELECT id, name_it, name_en, edition, reference_date, source_id, notes_it, notes_en FROM classification WHERE {Published} ORDER BY id"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                classifications.Add(new ClassificationDefinition(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Sql.NullableDate(r, 4), r.GetString(5),
                    Sql.NullableString(r, 6), Sql.NullableString(r, 7)));
            }
        }

        var memberships = new List<Membership>();
        using (var cmd = Sql.Command(c, $"SELECT classification_id, comune_code, group_code, group_name, valid_from, valid_to FROM membership WHERE {Published}"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                memberships.Add(new Membership(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Sql.NullableDate(r, 4), Sql.NullableDate(r, 5)));
            }
        }

        return new TerritorialSnapshot(TerritorialRegistry.Build(evidence, changes), classifications, memberships);
    }
}
