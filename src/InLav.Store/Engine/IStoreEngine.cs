using System.Data.Common;

namespace InLav.Store.Engine;

/// <summary>
/// The seam between the store and a database engine. DuckDB (embedded) is the default; PostgreSQL plugs in here
/// for shared deployments. Everything else in the store is plain ADO.NET with parameters.
/// </summary>
public interface IStoreEngine : IDisposable
{
    string Name { get; }

    /// <summary>A human description of where the data is (file path, server).</summary>
    string Location { get; }

    DbConnection Open();

    /// <summary>Engine-specific tuning after the migrations (indexes where the engine needs them).</summary>
    void Prepare(DbConnection connection);

    /// <summary>Fast bulk insert of rows into a table (DuckDB appender, PostgreSQL binary COPY).</summary>
    void BulkInsert(DbConnection connection, string table, IEnumerable<object?[]> rows);
}
