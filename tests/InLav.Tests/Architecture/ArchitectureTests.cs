using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Extensions;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using InLav.Cli;
using InLav.Core;
using InLav.Sources.Catalogue;
using InLav.Store;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using ArchAssembly = System.Reflection.Assembly;

namespace InLav.Tests.Architecture;

/// <summary>
/// The layers of docs/architecture.md as rules on the compiled assemblies (issue 9 item 6): the core does no IO, the
/// channels do not reach the store's engine, import internals or raw SQL, and no project has a namespace cycle.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly ArchAssembly CoreAssembly = typeof(Note).Assembly;
    private static readonly ArchAssembly SourcesAssembly = typeof(SourceCatalogue).Assembly;
    private static readonly ArchAssembly StoreAssembly = typeof(InLavStore).Assembly;
    private static readonly ArchAssembly ApplicationAssembly = typeof(InLav.Application.Door).Assembly;
    private static readonly ArchAssembly WebAssembly = typeof(Program).Assembly;
    private static readonly ArchAssembly CliAssembly = typeof(CliProgram).Assembly;

    /// <summary>Our six assemblies, loaded once (their dependencies outside them are known by name only).</summary>
    private static readonly ArchUnitNET.Domain.Architecture Solution =
        new ArchLoader().LoadAssemblies(CoreAssembly, SourcesAssembly, StoreAssembly, ApplicationAssembly, WebAssembly, CliAssembly).Build();

    /// <summary>
    /// Namespaces that do IO or belong to a channel: files and streams, network, processes, databases, web, hosting,
    /// logging, configuration. System.IO is refused whole (the core takes parsed values, never a reader or a path) but
    /// for <see cref="System.IO.InvalidDataException"/>: an exception type that does no IO, thrown by the catalogue
    /// validation of indicators and caught as "bad input" by every channel.
    /// </summary>
    private const string IoNamespaces =
        @"^(System\.IO(?!\.InvalidDataException$)|System\.Net|System\.Data|System\.Diagnostics\.Process|System\.Console|System\.Environment"
        + @"|DuckDB|Npgsql|Microsoft\.AspNetCore|Microsoft\.Extensions|Microsoft\.Data"
        + @"|InLav\.Sources|InLav\.Store|InLav\.Application|InLav\.Web|InLav\.Cli)(\.|$)";

    /// <summary>What a channel must not touch: the engine seam, database clients and ADO.NET (raw SQL).</summary>
    private const string EngineAndSqlNamespaces = @"^(InLav\.Store\.Engine|DuckDB|Npgsql|System\.Data)(\.|$)";

    /// <summary>The types of InLav.Store.Imports a channel may use, each for a reason: running imports (an operator's
    /// write, not a question) and the shapes of runs the door answers; the rest (COB writer and aggregation, run
    /// bookkeeping) is the store's business.</summary>
    private static readonly (string Type, string Reason)[] AllowedImportTypes =
    [
        ("InLav.Store.Imports.ImportService", "the CLI's import and rollback commands, the web host's startup import and the admin API run imports"),
        ("InLav.Store.Imports.ImportProgress", "progress of an import, drawn by the CLI and logged by the web host"),
        ("InLav.Store.Imports.ImportOutcome", "what an import did, printed by the CLI and answered by the admin API"),
        ("InLav.Store.Imports.ImportRun", "a run as the CLI, the sources API, the methodology page and profiles show it"),
        ("InLav.Store.Imports.SourceRuns", "published and latest run of a source, shown beside its figures"),
        ("InLav.Store.Imports.ImportRuns", "the CLI's rollback (an operator's write); runs are read through the door"),
    ];

    /// <summary>A channel type that touches the engine or SQL today, what it touches and why (nothing else may).</summary>
    private static readonly (string Type, string Target, string Reason)[] AllowedEngineUses =
    [
        ("InLav.Web.Hosting.StatusApi", "InLav.Store.Engine.IStoreEngine", "the status endpoint names the engine (duckdb or postgres) for operators"),
        ("InLav.Web.Hosting.ServerLock", "InLav.Store.Engine.IStoreEngine", "the server lock file is written only for DuckDB (a single writer) and names the database location"),
        ("InLav.Cli.StoreConnector", "InLav.Store.Engine.DuckDbEngine", "the CLI asks whether another process holds the DuckDB file before opening it or going through the server"),
        ("InLav.Cli.CliContext", "System.Data.Common.DbException", "a database error becomes one line and exit code 1, not a stack trace"),
    ];

    /// <summary>
    /// What only the door may ask: the store object and its reader, and the core's services over them. A channel asks
    /// the door (InLav.Application), so the same question gives the same number and the same disclosure everywhere.
    /// </summary>
    private const string BehindTheDoor =
        @"^(InLav\.Store\.InLavStore|InLav\.Store\.Reading\..*|InLav\.Core\.Query\.QueryService|InLav\.Core\.Query\.IStatisticsReader|InLav\.Core\.Indicators\.IndicatorService|InLav\.Core\.Analysis\.AnalysisService)$";

    /// <summary>A channel type that holds the store object, and why: setting it up, importing, the status and lock of the server.</summary>
    private static readonly (string Type, string Reason)[] AllowedStoreHolders =
    [
        ("InLav.Web.Hosting.StoreSetup", "opens the store once per process and builds the door over it"),
        ("InLav.Web.Hosting.StartupImport", "imports the data directory when the server starts (an operator's write)"),
        ("InLav.Web.Hosting.StatusApi", "the status endpoint reports the engine and the database for operators"),
        ("InLav.Web.Hosting.ServerLock", "the lock file names the database the server holds"),
        ("InLav.Web.Admin.AdminApi", "the CLI's import and rollback through the running server (operators' writes)"),
        ("InLav.Cli.StoreConnector", "opens the store file when no server holds it"),
        ("InLav.Cli.DirectClient", "imports and rolls back on the file, and builds the door over it for every question"),
    ];

    private static IEnumerable<IType> ChannelTypes() =>
        Solution.Types.Where(t => t.Assembly.FullName == WebAssembly.FullName || t.Assembly.FullName == CliAssembly.FullName);

    /// <summary>The type a dependency belongs to, nested and compiler-generated types counted as their outer type.</summary>
    private static string Outer(IType type)
    {
        var name = type.FullName;
        var plus = name.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? name : name[..plus];
    }

    [Fact]
    public void The_core_references_nothing_that_does_io()
    {
        IArchRule rule = Types().That().ResideInAssembly(CoreAssembly)
            .Should().NotDependOnAnyTypesThat().HaveFullNameMatching(IoNamespaces)
            .Because("the core is pure computation: IO lives in Sources, Store and the channels");
        rule.Check(Solution);
    }

    [Fact]
    public void Channels_do_not_use_the_store_engine_or_raw_sql_types_but_for_the_listed_uses()
    {
        var engine = new System.Text.RegularExpressions.Regex(EngineAndSqlNamespaces);
        var found = ChannelTypes()
            .SelectMany(t => t.Dependencies.Select(d => (Type: Outer(t), Target: d.Target.FullName)))
            .Where(d => engine.IsMatch(d.Target))
            .Distinct()
            .ToList();
        var refused = found.Where(d => !AllowedEngineUses.Any(a => a.Type == d.Type && a.Target == d.Target)).ToList();
        Assert.True(refused.Count == 0, "Channels must ask the store's reader and services, not its engine or SQL:\n"
            + string.Join("\n", refused.Select(d => $"{d.Type} -> {d.Target}")));
        foreach (var (type, target, reason) in AllowedEngineUses)
        {
            Assert.False(string.IsNullOrWhiteSpace(reason));
            Assert.True(found.Contains((type, target)), $"{type} -> {target} is allowed but no longer used: remove it from the list");
        }
    }

    [Fact]
    public void Issue9_channels_reach_data_only_through_the_door()
    {
        var behind = new System.Text.RegularExpressions.Regex(BehindTheDoor);
        var found = ChannelTypes()
            .SelectMany(t => t.Dependencies.Select(d => (Type: Outer(t), Target: d.Target.FullName)))
            .Where(d => behind.IsMatch(d.Target))
            .Distinct()
            .ToList();
        var refused = found.Where(d => !AllowedStoreHolders.Any(a => a.Type == d.Type)).ToList();
        Assert.True(refused.Count == 0, "Channels ask the door (InLav.Application), not the store, its reader or the core's services:\n"
            + string.Join("\n", refused.Select(d => $"{d.Type} -> {d.Target}")));
        var holders = found.Select(d => d.Type).ToHashSet(StringComparer.Ordinal);
        foreach (var (type, reason) in AllowedStoreHolders)
        {
            Assert.False(string.IsNullOrWhiteSpace(reason));
            Assert.True(holders.Contains(type), $"{type} is allowed to hold the store but no longer does: remove it from the list");
        }
    }

    [Fact]
    public void Channels_use_only_the_listed_types_of_the_import_namespace()
    {
        var names = AllowedImportTypes.Select(a => a.Type["InLav.Store.Imports.".Length..]);
        var pattern = @"^InLav\.Store\.Imports\.(?!(" + string.Join("|", names) + @")$)";
        IArchRule rule = Types().That().ResideInAssembly(WebAssembly).Or().ResideInAssembly(CliAssembly)
            .Should().NotDependOnAnyTypesThat().HaveFullNameMatching(pattern)
            .Because("import internals (COB writer and aggregation, run bookkeeping) are the store's business");
        rule.Check(Solution);
        var used = ChannelTypes().SelectMany(t => t.Dependencies).Select(d => d.Target.FullName).ToHashSet();
        var stale = AllowedImportTypes.Where(a => StoreAssembly.GetType(a.Type) is null || !used.Contains(a.Type) || string.IsNullOrWhiteSpace(a.Reason)).ToList();
        Assert.True(stale.Count == 0, "Allowed but unknown or no longer used by a channel, remove from the list: " + string.Join(", ", stale.Select(a => a.Type)));
    }

    /// <summary>The projects whose folders must be free of cycles: all of them.</summary>
    public static TheoryData<string> Projects() => new() { "InLav.Core", "InLav.Sources", "InLav.Store", "InLav.Application", "InLav.Web", "InLav.Cli" };

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_has_no_namespace_cycles(string project)
    {
        // One slice per namespace below the project's root (InLav.Web.Hosting, InLav.Web.Components.Shell…); the root
        // namespace of the core has its own rule below.
        IArchRule rule = ArchUnitNET.Fluent.Slices.SliceRuleDefinition.Slices()
            .Matching(project + ".(*)..")
            .Should().BeFreeOfCycles();
        rule.Check(Solution);
    }

    [Fact]
    public void The_root_namespace_of_the_core_depends_on_none_of_its_folders()
    {
        // What every folder shares (Note, QueryException) lives in InLav.Core, so a folder that uses it makes no circle.
        IArchRule rule = Types().That().ResideInNamespace("InLav.Core")
            .Should().NotDependOnAnyTypesThat().HaveFullNameMatching(@"^InLav\.Core\.[^.]+\.")
            .Because("the root namespace holds what every folder shares");
        rule.Check(Solution);
    }
}
