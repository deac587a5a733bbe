namespace InLav.Core.Measures;

/// <summary>
/// A stored measure. Additive measures (counts, euro amounts) are summed over comuni to any level;
/// non-additive ones (rates given as rates) are shown only at their native level.
/// MinCount is the disclosure threshold of public channels: null means 3 for additive counts of people,
/// taxpayers or contracts, and none for amounts and rates; 0 switches it off.
/// </summary>
public sealed record MeasureDefinition(
    string Id,
    string TitleIt,
    string TitleEn,
    string Unit,
    bool Additive,
    string DescriptionIt,
    string DescriptionEn,
    int? MinCount = null)
{
    private static readonly string[] AmountUnits = ["euro", "%", "per 1000", "per km2", "indice", "rapporto"];

    /// <summary>The threshold in force: cells with 0 &lt; value &lt; threshold are confidential on public channels.</summary>
    public int DisclosureThreshold => MinCount ?? (Additive && !AmountUnits.Contains(Unit, StringComparer.OrdinalIgnoreCase) ? 3 : 0);
}
