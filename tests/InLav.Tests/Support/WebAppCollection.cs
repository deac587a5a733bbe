namespace InLav.Tests.Support;

/// <summary>
/// One real app (Kestrel, its own DuckDB, the real data imported at start) shared by every test class that only reads
/// through it (REST, GeoJSON, CLI via the server, browser): one import instead of one per class.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<InLavAppFactory>
{
    public const string Name = "web app";
}
