using InLav.Cli;
using InLav.Tests.Support;

namespace InLav.Tests.Cli;

/// <summary>Runs the CLI in this process with its own output writers (no global Console redirection), and copies of the real data files.</summary>
public static class Cli
{
    /// <summary>The sources a small store needs for comune-level residents: the registry (archive, changes, one list) and ANPR residents.</summary>
    public static readonly string[] FewSources = ["anpr-archivio-comuni", "istat-variazioni-amministrative", "istat-comuni-2026", "anpr-residenti"];

    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliProgram.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A new temp folder with the store path inside it.</summary>
    public static string NewDatabase(string purpose) => Path.Combine(TestData.NewTempFolder(purpose), "inlav.duckdb");

    /// <summary>Imports the few sources into a new store through the CLI and returns the store path.</summary>
    public static string ImportFew(string purpose, string? dataDir = null)
    {
        var db = NewDatabase(purpose);
        var args = new List<string> { "--db", db, "--data-dir", dataDir ?? TestData.Directory, "import" };
        args.AddRange(FewSources.SelectMany(s => new[] { "--source", s }));
        var result = Run([.. args]);
        Assert.True(result.Code == 0, result.ToString());
        return db;
    }

    /// <summary>A data folder holding copies of the given real files (relative paths kept), for tests that change files.</summary>
    public static string CopyData(params string[] relativeFiles)
    {
        var dir = TestData.NewTempFolder("data");
        foreach (var file in relativeFiles)
        {
            AddFile(dir, file);
        }

        return dir;
    }

    public static void AddFile(string dataDir, string relative)
    {
        var target = Path.Combine(dataDir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(TestData.File(relative), target, overwrite: true);
    }
}

public sealed record CliResult(int Code, string Out, string Err)
{
    public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
