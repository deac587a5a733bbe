using InLav.Core;
using InLav.Core.Measures;
using InLav.Core.Territory;

namespace InLav.Core.Query;

/// <summary>
/// Statistical disclosure control as a publishing step (Sistan rule, threshold 3 by default):
/// primary suppression of cells with 0 &lt; value &lt; threshold, then secondary suppression so that no suppressed
/// value can be recomputed from a published total and the other cells of its table. Tables are (a) the cells of a
/// breakdown dimension against their total, and (b) the units of a level within their parent (comuni within their
/// province, other groups within the region). Suppressed cells get no value and the flag "c".
/// </summary>
public static class Disclosure
{
    /// <summary>
    /// Protects the rows for a caller's scope. The public (null scope) gets primary and secondary suppression. A limited scope is
    /// applied per unit (<see cref="LevelMapping.CoveredBy"/>): a unit made only of the scope's comuni is exempt, never
    /// primary-suppressed. The limited view is built from the public one, so that it shows every cell the public sees (a limited
    /// caller can always read the public answers too, and a complementary cell shown to the public would give its hidden partner
    /// away): the exempt cells hidden for the public are shown, then, while a table is left with exactly one hidden cell, one of
    /// its exempt cells hidden for the public is hidden again (the smallest non-zero first), and finally every such re-hidden cell
    /// that no table needs is shown. Cells outside the scope are hidden exactly as for the public; some of the caller's own
    /// in-scope cells may stay hidden, as the complement of an out-of-scope cell in the same table. The internal scope sees all.
    /// </summary>
    public static List<QueryRow> Protect(List<QueryRow> rows, MeasureDefinition measure, LevelMapping mapping, Func<string, string?> parentOf, AccessScope? scope = null)
    {
        var threshold = measure.DisclosureThreshold;
        if (threshold <= 0 || rows.Count == 0)
        {
            return rows;
        }

        var confidential = new HashSet<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Value is { } v && v > 0 && v < threshold)
            {
                confidential.Add(i);
            }
        }

        if (confidential.Count > 0)
        {
            var tables = Tables(rows, parentOf);
            for (var round = 0; round < 20; round++)
            {
                var added = false;
                foreach (var table in tables)
                {
                    var hidden = table.Count(confidential.Contains);
                    if (hidden != 1)
                    {
                        continue;
                    }

                    // One hidden cell in a table with a published margin is recoverable: hide the smallest other non-zero cell,
                    // or a zero cell when no other cell is non-zero (else the margin minus zeros gives the hidden value).
                    var next = table.Where(i => !confidential.Contains(i) && rows[i].Value is not null)
                        .OrderBy(i => rows[i].Value > 0 ? 0 : 1).ThenBy(i => rows[i].Value).ThenBy(i => rows[i].UnitCode, StringComparer.Ordinal).FirstOrDefault(-1);
                    if (next >= 0)
                    {
                        confidential.Add(next);
                        added = true;
                    }
                }

                if (!added)
                {
                    break;
                }
            }

            if (scope is { IsPublic: false })
            {
                confidential = Scoped(rows, tables, confidential, mapping, scope);
            }
        }

        return rows.Select((r, i) => confidential.Contains(i)
            ? r with { Value = null, Flags = [.. r.Flags.Where(f => f != FactFlag.PartiallySuppressed), FactFlag.Confidential] }
            : r).ToList();
    }

    /// <summary>The cells hidden for a non-public scope, from those hidden for the public (a subset of them: see <see cref="Protect"/>).</summary>
    private static HashSet<int> Scoped(List<QueryRow> rows, List<List<int>> tables, HashSet<int> published, LevelMapping mapping, AccessScope scope)
    {
        var covered = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Exempt(int i) => covered.TryGetValue(rows[i].UnitCode, out var c) ? c : covered[rows[i].UnitCode] = mapping.CoveredBy(rows[i].UnitCode, scope);

        var hidden = published.Where(i => !Exempt(i)).ToHashSet();
        if (hidden.Count == published.Count)
        {
            return hidden;
        }

        var tablesOf = new Dictionary<int, List<List<int>>>();
        foreach (var table in tables)
        {
            foreach (var i in table)
            {
                if (!tablesOf.TryGetValue(i, out var list))
                {
                    tablesOf[i] = list = [];
                }

                list.Add(table);
            }
        }

        // Re-hide: the candidates are the table's exempt cells hidden for the public, so the loop ends (at worst with the public view).
        var rehidden = new List<int>();
        bool changed;
        do
        {
            changed = false;
            foreach (var table in tables)
            {
                if (table.Count(hidden.Contains) != 1)
                {
                    continue;
                }

                var next = table.Where(i => published.Contains(i) && !hidden.Contains(i))
                    .OrderBy(i => rows[i].Value > 0 ? 0 : 1).ThenBy(i => rows[i].Value).ThenBy(i => rows[i].UnitCode, StringComparer.Ordinal).FirstOrDefault(-1);
                if (next >= 0)
                {
                    hidden.Add(next);
                    rehidden.Add(next);
                    changed = true;
                }
            }
        }
        while (changed);

        // Show again every re-hidden cell whose tables all keep a number of hidden cells other than one without it.
        for (var k = rehidden.Count - 1; k >= 0; k--)
        {
            var i = rehidden[k];
            if (tablesOf[i].All(t => t.Count(hidden.Contains) != 2))
            {
                hidden.Remove(i);
            }
        }

        return hidden;
    }

    private static List<List<int>> Tables(List<QueryRow> rows, Func<string, string?> parentOf)
    {
        var tables = new List<List<int>>();

        // (a) breakdown lines: the cells that differ only in one dimension (its total is published by asking for it).
        foreach (var dimension in Dimension.All)
        {
            var lines = rows.Select((r, i) => (r, i))
                .Where(x => Get(x.r, dimension) != Dimension.Total)
                .GroupBy(x => (x.r.UnitCode, x.r.Period, Key(x.r, dimension)));
            tables.AddRange(lines.Select(g => g.Select(x => x.i).ToList()));
        }

        // (b) units within their parent: the parent's total is published at the parent level.
        var siblings = rows.Select((r, i) => (r, i))
            .GroupBy(x => (Parent: parentOf(x.r.UnitCode), x.r.Period, x.r.Sex, x.r.Age, x.r.Citizenship))
            .Where(g => g.Key.Parent is not null);
        tables.AddRange(siblings.Select(g => g.Select(x => x.i).ToList()));
        return tables;
    }

    private static string Get(QueryRow r, string dimension) => dimension switch
    {
        Dimension.Sex => r.Sex,
        Dimension.Age => r.Age,
        _ => r.Citizenship,
    };

    private static string Key(QueryRow r, string except) => except switch
    {
        Dimension.Sex => r.Age + "|" + r.Citizenship,
        Dimension.Age => r.Sex + "|" + r.Citizenship,
        _ => r.Sex + "|" + r.Age,
    };
}
