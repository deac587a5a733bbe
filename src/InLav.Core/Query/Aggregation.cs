using InLav.Core.Measures;
using InLav.Core.Territory;

namespace InLav.Core.Query;

/// <summary>
/// Sums comune-level facts to the units of a level, through the crosswalk of the level's configuration.
/// Synthetic facts are summed apart from observed ones, and an observed value replaces the synthetic value of the same cell
/// (unit, period, dimensions): real data, once loaded, take precedence over generated data with no code change.
/// A comune born after the configuration date (a later merger) cannot be split among the comuni it replaced: its value goes
/// whole to the group that holds all of them (the region always, a province or classification group when they share it);
/// the units that would need a split keep no value for it and are flagged m, and a note names the comuni concerned.
/// </summary>
public static class Aggregation
{
    private sealed class Cell
    {
        public double Sum;
        public int SourceUnits;
        public int Suppressed;
        public bool Estimated;
        public bool Partial;
        public readonly HashSet<string> Comuni = new(StringComparer.Ordinal);
        public readonly SortedSet<long> Runs = [];
    }

    /// <summary>The source codes of one period and dimension cell, with the group each went to (null: not split), and the comuni they cover.</summary>
    private sealed class Line
    {
        public readonly Dictionary<string, string?> Facts = new(StringComparer.Ordinal);
        public readonly HashSet<string> Covered = new(StringComparer.Ordinal);
    }

