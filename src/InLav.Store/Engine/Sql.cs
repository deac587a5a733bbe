using System.Data.Common;

namespace InLav.Store.Engine;

/// <summary>Parameterised commands, nothing else: values never enter SQL text.</summary>
public static partial class Sql
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial System.Text.RegularExpressions.Regex DollarParameter();

    /// <summary>Now, in UTC, as the naive timestamp the store keeps (the same on every engine).</summary>
    public static DateTime UtcNow() => DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified);

    /// <summary>
    /// A command with named parameters written $name (DuckDB's form); for PostgreSQL they become @name.
    /// A null value must not be used where its type cannot be inferred: build the condition instead.
    /// </summary>
    public static DbCommand Command(DbConnection c, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        if (c is Npgsql.NpgsqlConnection)
        {
            sql = DollarParameter().Replace(sql, "@$1");
        }

#pragma warning disable CA2100 // SQL text is a constant of the store; values go in parameters.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    public static int Execute(DbConnection c, string sql, params (string, object?)[] parameters)
    {
        using var cmd = Command(c, sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    public static T? Scalar<T>(DbConnection c, string sql, params (string, object?)[] parameters)
    {
        using var cmd = Command(c, sql, parameters);
        var v = cmd.ExecuteScalar();
        return v is null or DBNull ? default : (T)Convert.ChangeType(v, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Placeholders $prefix0, $prefix1… and their parameters, for IN lists.</summary>
    public static (string Placeholders, (string, object?)[] Parameters) InList(string prefix, IReadOnlyCollection<string> values)
    {
        var names = values.Select((_, i) => FormattableString.Invariant($"{prefix}{i}")).ToArray();
        return (string.Join(", ", names.Select(n => "$" + n)), values.Select((v, i) => (names[i], (object?)v)).ToArray());
    }

    public static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static DateOnly? NullableDate(DbDataReader r, int i) => r.IsDBNull(i) ? null : DateOnly.FromDateTime(r.GetDateTime(i));
}
