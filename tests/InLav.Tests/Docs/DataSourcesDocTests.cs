using InLav.Sources.Catalogue;
using InLav.Store;

namespace InLav.Tests.Docs;

public sealed class DataSourcesDocTests
{
    [Fact]
    public void Docs_data_sources_md_is_generated_from_the_current_catalogue()
    {
        var path = Path.Combine(StoreOptions.FindHome(AppContext.BaseDirectory), "docs", "data-sources.md");
        var expected = SourceDocs.Markdown(SourceCatalogue.Load());
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected,
            "docs/data-sources.md is stale: run UPDATE_DOCS=1 dotnet test tests/InLav.Tests --filter DataSourcesDoc");
    }

    [Fact]
    public void Every_catalogue_entry_names_a_parser_that_exists_and_files_that_are_in_the_data_directory()
    {
        var catalogue = SourceCatalogue.Load();
        foreach (var source in catalogue.Sources)
        {
            Assert.True(InLav.Sources.Parsers.ParserRegistry.TryGet(source.Parser, out _), $"{source.Id}: no parser '{source.Parser}'");
            Assert.True(source.Optional || SourceCatalogue.LocateFiles(source, Support.TestData.Directory).Count > 0, $"{source.Id}: no file in the data directory");
        }
    }
}
