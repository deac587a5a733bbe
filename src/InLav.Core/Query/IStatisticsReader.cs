using InLav.Core.Measures;
using InLav.Core.Territory;

namespace InLav.Core.Query;

/// <summary>
/// The seam between the pure core and a store engine (DuckDB, PostgreSQL): it reads what is published.
/// </summary>
public interface IStatisticsReader
{
    /// <summary>The published territorial state (cached by the store until the next publication).</summary>
    TerritorialSnapshot Snapshot();

    IReadOnlyList<MeasureDefinition> Measures();

    /// <summary>Periods with published facts for the measure, ascending.</summary>
    IReadOnlyList<string> Periods(string measure);

    /// <summary>
    /// Published facts of a measure for the given periods, keeping only the listed values of each dimension.
    /// </summary>
    IReadOnlyList<StoredFact> ReadFacts(string measure, IReadOnlyCollection<string> periods, DimensionSelection selection);
}

/// <summary>For each dimension, the values to read.</summary>
public sealed record DimensionSelection(IReadOnlyList<string> Sex, IReadOnlyList<string> Age, IReadOnlyList<string> Citizenship)
{
    public IReadOnlyList<string> Of(string dimension) => dimension switch
    {
        Dimension.Sex => Sex,
        Dimension.Age => Age,
        Dimension.Citizenship => Citizenship,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}
