using InLav.Core;
using InLav.Core.Indicators;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Core.Territory;
using InLav.Tests.Support;
using Xunit.Abstractions;

namespace InLav.Tests.Indicators;

/// <summary>
/// Issue 9, access scope: an internal caller limited to the comuni of ATS Montagna (Sondrio, Valle Camonica from Brescia, the
/// Alto Lario from Como: an ATS that splits two provinces) against the public and the internal views, on the real tables.
/// </summary>
[Collection(ImportedStoreCollection.Name)]
public sealed class ScopeTests(ImportedStore imported, ITestOutputHelper output)
{
    private const string Census = "2011-10-09";
    private const string Montagna = "323";

    private TerritorialSnapshot Snapshot => imported.Store.Reader.Snapshot();

    private AccessScope Limited => AccessScope.Limited("ats:" + Montagna, Snapshot.Level("ats").MembersOf[Montagna]);

    private QueryResult Run(string measure, string level, string period, IReadOnlyList<string> breakdowns, IReadOnlyDictionary<string, string>? filters, AccessScope scope) =>
        imported.Store.Query.Run(new QueryRequest(measure, level, Periods: [period], Filters: filters, Breakdowns: breakdowns, Scope: scope));

    private static bool Hidden(QueryRow r) => r.Flags.Contains(FactFlag.Confidential);

    private static (string, string, string, string, string) Key(QueryRow r) => (r.UnitCode, r.Period, r.Sex, r.Age, r.Citizenship);

    [Fact]
    public void Issue9_a_unit_is_covered_only_when_all_its_comuni_lie_in_the_scope()
    {
        var scope = Limited;
        var provinces = Snapshot.Level("provincia");
        string Code(string name) => provinces.Units.Single(u => u.Name.StartsWith(name, StringComparison.Ordinal)).Code;

        Assert.True(provinces.CoveredBy(Code("Sondrio"), scope));
        Assert.False(provinces.CoveredBy(Code("Brescia"), scope)); // Valle Camonica only
        Assert.False(provinces.CoveredBy(Code("Como"), scope)); // the Alto Lario only
        Assert.True(Snapshot.Level("ats").CoveredBy(Montagna, scope));
        Assert.False(Snapshot.Level("ats").CoveredBy("322", scope));
        Assert.False(Snapshot.Level("regione").CoveredBy(Snapshot.Level("regione").Units.Single().Code, scope));
        Assert.True(Snapshot.Level("comune").CoveredBy("013090", scope)); // Dongo
        Assert.False(Snapshot.Level("comune").CoveredBy("013145", scope)); // Menaggio
        Assert.False(Snapshot.Level("comune").CoveredBy("no-such-unit", scope));
        Assert.False(Snapshot.Level("comune").CoveredBy("013090", AccessScope.Public));
        Assert.False(Snapshot.Level("ats").CoveredBy(Montagna, AccessScope.Limited("empty", [])));
    }

    [Fact]
    public void Issue9_a_caller_limited_to_ATS_Montagna_sees_internal_values_in_its_comuni_and_public_values_elsewhere()
    {
        var scope = Limited;
        var comuni = Snapshot.Level("comune");
        var internalView = Run("residents", "comune", Census, [Dimension.Sex, Dimension.Age], null, AccessScope.Internal).Rows.ToDictionary(Key);
        var publicView = Run("residents", "comune", Census, [Dimension.Sex, Dimension.Age], null, AccessScope.Public).Rows.ToDictionary(Key);
        var limited = Run("residents", "comune", Census, [Dimension.Sex, Dimension.Age], null, scope).Rows;
        Assert.Equal(internalView.Count, limited.Count);

        var inside = limited.Where(r => comuni.CoveredBy(r.UnitCode, scope)).ToList();
        var outside = limited.Where(r => !comuni.CoveredBy(r.UnitCode, scope)).ToList();
        Assert.Equal(77 + 41 + 16, inside.Select(r => r.UnitCode).Distinct().Count());

        // In the scope: the internal values, but for the complements kept hidden, each hidden for the public too and each needed.
        var smallInside = inside.Count(r => internalView[Key(r)].Value is > 0 and < 3);
        var complements = inside.Where(Hidden).ToList();
        Assert.All(inside.Where(r => !Hidden(r)), r => Assert.Equal(internalView[Key(r)].Value, r.Value));
        Assert.All(complements, r => Assert.True(Hidden(publicView[Key(r)]), $"{Key(r)} hidden for the scope but shown to the public"));
        var tables = Tables(limited, "comune");
        Assert.All(complements, r => Assert.Contains(tables, t => t.Contains(r) && t.Count(Hidden) == 2));
        output.WriteLine($"in scope: {inside.Count} cells, {smallInside} small (public hides them), {complements.Count} kept hidden as complements");
        Assert.True(smallInside > 50, $"only {smallInside} small cells in the scope");
        Assert.True(complements.Count * 5 <= smallInside, $"{complements.Count} in-scope cells kept hidden for {smallInside} small ones");

        // Elsewhere: exactly the public answer (every small cell hidden, the same complements).
        Assert.All(outside, r =>
        {
            var p = publicView[Key(r)];
            Assert.Equal(p.Value, r.Value);
            Assert.Equal(p.Flags, r.Flags);
            Assert.True(internalView[Key(r)].Value is not (> 0 and < 3) || Hidden(r));
        });
        Assert.Contains(outside, r => internalView[Key(r)].Value is > 0 and < 3);
    }

