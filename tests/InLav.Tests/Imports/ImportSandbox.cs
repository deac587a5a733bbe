using System.Text.Json;
using InLav.Core.Query;
using InLav.Sources.Catalogue;
using InLav.Store;
using InLav.Store.Engine;
using InLav.Store.Imports;
using InLav.Tests.Support;

namespace InLav.Tests.Imports;

/// <summary>
/// A store of its own in a temp folder, with a data directory holding copies of the real registry files (same relative paths)
/// and of the ANPR January 2026 file, which the bad-input tests then replace with broken variants.
/// </summary>
public sealed class ImportSandbox : IDisposable
{
    public const string AnprSource = "anpr-residenti";
    public const string AnprFile = "popolazione/ANPR_popolazione_residente_2026_Lombardia.csv";

    private readonly TempStore store;

    public ImportSandbox(long maxFileBytes = 256L * 1024 * 1024, string? anprOptionsJson = null, string? extraSourceJson = null)
    {
        var catalogue = SourceCatalogue.Load();
        if (anprOptionsJson is not null)
        {
            using var doc = JsonDocument.Parse(anprOptionsJson);
            var options = doc.RootElement.Clone();
            catalogue = new SourceCatalogue([.. catalogue.Sources.Select(s => s.Id == AnprSource ? s with { Options = options } : s)], catalogue.Measures);
        }

        if (extraSourceJson is not null)
        {
            var extra = JsonSerializer.Deserialize<SourceDefinition>(extraSourceJson, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            catalogue = new SourceCatalogue([.. catalogue.Sources, extra], catalogue.Measures);
        }

        store = new TempStore([.. TempStore.RegistryFiles, AnprFile], maxFileBytes, catalogue: catalogue);
        store.ImportRegistry();
    }

    public string Folder => store.Folder;

    public string DataDirectory => store.DataDirectory;

    public InLavStore Store => store.Store;

    public ImportService Imports => store.Imports;

    public string AnprPath => Path.Combine(DataDirectory, AnprFile);

    /// <summary>The real file's text (UTF-8, LF).</summary>
    public static string RealAnprText => File.ReadAllText(TestData.File(AnprFile));

    public ImportOutcome Import(string sourceId) => store.Import(sourceId).Single();

    public ImportOutcome ImportAnpr() => Import(AnprSource);

    /// <summary>The question whose answer must not change when a broken file is refused.</summary>
    public double? Answer() =>
        Store.Query.Run(new QueryRequest("residents_anpr", "comune", "latest", ["2026-01"])).Rows.Sum(r => r.Value);

    public long RowsOfRun(long runId)
    {
        using var c = Store.Engine.Open();
        return Schema.VersionedTables.Sum(t => Sql.Scalar<long>(c, $"SELECT count(*) FROM {t} WHERE run_id = $r", ("r", runId)));
    }

    public long Count(string sql)
    {
        using var c = Store.Engine.Open();
        return Sql.Scalar<long>(c, sql);
    }

    /// <summary>Rewrites one line (1-based) of the real ANPR text, field by field.</summary>
    public static string EditLine(string text, int line, Func<string[], string[]> edit)
    {
        var lines = text.Split('\n');
        lines[line - 1] = string.Join(',', edit(lines[line - 1].Split(',')));
        return string.Join('\n', lines);
    }

    public void Dispose() => store.Dispose();
}
