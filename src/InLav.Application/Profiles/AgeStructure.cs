using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using InLav.Core.Measures;
using InLav.Core.Query;
using InLav.Core.Territory;
using InLav.Sources.Catalogue;
using InLav.Store;

namespace InLav.Application.Profiles;

/// <summary>Residents of one sex and age band (a band of the census, or a single year of age).</summary>
public sealed record PyramidBand(string Age, double? Male, double? Female, IReadOnlyList<string> Flags);

/// <summary>
/// The residents of a unit by sex and age at one date, from the sources whose rows the query service summed. OfParent is
/// true for the structure of a comune's province, shown beside the comune's own when it is more recent.
/// </summary>
public sealed record AgeStructure(TerritorialUnit Unit, string Period, IReadOnlyList<PyramidBand> Bands, IReadOnlyList<SourceDefinition> Sources, bool OfParent)
{
    /// <summary>Every band is one year of age (besides the open last one).</summary>
    public bool SingleYears => Bands.Count > 0 && Bands.All(b => b.Age.EndsWith('+') || AgeStructures.Width(b.Age) == 1);
}

/// <summary>
/// Finds the age structures of a unit through the query service, whatever source holds them: every period of the measure
/// residents with sex × age cells (citizenship total) at the unit's level. A unit shows its most recent one; a comune also
/// shows its province's when the province has a more recent one (the POSAS single ages beside the 2011 census bands). The
/// answers of each level and period are computed once per published territorial snapshot.
/// </summary>
public static class AgeStructures
{
    public const string Measure = "residents";

    /// <summary>The rows of each cached answer by unit, found once (an answer lives as long as its publication).</summary>
    private static readonly ConditionalWeakTable<QueryResult, ILookup<string, QueryRow>> ByUnit = [];

    internal static IReadOnlyList<AgeStructure> Of(Door door, Caller caller, TerritorialUnit unit, IReadOnlyList<TerritorialUnit> parents, IReadOnlyDictionary<long, SourceDefinition> sourceOfRun)
    {
        var structures = new List<AgeStructure>();
        var own = Latest(door, caller, unit, sourceOfRun, ofParent: false);
        if (own is not null)
        {
            structures.Add(own);
        }

        if (unit.Level == BuiltInLevel.Comune && parents.FirstOrDefault(p => p.Level == BuiltInLevel.Provincia) is { } province
            && Latest(door, caller, province, sourceOfRun, ofParent: true) is { } parent
            && (own is null || string.CompareOrdinal(parent.Period, own.Period) > 0))
        {
            structures.Add(parent);
        }

        return structures;
    }

    /// <summary>Periods of residents with sex × age cells at a level, newest first.</summary>
    public static IReadOnlyList<string> PeriodsAt(Door door, Caller caller, string level) =>
        [.. door.MeasurePeriods(Measure).Reverse().Where(p => Rows(door, caller, level, p).Count > 0)];

    /// <summary>"Y25-29" → 5, "Y7-7" → 1; an open band ("Y100+") or an unknown code → 0.</summary>
    public static int Width(string age)
    {
        var parts = age.TrimStart('Y').Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var from)
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var to) ? to - from + 1 : 0;
    }

    /// <summary>"Y25-29" → 25, "Y75+" → 75 (ages sort by their lower bound, not as text).</summary>
    public static int AgeStart(string age)
    {
        var digits = new string(age.SkipWhile(c => !char.IsDigit(c)).TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
    }

    private static AgeStructure? Latest(Door door, Caller caller, TerritorialUnit unit, IReadOnlyDictionary<long, SourceDefinition> sourceOfRun, bool ofParent)
    {
        foreach (var period in PeriodsAt(door, caller, unit.Level))
        {
            var rows = Rows(door, caller, unit.Level, period)[unit.Code].ToList();
            if (rows.Any(r => r.Value is not null))
            {
                var bands = rows.GroupBy(r => r.Age, StringComparer.Ordinal).OrderBy(g => AgeStart(g.Key))
                    .Select(g => new PyramidBand(g.Key, g.FirstOrDefault(r => r.Sex == SexCode.Male)?.Value, g.FirstOrDefault(r => r.Sex == SexCode.Female)?.Value,
                        [.. g.SelectMany(r => r.Flags).Distinct(StringComparer.Ordinal)]))
                    .ToList();
                var sources = rows.SelectMany(r => r.ImportRuns).Distinct().Select(sourceOfRun.GetValueOrDefault).OfType<SourceDefinition>()
                    .DistinctBy(s => s.Id).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
                return new AgeStructure(unit, period, bands, sources, ofParent);
            }
        }

        return null;
    }

    /// <summary>The male and female rows of every age cell (citizenship total) of a level and period, by unit.</summary>
    private static ILookup<string, QueryRow> Rows(Door door, Caller caller, string level, string period)
    {
        var result = door.MeasureValues(caller, Measure, new Selection { Level = level, Periods = [period], Breakdowns = [Dimension.Sex, Dimension.Age] });
        return ByUnit.GetValue(result, r => r.Rows.Where(r => r.Citizenship == Dimension.Total && r.Age != Dimension.Total && r.Sex is SexCode.Male or SexCode.Female)
            .ToLookup(r => r.UnitCode, StringComparer.Ordinal));
    }
}
