using System.Data.Common;
using DuckDB.NET.Data;

namespace InLav.Store.Engine;

/// <summary>DuckDB embedded: one file, zero set-up. Only one process may open the file for writing.</summary>
public sealed class DuckDbEngine : IStoreEngine
{
    private readonly string connectionString;
    private readonly DuckDBConnection keepAlive;

    public DuckDbEngine(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Location = Path.GetFullPath(path);
        connectionString = $"Data Source={Location}";
        // Holding one connection open keeps the database instance (and its cache) alive between requests.
        keepAlive = new DuckDBConnection(connectionString);
        keepAlive.Open();
    }

    public string Name => "duckdb";

    public string Location { get; }

    public DbConnection Open()
    {
        var c = new DuckDBConnection(connectionString);
        c.Open();
        return c;
    }

    /// <summary>DuckDB scans its columnar tables fast enough: no index (indexes would slow the appender).</summary>
    public void Prepare(DbConnection connection)
    {
    }

    public void BulkInsert(DbConnection connection, string table, IEnumerable<object?[]> rows)
    {
        using var appender = ((DuckDBConnection)connection).CreateAppender(table);
        foreach (var row in rows)
        {
            var r = appender.CreateRow();
            foreach (var value in row)
            {
                switch (value)
                {
                    case null: r.AppendNullValue(); break;
                    case string s: r.AppendValue(s); break;
                    case long l: r.AppendValue(l); break;
                    case int i: r.AppendValue(i); break;
                    case double d: r.AppendValue(d); break;
                    case DateOnly d: r.AppendValue(d); break;
                    case DateTime t: r.AppendValue(t); break;
                    case bool b: r.AppendValue(b); break;
                    default: throw new ArgumentException($"Cannot append a {value.GetType().Name}.");
                }
            }

            r.EndRow();
        }
    }

    /// <summary>True when another process holds the database file (DuckDB refuses a second writer).</summary>
    public static bool IsLockedByAnotherProcess(string path, out string? message)
    {
        message = null;
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var c = new DuckDBConnection($"Data Source={Path.GetFullPath(path)}");
            c.Open();
            return false;
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            message = e.Message;
            return true;
        }
    }

    public void Dispose() => keepAlive.Dispose();
}
