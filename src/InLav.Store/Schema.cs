using InLav.Store.Engine;

namespace InLav.Store;

/// <summary>
/// The schema, created and migrated by the application. Each migration runs once, in order, in a transaction.
/// Every data table carries the run_id of the import that wrote it; what is served is what the published table points to.
/// </summary>
public static class Schema
{
    private static readonly (int Version, string Description, string Sql)[] Migrations =
    [
        (1, "import runs, versioned data tables", """
            CREATE SEQUENCE IF NOT EXISTS run_seq START 1;
            CREATE TABLE import_run (
                run_id BIGINT PRIMARY KEY,
                source_id VARCHAR NOT NULL,
                total_bytes BIGINT,
                sha256 VARCHAR,
                rows_read BIGINT,
                rows_loaded BIGINT,
                rows_rejected BIGINT,
                started_at TIMESTAMP NOT NULL,
                ended_at TIMESTAMP,
                outcome VARCHAR NOT NULL,
                messages VARCHAR,
                previous_run_id BIGINT,
                triggered_by VARCHAR);
            CREATE TABLE import_file (run_id BIGINT NOT NULL, file_name VARCHAR NOT NULL, size_bytes BIGINT NOT NULL, sha256 VARCHAR NOT NULL);
            CREATE TABLE published (source_id VARCHAR PRIMARY KEY, run_id BIGINT NOT NULL, published_at TIMESTAMP NOT NULL);
            CREATE TABLE fact (run_id BIGINT NOT NULL, measure VARCHAR NOT NULL, level VARCHAR NOT NULL, unit VARCHAR NOT NULL, period VARCHAR NOT NULL,
                sex VARCHAR NOT NULL, age VARCHAR NOT NULL, cit VARCHAR NOT NULL, value FLOAT8, flag VARCHAR);
            CREATE TABLE comune_evidence (run_id BIGINT NOT NULL, code VARCHAR NOT NULL, name VARCHAR NOT NULL, valid_from DATE, valid_to DATE, listed_at DATE);
            CREATE TABLE territorial_change (run_id BIGINT NOT NULL, change_date DATE NOT NULL, kind VARCHAR NOT NULL, from_code VARCHAR NOT NULL, to_code VARCHAR NOT NULL, new_name VARCHAR);
            CREATE TABLE classification (run_id BIGINT NOT NULL, id VARCHAR NOT NULL, name_it VARCHAR NOT NULL, name_en VARCHAR NOT NULL, edition VARCHAR NOT NULL,
                reference_date DATE, source_id VARCHAR NOT NULL, notes_it VARCHAR, notes_en VARCHAR);
            CREATE TABLE membership (run_id BIGINT NOT NULL, classification_id VARCHAR NOT NULL, comune_code VARCHAR NOT NULL, group_code VARCHAR NOT NULL,
                group_name VARCHAR NOT NULL, valid_from DATE, valid_to DATE);
            CREATE TABLE boundary (run_id BIGINT NOT NULL, release VARCHAR NOT NULL, level VARCHAR NOT NULL, code VARCHAR NOT NULL, name VARCHAR NOT NULL, geojson VARCHAR NOT NULL);
            """),
        (2, "COB events; synthetic runs", """
            ALTER TABLE import_run ADD COLUMN synthetic BOOLEAN;
            CREATE TABLE cob_event (run_id BIGINT NOT NULL, event_type VARCHAR NOT NULL, event_date DATE NOT NULL, comune VARCHAR, province VARCHAR NOT NULL,
                contract VARCHAR, contract_start DATE, contract_end DATE, sex VARCHAR NOT NULL, age BIGINT NOT NULL,
                cit VARCHAR NOT NULL, country VARCHAR, ateco VARCHAR, synthetic BOOLEAN NOT NULL)
            """),
    ];

    /// <summary>The data tables keyed by run_id (pruned together when old versions are dropped).</summary>
    public static readonly IReadOnlyList<string> VersionedTables = ["fact", "comune_evidence", "territorial_change", "classification", "membership", "boundary", "cob_event"];

    public static void Migrate(IStoreEngine engine)
    {
        using var c = engine.Open();
        Sql.Execute(c, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
        var current = Sql.Scalar<int?>(c, "SELECT max(version) FROM schema_migrations") ?? 0;
        foreach (var (version, description, sql) in Migrations.Where(m => m.Version > current))
        {
            using var tx = c.BeginTransaction();
            foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Sql.Execute(c, statement);
            }

            Sql.Execute(c, "INSERT INTO schema_migrations VALUES ($v, $d, $t)", ("v", version), ("d", description), ("t", Sql.UtcNow()));
            tx.Commit();
        }

        engine.Prepare(c);
    }
}