    public static TheoryData<string, string, string[], string?, string> Tables_with_small_cells() => new()
    {
        { "residents", Census, [Dimension.Sex, Dimension.Age], null, "comune" },
        { "residents", Census, [Dimension.Sex, Dimension.Age], null, "provincia" },
        { "residents", Census, [Dimension.Sex, Dimension.Age], null, "ats" },
        { "residents", "2024-01-01", [], "FOR", "comune" },
        { "residents", "2024-01-01", [], "FOR", "provincia" },
        { "residents", "2024-01-01", [], "FOR", "ats" },
        { "cob_hirings", "latest", [Dimension.Sex], null, "comune" },
        { "cob_hirings", "latest", [Dimension.Sex], null, "provincia" },
        { "cob_hirings", "latest", [Dimension.Sex], null, "ats" },
    };

    /// <summary>
    /// What the limited caller sees (the rows, the margins of their breakdown lines asked with one breakdown less, the parent
    /// level's cells, and every public answer) lets it recompute no hidden cell: every table has zero or at least two hidden
    /// cells, and where its margin is shown the margin minus the shown cells leaves more than zero to share among them.
    /// </summary>
    [Theory]
    [MemberData(nameof(Tables_with_small_cells))]
    public void Issue9_no_cell_hidden_from_a_limited_caller_is_recoverable_from_what_it_sees(string measure, string period, string[] breakdowns, string? citizenship, string level)
    {
        var scope = Limited;
        if (period == "latest")
        {
            period = imported.Store.Reader.Periods(measure)[^1];
        }

        var filters = citizenship is null ? null : new Dictionary<string, string> { [Dimension.Citizenship] = citizenship };
        var rows = Run(measure, level, period, breakdowns, filters, scope).Rows;
        var publicRows = Run(measure, level, period, breakdowns, filters, AccessScope.Public).Rows;
        var internalRows = Run(measure, level, period, breakdowns, filters, AccessScope.Internal).Rows;
        Assert.NotEmpty(rows);

        // The limited view shows every cell the public sees, with the same value: reading both gives nothing more.
        var seen = rows.ToDictionary(Key);
        Assert.All(publicRows.Where(r => r.Value is not null), p => Assert.Equal(p.Value, seen[Key(p)].Value));

        // Margins: a breakdown line's total is the same question with that breakdown dropped; siblings' total is the parent's cell.
        var margins = new Dictionary<(string, string, string, string, string), QueryRow>();
        foreach (var d in breakdowns)
        {
            foreach (var r in Run(measure, level, period, [.. breakdowns.Where(b => b != d)], filters, scope).Rows)
            {
                margins[Key(r)] = r;
            }
        }

        var parentLevel = QueryService.ParentLevel(level);
        var parents = parentLevel is null ? [] : Run(measure, parentLevel, period, breakdowns, filters, scope).Rows.ToDictionary(r => (r.UnitCode, r.Period, r.Sex, r.Age, r.Citizenship));
        var parentOf = QueryService.ParentOf(Snapshot.Level(level));

        var audited = 0;
        var alone = 0;
        foreach (var (table, margin) in TablesWithMargins(rows, breakdowns, margins, parents, parentOf))
        {
            var hidden = table.Count(Hidden);
            if (hidden == 0)
            {
                continue;
            }

            if (margin?.Value is not { } total)
            {
                // A table whose margin is not shown (hidden in its own answer, or missing) gives nothing away by subtraction.
                alone += hidden == 1 ? 1 : 0;
                continue;
            }

            audited++;
            var unknown = table.Count(r => r.Value is null);
            var residual = total - table.Sum(r => r.Value ?? 0);
            Assert.True(hidden >= 2 && unknown >= 2 && residual > 0, $"{Describe(table)}: margin {total} minus the shown cells leaves {residual} for {unknown} unknown cells");
        }

        var outsideSmall = internalRows.Where(r => r.Value is > 0 and < 3 && !Snapshot.Level(level).CoveredBy(r.UnitCode, scope)).ToList();
        Assert.All(outsideSmall, r => Assert.True(Hidden(seen[Key(r)]), $"{Key(r)} is small, out of the scope and shown"));
        output.WriteLine($"{measure} {period} {level}: {rows.Count} cells, {rows.Count(Hidden)} hidden ({publicRows.Count(Hidden)} for the public), {audited} tables audited against a shown margin, {alone} lone hidden cells with a hidden margin, {outsideSmall.Count} small cells out of scope");
    }

