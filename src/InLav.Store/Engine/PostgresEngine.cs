using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace InLav.Store.Engine;

/// <summary>PostgreSQL, the server engine for shared deployments. The connection string comes from configuration.</summary>
public sealed class PostgresEngine : IStoreEngine
{
    private readonly NpgsqlDataSource dataSource;

    public PostgresEngine(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Location = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public string Name => "postgres";

    public string Location { get; }

    public DbConnection Open() => dataSource.OpenConnection();

    /// <summary>PostgreSQL is a row store: the read paths need indexes.</summary>
    public void Prepare(DbConnection connection)
    {
        foreach (var sql in new[]
        {
            "CREATE INDEX IF NOT EXISTS fact_measure_period ON fact (measure, period, run_id)",
            "CREATE INDEX IF NOT EXISTS fact_run ON fact (run_id)",
            "CREATE INDEX IF NOT EXISTS membership_run ON membership (run_id)",
            "CREATE INDEX IF NOT EXISTS boundary_run ON boundary (run_id, level)",
            "CREATE INDEX IF NOT EXISTS import_file_run ON import_file (run_id)",
            "CREATE INDEX IF NOT EXISTS cob_event_run ON cob_event (run_id)",
        })
        {
            Sql.Execute(connection, sql);
        }
    }

    public void BulkInsert(DbConnection connection, string table, IEnumerable<object?[]> rows)
    {
        if (!Schema.VersionedTables.Contains(table) && table != "import_file")
        {
            throw new ArgumentException($"No bulk insert into '{table}'.", nameof(table));
        }

        using var writer = ((NpgsqlConnection)connection).BeginBinaryImport($"COPY {table} FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            writer.StartRow();
            foreach (var value in row)
            {
                switch (value)
                {
                    case null: writer.WriteNull(); break;
                    case string s: writer.Write(s, NpgsqlDbType.Varchar); break;
                    case long l: writer.Write(l, NpgsqlDbType.Bigint); break;
                    case int i: writer.Write((long)i, NpgsqlDbType.Bigint); break;
                    case double d: writer.Write(d, NpgsqlDbType.Double); break;
                    case DateOnly d: writer.Write(d, NpgsqlDbType.Date); break;
                    case DateTime t: writer.Write(t, NpgsqlDbType.Timestamp); break;
                    case bool b: writer.Write(b, NpgsqlDbType.Boolean); break;
                    default: throw new ArgumentException($"Cannot copy a {value.GetType().Name}.");
                }
            }
        }

        writer.Complete();
    }

    public void Dispose() => dataSource.Dispose();
}
