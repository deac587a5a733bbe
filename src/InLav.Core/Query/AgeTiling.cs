using InLav.Core.Measures;

namespace InLav.Core.Query;

/// <summary>
/// Age as a real dimension: an asked range ("Y15-64", "Y65+") is answered as the sum of the stored bands that tile it exactly
/// (single years, or wider bands that cover it without gap or overlap), line by line (period × sex × citizenship), since
/// each line may have bands of its own (census residents: 5-year bands; census foreigners: 0-29, 30-54, 55+). A range no
/// line can tile is the query error "Age range not available", naming the bands there are.
/// </summary>
public static class AgeTiling
{
    /// <summary>
    /// Rows of a band breakdown (after aggregation) summed into one row per unit, period, sex, citizenship and asked range.
    /// Flags are combined honestly: a band blank at source makes the sum a lower bound (p), all bands blank leave no value (s),
    /// a band with no row for a unit makes the sum incomplete (m); estimated (e) and SYNTHETIC (x) are kept.
    /// </summary>
    public static List<QueryRow> Apply(string measure, List<QueryRow> bands, IReadOnlyList<(string Code, int From, int? To)> ranges, List<Note> notes)
    {
        var result = new List<QueryRow>();
        var lines = bands.Where(r => r.Age != Dimension.Total).GroupBy(r => (r.Period, r.Sex, r.Citizenship)).ToList();
        var untiled = new List<string>();
        foreach (var line in lines)
        {
            var present = line.Select(r => r.Age).Distinct(StringComparer.Ordinal).ToList();
            foreach (var (code, from, to) in ranges)
            {
                if (AgeBand.Tile(from, to, present) is not { } tiling)
                {
                    var available = string.Join(", ", AgeBand.Ordered(present));
                    untiled.Add(available);
                    notes.Add(Note.MeasureAgeNotTiled(measure, line.Key.Period, code, available));
                    continue;
                }

                var wanted = tiling.ToHashSet(StringComparer.Ordinal);
                foreach (var unit in line.Where(r => wanted.Contains(r.Age)).GroupBy(r => r.UnitCode, StringComparer.Ordinal))
                {
                    result.Add(Combine(code, [.. unit], tiling.Count));
                }
            }
        }

        if (result.Count == 0 && untiled.Count > 0)
        {
            var asked = string.Join(", ", ranges.Select(r => r.Code));
            throw new QueryException("Age range not available",
                $"The bands of measure '{measure}' cannot tile the age range {asked} in the asked periods. Bands available: {string.Join("; ", untiled.Distinct(StringComparer.Ordinal))}.");
        }

        result.Sort((a, b) => CellOrder.Compare((a.UnitCode, a.Period, a.Sex, a.Age, a.Citizenship), (b.UnitCode, b.Period, b.Sex, b.Age, b.Citizenship)));
        return result;
    }

    private static QueryRow Combine(string range, List<QueryRow> parts, int bandCount)
    {
        var first = parts[0];
        var blank = parts.Count(p => p.Value is null);
        var flags = new SortedSet<string>(parts.SelectMany(p => p.Flags), StringComparer.Ordinal);
        double? value = parts.Where(p => p.Value is not null).Sum(p => p.Value!.Value);
        if (blank == parts.Count)
        {
            value = null;
            flags.Remove(FactFlag.PartiallySuppressed);
            flags.Add(FactFlag.SuppressedAtSource);
        }
        else if (blank > 0)
        {
            flags.Remove(FactFlag.SuppressedAtSource);
            flags.Add(FactFlag.PartiallySuppressed);
        }

        if (parts.Count < bandCount)
        {
            flags.Add(FactFlag.Missing);
        }

        var components = new Components(parts.Max(p => p.Components.SourceUnits), parts.Max(p => p.Components.Suppressed),
            parts.Max(p => p.Components.ComuniInUnit), parts.Max(p => p.Components.ComuniMissing));
        var runs = parts.SelectMany(p => p.ImportRuns).Distinct().Order().ToList();
        return new QueryRow(first.UnitCode, first.UnitName, first.Period, first.Sex, range, first.Citizenship, value, components,
            [.. FactFlag.All.Where(flags.Contains)], runs, parts.Any(p => p.Synthetic));
    }
}