    [Fact]
    public void Issue9_a_limited_caller_gets_indicator_values_of_its_comuni_where_the_public_gets_them_suppressed_by_the_minimum_count()
    {
        var sensitive = new IndicatorDefinition
        {
            Code = "foreign_share_sensitive",
            TitleIt = "x",
            TitleEn = "x",
            DescriptionIt = "x",
            DescriptionEn = "x",
            Theme = "population",
            Unit = "%",
            Sources = [],
            Scale = 100,
            MinCount = 500,
            Numerator = [new() { Measure = "residents", Filters = new Dictionary<string, string> { ["citizenship"] = "FOR" } }],
            Denominator = [new() { Measure = "residents" }],
        };
        var store = imported.Store;
        var service = new IndicatorService(store.Query, store.Reader, new IndicatorCatalogue([sensitive], store.Catalogue.Measures));
        var scope = Limited;
        var comuni = Snapshot.Level("comune");
        var request = new IndicatorRequest("foreign_share_sensitive", "comune", Periods: ["2024-01-01"]);
        var published = service.Compute(request, derived: false).Rows.ToDictionary(r => r.UnitCode);
        var open = service.Compute(request with { Scope = AccessScope.Internal }, derived: false).Rows.ToDictionary(r => r.UnitCode);
        var limited = service.Compute(request with { Scope = scope }, derived: false).Rows;

        var gained = 0;
        foreach (var row in limited)
        {
            var p = published[row.UnitCode];
            if (comuni.CoveredBy(row.UnitCode, scope))
            {
                // The minimum count does not apply in the scope; a value is missing only when a component is itself a hidden complement.
                Assert.True(row.Value == open[row.UnitCode].Value || row.Components.Any(c => c.Flags.Contains(FactFlag.Confidential)), $"{row.UnitCode}: {row.Value} against {open[row.UnitCode].Value}");
                gained += p.Flags.Contains(FactFlag.Confidential) && row.Value is not null ? 1 : 0;
            }
            else
            {
                Assert.Equal(p.Value, row.Value);
                Assert.Equal(p.Flags, row.Flags);
            }
        }

        output.WriteLine($"{gained} comuni of the scope get a value the public gets suppressed");
        Assert.True(gained > 50, $"only {gained} comuni gained a value");
    }

    /// <summary>The tables a reader can rebuild, as disclosure defines them: breakdown lines and units within their parent.</summary>
    private List<List<QueryRow>> Tables(IReadOnlyList<QueryRow> rows, string level) =>
        [.. TablesWithMargins(rows, Dimension.All, new Dictionary<(string, string, string, string, string), QueryRow>(), new Dictionary<(string, string, string, string, string), QueryRow>(),
            QueryService.ParentOf(Snapshot.Level(level))).Select(t => t.Table)];

    private static IEnumerable<(List<QueryRow> Table, QueryRow? Margin)> TablesWithMargins(IReadOnlyList<QueryRow> rows, IReadOnlyList<string> breakdowns,
        IReadOnlyDictionary<(string, string, string, string, string), QueryRow> margins, IReadOnlyDictionary<(string, string, string, string, string), QueryRow> parents,
        Func<string, string?> parentOf)
    {
        foreach (var d in breakdowns)
        {
            foreach (var line in rows.Where(r => Get(r, d) != Dimension.Total).GroupBy(r => (r.UnitCode, r.Period, Total(r, d))))
            {
                yield return (line.ToList(), margins.GetValueOrDefault(line.Key.Item3));
            }
        }

        foreach (var siblings in rows.GroupBy(r => (Parent: parentOf(r.UnitCode), r.Period, r.Sex, r.Age, r.Citizenship)).Where(g => g.Key.Parent is not null))
        {
            yield return (siblings.ToList(), parents.GetValueOrDefault((siblings.Key.Parent!, siblings.Key.Period, siblings.Key.Sex, siblings.Key.Age, siblings.Key.Citizenship)));
        }
    }

    private static string Get(QueryRow r, string dimension) => dimension switch
    {
        Dimension.Sex => r.Sex,
        Dimension.Age => r.Age,
        _ => r.Citizenship,
    };

    /// <summary>The key of a row's margin on a dimension: the same cell with that dimension at its total.</summary>
    private static (string, string, string, string, string) Total(QueryRow r, string dimension) => dimension switch
    {
        Dimension.Sex => (r.UnitCode, r.Period, Dimension.Total, r.Age, r.Citizenship),
        Dimension.Age => (r.UnitCode, r.Period, r.Sex, Dimension.Total, r.Citizenship),
        _ => (r.UnitCode, r.Period, r.Sex, r.Age, Dimension.Total),
    };

    private static string Describe(List<QueryRow> table) =>
        string.Join("; ", table.Take(6).Select(r => $"{r.UnitCode} {r.Sex} {r.Age} {r.Citizenship}={(r.Value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "c")}"))
        + (table.Count > 6 ? $"; … ({table.Count} cells)" : "");
}
