using Npgsql;

namespace InLav.Tests.Support;

/// <summary>
/// The store engines every store test runs on: the same test body, once per engine. PostgreSQL is the real server
/// that ./test starts (build/postgres.sh) and names in INLAV_TEST_POSTGRES; each test gets a database of its own.
/// </summary>
public static class Engines
{
    public const string DuckDb = "duckdb";
    public const string Postgres = "postgres";

    public static TheoryData<string> All => [DuckDb, Postgres];

    public static string AdminConnectionString => Environment.GetEnvironmentVariable("INLAV_TEST_POSTGRES") is { Length: > 0 } cs
        ? cs
        : throw new InvalidOperationException("PostgreSQL tests need a server: run ./test, or `source build/postgres.sh start` before dotnet test (sets INLAV_TEST_POSTGRES).");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = "inlav_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var c = new NpgsqlConnection(AdminConnectionString))
        {
            c.Open();
            using var cmd = c.CreateCommand();
#pragma warning disable CA2100 // a generated identifier (inlav_test_ + hex), not input; DDL takes no parameters
            cmd.CommandText = "CREATE DATABASE " + name + " TEMPLATE template0"; // template1 may be in use by autovacuum
#pragma warning restore CA2100
            cmd.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^inlav_test_[0-9a-f]{12}$"))
        {
            throw new ArgumentException($"Refusing to drop '{name}': not a test database.");
        }
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled); // this database's idle connections only; other tests' pools stay
        }

        using var c = new NpgsqlConnection(AdminConnectionString);
        c.Open();
        using var cmd = c.CreateCommand();
#pragma warning disable CA2100 // checked just above
        cmd.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
#pragma warning restore CA2100
        cmd.ExecuteNonQuery();
    }
}
