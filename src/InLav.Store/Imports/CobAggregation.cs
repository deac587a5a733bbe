using System.Data.Common;
using InLav.Sources.Cob;
using InLav.Store.Engine;

namespace InLav.Store.Imports;

/// <summary>
/// Turns the COB events of a run into quarterly facts with one GROUP BY in the store engine (the same SQL on DuckDB and
/// PostgreSQL; the events never come back into .NET). Facts are made per workplace comune (level comune) or, for events that
/// know only the province, per province (level provincia), for the quarters of the run's window, with the total ("T") and the
/// breakdowns by sex, by age band and by citizenship, each with the other two dimensions at "T".
/// Measures: cob_hirings, cob_terminations, cob_hirings_le_1day and cob_hirings_le_1week (contracts whose end is at most 0 and
/// 6 days after their start, when the layout gives the dates), cob_hirings_intermittent (ministry code A.05.02); and, when the
/// events are whole contracts, cob_active_contracts (contracts active at the end of the quarter: started on or before it and
/// not ended by it) and cob_active_contracts_avg (mean of the stock at the end of the previous quarter and of this one).
/// </summary>
public static class CobAggregation
{
    private const string Quarter = "(CAST(EXTRACT(YEAR FROM event_date) AS INTEGER) * 4 + CAST(EXTRACT(QUARTER FROM event_date) AS INTEGER) - 1)";
    private const string Period = "CAST(CAST((q - q % 4) / 4 AS INTEGER) AS VARCHAR) || '-Q' || CAST(q % 4 + 1 AS VARCHAR)";
    private static readonly string AgeBand = "CASE " + string.Concat(Core.Measures.AgeBand.Standard.Select(b =>
        Core.Measures.AgeBand.TryParse(b, out var from, out var to) && to is { } upper ? FormattableString.Invariant($"WHEN age <= {upper} THEN '{b}' ") : ""))
        + $"ELSE '{Core.Measures.AgeBand.Standard[^1]}' END";

    private const string Sets = "GROUPING SETS ((level, unit, q), (level, unit, q, sex), (level, unit, q, age_band), (level, unit, q, cit))";

    private static readonly string Flows = $"""
        INSERT INTO fact (run_id, measure, level, unit, period, sex, age, cit, value, flag)
        SELECT $r, m.measure, g.level, g.unit, {Period}, g.sex, g.age, g.cit,
            CASE m.measure WHEN 'cob_hirings' THEN g.hirings WHEN 'cob_terminations' THEN g.terminations WHEN 'cob_hirings_le_1day' THEN g.le_1day
                WHEN 'cob_hirings_le_1week' THEN g.le_1week ELSE g.intermittent END, NULL
        FROM (
            SELECT level, unit, q, COALESCE(sex, 'T') AS sex, COALESCE(age_band, 'T') AS age, COALESCE(cit, 'T') AS cit,
                SUM(CASE WHEN event_type = 'hiring' THEN 1 ELSE 0 END) AS hirings,
                SUM(CASE WHEN event_type = 'termination' THEN 1 ELSE 0 END) AS terminations,
                SUM(CASE WHEN event_type = 'hiring' AND days <= 0 THEN 1 ELSE 0 END) AS le_1day,
                SUM(CASE WHEN event_type = 'hiring' AND days <= 6 THEN 1 ELSE 0 END) AS le_1week,
                SUM(CASE WHEN event_type = 'hiring' AND contract = '{CobCodes.Intermittent}' THEN 1 ELSE 0 END) AS intermittent,
                SUM(CASE WHEN event_type = 'hiring' AND contract_start IS NULL THEN 1 ELSE 0 END) AS undated
            FROM (
                SELECT CASE WHEN comune IS NULL THEN 'provincia' ELSE 'comune' END AS level, COALESCE(comune, province) AS unit,
                    {Quarter} AS q, sex, {AgeBand} AS age_band, cit, event_type, contract, contract_start, contract_end - contract_start AS days
                FROM cob_event WHERE run_id = $r AND event_date >= $from AND event_date <= $to
            ) e
            GROUP BY {Sets}
        ) g
        CROSS JOIN (VALUES ('cob_hirings'), ('cob_terminations'), ('cob_hirings_le_1day'), ('cob_hirings_le_1week'), ('cob_hirings_intermittent')) AS m(measure)
        WHERE m.measure IN ('cob_hirings', 'cob_terminations', 'cob_hirings_intermittent') OR g.undated = 0
        """;

    private static readonly string Stock = $"""
        INSERT INTO fact (run_id, measure, level, unit, period, sex, age, cit, value, flag)
        WITH deltas AS (
            SELECT level, unit, q, COALESCE(sex, 'T') AS sex, COALESCE(age_band, 'T') AS age, COALESCE(cit, 'T') AS cit, SUM(d) AS delta
            FROM (
                SELECT CASE WHEN comune IS NULL THEN 'provincia' ELSE 'comune' END AS level, COALESCE(comune, province) AS unit,
                    GREATEST({Quarter}, $q0 - 1) AS q, sex, {AgeBand} AS age_band, cit, CASE WHEN event_type = 'hiring' THEN 1 ELSE -1 END AS d
                FROM cob_event WHERE run_id = $r AND event_type IN ('hiring', 'termination') AND event_date <= $to
            ) e
            GROUP BY {Sets}
        )
        SELECT $r, m.measure, s.level, s.unit, {Period}, s.sex, s.age, s.cit,
            CASE m.measure WHEN 'cob_active_contracts' THEN s.stock ELSE (s.stock + s.previous) / 2.0 END, NULL
        FROM (
            SELECT level, unit, q, sex, age, cit, stock, LAG(stock, 1, 0) OVER (PARTITION BY level, unit, sex, age, cit ORDER BY q) AS previous
            FROM (
                SELECT k.level, k.unit, k.sex, k.age, k.cit, g.q,
                    SUM(COALESCE(d.delta, 0)) OVER (PARTITION BY k.level, k.unit, k.sex, k.age, k.cit ORDER BY g.q) AS stock
                FROM (SELECT DISTINCT level, unit, sex, age, cit FROM deltas) k
                CROSS JOIN generate_series($q0 - 1, $q1) AS g(q)
                LEFT JOIN deltas d ON d.level = k.level AND d.unit = k.unit AND d.sex = k.sex AND d.age = k.age AND d.cit = k.cit AND d.q = g.q
            ) c
        ) s
        CROSS JOIN (VALUES ('cob_active_contracts'), ('cob_active_contracts_avg')) AS m(measure)
        WHERE s.q >= $q0
        """;

    /// <summary>Writes the facts of the run's events; returns how many facts were written.</summary>
    public static long Run(DbConnection c, long runId, CobWindow window)
    {
        var before = Sql.Scalar<long>(c, "SELECT count(*) FROM fact WHERE run_id = $r", ("r", runId));
        var q0 = QuarterIndex(window.From);
        var q1 = QuarterIndex(window.To);
        Sql.Execute(c, Flows, ("r", runId), ("from", window.From), ("to", window.To));
        if (window.HasStock)
        {
            Sql.Execute(c, Stock, ("r", runId), ("q0", q0), ("q1", q1), ("to", window.To));
        }

        return Sql.Scalar<long>(c, "SELECT count(*) FROM fact WHERE run_id = $r", ("r", runId)) - before;
    }

    private static int QuarterIndex(DateOnly d) => d.Year * 4 + (d.Month - 1) / 3;
}
