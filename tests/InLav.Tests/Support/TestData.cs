using InLav.Store;

namespace InLav.Tests.Support;

/// <summary>The real data files (../shared/data beside the repository) and temporary folders for each test's own state.</summary>
public static class TestData
{
    public static string Directory { get; } = StoreOptions.FindDefaultDataDirectory(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The real data directory (../shared/data beside the repository) was not found.");

    public static string File(string relative) => Path.Combine(Directory, relative);

    /// <summary>A new empty folder under the system temp folder, for one test's database or data files.</summary>
    public static string NewTempFolder(string purpose)
    {
        var dir = Path.Combine(Path.GetTempPath(), "inlav-tests", purpose + "-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(dir);
        return dir;
    }
}
