namespace InLav.Store;

/// <summary>Where the store and the source files are. Bound from configuration section "InLav" and INLAV_* environment variables.</summary>
public sealed class StoreOptions
{
    /// <summary>Folder of the official source files (default: ../shared/data when present).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The DuckDB database file (default: data/inlav.duckdb under the repository, found from the working folder or the program's folder).</summary>
    public string? DatabasePath { get; set; }

    /// <summary>Store engine: "duckdb" (embedded, default) or "postgres" (server, for shared deployments).</summary>
    public string Engine { get; set; } = "duckdb";

    /// <summary>With Engine = "postgres": the connection string (a secret: from configuration or INLAV_POSTGRES, never from code).</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Largest source file accepted, in bytes.</summary>
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>How many published versions of each source keep their rows (for rollback).</summary>
    public int VersionsKept { get; set; } = 3;

    /// <summary>Finds the default data directory: ../shared/data from the working folder or any parent.</summary>
    public static string? FindDefaultDataDirectory(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data");
            if (File.Exists(Path.Combine(candidate, "MANIFEST.md")))
            {
                return Path.GetFullPath(candidate);
            }

            candidate = Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "MANIFEST.md")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    /// <summary>
    /// The repository root (the folder holding InLav.slnx) above the start folder; without a start, above the working folder,
    /// else above the program's own folder (so a CLI run from anywhere finds the repository's store), else the working folder.
    /// </summary>
    public static string FindHome(string? start = null)
    {
        if (start is not null)
        {
            return RootAbove(start) ?? new DirectoryInfo(start).FullName;
        }

        return RootAbove(Directory.GetCurrentDirectory()) ?? RootAbove(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
    }

    private static string? RootAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InLav.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// Options from explicit values (the command line), then INLAV_DB / INLAV_DATA_DIR, then the defaults: the data directory is
    /// ../shared/data found from the working folder, or else from the program's own folder.
    /// </summary>
    public static StoreOptions FromEnvironment(string? db = null, string? dataDir = null) => new StoreOptions
    {
        DatabasePath = First(db, Environment.GetEnvironmentVariable("INLAV_DB")),
        DataDirectory = First(dataDir, Environment.GetEnvironmentVariable("INLAV_DATA_DIR"),
            FindDefaultDataDirectory(), FindDefaultDataDirectory(AppContext.BaseDirectory)),
    }.Resolve();

    public StoreOptions Resolve()
    {
        var home = FindHome();
        return new StoreOptions
        {
            DataDirectory = DataDirectory is { Length: > 0 } d ? Path.GetFullPath(d) : FindDefaultDataDirectory() ?? FindDefaultDataDirectory(AppContext.BaseDirectory),
            DatabasePath = DatabasePath is { Length: > 0 } p ? Path.GetFullPath(p) : Path.Combine(home, "data", "inlav.duckdb"),
            Engine = Engine,
            PostgresConnectionString = PostgresConnectionString,
            MaxFileBytes = MaxFileBytes,
            VersionsKept = VersionsKept,
        };
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