    public static List<QueryRow> Sum(MeasureDefinition measure, LevelMapping mapping, IReadOnlyList<StoredFact> facts, List<Note>? notes = null)
    {
        var cells = new Dictionary<(string Unit, string Period, DimensionKey Dims, bool Synthetic), Cell>();
        var native = new List<QueryRow>();
        var unsplit = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var lines = new Dictionary<(string Period, DimensionKey Dims, bool Synthetic), Line>();

        foreach (var stored in facts)
        {
            var f = stored.Fact;
            // The reader returns only the asked dimension values, so each fact's key is its cell's key.
            var dims = f.Dimensions;

            if (f.Level != NativeLevel.Comune)
            {
                // Facts published only at a higher level are shown at that level, as they are.
                if (f.Level == mapping.Level)
                {
                    var unit = mapping.Unit(f.UnitCode);
                    native.Add(new QueryRow(f.UnitCode, unit?.Name ?? f.UnitCode, f.Period, dims.Sex, dims.Age, dims.Citizenship, f.Value,
                        new Components(1, f.Value is null ? 1 : 0, 0, 0), [.. new[] { f.Flag, stored.Synthetic ? FactFlag.Synthetic : null }.OfType<string>()], [stored.RunId], stored.Synthetic));
                }

                continue;
            }

            if (!measure.Additive && mapping.Level != BuiltInLevel.Comune)
            {
                continue;
            }

            IReadOnlyList<string> covered = mapping.Crosswalk.Map(f.UnitCode) is { } current ? [current] : mapping.Crosswalk.Spread(f.UnitCode);
            var groups = covered.Select(mapping.GroupOf).OfType<TerritorialUnit>().DistinctBy(g => g.Code).ToList();
            if (groups.Count == 0)
            {
                continue;
            }

            var lineKey = (f.Period, dims, stored.Synthetic);
            if (!lines.TryGetValue(lineKey, out var line))
            {
                lines[lineKey] = line = new Line();
            }

            line.Covered.UnionWith(covered);
            if (groups.Count > 1 || covered.Any(c => mapping.GroupOf(c) is null))
            {
                // The later comune's value cannot be split: the groups it touches get no part of it (and are flagged m).
                line.Facts[f.UnitCode] = null;
                unsplit[f.UnitCode] = new SortedSet<string>(covered, StringComparer.Ordinal);
                foreach (var touched in groups)
                {
                    var k = (touched.Code, f.Period, dims, stored.Synthetic);
                    if (!cells.ContainsKey(k))
                    {
                        cells[k] = new Cell();
                    }
                }

                continue;
            }

            var group = groups[0];
            line.Facts[f.UnitCode] = group.Code;
            var key = (group.Code, f.Period, dims, stored.Synthetic);
            if (!cells.TryGetValue(key, out var cell))
            {
                cells[key] = cell = new Cell();
            }

            if (!measure.Additive && cell.SourceUnits > 0)
            {
                // A rate cannot be summed over merged comuni: leave it out rather than publish a wrong number.
                cell.Suppressed++;
            }

            cell.SourceUnits++;
            cell.Comuni.UnionWith(covered);
            cell.Runs.Add(stored.RunId);
            if (f.Value is { } v)
            {
                cell.Sum += v;
            }
            else
            {
                cell.Suppressed++;
            }

            cell.Estimated |= f.Flag == FactFlag.Estimated;
            cell.Partial |= f.Flag == FactFlag.PartiallySuppressed;
        }

        // A comune of the configuration absorbed later by another one has no figure of its own: its territory is in the figure of the
        // comune that absorbed it. The group holding both is complete; a group holding only the absorbed one misses it (flag m).
        var absorbable = mapping.Crosswalk.Comuni.Where(c => mapping.Crosswalk.Later(c.Code).Count > 0).Select(c => c.Code).ToList();
        foreach (var ((period, dims, synthetic), line) in lines)
        {
            foreach (var code in absorbable)
            {
                if (line.Covered.Contains(code) || mapping.GroupOf(code) is not { } own
                    || mapping.Crosswalk.Later(code).FirstOrDefault(line.Facts.ContainsKey) is not { } taker)
                {
                    continue;
                }

                var target = line.Facts[taker];
                if (target == own.Code && cells.TryGetValue((target, period, dims, synthetic), out var holding))
                {
                    holding.Comuni.Add(code);
                    continue;
                }

                if (!cells.ContainsKey((own.Code, period, dims, synthetic)))
                {
                    cells[(own.Code, period, dims, synthetic)] = new Cell();
                }

                if (!unsplit.TryGetValue(taker, out var pieces))
                {
                    unsplit[taker] = pieces = new SortedSet<string>(StringComparer.Ordinal);
                    if (mapping.Crosswalk.Map(taker) is { } self)
                    {
                        pieces.Add(self);
                    }
                }

                pieces.Add(code);
            }
        }

        if (unsplit.Count > 0)
        {
            notes?.Add(Note.CrosswalkUnsplit(mapping.Crosswalk.Date, [.. unsplit.Select(u => $"{u.Key} → {string.Join("+", u.Value)}")]));
        }

        // A figure the source publishes at this level takes precedence over our sum of its comuni.
        var published = native.Select(r => (r.UnitCode, r.Period, new DimensionKey(r.Sex, r.Age, r.Citizenship))).ToHashSet();
        var rows = new List<QueryRow>(cells.Count + native.Count);
        foreach (var ((unitCode, period, dims, synthetic), cell) in cells)
        {
            if (published.Contains((unitCode, period, dims)))
            {
                continue;
            }

            var members = mapping.MembersOf.GetValueOrDefault(unitCode) ?? [];
            var missing = members.Count(m => !cell.Comuni.Contains(m));
            var flags = new List<string>();
            double? value = cell.Sum;
            if (cell.SourceUnits == 0)
            {
                // Only a later comune that cannot be split touches this unit: no value of its own (flag m below).
                value = null;
            }
            else if (cell.Suppressed == cell.SourceUnits || (!measure.Additive && cell.SourceUnits > 1))
            {
                value = null;
                flags.Add(FactFlag.SuppressedAtSource);
            }
            else if (cell.Suppressed > 0 || cell.Partial)
            {
                flags.Add(FactFlag.PartiallySuppressed);
            }

            if (missing > 0)
            {
                flags.Add(FactFlag.Missing);
            }

            if (cell.Estimated)
            {
                flags.Add(FactFlag.Estimated);
            }

            if (synthetic)
            {
                // The flag carries the SYNTHETIC label to every channel that shows flags (tables, maps, CSV, profiles).
                flags.Add(FactFlag.Synthetic);
            }

            var name = mapping.Unit(unitCode)?.Name ?? unitCode;
            rows.Add(new QueryRow(unitCode, name, period, dims.Sex, dims.Age, dims.Citizenship, value,
                new Components(cell.SourceUnits, cell.Suppressed, members.Count, missing), flags, [.. cell.Runs], synthetic));
        }

        rows.AddRange(native);
        PreferObserved(rows);
        rows.Sort((a, b) => CellOrder.Compare((a.UnitCode, a.Period, a.Sex, a.Age, a.Citizenship), (b.UnitCode, b.Period, b.Sex, b.Age, b.Citizenship)));
        return rows;
    }

    /// <summary>Drops each synthetic row whose cell (unit, period, dimensions) also has an observed row.</summary>
    private static void PreferObserved(List<QueryRow> rows)
    {
        if (!rows.Any(r => r.Synthetic))
        {
            return;
        }

        var observed = rows.Where(r => !r.Synthetic).Select(r => (r.UnitCode, r.Period, r.Sex, r.Age, r.Citizenship)).ToHashSet();
        rows.RemoveAll(r => r.Synthetic && observed.Contains((r.UnitCode, r.Period, r.Sex, r.Age, r.Citizenship)));
    }
}
