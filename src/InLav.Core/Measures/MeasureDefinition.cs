namespace InLav.Core.Measures;

/// <summary>
/// A stored measure. Additive measures (counts, euro amounts) are summed over comuni to any level;
/// non-additive ones (rates given as rates) are shown only at their native level.
/// </summary>
public sealed record MeasureDefinition(
    string Id,
    string TitleIt,
    string TitleEn,
    string Unit,
    bool Additive,
    string DescriptionIt,
    string DescriptionEn);
