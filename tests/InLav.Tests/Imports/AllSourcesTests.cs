using InLav.Store.Imports;
using InLav.Tests.Support;
using Xunit.Abstractions;

namespace InLav.Tests.Imports;

[Collection(ImportedStoreCollection.Name)]
public sealed class AllSourcesTests(ImportedStore imported, ITestOutputHelper output)
{
    [Fact]
    public void Every_source_of_the_catalogue_is_published_from_the_real_files()
    {
        foreach (var o in imported.Outcomes)
        {
            output.WriteLine(FormattableString.Invariant($"{o.SourceId}: {o.Outcome}, {o.RowsRead} read, {o.RowsLoaded} loaded, {o.Seconds:N2} s {string.Join(" | ", o.Messages.Take(3))}"));
        }

        // Optional sources (operators supply their files later) may have no file; every other source must publish.
        var optional = imported.Store.Catalogue.Sources.Where(s => s.Optional).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var failed = imported.Outcomes.Where(o => o.Outcome != RunOutcome.Published && !(optional.Contains(o.SourceId) && o.Outcome == RunOutcome.NoFiles)).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(o => $"{o.SourceId}: {o.Outcome}: {string.Join(" | ", o.Messages.Take(5))}")));
    }
}
